"""Decoding a checkpoint: the tutorial's loop, and the fast batched decoder the library uses.

* `decode_sequence` is the tutorial's greedy loop over Keras's inference models, kept as the
  readable reference that the tests compare the fast decoder against.
* `Translator` checks sentences (`sentences.check_sentence`) and decodes them with the model's
  NumPy step core (`cells.core_for`) and the searches of `search.py`.

Both return `Trace` objects: the output so far, the chosen token and the top-k candidates at
every step, and why decoding stopped.  Both can force a chosen token at a chosen step and
continue greedily from there.  Batch calls refuse bad sentences one by one and translate the
rest.  The names below are re-exported so that `decoding.X` keeps working in the chapters.
"""

from __future__ import annotations

import numpy as np

from . import beam, config, search
from .cells import RecurrentCore, core_for, gru_step, lstm_step  # noqa: F401
from .config import end_token, start_token
from .search import Step, Trace  # noqa: F401
from .sentences import InputError, check_sentence, describe, join_tokens, show_token, source_ids  # noqa: F401

# The NumPy decoder of the tutorial's models, under the name the chapters use.
FastDecoder = RecurrentCore

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
    token = start_token(s2s.level)
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
            prefix=join_tokens(s2s.level, tokens), token=token, prob=float(probs[vocab.index[token]]),
            candidates=[(vocab.tokens[j], float(probs[j])) for j in best], forced=step in force,
        ))
        if token == end_token(s2s.level):
            trace.stop_reason = "end"
            break
        tokens.append(token)
        if len(tokens) >= s2s.max_decoder_seq_length:
            trace.stop_reason = "max_length"
            break
    trace.output = join_tokens(s2s.level, tokens)
    return trace


# --------------------------------------------------------------------------------------------
# What the CLI, the widgets and the chapters call
# --------------------------------------------------------------------------------------------


class Translator:
    """A loaded checkpoint with its fast decoder: `translate`, `trace`, and bad-input checks."""

    def __init__(self, s2s):
        self.s2s = s2s
        self.core = core_for(s2s)

    def translate(self, sentences, beam_size=1, alpha=0.0, n_best=1):
        """One result per sentence, in order: the translation, or the `InputError` refusing it.

        `beam_size` > 1 decodes with beam search (`beam.py`; 1 is greedy decoding, the same
        outputs); `n_best` > 1 returns each sentence's best `n_best` `beam.Hypothesis`es instead."""
        beam.check_options(beam_size, alpha)
        if n_best < 1 or n_best > beam_size:
            raise ValueError(f"n_best must be between 1 and the beam size ({beam_size}), got {n_best}")
        results, good, where = [], [], []
        for i, s in enumerate(sentences):
            try:
                good.append(check_sentence(self.s2s, s))
                where.append(i)
                results.append(None)
            except InputError as e:
                results.append(e)
        if not good:
            return results
        if beam_size == 1:
            outputs = [tr.output for tr in search.decode(self.core, good)]
        else:
            found = beam.beam_search(self.core, good, beam_size=beam_size, alpha=alpha)
            outputs = [r.nbest[:n_best] if n_best > 1 else r.output for r in found]
        for i, out in zip(where, outputs):
            results[i] = out
        return results

    def beam(self, sentence, beam_size=5, alpha=0.0, force=None, trace=True):
        """The beam search of one sentence, with every node looked at (raises `InputError`)."""
        sentence = check_sentence(self.s2s, sentence)
        return beam.beam_search(self.core, [sentence], beam_size=beam_size, alpha=alpha, force=force, trace=trace)[0]

    def trace(self, sentence, top_k=config.TOP_K, force=None, temperature=None, seed=None) -> Trace:
        """The step-by-step trace of one sentence (raises `InputError` for bad input)."""
        sentence = check_sentence(self.s2s, sentence)
        return search.decode(self.core, [sentence], trace=True, top_k=top_k, force=force, temperature=temperature, seed=seed)[0]
