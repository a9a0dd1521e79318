"""Beam size and length normalization against quality, length and time; search vs model errors.

On the held-out pairs of `evaluate --benchmark` (`data.benchmark_split` of the data's first
`config.BENCHMARK_NUM_SAMPLES` pairs: 993 pairs, 591 distinct English sentences of fra.txt),
each model translates every distinct sentence by beam search (`beam.beam_search`; beam size 1
is greedy decoding) for every beam size and alpha.  For each setting: corpus chrF and exact
match against every French translation of the sentence (`metrics.score_translations`), the
mean output length in characters, and the search's wall-clock time for all sentences in one
batch (the fastest of `--repeats` runs: the machine is shared).

Search error against model error: a sentence's reference is *reachable* when the model can
write it (its characters are in the target vocabulary and it fits `max_decoder_seq_length`).
The model's log-probability of a reference is that of the search forced to write it
(`beam.beam_search` with beam size 1 and `force` at every step, END included); a sentence's
reference score is its best reference's.  Ranking by the search's own score (`logp / lp`, the
plain log-probability when alpha is 0), a sentence whose output is not a reference is
* a model error when the output scores at least as high as the reference: a perfect search
  would still not find the reference;
* a search error when the reference scores higher: the search missed a better hypothesis.

Alpha: 0 (plain log-probability) and 0.6, the value Wu et al. (2016) tuned and the usual
default for their length penalty.  The last line is one JSON object, also written to
benchmarks/results/beam_sizes.json; chapter 8 reads it.

    python benchmarks/beam_sizes.py --data ../shared/data/fra-eng/fra.txt
"""

import argparse
import json
import os
import platform
import time
from pathlib import Path

from seq2seq_lib import beam, checkpoints, config, data, decoding, metrics, search  # first: quiets TensorFlow

RESULTS = Path(__file__).resolve().parent / "results" / "beam_sizes.json"
MODELS = ("char_attention_full", "char_lstm_full")  # the default model and the post's architecture
BEAMS = (1, 2, 3, 5, 10, 20)
ALPHAS = (0.0, 0.6)


def reachable(s2s, reference) -> bool:
    """Can the model write `reference` (then END) at all?"""
    return all(c in s2s.target_vocab for c in reference) and len(reference) + 1 <= s2s.max_decoder_seq_length


def reference_logp(core, sentence, reference) -> float:
    """log p(reference, END | sentence) under the model: the search forced to write it."""
    tokens = list(reference) + [config.end_token(core.s2s.level)]
    forced = beam.beam_search(core, [sentence], beam_size=1, alpha=0.0, force=dict(enumerate(tokens)))[0]
    return forced.nbest[0].logp


def errors(results, refs, ref_scores, alpha):
    """Counts of correct / model-error / search-error sentences among those with a reachable
    reference, each hypothesis and reference scored as the search ranks them (alpha's score)."""
    counts = {"reachable": 0, "correct": 0, "model_errors": 0, "search_errors": 0}
    for res in results:
        if res.source not in ref_scores:
            continue
        counts["reachable"] += 1
        best = res.nbest[0]
        if best.output in refs[res.source]:
            counts["correct"] += 1
            continue
        ref_score = max(lp / float(beam.length_penalty(length, alpha)) for lp, length in ref_scores[res.source])
        counts["search_errors" if ref_score > best.score else "model_errors"] += 1
    return counts


