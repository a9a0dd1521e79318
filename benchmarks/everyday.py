"""The shipped models on everyday sentences that fra.txt does not contain (issue 14's own measure).

Issue 14 quotes its reference model's chrF on "everyday English sentences absent from fra.txt".
The project's bundled corpus (`resources/corpus/fra-eng-mini.txt`, written by this project, CC0)
is such a set once the sentences that also occur in fra.txt are removed.  This script keeps the
bundled pairs whose English sentence appears nowhere in fra.txt (compared after lower-casing and
normalizing spaces, so "Go." and "go." count as the same sentence), translates them greedily with
each checkpoint, and scores them with `metrics.evaluate` (every bundled translation of a sentence
is a reference).  Only counts and scores are written (benchmarks/results/everyday.json); the last
line is one JSON object.

    python benchmarks/everyday.py --data ../shared/data/fra-eng/fra.txt [CHECKPOINT_NAME ...]
"""

import argparse
import json
from pathlib import Path

from seq2seq_lib import checkpoints, data, metrics  # first: quiets TensorFlow

RESULTS = Path(__file__).resolve().parent / "results" / "everyday.json"
DEFAULT_MODELS = ("char_attention_full", "char_lstm_full", "char_lstm")
KEYS = ("pairs", "sentences", "refused", "masked_ce", "chrf", "bleu", "exact_match", "cer", "distinct_outputs_per_100")


def key(sentence):
    return " ".join(sentence.lower().split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="fra-eng fra.txt, to leave out the sentences it contains")
    ap.add_argument("models", nargs="*", default=DEFAULT_MODELS, help="shipped checkpoint names or paths")
    ap.add_argument("--output", help=checkpoints.RESULTS_HELP)
    args = ap.parse_args()
    try:
        output = checkpoints.results_path(args.output, RESULTS, args.models)
    except ValueError as e:
        ap.error(str(e))
    in_fra = {key(en) for en, _ in data.read_pairs(data.resolve_data_path(args.data), None)}
    bundled = data.read_pairs(data.resolve_data_path("bundled"), None)
    absent = [(en, fr) for en, fr in bundled if key(en) not in in_fra]
    scores = {}
    for name in args.models:
        path = checkpoints.resolve(name)
        scores[path.stem] = {k: v for k, v in metrics.evaluate(checkpoints.load(path), absent).items() if k in KEYS}
    result = {"benchmark": "everyday", "bundled_pairs": len(bundled),
              "bundled_sentences": len({en for en, _ in bundled}),
              "absent_pairs": len(absent), "absent_sentences": len({en for en, _ in absent}), "models": scores}
    if output:
        output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
