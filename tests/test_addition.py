"""Chapter 1's column addition: the data is right, the models have the right shapes, and the
per-step model learns the carry only when it flows forward."""

import numpy as np
import pytest

from seq2seq_lib import addition


def test_digits_round_trip():
    n = np.array([0, 7, 472, 999, 1998])
    for lsb in (True, False):
        d = addition.digits(n, 4, lsb)
        assert d.shape == (5, 4)
        assert (addition.from_digits(d, lsb) == n).all()
    assert addition.digits([472], 4, lsb_first=False).tolist() == [[0, 4, 7, 2]]
    assert addition.digits([472], 4, lsb_first=True).tolist() == [[2, 7, 4, 0]]
    with pytest.raises(ValueError):
        addition.digits([10000], 4, lsb_first=True)


@pytest.mark.parametrize("lsb_first", [True, False])
def test_encode_is_the_sum(lsb_first):
    a, b = addition.make_sums(500, n_digits=3, seed=3)
    d = addition.encode(a, b, 3, lsb_first)
    assert d.x.shape == (500, 4, 20) and d.x.dtype == np.float32
    assert d.y.shape == (500, 4)
    # every step holds exactly one digit of a and one of b
    assert (d.x[:, :, :10].sum(-1) == 1).all() and (d.x[:, :, 10:].sum(-1) == 1).all()
    got_a = addition.from_digits(d.x[:, :, :10].argmax(-1), lsb_first)
    got_b = addition.from_digits(d.x[:, :, 10:].argmax(-1), lsb_first)
    assert (got_a == a).all() and (got_b == b).all()
    assert (addition.from_digits(d.y, lsb_first) == a + b).all()


def test_column_order_reverses():
    lsb = addition.encode([472], [389], 3, True)
    msb = addition.encode([472], [389], 3, False)
    assert (lsb.y[0] == msb.y[0][::-1]).all()
    assert msb.y[0].tolist() == [0, 8, 6, 1]  # 472 + 389 = 861
    assert "target" in addition.column_view(msb, 0)


def test_make_sums_distinct_and_excluding():
    train = addition.make_sums(2000, n_digits=2, seed=0)
    test = addition.make_sums(300, n_digits=2, seed=1, exclude=train)
    tr = set(zip(*map(list, train)))
    te = set(zip(*map(list, test)))
    assert len(tr) == 2000 and len(te) == 300 and not tr & te
    assert max(train[0]) < 100 and min(train[0]) >= 0
    with pytest.raises(ValueError):
        addition.make_sums(101, n_digits=1)


def test_model_shapes():
    x = addition.encode([1, 2], [3, 4], 3, True).x
    for model in (addition.build_per_step_model(4, 8), addition.build_encoder_decoder(4, 8)):
        assert tuple(model(x).shape) == (2, 4, 10)


def test_per_step_model_needs_the_carry_to_flow_forward():
    """Same model, same budget: the least-significant-first task is learned, the other is not."""
    train = addition.make_sums(3000, n_digits=3, seed=0)
    test = addition.make_sums(500, n_digits=3, seed=1, exclude=train)
    acc = {}
    for lsb in (True, False):
        model = addition.build_per_step_model(4, 64)
        addition.fit(model, addition.encode(*train, 3, lsb), epochs=8, batch_size=64, learning_rate=1e-2)
        acc[lsb] = addition.accuracy(model, addition.encode(*test, 3, lsb))
    assert acc[True]["sequence"] > 0.9, acc
    assert acc[False]["sequence"] < 0.5, acc
    # most significant first, the units column (the last step) has no carry coming in: learnable
    assert acc[False]["per_step"][-1] > 0.9, acc


@pytest.mark.parametrize("lsb_first", [True, False])
def test_carries_explain_every_target_digit(lsb_first):
    d = addition.encode(*addition.make_sums(300, n_digits=3, seed=5), 3, lsb_first)
    carry = addition.carries(d)
    da, db = d.x[:, :, :10].argmax(-1), d.x[:, :, 10:].argmax(-1)
    assert ((da + db + carry) % 10 == d.y).all()
    first = 0 if lsb_first else -1  # nothing carries into the units column
    assert (carry[:, first] == 0).all()