def measure(name, pairs, beams, alphas, repeats=1):
    s2s = checkpoints.load(name)
    translator = decoding.Translator(s2s)
    core = translator.core
    refs = data.references(pairs)
    good = [decoding.check_sentence(s2s, s) for s in refs]  # readable by construction; checked anyway
    search.decode(core, good[:5])  # warm-up
    greedy_s = []
    for _ in range(repeats):
        t = time.perf_counter()
        search.decode(core, good)
        greedy_s.append(time.perf_counter() - t)
    greedy_s = min(greedy_s)

    t = time.perf_counter()
    ref_scores = {}  # sentence: [(logp, length in tokens incl. END) of each reachable reference]
    unreachable_refs = 0
    for s in good:
        scored = []
        for r in refs[s]:
            if reachable(s2s, r):
                scored.append((reference_logp(core, s, r), len(r) + 1))
            else:
                unreachable_refs += 1
        if scored:
            ref_scores[s] = scored
    scoring_s = time.perf_counter() - t

    rows = []
    for alpha in alphas:
        for k in beams:
            seconds = []
            for _ in range(repeats):  # the fastest run: the least disturbed by other work on the machine
                t = time.perf_counter()
                found = beam.beam_search(core, good, beam_size=k, alpha=alpha)
                seconds.append(time.perf_counter() - t)
            seconds = min(seconds)
            outputs = [r.output for r in found]
            row = {"beam_size": k, "alpha": alpha,
                   **metrics.score_translations(outputs, [refs[s] for s in good]),
                   "mean_output_chars": round(sum(map(len, outputs)) / len(outputs), 2),
                   "unfinished": sum(not r.nbest[0].finished for r in found),
                   "decode_s": round(seconds, 3),
                   **errors(found, refs, ref_scores, alpha)}
            rows.append(row)
            print(f"{name} beam {k:>2} alpha {alpha}: chrF {row['chrf']}, exact {row['exact_match']}, "
                  f"{row['mean_output_chars']} chars, {seconds:.2f} s, search errors {row['search_errors']}, "
                  f"model errors {row['model_errors']}", flush=True)
    return {
        "sentences": len(good),
        "mean_reference_chars": round(sum(len(r) for s in good for r in refs[s]) / sum(len(refs[s]) for s in good), 2),
        "sentences_with_reachable_reference": len(ref_scores),
        "unreachable_references": unreachable_refs,
        "greedy_search_decode_s": round(greedy_s, 3),
        "reference_scoring_s": round(scoring_s, 3),
        "rows": rows,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="fra-eng file (default: $SEQ2SEQ_DATA or the bundled corpus)")
    ap.add_argument("--models", nargs="+", default=list(MODELS), help="checkpoint names or .keras paths")
    ap.add_argument("--beams", nargs="+", type=int, default=list(BEAMS))
    ap.add_argument("--alphas", nargs="+", type=float, default=list(ALPHAS))
    ap.add_argument("--num-samples", type=int, default=config.BENCHMARK_NUM_SAMPLES,
                    help="the benchmark split is taken of the data's first N pairs")
    ap.add_argument("--sentences", type=int, default=None, help="only the first N distinct held-out sentences")
    ap.add_argument("--repeats", type=int, default=3, help="time each search this many times, keep the fastest")
    ap.add_argument("--output", help=checkpoints.RESULTS_HELP)
    args = ap.parse_args()
    try:
        output = checkpoints.results_path(args.output, RESULTS, args.models)
    except ValueError as e:
        ap.error(str(e))
    path = data.resolve_data_path(args.data)
    pairs = data.benchmark_split(data.load_pairs(path, args.num_samples), args.num_samples)[1]
    if args.sentences:
        keep = set(list(data.references(pairs))[: args.sentences])
        pairs = [(en, fr) for en, fr in pairs if en in keep]

    result = {"data": path.name, "num_samples": args.num_samples, "pairs": len(pairs),
              "beams": args.beams, "alphas": args.alphas,
              "alpha_note": "0.6: the value Wu et al. (2016) tuned for their length penalty",
              "reduced": None if args.sentences is None else f"only the first {args.sentences} sentences",
              "timing": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPU cores shared with other work; "
                        f"NumPy decoder, all sentences in one batch; decode_s is the fastest of {args.repeats} runs",
              "models": {}}
    t = time.perf_counter()
    for name in args.models:
        result["models"][name] = measure(name, pairs, args.beams, args.alphas, args.repeats)
    result["total_s"] = round(time.perf_counter() - t, 1)
    if output:
        output.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
