"""Held-out quality, computed the same way for every model.

* `masked_ce`: cross-entropy per French character (or word) with the true previous tokens fed
  in (teacher forcing), averaged over real target positions only.  The tutorial's `val_loss`
  also averages over the padding, so it shrinks when batches are padded more; this does not.
* For greedy translations of each distinct English sentence: corpus chrF and BLEU
  (`sacrebleu`), exact match, and character error rate, each against *every* French
  translation of that sentence in the data.

A sentence the model refuses (a character it never saw) counts as an empty translation.
"""

from __future__ import annotations

import keras
import numpy as np
import sacrebleu
from rapidfuzz.distance import Levenshtein

from . import data, hangul
from .decoding import InputError, Translator
from .models import build_inference_models
from .batches import Batches, encode_pairs
from .batching import TokenBatches


def usable_pairs(s2s, pairs):
    """Pairs whose characters the model's vocabularies hold (needed for teacher forcing)."""
    if s2s.level == "word":
        return list(pairs)
    return [
        (en, fr) for en, fr in pairs
        if all(c in s2s.input_vocab for c in en) and all(c in s2s.target_vocab for c in fr)
        and len(en) <= s2s.max_encoder_seq_length
    ]


def writes_jamo(s2s) -> bool:
    """True for a character model whose output vocabulary holds conjoining jamo (Korean letters,
    `train --target-units jamo`): its references are compared letter by letter."""
    return s2s.level == "char" and any(hangul.is_jamo(t) for t in s2s.target_vocab.tokens)


def masked_cross_entropy(s2s, pairs, batch_size=256, model=None, pad_to=None, bucket=True) -> float:
    """Mean -log p(true next token) over real target positions of `pairs`, with the true
    previous tokens fed in (teacher forcing) for every model, also those of chapter 6 that
    were trained without it, through the inference models that share the trained layers.

    `model`: instead, a model of the training architecture ((encoder input, decoder input) →
    probabilities), e.g. chapter 6's unrolled decoder that reads its own predictions, with
    `pad_to` = (encoder steps, decoder steps) when it needs fixed lengths."""
    if writes_jamo(s2s):  # a jamo model (train --target-units jamo) is scored on the letters it writes
        pairs = hangul.jamo_pairs(pairs)
    pairs = usable_pairs(s2s, pairs)
    src, tgt = encode_pairs(pairs, s2s.input_vocab, s2s.target_vocab, s2s.level, s2s.reverse_source)
    if getattr(s2s, "architecture", "seq2seq") == "attention":
        return _attention_cross_entropy(s2s, src, tgt, batch_size)
    batches = Batches(src, tgt, len(s2s.input_vocab), len(s2s.target_vocab), s2s.level, batch_size,
                      bucket=bucket, mask_loss=True, pad_to=pad_to)
    probabilities = _inference_probabilities(s2s) if model is None else (
        lambda x: keras.ops.convert_to_numpy(model(x, training=False)))
    total, count = 0.0, 0
    for i in range(len(batches)):
        x, y, w = batches[i]
        p = probabilities(x)
        true = y.argmax(-1) if s2s.level == "char" else y
        p_true = np.take_along_axis(p, true[..., None], axis=-1)[..., 0]
        total += float(-(np.log(np.maximum(p_true, 1e-12)) * w).sum())
        count += int(w.sum())
    return total / max(count, 1)


def _inference_probabilities(s2s):
    """(encoder input, decoder input) → next-token probabilities, through the inference models."""
    encoder_model, decoder_model = build_inference_models(s2s.model)

    def probabilities(x):
        enc_in, dec_in = x
        # Direct calls, not predict_on_batch: batches differ in shape, and each new shape would
        # retrace a compiled function (and print TensorFlow's retracing warning).
        states = encoder_model(keras.ops.convert_to_tensor(enc_in), training=False)
        states = list(states) if isinstance(states, (list, tuple)) else [states]
        return np.asarray(decoder_model([keras.ops.convert_to_tensor(dec_in), *states], training=False)[0])

    return probabilities


def _attention_cross_entropy(s2s, src, tgt, batch_size):
    """`masked_cross_entropy` of an attention model: its training model fed whole batches."""
    batches = TokenBatches(src, tgt, batch_size, shuffle=False)
    total, count = 0.0, 0
    for i in range(len(batches)):
        (enc_in, dec_in), y, w = batches[i]
        p = np.asarray(s2s.model([keras.ops.convert_to_tensor(enc_in), keras.ops.convert_to_tensor(dec_in)], training=False))
        p_true = np.take_along_axis(p, y[..., None].astype("int64"), axis=-1)[..., 0]
        total += float(-(np.log(np.maximum(p_true, 1e-12)) * w).sum())
        count += int(w.sum())
    return total / max(count, 1)


