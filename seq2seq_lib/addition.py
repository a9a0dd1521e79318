"""Chapter 1: column addition, the "trivial case" where input and output have the same length.

A sum is written as columns, one time step per column: step `t` holds the `t`-th digit of `a`
and of `b` (the input, two one-hot digits side by side) and the `t`-th digit of `a + b` (the
target).  Both numbers get one leading zero so the final carry has a column of its own:
with 3-digit numbers every sequence is 4 steps long, input and output alike.

The order of the columns decides what a per-step model can do:

* least significant digit first (`lsb_first=True`, how we add by hand): the carry into column
  `t` comes from columns already read, so `target[t]` depends only on `input[:t+1]`;
* most significant digit first: the carry into column `t` comes from columns *after* `t`, so
  a model that must answer at step `t` has not seen what it needs.

`build_per_step_model` answers at every step as it reads (an RNN with `return_sequences`);
`build_encoder_decoder` reads the whole input first and only then writes the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import keras
import numpy as np
from keras import layers

NUM_DIGITS = 10  # one-hot size of one decimal digit


@dataclass
class AdditionData:
    """Column-encoded sums.  `x`: (n, steps, 20) two one-hot digits; `y`: (n, steps) digits."""

    a: np.ndarray  # (n,) first operands
    b: np.ndarray  # (n,) second operands
    x: np.ndarray  # (n, steps, 2 * NUM_DIGITS) float32
    y: np.ndarray  # (n, steps) int32, the digits of a + b in column order
    n_digits: int
    lsb_first: bool

    @property
    def steps(self) -> int:
        return self.n_digits + 1


def digits(numbers, width: int, lsb_first: bool) -> np.ndarray:
    """Decimal digits of each number, zero-padded to `width`: shape (len(numbers), width).

    `digits([472], 4, lsb_first=False)` → [[0, 4, 7, 2]]; with `lsb_first=True` → [[2, 7, 4, 0]].
    """
    numbers = np.asarray(numbers, dtype="int64")
    if (numbers < 0).any() or (numbers >= 10**width).any():
        raise ValueError(f"numbers must be in [0, {10**width}) to fit {width} digits")
    powers = 10 ** np.arange(width)  # 1, 10, 100, ...: least significant first
    out = (numbers[:, None] // powers[None, :]) % 10
    return (out if lsb_first else out[:, ::-1]).astype("int32")


def from_digits(digit_rows, lsb_first: bool) -> np.ndarray:
    """Inverse of `digits`: rows of digits → integers."""
    d = np.asarray(digit_rows, dtype="int64")
    if not lsb_first:
        d = d[:, ::-1]
    return (d * 10 ** np.arange(d.shape[1])[None, :]).sum(axis=1)


def encode(a, b, n_digits: int, lsb_first: bool) -> AdditionData:
    """Column encoding of the sums `a + b` (see the module docstring)."""
    a, b = np.asarray(a, dtype="int64"), np.asarray(b, dtype="int64")
    width = n_digits + 1
    da, db = digits(a, width, lsb_first), digits(b, width, lsb_first)
    eye = np.eye(NUM_DIGITS, dtype="float32")
    x = np.concatenate([eye[da], eye[db]], axis=-1)
    y = digits(a + b, width, lsb_first)
    return AdditionData(a, b, x, y, n_digits, lsb_first)


def make_sums(n: int, n_digits: int = 3, seed: int = 0, exclude=None):
    """`n` distinct random pairs (a, b) with at most `n_digits` digits each.

    `exclude` is another (a, b) pair of arrays whose pairs must not appear: pass the training
    pairs when drawing held-out ones, so the test set holds only sums the model never saw.
    """
    rng = np.random.default_rng(seed)
    high = 10**n_digits
    if n > high * high - (0 if exclude is None else len(exclude[0])):
        raise ValueError(f"cannot draw {n} distinct pairs of {n_digits}-digit numbers")
    taken = set() if exclude is None else set(zip(map(int, exclude[0]), map(int, exclude[1])))
    a, b = [], []
    seen = set(taken)
    while len(a) < n:
        for x, y in rng.integers(0, high, size=(2 * (n - len(a)) + 8, 2)):
            pair = (int(x), int(y))
            if pair not in seen:
                seen.add(pair)
                a.append(pair[0])
                b.append(pair[1])
                if len(a) == n:
                    break
    return np.array(a), np.array(b)


def carries(data: AdditionData) -> np.ndarray:
    """The carry coming *into* each column, in the data's column order: shape (n, steps)."""
    width = data.steps
    da = digits(data.a, width, lsb_first=True)
    db = digits(data.b, width, lsb_first=True)
    carry = np.zeros_like(da)
    for t in range(1, width):  # the carry into column t comes out of column t - 1 (units first)
        carry[:, t] = (da[:, t - 1] + db[:, t - 1] + carry[:, t - 1]) // 10
    return carry if data.lsb_first else carry[:, ::-1]


