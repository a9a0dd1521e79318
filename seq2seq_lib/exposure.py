"""Chapter 6's measurements: what a decoder does with true inputs, with one wrong input, and
with another sentence's encoding.

Every character model of chapters 2-6 (teacher-forced or unrolled, whatever it fed back in
training) has the layers `encoder`, `decoder` and `decoder_dense`, so the tutorial's inference
models (`models.build_inference_models`) run any of them on decoder inputs we choose:

`measure` returns three things:

* the cross-entropy by position: -log p(true character) at each target position, the decoder
  reading the true previous characters: the standard picture of where a model is unsure;
* after one mistake: the same, after one input character is replaced by the model's own most
  likely *wrong* guess at that position.  The rest of the input stays true, so every position
  still lines up with the reference; the extra cross-entropy d characters later says how much
  one mistake of its own kind costs what follows (exposure bias, measured);
* with another sentence's encoding: the cross-entropy when the encoder read another sentence
  of the set: how much a model's predictions depend on its source at all.

`unrolled_outputs`: greedy outputs of an unrolled model as it was trained (chapter 6's post
  model feeds back its whole softmax output, not a one-hot choice).
"""

from __future__ import annotations

import numpy as np

from . import config, data
from .metrics import _inference_probabilities, usable_pairs

BATCH = 256


def _arrays(s2s, pairs):
    """One-hot inputs, true target ids, target lengths (the French and END) and the mask of
    real target positions, for the pairs the model can read."""
    d = data.prepare_char_data(usable_pairs(s2s, pairs), s2s.input_vocab, s2s.target_vocab, s2s.reverse_source)
    lengths = np.array([len(t) - 1 for t in d.target_texts])
    real = np.arange(d.decoder_target_data.shape[1])[None, :] < lengths[:, None]
    return d.encoder_input_data, d.decoder_input_data, d.decoder_target_data.argmax(-1), lengths, real


def probabilities(s2s, enc, dec_in, inference=None):
    """Next-character probabilities (sentences, steps, vocabulary) for the given one-hot inputs,
    through the tutorial's inference models (`inference`: `metrics._inference_probabilities(s2s)`,
    to build them once for several calls)."""
    inference = inference or _inference_probabilities(s2s)
    return np.concatenate([inference((enc[i : i + BATCH], dec_in[i : i + BATCH])) for i in range(0, len(enc), BATCH)])


def _nll(p, true):
    return -np.log(np.maximum(np.take_along_axis(p, true[..., None], axis=-1)[..., 0], 1e-12))


def _by_position(nll, real):
    """(mean over sentences that reach position t, their count) for every position t."""
    counts = real.sum(0)
    means = np.where(counts > 0, (nll * real).sum(0) / np.maximum(counts, 1), np.nan)
    return means, counts


