"""Greedy decoding: the tutorial's loop, and a fast NumPy decoder with identical output.

Both return `Trace` objects: the output so far, the chosen token and the top-k candidates at
every step, and why decoding stopped.  Both can force a chosen token at a chosen step and
continue greedily from there.

Policy for bad input (`check_sentence`): surrounding whitespace is stripped; an empty
sentence, characters the encoder never saw (listed in the message), or a sentence longer than
the longest training sentence is refused with `InputError`.  The word-level model maps unknown
words to `<unk>` instead (that is what its vocabulary is for) and refuses only empty or
over-long input.  Batch calls refuse bad sentences one by one and translate the rest.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field

import numpy as np

from . import config, data

# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------


class InputError(ValueError):
    """A sentence the model cannot translate; the message says why, in one line."""


def _describe(ch):
    name = unicodedata.name(ch, "")
    shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
    return f"{shown} ({name.lower()})" if name and not ch.isprintable() else shown


def check_sentence(s2s, text) -> str:
    """The sentence as the model will read it, or `InputError` saying why it cannot."""
    if not isinstance(text, str):
        raise InputError(f"expected text, got {type(text).__name__}")
    text = text.strip()
    if not text:
        raise InputError("empty sentence: type an English sentence, e.g. 'Be nice.'")
    if s2s.level == "char":
        unknown = sorted({ch for ch in text if ch not in s2s.input_vocab}, key=text.index)
        if unknown:
            shown = ", ".join(_describe(ch) for ch in unknown[:10])
            more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
            raise InputError(f"characters the model never saw in training: {shown}{more}")
        length = len(text)
    else:
        length = len(data.tokenize_words(text))
    if length > s2s.max_encoder_seq_length:
        unit = "characters" if s2s.level == "char" else "words"
        raise InputError(f"too long: {length} {unit}, the model was trained on at most {s2s.max_encoder_seq_length}")
    return text


def source_ids(s2s, text):
    """Input token ids of an already checked sentence (reversed if the model was trained so)."""
    if s2s.level == "char":
        ids = [s2s.input_vocab.index[c] for c in text]
    else:
        ids = data.word_ids(data.tokenize_words(text), s2s.input_vocab)
    return ids[::-1] if s2s.reverse_source else ids


# --------------------------------------------------------------------------------------------
# Traces
# --------------------------------------------------------------------------------------------


@dataclass
class Step:
    prefix: str  # the output before this step
    token: str  # the token chosen at this step (END included)
    prob: float  # its probability
    candidates: list  # [(token, probability)], most likely first
    forced: bool = False


@dataclass
class Trace:
    source: str
    output: str = ""
    steps: list = field(default_factory=list)
    stop_reason: str = ""  # "end" (END token) or "max_length"

    def to_dict(self):
        return asdict(self)


def _end_token(s2s):
    return config.END_CHAR if s2s.level == "char" else config.END_WORD


def _start_token(s2s):
    return config.START_CHAR if s2s.level == "char" else config.START_WORD


def join_tokens(s2s, tokens) -> str:
    return "".join(tokens) if s2s.level == "char" else data.detokenize_french(tokens)


def show_token(token: str) -> str:
    """A printable label for a token: '\\n' is shown as ⏎ (END) and ' ' as ␣."""
    return {config.END_CHAR: "⏎", " ": "␣", config.START_CHAR: "⇥"}.get(token, token)


# --------------------------------------------------------------------------------------------
# The tutorial's loop
# --------------------------------------------------------------------------------------------


def decode_sequence(s2s, encoder_model, decoder_model, sentence, top_k=config.TOP_K, force=None, use_predict=False) -> Trace:
    """The tutorial's greedy loop: encode once, then one decoder call per output token.

    `use_predict=True` calls `model.predict` as the tutorial does (about 70 ms a call on this
    CPU in Keras 3); by default `predict_on_batch`, the same computation without `predict`'s
    per-call setup.  `force={step: token}` overrides the argmax at those steps.
    """
    sentence = check_sentence(s2s, sentence)
    call = (lambda m, x: m.predict(x, verbose=0)) if use_predict else (lambda m, x: m.predict_on_batch(x))
    vocab = s2s.target_vocab
    force = force or {}

    # 1. Encode the input sentence into the decoder's initial states.
    ids = source_ids(s2s, sentence)
    if s2s.level == "char":
        input_seq = np.zeros((1, s2s.max_encoder_seq_length, len(s2s.input_vocab)), dtype="float32")
        input_seq[0, np.arange(len(ids)), ids] = 1.0
    else:
        input_seq = np.zeros((1, len(ids)), dtype="int32") + np.array([ids], dtype="int32")
    states = call(encoder_model, input_seq)
    states = list(states) if isinstance(states, (list, tuple)) else [states]

    # 2. Start with the START token; feed each prediction back until END or the length limit.
    token = _start_token(s2s)
    trace, tokens = Trace(source=sentence), []
    while True:
        if s2s.level == "char":
            target_seq = np.zeros((1, 1, len(vocab)), dtype="float32")
            target_seq[0, 0, vocab.index[token]] = 1.0
        else:
            target_seq = np.array([[vocab.index[token]]], dtype="int32")
        probs, *states = call(decoder_model, [target_seq, *states])
        probs = np.asarray(probs)[0, -1]
        step = len(trace.steps)
        best = np.argsort(-probs, kind="stable")[:top_k]
        token = force[step] if step in force else vocab.tokens[int(np.argmax(probs))]
        trace.steps.append(Step(
            prefix=join_tokens(s2s, tokens), token=token, prob=float(probs[vocab.index[token]]),
            candidates=[(vocab.tokens[j], float(probs[j])) for j in best], forced=step in force,
        ))
        if token == _end_token(s2s):
            trace.stop_reason = "end"
            break
        tokens.append(token)
        if len(tokens) >= s2s.max_decoder_seq_length:
            trace.stop_reason = "max_length"
            break
    trace.output = join_tokens(s2s, tokens)
    return trace


# --------------------------------------------------------------------------------------------
# The fast decoder: the trained weights, the cell equations in NumPy, many sentences at once
# --------------------------------------------------------------------------------------------


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x_proj, h, c, recurrent_kernel, bias):
    """One LSTM step as Keras computes it; `x_proj` is the input already multiplied by the
    input kernel.  Gates in Keras's order: input i, forget f, candidate g, output o."""
    z = x_proj + h @ recurrent_kernel + bias
    i, f, g, o = np.split(z, 4, axis=-1)
    c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
    h = _sigmoid(o) * np.tanh(c)
    return h, c


