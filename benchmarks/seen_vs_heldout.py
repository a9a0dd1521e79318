"""The default model on sentences it trained on against sentences it never saw (issue 14).

The benchmark's held-out set is 10 % of the English sentences of fra.txt's first 10,000 pairs
(`data.benchmark_split`); the default model was trained on all pairs but those (and 2 % more).
This script translates, greedily, the benchmark's 591 held-out sentences and as many English
sentences drawn (seed 0) from the *training* side of the same first 10,000 pairs, which the model
did see, and scores both with `metrics.evaluate` (every translation of a sentence in its half is a
reference).  The gap says how much of the benchmark's score is lost to sentences being new; the
score on seen sentences is a ceiling the held-out score is unlikely to pass with this model.
Only numbers are written (benchmarks/results/seen_vs_heldout.json); the last line is one JSON object.

    python benchmarks/seen_vs_heldout.py --data ../shared/data/fra-eng/fra.txt [--checkpoint PATH]
"""

import argparse
import json
import random
from pathlib import Path

from seq2seq_lib import checkpoints, config, data, metrics  # first: quiets TensorFlow

RESULTS = Path(__file__).resolve().parent / "results" / "seen_vs_heldout.json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--checkpoint", default=str(checkpoints.DEFAULT_CHECKPOINT))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--output", help=checkpoints.RESULTS_HELP)
    args = ap.parse_args()
    try:
        output = checkpoints.results_path(args.output, RESULTS, [args.checkpoint])
    except ValueError as e:
        ap.error(str(e))
    s2s = checkpoints.load(args.checkpoint)
    pairs = data.read_pairs(data.resolve_data_path(args.data), config.BENCHMARK_NUM_SAMPLES)
    train, held = data.benchmark_split(pairs)
    n = len({en for en, _ in held})
    sentences = sorted({en for en, _ in train})
    random.Random(args.seed).shuffle(sentences)
    picked = set(sentences[:n])
    seen = [p for p in train if p[0] in picked]
    keys = ("pairs", "sentences", "masked_ce", "chrf", "bleu", "exact_match", "cer", "distinct_outputs_per_100")
    scores = {name: {k: v for k, v in metrics.evaluate(s2s, part).items() if k in keys}
              for name, part in (("heldout", held), ("seen", seen))}
    result = {"benchmark": "seen_vs_heldout", "checkpoint": Path(args.checkpoint).name, "data": Path(args.data).name,
              "seed": args.seed, **scores}
    if output:
        output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