def measure(s2s, pairs, positions=(1, 4, 7), horizon=8, shift=1) -> dict:
    """The three measurements of chapter 6 on `pairs` (those the model's vocabularies can read).

    * "by_position", "count", "mean": -log p(true character) reading the true previous
      characters, by target position (French + END; the mean over the sentences that reach
      it, and how many do) and over all real positions (the model cards' masked cross-entropy).
    * "after_mistake": for each k in `positions` and each sentence long enough, the input
      after target position k is replaced by the character the model itself ranks first
      among the wrong ones there; "extra"[d-1] is the mean extra -log p of the true character
      d = 1..horizon positions later, "truth"[d-1] the mean there without the mistake,
      "cases"[d-1] how many (sentence, k) each mean is over.
    * "shuffled": the mean -log p reading the truth when the encoder read the sentence `shift`
      places further in the set instead of its own ("own" is "mean").
    """
    enc, dec_in, true, lengths, real = _arrays(s2s, pairs)
    inference = _inference_probabilities(s2s)
    p = probabilities(s2s, enc, dec_in, inference)
    nll = _nll(p, true)
    means, counts = _by_position(nll, real)

    extra, base, cases = np.zeros(horizon), np.zeros(horizon), np.zeros(horizon, dtype=int)
    rows = np.arange(len(enc))
    for k in positions:
        chosen = rows[lengths > k + 1]
        if not len(chosen):
            continue
        guesses = p[chosen, k].copy()
        guesses[np.arange(len(chosen)), true[chosen, k]] = -1.0  # the truth is not a mistake
        wrong = guesses.argmax(-1)
        wrong_in = dec_in[chosen].copy()
        wrong_in[:, k + 1] = 0.0
        wrong_in[np.arange(len(chosen)), k + 1, wrong] = 1.0
        nll_wrong = _nll(probabilities(s2s, enc[chosen], wrong_in, inference), true[chosen])
        for d in range(1, horizon + 1):
            reach = lengths[chosen] > k + d
            extra[d - 1] += (nll_wrong[reach, k + d] - nll[chosen[reach], k + d]).sum()
            base[d - 1] += nll[chosen[reach], k + d].sum()
            cases[d - 1] += int(reach.sum())
    safe = np.maximum(cases, 1)

    other = _nll(probabilities(s2s, np.roll(enc, -shift, axis=0), dec_in, inference), true)[real].mean()
    return {
        "sentences": len(enc),
        "mean": float(nll[real].mean()),
        "by_position": means.tolist(),
        "count": counts.tolist(),
        "after_mistake": {"positions": list(positions), "extra": (extra / safe).tolist(),
                          "truth": (base / safe).tolist(), "cases": cases.tolist()},
        "shuffled": float(other),
    }


def position_baseline(s2s, pairs) -> float:
    """Mean -log p(true character) of a "model" that knows only the position: at each target
    position, the frequencies of the characters at that position in these same `pairs` (fitted
    on them, so a lower bound for anything that ignores both the source and the prefix)."""
    _, _, true, _, real = _arrays(s2s, pairs)
    total = 0.0
    for t in range(true.shape[1]):
        chars = true[real[:, t], t]
        if len(chars):
            freq = np.bincount(chars) / len(chars)
            total += float(-np.log(freq[chars]).sum())
    return total / real.sum()


def end_probability(s2s, pairs) -> dict:
    """Does the model know when to stop?  Reading the true previous characters, the probability
    it gives the END token at each sentence's true last position ("mean"), and the share of
    sentences where END is its most probable choice there ("top") — greedy decoding stops only then."""
    enc, dec_in, _, lengths, _ = _arrays(s2s, pairs)
    p = probabilities(s2s, enc, dec_in)[np.arange(len(enc)), lengths - 1]
    end = s2s.target_vocab.index[config.END_CHAR]
    return {"mean": float(p[:, end].mean()), "top": float((p.argmax(-1) == end).mean()), "sentences": len(enc)}


def unrolled_outputs(s2s, sentences) -> list:
    """Greedy outputs of an unrolled model (`models.build_free_running_model`) run as trained:
    the whole graph, START at the first step, then whatever it feeds back (its softmax output
    or its one-hot argmax).  Each output is the argmax at every step, up to END."""
    if s2s.info.get("decoder", "teacher") == "teacher":
        raise ValueError("not an unrolled model: decode a teacher-forced one with decoding.Translator")
    vocab = s2s.target_vocab
    enc = data.one_hot_sources(sentences, s2s.input_vocab, s2s.max_encoder_seq_length, s2s.reverse_source)
    dec_in = np.zeros((len(sentences), s2s.max_decoder_seq_length, len(vocab)), dtype="float32")
    dec_in[:, 0, vocab.index[config.START_CHAR]] = 1.0
    ids = np.asarray(s2s.model.predict([enc, dec_in], verbose=0, batch_size=BATCH)).argmax(-1)
    outputs = []
    for row in ids:
        text = "".join(vocab.tokens[i] for i in row)
        outputs.append(text.split(config.END_CHAR)[0])
    return outputs
