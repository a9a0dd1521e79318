"""How many of their own training sentences do the shipped models translate exactly?

For each named checkpoint, rebuild the rows its weights learned from (the same file, the
held-out split and the validation split of its recipe: `data.heldout_split`,
`train.split_rows`), take a fixed random sample of their distinct English sentences, translate
them greedily and score them against every translation those training rows give
(`metrics.evaluate`).  The checkpoint's held-out scores (its model card) are printed beside
them.  The last line is one JSON object, also written to
benchmarks/results/train_reproduction.json; chapter 3 reads it.

    python benchmarks/train_reproduction.py --data ../shared/data/fra-eng/fra.txt
"""

import argparse
import json
import random
import time
from pathlib import Path

from seq2seq_lib import checkpoints, config, data, metrics, train  # first: it quiets TensorFlow's start-up logging

RESULTS = Path(__file__).resolve().parent / "results" / "train_reproduction.json"
MODELS = ("char_lstm", "char_lstm_full")  # chapter 3's checkpoint and the default model


def training_rows(s2s, path):
    """The pairs `s2s` was trained on (not its held-out nor its validation rows)."""
    recipe = config.TrainConfig.from_dict(s2s.info["recipe"])
    pairs = data.read_pairs(path, recipe.num_samples or None, recipe.normalize_spaces)
    return train.split_rows(data.heldout_split(pairs, recipe)[0], recipe)[0]


def sample_pairs(rows, sentences, seed):
    """Every training pair of `sentences` distinct English sentences drawn with `seed`."""
    chosen = set(random.Random(seed).sample(sorted({en for en, _ in rows}), sentences))
    return [(en, fr) for en, fr in rows if en in chosen]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="fra-eng file (default: $SEQ2SEQ_DATA or the bundled corpus)")
    ap.add_argument("--models", nargs="+", default=list(MODELS), help="checkpoint names or .keras paths")
    ap.add_argument("--sentences", type=int, default=200, help="distinct English sentences per model")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--output", help=checkpoints.RESULTS_HELP)
    args = ap.parse_args()
    try:
        output = checkpoints.results_path(args.output, RESULTS, args.models)
    except ValueError as e:
        ap.error(str(e))
    path = data.resolve_data_path(args.data)

    result = {"data": path.name, "sentences": args.sentences, "seed": args.seed, "models": {}}
    for name in args.models:
        file = checkpoints.resolve(name)
        s2s = checkpoints.load(file)
        t0 = time.perf_counter()
        rows = training_rows(s2s, path)
        sample = sample_pairs(rows, min(args.sentences, len({en for en, _ in rows})), args.seed)
        scores = metrics.evaluate(s2s, sample)
        try:
            heldout = checkpoints.model_card(file)["heldout"]
        except checkpoints.CheckpointError:
            heldout = None
        result["models"][file.stem] = {"training_rows": len(rows), "training_sample": scores, "heldout": heldout}
        print(f"{file.stem}: {len(rows)} training rows; {scores['sentences']} of their sentences "
              f"({scores['pairs']} pairs): exact match {scores['exact_match']}, chrF {scores['chrf']} "
              f"({time.perf_counter() - t0:.1f} s)", flush=True)
    line = json.dumps(result)
    if output:
        output.write_text(json.dumps(result, indent=1) + "\n")
    print(line)


if __name__ == "__main__":
    main()