def column_view(data: AdditionData, i: int) -> str:
    """Example `i` as the model sees it, one column per step, e.g. 472 + 389 units first:

        step        0  1  2  3
        a digit     2  7  4  0
        b digit     9  8  3  0
        carry in    0  1  1  0
        target      1  6  8  0
    """
    da = data.x[i, :, :NUM_DIGITS].argmax(-1)
    db = data.x[i, :, NUM_DIGITS:].argmax(-1)
    rows = [("step", range(data.steps)), ("a digit", da), ("b digit", db), ("carry in", carries(data)[i]), ("target", data.y[i])]
    return "\n".join(f"{name:<10}" + "".join(f"{int(v):>3}" for v in vals) for name, vals in rows)


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------


def build_per_step_model(steps: int, units: int = 64, cell: str = "lstm") -> keras.Model:
    """Reads one column per step and answers at that same step: output `t` sees input[:t+1]."""
    rnn = {"lstm": layers.LSTM, "gru": layers.GRU, "simple": layers.SimpleRNN}[cell]
    inputs = keras.Input(shape=(steps, 2 * NUM_DIGITS), name="columns")
    h = rnn(units, return_sequences=True, name="rnn")(inputs)  # one output per step
    outputs = layers.Dense(NUM_DIGITS, activation="softmax", name="digit")(h)  # applied at every step
    return keras.Model(inputs, outputs, name="per_step")


@keras.saving.register_keras_serializable(package="seq2seq_lib")
class StepIndex(layers.Layer):
    """One-hot step numbers (batch, steps, steps), the same for every example."""

    def __init__(self, steps, **kwargs):
        super().__init__(**kwargs)
        self.steps = steps

    def call(self, x):
        eye = keras.ops.eye(self.steps, dtype=x.dtype)
        return keras.ops.broadcast_to(eye[None], (keras.ops.shape(x)[0], self.steps, self.steps))

    def get_config(self):
        return {**super().get_config(), "steps": self.steps}


def build_encoder_decoder(steps: int, units: int = 128) -> keras.Model:
    """Reads every column first, then writes the answer from the encoder's final state.

    The same wiring as chapter 2 (`return_state` → `initial_state`); the decoder's input at
    step `t` is just the one-hot step number, so the answer can only come from the state.
    """
    inputs = keras.Input(shape=(steps, 2 * NUM_DIGITS), name="columns")
    _, h, c = layers.LSTM(units, return_state=True, name="encoder")(inputs)
    positions = StepIndex(steps, name="step_index")(inputs)
    d = layers.LSTM(units, return_sequences=True, name="decoder")(positions, initial_state=[h, c])
    outputs = layers.Dense(NUM_DIGITS, activation="softmax", name="digit")(d)
    return keras.Model(inputs, outputs, name="encoder_decoder")


# --------------------------------------------------------------------------------------------
# Training and scoring
# --------------------------------------------------------------------------------------------


def fit(model: keras.Model, data: AdditionData, epochs: int, batch_size: int = 64, learning_rate: float = 5e-3, seed: int = 0, verbose=0):
    """Adam on per-digit cross-entropy; returns the Keras history dict."""
    keras.utils.set_random_seed(seed)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
    history = model.fit(data.x, data.y, epochs=epochs, batch_size=batch_size, verbose=verbose)
    return history.history


def predict_digits(model: keras.Model, data: AdditionData, batch_size: int = 1024) -> np.ndarray:
    """Most likely digit at every step.  (A direct call, not `model.predict`: no progress bar
    and no retracing warnings when a notebook scores several fresh models.)"""
    out = [
        keras.ops.convert_to_numpy(model(data.x[i : i + batch_size], training=False)).argmax(-1)
        for i in range(0, len(data.x), batch_size)
    ]
    return np.concatenate(out).astype("int32")


def accuracy(model: keras.Model, data: AdditionData) -> dict:
    """Share of sums entirely right (`sequence`) and of single digits right (`digit`), and the
    digit accuracy per step (in the data's column order)."""
    pred = predict_digits(model, data)
    right = pred == data.y
    return {
        "sequence": float(right.all(axis=1).mean()),
        "digit": float(right.mean()),
        "per_step": [float(v) for v in right.mean(axis=0)],
    }