def gru_step(x_proj, h, recurrent_kernel, bias):
    """One GRU step as Keras computes it (`reset_after=True`): gates update z, reset r, candidate."""
    x_z, x_r, x_h = np.split(x_proj + bias[0], 3, axis=-1)
    r_z, r_r, r_h = np.split(h @ recurrent_kernel + bias[1], 3, axis=-1)
    z = _sigmoid(x_z + r_z)
    r = _sigmoid(x_r + r_r)
    candidate = np.tanh(x_h + r * r_h)
    return z * h + (1.0 - z) * candidate


def _softmax(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class FastDecoder:
    """Greedy decoding with the trained weights in NumPy, batched over sentences.

    The input kernels are turned into lookup tables (a one-hot input times a kernel is a row of
    the kernel; an embedding times a kernel is a row of `E @ W`), so a step costs one
    `state @ recurrent_kernel` per layer and one output projection.
    """

    def __init__(self, s2s):
        self.s2s = s2s
        m = s2s.model
        self.cell = s2s.cell
        enc, dec = m.get_layer("encoder").cell, m.get_layer("decoder").cell
        dense = m.get_layer("decoder_dense")
        w = lambda v: np.asarray(v.numpy() if hasattr(v, "numpy") else v, dtype="float32")  # noqa: E731
        enc_in, dec_in = w(enc.kernel), w(dec.kernel)
        if s2s.level == "word":
            enc_in = w(m.get_layer("encoder_embedding").embeddings) @ enc_in
            dec_in = w(m.get_layer("decoder_embedding").embeddings) @ dec_in
        pad = np.zeros((1, enc_in.shape[1]), dtype="float32")
        self.enc_table = np.vstack([enc_in, pad])  # last row: the all-zero padding input
        self.dec_table = dec_in
        self.enc_recurrent, self.dec_recurrent = w(enc.recurrent_kernel), w(dec.recurrent_kernel)
        self.enc_bias, self.dec_bias = w(enc.bias), w(dec.bias)
        self.dense_kernel, self.dense_bias = w(dense.kernel), w(dense.bias)
        self.units = dec.units

    def _step(self, x_proj, states, recurrent, bias):
        if self.cell == "lstm":
            return list(lstm_step(x_proj, *states, recurrent, bias))
        return [gru_step(x_proj, states[0], recurrent, bias)]

    def encode(self, id_lists):
        """Final encoder states for a batch of token-id lists."""
        s2s, n = self.s2s, len(id_lists)
        lengths = np.array([len(x) for x in id_lists])
        # The tutorial's model reads the zero padding up to the longest training sentence;
        # a masked encoder stops at each sentence's end.  Longest sentences first, so that at
        # step t the sentences still reading are the first k rows.
        order = np.argsort(-lengths, kind="stable")
        steps = s2s.max_encoder_seq_length if not s2s.mask_encoder else int(lengths.max())
        ids = np.full((n, steps), len(self.enc_table) - 1)  # last table row: zero padding
        for row, i in enumerate(order):
            ids[row, : lengths[i]] = id_lists[i]
        states = [np.zeros((n, self.units), "float32") for _ in range(2 if self.cell == "lstm" else 1)]
        for t in range(steps):
            k = int((lengths[order] > t).sum()) if s2s.mask_encoder else n
            new = self._step(self.enc_table[ids[:k, t]], [st[:k] for st in states], self.enc_recurrent, self.enc_bias)
            for st, value in zip(states, new):
                st[:k] = value
        back = np.empty(n, dtype=int)
        back[order] = np.arange(n)
        return [st[back] for st in states]

    def decode(self, sentences, trace=False, top_k=config.TOP_K, force=None, temperature=None, seed=None):
        """Decode checked sentences together.  Returns `Trace`s (steps filled if `trace`).

        `force={step: token}` overrides the choice at those steps (for every sentence);
        `temperature` samples from softmax(logits / temperature) with `seed` instead of argmax.
        """
        s2s, vocab = self.s2s, self.s2s.target_vocab
        force = force or {}
        for step, token in force.items():
            if token not in vocab:
                raise InputError(f"cannot force {token!r} at step {step}: not in the model's output vocabulary")
        rng = np.random.default_rng(seed) if temperature else None
        n, max_len = len(sentences), s2s.max_decoder_seq_length
        states = self.encode([source_ids(s2s, s) for s in sentences])
        end_id = vocab.index[_end_token(s2s)]
        chosen = np.full((n, max_len + 1), -1)  # token ids chosen at each step
        lengths = np.zeros(n, dtype=int)  # output tokens before END
        stops = np.array(["max_length"] * n, dtype=object)
        traces = [Trace(source=s) for s in sentences]
        alive = np.arange(n)  # sentences still decoding; finished ones leave the batch
        token_ids = np.full(n, vocab.index[_start_token(s2s)])
        for step in range(max_len):
            states = self._step(self.dec_table[token_ids], states, self.dec_recurrent, self.dec_bias)
            logits = states[0] @ self.dense_kernel + self.dense_bias
            probs = _softmax(logits)
            if step in force:
                choice = np.full(len(alive), vocab.index[force[step]])
            elif temperature:
                p = _softmax(logits / temperature).astype("float64")
                p /= p.sum(axis=1, keepdims=True)
                choice = np.array([rng.choice(len(vocab), p=row) for row in p])
            else:
                choice = probs.argmax(axis=1)
            if trace:
                self._record(traces, alive, chosen, step, choice, probs, top_k, step in force)
            chosen[alive, step] = choice
            ended = choice == end_id
            stops[alive[ended]] = "end"
            lengths[alive[~ended]] += 1
            keep = ~ended
            alive, token_ids = alive[keep], choice[keep]
            states = [st[keep] for st in states]
            if not len(alive):
                break
        for i, tr in enumerate(traces):
            tr.output = join_tokens(s2s, [vocab.tokens[j] for j in chosen[i, : lengths[i]]])
            tr.stop_reason = stops[i]
        return traces

    def _record(self, traces, alive, chosen, step, choice, probs, top_k, forced):
        """Append this step's `Step` to the trace of every sentence still decoding."""
        vocab = self.s2s.target_vocab
        best = np.argsort(-probs, axis=1, kind="stable")[:, :top_k]
        for row, i in enumerate(alive):
            traces[i].steps.append(Step(
                prefix=join_tokens(self.s2s, [vocab.tokens[j] for j in chosen[i, :step]]),
                token=vocab.tokens[choice[row]], prob=float(probs[row, choice[row]]),
                candidates=[(vocab.tokens[j], float(probs[row, j])) for j in best[row]],
                forced=forced,
            ))


# --------------------------------------------------------------------------------------------
# What the CLI, the widgets and the chapters call
# --------------------------------------------------------------------------------------------


class Translator:
    """A loaded checkpoint with its fast decoder: `translate`, `trace`, and bad-input checks."""

    def __init__(self, s2s):
        self.s2s = s2s
        if getattr(s2s, "architecture", "seq2seq") == "attention":
            from .attention import GreedyDecoder

            self.fast = GreedyDecoder(s2s)  # the Keras reference until the NumPy attention step exists
        else:
            self.fast = FastDecoder(s2s)

    def translate(self, sentences):
        """One result per sentence, in order: the translation, or the `InputError` refusing it."""
        results, good, where = [], [], []
        for i, s in enumerate(sentences):
            try:
                good.append(check_sentence(self.s2s, s))
                where.append(i)
                results.append(None)
            except InputError as e:
                results.append(e)
        for i, tr in zip(where, self.fast.decode(good) if good else []):
            results[i] = tr.output
        return results

    def trace(self, sentence, top_k=config.TOP_K, force=None, temperature=None, seed=None) -> Trace:
        """The step-by-step trace of one sentence (raises `InputError` for bad input)."""
        sentence = check_sentence(self.s2s, sentence)
        return self.fast.decode([sentence], trace=True, top_k=top_k, force=force, temperature=temperature, seed=seed)[0]
