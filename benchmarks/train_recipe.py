"""Training recipes compared: the tutorial's `baseline` against this project's `fast`.

Both train in this one process on the same pairs (default: the first 10,000 of the fra-eng
file) with a held-out set of English sentences (all their translations) that neither sees.
After every epoch the held-out masked cross-entropy is measured (outside the timed training).
Prints wall time per epoch, the training time each recipe takes to reach the baseline's best
held-out masked cross-entropy, and final held-out metrics; the last line is one JSON object,
also written to benchmarks/results/train_recipe.json.

    python benchmarks/train_recipe.py --data ../shared/data/fra-eng/fra.txt
"""

import argparse
import json
import platform
import time
from pathlib import Path

from seq2seq_lib import config, data, metrics, train  # first: it quiets TensorFlow's start-up logging

import keras  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "train_recipe.json"


class HeldOutTracker(keras.callbacks.Callback):
    """Held-out masked cross-entropy after each epoch, against training time so far."""

    def __init__(self, make_s2s, held):
        super().__init__()
        self.make_s2s, self.held = make_s2s, held
        self.points, self.train_s, self._t = [], 0.0, None

    def on_epoch_begin(self, epoch, logs=None):
        self._t = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.train_s += time.perf_counter() - self._t
        ce = metrics.masked_cross_entropy(self.make_s2s(self.model), self.held)
        self.points.append((round(self.train_s, 1), round(ce, 4)))
        print(f"  epoch {epoch + 1}: {self.train_s:.0f} s of training, held-out masked CE {ce:.4f}", flush=True)


def run(name, cfg, train_pairs, held):
    vocabs = data.char_vocabs(train_pairs)
    max_enc = max(len(en) for en, _ in train_pairs)
    max_dec = max(len(fr) for _, fr in train_pairs) + 1

    def make_s2s(model):
        return train.Seq2Seq(model, "char", *vocabs, max_enc, max_dec, cfg.reverse_source, cfg.mask_encoder)

    tracker = HeldOutTracker(make_s2s, held)
    print(f"{name}: {json.dumps(cfg.to_dict())}", flush=True)
    s2s, hist = train.fit(train_pairs, cfg, callbacks=[tracker], verbose=0)
    final = metrics.evaluate(s2s, held)
    epochs = len(tracker.points)
    return {"epochs": epochs, "s_per_epoch": round(tracker.train_s / max(epochs, 1), 2),
            "curve": tracker.points, "final": final}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="fra-eng file (default: $SEQ2SEQ_DATA or the bundled corpus)")
    ap.add_argument("--num-samples", type=int, default=config.BENCHMARK_NUM_SAMPLES)
    ap.add_argument("--holdout", type=float, default=config.BENCHMARK_HOLDOUT, help="share of English sentences held out")
    ap.add_argument("--baseline-epochs", type=int, default=config.baseline().epochs)
    ap.add_argument("--fast-epochs", type=int, default=config.fast().epochs)
    ap.add_argument("--latent-dim", type=int, default=256)
    ap.add_argument("--output", default=str(RESULTS), help="where to write the JSON ('-' = nowhere)")
    args = ap.parse_args()

    pairs = data.load_pairs(args.data, args.num_samples)
    # Held-out English sentences (all their translations) that the models can read; the default
    # model (`config.full`) holds out the same ones, so it can be compared with both recipes.
    train_pairs, held = data.benchmark_split(pairs, len(pairs), args.holdout)

    baseline = run("baseline", config.baseline().replace(epochs=args.baseline_epochs, latent_dim=args.latent_dim), train_pairs, held)
    fast = run("fast", config.fast().replace(epochs=args.fast_epochs, latent_dim=args.latent_dim), train_pairs, held)

    best_s, best_ce = min(baseline["curve"], key=lambda p: p[1])
    reach = next((s for s, ce in fast["curve"] if ce <= best_ce), None)
    result = {
        "data": f"{data.resolve_data_path(args.data).name}, first {len(pairs)} pairs; "
                f"{len(train_pairs)} train, {len(held)} held-out pairs (no English sentence on both sides)",
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "baseline_epochs": baseline["epochs"], "fast_epochs": fast["epochs"],
        "baseline_s_per_epoch": baseline["s_per_epoch"], "fast_s_per_epoch": fast["s_per_epoch"],
        "baseline_best_masked_ce": best_ce,
        "baseline_s_to_best": best_s,
        "fast_s_to_baseline_best": reach,
        "ratio": None if reach is None else round(reach / best_s, 3),
        "baseline_chrf": baseline["final"]["chrf"], "fast_chrf": fast["final"]["chrf"],
        "baseline_final": baseline["final"], "fast_final": fast["final"],
        "baseline_curve": baseline["curve"], "fast_curve": fast["curve"],
    }
    line = json.dumps(result)
    if args.output != "-":
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(result, indent=1) + "\n")
    print(line)


if __name__ == "__main__":
    main()
