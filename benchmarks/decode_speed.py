"""Decoding speed: the tutorial's loop against the fast NumPy decoder, on one model.

Trains nothing.  Loads the shipped default model (or --model PATH) and times, in one run: the
tutorial loop with `model.predict` per character (as the tutorial does) on at least 20
sentences, the same loop with `predict_on_batch`, the fast decoder (the model's NumPy step core,
`cells.core_for`) on one sentence at a time, and the fast decoder on 1,000 sentences at once;
then beam search (`beam.py`, --beam K, default 5) over the same core, one sentence at a time
and on the 1,000 sentences at once.
For an attention model (chapter 7) the Keras reference is `attention.GreedyDecoder`, one
sentence at a time (`predict_on_batch` per step), and stands in for both loops.  The last line
printed is one JSON object.

    python benchmarks/decode_speed.py [--model PATH] [--loop-sentences 20] [--batch 1000] [--beam 5]
"""

import argparse
import json
import platform
import statistics
import time

from seq2seq_lib import attention, beam, cells, checkpoints, data, decoding, models, search


def sentences_for(s2s, n):
    """n distinct English sentences the model can read, from the bundled corpus (cycled)."""
    seen, out = set(), []
    for en, _ in data.load_pairs("bundled", None):
        try:
            s = decoding.check_sentence(s2s, en)
        except decoding.InputError:
            continue
        if s not in seen:
            seen.add(s)
            out.append(s)
    return [out[i % len(out)] for i in range(n)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--loop-sentences", type=int, default=20)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--beam", type=int, default=5, help="beam size of the beam-search timings")
    ap.add_argument("--output", default=None, help="also write the JSON here (e.g. benchmarks/results/decode_speed.json)")
    args = ap.parse_args()

    s2s = checkpoints.load(args.model)
    fast = cells.core_for(s2s)
    if s2s.architecture == "attention":
        reference = attention.GreedyDecoder(s2s)

        def loop(s, use_predict):
            return reference.decode([s])[0]
    else:
        enc, dec = models.build_inference_models(s2s.model)

        def loop(s, use_predict):
            return decoding.decode_sequence(s2s, enc, dec, s, use_predict=use_predict)
    loop_sents = sentences_for(s2s, args.loop_sentences)
    batch_sents = sentences_for(s2s, args.batch)

    # Warm-up: the first Keras calls trace functions; the first NumPy calls fault pages in.
    loop(loop_sents[0], True)
    loop(loop_sents[0], False)
    search.decode(fast, loop_sents[:5])

    t = time.perf_counter()
    loop_out = [loop(s, True).output for s in loop_sents]
    loop_s = (time.perf_counter() - t) / len(loop_sents)

    t = time.perf_counter()
    pob_out = [loop(s, False).output for s in loop_sents]
    pob_s = (time.perf_counter() - t) / len(loop_sents)

    single_ms, single_out = [], []
    for s in loop_sents * 3:
        t = time.perf_counter()
        single_out.append(search.decode(fast, [s])[0].output)
        single_ms.append(1000 * (time.perf_counter() - t))
    t = time.perf_counter()
    batch_out = [tr.output for tr in search.decode(fast, batch_sents)]
    batch_s = time.perf_counter() - t

    beam.beam_search(fast, loop_sents[:5], beam_size=args.beam)  # warm-up
    beam_ms = []
    for s in loop_sents * 3:
        t = time.perf_counter()
        beam.beam_search(fast, [s], beam_size=args.beam)
        beam_ms.append(1000 * (time.perf_counter() - t))
    t = time.perf_counter()
    beam_out = [r.output for r in beam.beam_search(fast, batch_sents, beam_size=args.beam)]
    beam_s = time.perf_counter() - t

    n = len(loop_sents)
    identical = loop_out == pob_out == single_out[:n] == batch_out[:n] and all(
        batch_out[i] == loop_out[i % n] for i in range(n) if batch_sents[i] == loop_sents[i]
    )
    result = {
        "model": str(args.model or checkpoints.DEFAULT_CHECKPOINT.name),
        "architecture": s2s.architecture,
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "loop_sentences": n,
        "loop_s_per_sentence": round(loop_s, 3),
        "loop_predict_on_batch_s_per_sentence": round(pob_s, 4),
        "fast_single_ms": round(statistics.median(single_ms), 2),
        "fast_batch_sentences": len(batch_sents),
        "fast_batch_sentences_per_s": round(len(batch_sents) / batch_s, 1),
        "speedup_single": round(loop_s * 1000 / statistics.median(single_ms), 1),
        "speedup_batch": round(loop_s * len(batch_sents) / batch_s, 1),
        "mean_output_chars": round(statistics.mean(len(o) for o in batch_out), 1),
        "beam_size": args.beam,
        "beam_single_ms": round(statistics.median(beam_ms), 2),
        "beam_batch_sentences_per_s": round(len(batch_sents) / beam_s, 1),
        "beam_mean_output_chars": round(statistics.mean(len(o) for o in beam_out), 1),
        "identical": identical,
    }
    for k, v in result.items():
        print(f"{k:>40}: {v}")
    if args.output:
        with open(args.output, "w") as f:
            f.write(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