def nearest_reference(hypothesis: str, references) -> tuple:
    """(edits, reference): the reference fewest character edits (insertions, deletions,
    substitutions) away from `hypothesis`, and that number of edits."""
    return min((Levenshtein.distance(hypothesis, r), r) for r in references)


def cer(hypotheses, reference_lists) -> float:
    """Character error rate: edits to the nearest reference, summed over the sentences, over the
    summed lengths of those references."""
    edits = length = 0
    for hyp, refs in zip(hypotheses, reference_lists):
        dist, ref = nearest_reference(hyp, refs)
        edits += dist
        length += len(ref)
    return edits / max(length, 1)


def sentence_chrf(hypothesis: str, references) -> float:
    """chrF of one translation against its references (sacrebleu's `sentence_chrf`, same settings
    as the corpus chrF of `score_translations`): what a single half-right translation scores."""
    return round(sacrebleu.sentence_chrf(hypothesis, list(references)).score, 2)


def sacrebleu_settings() -> dict:
    """The sacrebleu settings behind `score_translations` (its defaults), as the book states them."""
    chrf, bleu = sacrebleu.CHRF(), sacrebleu.BLEU()
    return {
        "chrF": f"character n-grams 1-{chrf.char_order}, word n-grams {chrf.word_order}, beta {chrf.beta}, "
                f"spaces {'kept' if chrf.whitespace else 'ignored'}",
        "BLEU": f"word n-grams 1-{bleu.max_ngram_order}, tokenizer {bleu.tokenizer_signature}, smoothing {bleu.smooth_method}",
    }


def score_translations(hypotheses, reference_lists) -> dict:
    """chrF, BLEU, exact match and CER of hypotheses against lists of references."""
    width = max(map(len, reference_lists))
    streams = [[refs[k] if k < len(refs) else None for refs in reference_lists] for k in range(width)]
    return {
        "chrf": round(sacrebleu.corpus_chrf(hypotheses, streams).score, 2),
        "bleu": round(sacrebleu.corpus_bleu(hypotheses, streams).score, 2),
        "exact_match": round(float(np.mean([h in refs for h, refs in zip(hypotheses, reference_lists)])), 4),
        "cer": round(cer(hypotheses, reference_lists), 4),
    }


LENGTH_EDGES = (10, 15, 20, 25, 30, 35)  # English source length buckets (characters) of `chrf_by_length`


def chrf_by_length(sources, hypotheses, reference_lists, edges=LENGTH_EDGES) -> list:
    """Corpus chrF of the sentences in each source-length bucket: the bottleneck curve.

    Returns one dict a bucket that holds sentences: `lo`, `hi` (source length lo <= n < hi
    characters; `hi` is None for the last, open bucket), `sentences`, `chrf`."""
    bounds = [0, *edges, None]
    rows = []
    for lo, hi in zip(bounds, bounds[1:]):
        idx = [i for i, s in enumerate(sources) if len(s) >= lo and (hi is None or len(s) < hi)]
        if not idx:
            continue
        chrf = score_translations([hypotheses[i] for i in idx], [reference_lists[i] for i in idx])["chrf"]
        rows.append({"lo": lo, "hi": hi, "sentences": len(idx), "chrf": chrf})
    return rows


def length_label(row) -> str:
    """The characters a `chrf_by_length` bucket holds, as tables and figures print it: '10–14', '35+'."""
    return f"{row['lo']}+" if row["hi"] is None else f"{row['lo']}–{row['hi'] - 1}"


def evaluate(s2s, pairs, translator: Translator | None = None, by_length: list | None = None,
             beam_size=1, alpha=0.0) -> dict:
    """All held-out metrics of `s2s` on `pairs` (every translation of a sentence is a reference),
    decoded greedily or, with `beam_size` > 1, by beam search.

    A list passed as `by_length` receives `chrf_by_length` of the same translations."""
    refs = data.references(pairs)
    sources = list(refs)
    translator = translator or Translator(s2s)
    outputs = translator.translate(sources, beam_size=beam_size, alpha=alpha)
    refused = sum(isinstance(o, InputError) for o in outputs)
    hyps = ["" if isinstance(o, InputError) else o for o in outputs]
    result = {
        "pairs": len(pairs),
        "sentences": len(sources),
        "refused": refused,
        "masked_ce": round(masked_cross_entropy(s2s, pairs), 4),
        **score_translations(hyps, [refs[s] for s in sources]),
        "distinct_outputs_per_100": round(100 * len(set(hyps)) / max(len(hyps), 1), 1),
    }
    if by_length is not None:
        by_length.extend(chrf_by_length(sources, hyps, [refs[s] for s in sources]))
    return result
