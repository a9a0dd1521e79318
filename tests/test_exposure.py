"""Chapter 6's measurements (seq2seq_lib/exposure.py)."""

import numpy as np
import pytest

from seq2seq_lib import checkpoints, data, decoding, examples, exposure, metrics, models

PAIRS = data.load_pairs("bundled", num_samples=None)[:120]


@pytest.fixture(scope="module")
def teacher():
    return checkpoints.load(checkpoints.CHECKPOINT_DIR / "char_lstm.keras")


@pytest.fixture(scope="module")
def measured(teacher):
    return exposure.measure(teacher, PAIRS)


def test_mean_is_the_model_cards_masked_cross_entropy(teacher, measured):
    usable = metrics.usable_pairs(teacher, PAIRS)
    assert measured["sentences"] == len(usable)
    assert measured["mean"] == pytest.approx(metrics.masked_cross_entropy(teacher, usable), abs=1e-4)
    by, count = np.array(measured["by_position"]), np.array(measured["count"])
    seen = count > 0
    assert (by[seen] * count[seen]).sum() / count.sum() == pytest.approx(measured["mean"], abs=1e-4)
    assert count[0] == len(usable)  # every target has at least END at position 0
    assert all(a >= b for a, b in zip(count, count[1:]))


def test_a_mistake_costs_a_teacher_forced_model_and_so_does_another_source(measured):
    after = measured["after_mistake"]
    assert after["extra"][0] > 0.5  # the character right after a wrong one is much less sure
    assert after["cases"][0] >= after["cases"][-1] > 0
    assert measured["shuffled"] > measured["mean"] + 0.1


def _input_blind(teacher):
    """The same model with the decoder's input weights zeroed: it cannot see its inputs."""
    model = models.build_lstm_model(len(teacher.input_vocab), len(teacher.target_vocab), 256, mask_encoder=True)
    model.set_weights(teacher.model.get_weights())
    kernel, recurrent, bias = model.get_layer("decoder").get_weights()
    model.get_layer("decoder").set_weights([np.zeros_like(kernel), recurrent, bias])
    return checkpoints.Seq2Seq(model, "char", teacher.input_vocab, teacher.target_vocab, teacher.max_encoder_seq_length,
                               teacher.max_decoder_seq_length, mask_encoder=True, info={})


def test_a_model_blind_to_its_inputs_pays_nothing_for_a_mistake(teacher):
    after = exposure.measure(_input_blind(teacher), PAIRS)["after_mistake"]
    assert max(abs(x) for x in after["extra"]) < 1e-5


def test_position_baseline_is_what_position_frequencies_give(teacher):
    pairs = [("Hi.", "Ab"), ("Go.", "Ab"), ("Run.", "Cb"), ("Wow!", "Cd")]
    # targets (French + END): Ab⏎ Ab⏎ Cb⏎ Cd⏎ -> position 0: A,A,C,C; 1: b,b,b,d; 2: ⏎ x4
    want = (4 * np.log(2) + 3 * -np.log(0.75) + -np.log(0.25) * 1 + 0) / 12
    fake = type("S", (), {})()
    fake.level, fake.reverse_source = "char", False
    fake.input_vocab, fake.target_vocab = data.char_vocabs(pairs)
    fake.max_encoder_seq_length = 10
    assert exposure.position_baseline(fake, pairs) == pytest.approx(want)
    assert exposure.position_baseline(teacher, PAIRS) < np.log(len(teacher.target_vocab))


def test_end_probability(teacher):
    end = exposure.end_probability(teacher, PAIRS)
    assert end["sentences"] == len(metrics.usable_pairs(teacher, PAIRS))
    assert 0.9 < end["mean"] <= 1 and end["top"] > 0.9  # char_lstm knows where its sentences end
    blind = exposure.end_probability(_input_blind(teacher), PAIRS)
    assert blind["mean"] < end["mean"]


def test_unrolled_argmax_model_decodes_as_greedy_decoding():
    free = checkpoints.load(checkpoints.CHECKPOINT_DIR / "char_lstm_free.keras")
    greedy = decoding.Translator(free).translate(examples.SENTENCES)
    assert exposure.unrolled_outputs(free, examples.SENTENCES) == [g for g in greedy]


def test_unrolled_outputs_refuse_a_teacher_forced_model(teacher):
    with pytest.raises(ValueError, match="not an unrolled model"):
        exposure.unrolled_outputs(teacher, ["Hi."])


def test_softmax_feedback_model_reads_its_whole_output():
    model = models.build_free_running_model(5, 6, 4, 8, feedback="softmax")
    names = {layer.__class__.__name__ for layer in model.layers}
    assert "GreedyFeedback" not in names and "Lambda" not in names
    assert len(model.get_layer("decoder")._inbound_nodes) == 4
    with pytest.raises(ValueError):
        models.build_free_running_model(5, 6, 4, 8, teacher_prob=0.5, feedback="softmax")
