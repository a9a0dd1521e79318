"""Write the model card of a shipped checkpoint: data, command, epochs, wall time, held-out
metrics and 20 sample translations (also stored as JSON, which tests/test_shipped.py checks).

    python tools/model_card.py seq2seq_lib/resources/checkpoints/char_lstm.keras \
        --data ../shared/data/fra-eng/fra.txt

Held-out pairs of a chapter model (trained on the first 10,000 pairs): pairs 10,000–12,999 of
the file whose English sentence is not among the first 10,000 pairs and not longer than the
longest English sentence of those 10,000.  A model trained with a held-out split (the default
model, `--recipe full`) is scored on the pairs its own split kept out, rebuilt from the recipe
stored in the checkpoint, and also on the held-out pairs of benchmarks/train_recipe.py, next to
the tutorial's recipe and the fast recipe as that benchmark measured them on the same pairs.
"""

import argparse
import json
import sys
from pathlib import Path

from seq2seq_lib import checkpoints, config, data, decoding, examples, metrics

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "train_recipe.json"

# Everyday sentences a reader might type, plus the tutorial's example.
SAMPLES = [
    "Be nice.", "Go away.", "I'm tired.", "I love you.", "Help me!", "Who are you?", "I am hungry.",
    "Come here.", "We are friends.", "Thank you.", "It's raining.", "Where is Tom?",
]


def heldout_pairs(path, start=config.CHAPTER_NUM_SAMPLES, count=config.CARD_HELDOUT_COUNT):
    """(pairs, max_len): pairs start…start+count of the file whose English sentence is not in the
    first `start` pairs and no longer than `max_len` characters, the longest English sentence
    of those `start` pairs (the longest the chapter models were trained on)."""
    first = data.read_pairs(path, start)
    seen = {en for en, _ in first}
    max_len = max(len(en) for en in seen)
    rest = data.read_pairs(path, start + count)[start:]
    return [(en, fr) for en, fr in rest if en not in seen and len(en) <= max_len], max_len


COMPARED = {}  # filled by compare_with_benchmark, stored in the card's JSON


DATA_NAMES = {"fra.txt": "fra-eng `fra.txt`", "kor.txt": "kor-eng `kor.txt` (English→Korean)"}


def data_line(info):
    d = info.get("data") or {}
    if d.get("heldout_pairs"):
        return f"{info.get('num_pairs')} pairs for training ({d['heldout_pairs']} pairs held out)"
    return f"first {info.get('num_pairs')} pairs"


def compare_with_benchmark(s2s, everything):
    """Card lines: this model next to the two recipes of benchmarks/train_recipe.py, all scored
    on that benchmark's held-out pairs (which this model's training also kept out)."""
    bench = json.loads(BENCHMARK.read_text())
    trained, held = data.benchmark_split(everything)
    mine = metrics.evaluate(s2s, held)
    base, fast = bench["baseline_final"], bench["fast_final"]
    if (base["pairs"], base["sentences"]) != (mine["pairs"], mine["sentences"]):
        raise SystemExit(f"benchmark held-out set differs: {base['pairs']} vs {mine['pairs']} pairs")
    COMPARED.update({"pairs": mine["pairs"], "sentences": mine["sentences"], "this_model": mine,
                     "tutorial_recipe": base, "fast_recipe_10k": fast,
                     "chrf_gain_over_tutorial": round(mine["chrf"] - base["chrf"], 2)})
    keys = ["masked_ce", "chrf", "bleu", "exact_match", "cer", "distinct_outputs_per_100"]
    return [
        "## Against the tutorial's recipe, on the same held-out sentences",
        "",
        f"The {mine['pairs']} held-out pairs ({mine['sentences']} English sentences) of "
        f"`benchmarks/train_recipe.py`: sentences from the first {config.BENCHMARK_NUM_SAMPLES:,} pairs that neither the "
        "benchmark's models nor this one saw in training. The two recipe columns are the final "
        "models of the committed benchmark run (`benchmarks/results/train_recipe.json`: "
        f"{len(trained):,} training pairs, the tutorial's recipe for {bench['baseline_epochs']} epochs and the fast recipe for "
        f"{bench['fast_epochs']}); this model's column is measured by this script with the same "
        "`metrics.evaluate`.",
        "",
        "| metric | tutorial's recipe (10k pairs) | fast recipe (10k pairs) | this model |",
        "|---|---|---|---|",
        *[f"| {k} | {base[k]} | {fast[k]} | {mine[k]} |" for k in keys],
        "",
        f"chrF gain over the tutorial's recipe: **{mine['chrf'] - base['chrf']:+.2f}** points.",
        "",
    ]


def also_lines(others, held, data_path):
    """Card lines and JSON: other checkpoints (another tokenization of the same data, say) scored
    on the same held-out pairs by the same `metrics.evaluate`."""
    rows = {}
    for other in others:
        o = checkpoints.load(other)
        scores = metrics.evaluate(o, held)
        recipe = config.TrainConfig.from_dict(o.info.get("recipe", {}))
        runs = [*o.info.get("previous_runs", []), o.info]  # a run that continued others (--init-from): all of them
        rows[Path(other).name] = {"command": checkpoints.portable_command(o.info.get("command")),
                                  "earlier_commands": [checkpoints.portable_command(r.get("command")) for r in runs[:-1]],
                                  "target_units": recipe.target_units,
                                  "epochs_run": sum(r.get("epochs_run") or 0 for r in runs),
                                  "wall_time_s": round(sum(r.get("wall_time_s") or 0 for r in runs), 1),
                                  "parameters": o.model.count_params(), "heldout": scores}
    if not rows:
        return [], {}
    keys = list(next(iter(rows.values()))["heldout"])
    lines = [
        "## Other checkpoints on the same held-out pairs",
        "",
        f"Measured by the same run of this script (`--also`), with the same `metrics.evaluate` on the same {len(held)} pairs:",
        "",
        *[f"- `{name}`: " + "".join(f"`{c}`, then " for c in r["earlier_commands"]) + f"`{r['command']}` "
          f"({r['target_units']} targets, {r['parameters']:,} parameters, {r['epochs_run']} epochs and {r['wall_time_s']} s in all)"
          for name, r in rows.items()],
        "",
        "masked_ce is per output token: per syllable for a syllable model, per letter for a jamo model, so it does not "
        "compare across tokenizations; chrF, BLEU, exact match and CER are measured on the composed text and do.",
        "",
        "| metric | " + " | ".join(f"`{n}`" for n in rows) + " |",
        "|---|" + "---|" * len(rows),
        *[f"| {k} | " + " | ".join(str(r["heldout"][k]) for r in rows.values()) + " |" for k in keys],
        "",
    ]
    return lines, rows


def write_card(path, data_path, title=None, start=config.CHAPTER_NUM_SAMPLES, count=config.CARD_HELDOUT_COUNT, also=()):
    """Write `<checkpoint>.md` beside `path`; returns (card path, held-out scores).

    `also`: other checkpoints to score on the same held-out pairs (recorded in the card).

    `start` and `count` choose the held-out pairs of a model trained without a held-out split
    (see `heldout_pairs`)."""
    path = Path(path)
    args = argparse.Namespace(data=data_path, title=title)
    s2s = checkpoints.load(path)
    recipe = config.TrainConfig.from_dict(s2s.info.get("recipe", {}))
    comparison = []
    if recipe.holdout or recipe.benchmark_holdout:
        everything = data.read_pairs(args.data, recipe.num_samples or None, recipe.normalize_spaces)
        held = data.heldout_split(everything, recipe)[1]
        where = (f"the pairs of every English sentence that training held out (`data.heldout_split`: "
                 f"{recipe.holdout:.0%} of all sentences at random"
                 + (", plus the benchmark's held-out sentences" if recipe.benchmark_holdout else "") + ")")
        if recipe.benchmark_holdout and Path(data_path).name == "fra.txt":  # the benchmark is on fra.txt
            comparison = compare_with_benchmark(s2s, everything)
    else:
        held, max_len = heldout_pairs(args.data, start, count)
        where = (f"pairs {start:,}–{start + count - 1:,} whose English sentence is not in the first {start:,} pairs "
                 f"and is at most as long as the longest training sentence ({max_len} characters)")
    by_length = []
    scores = metrics.evaluate(s2s, held, by_length=by_length)
    others, also_rows = also_lines(also, held, data_path)
    t = decoding.Translator(s2s)
    # More samples from the project's own corpus of the same language pair: the data file's sentences
    # (held out or not) stay out of the repository, and so out of the cards.
    corpus = data.BUNDLED_KOREAN if Path(data_path).name == "kor.txt" else data.BUNDLED_CORPUS
    extra = [en for en in dict.fromkeys(en for en, _ in data.read_pairs(corpus))][::80][: 20 - len(SAMPLES)]
    korean = data.references(data.read_pairs(data.BUNDLED_KOREAN)) if corpus == data.BUNDLED_KOREAN else None

    def refs(sentence):
        return korean.get(sentence, []) if korean is not None else examples.references(sentence)

    # One batch, as tests/test_shipped.py translates them: a model whose top two candidates tie
    # to float precision (char_lstm_post, 'a' and 'e' at 0.14612 for "Who's that?") can pick
    # differently when BLAS sums a batch of another size.
    outputs = t.translate(SAMPLES + extra)
    samples = {s: out if isinstance(out, str) else f"(refused: {out})" for s, out in zip(SAMPLES + extra, outputs)}
    info = s2s.info
    hist = info.get("history", {})
    previous = info.get("previous_runs", [])  # a run that continued other checkpoints (--init-from)
    total_time = sum(r.get("wall_time_s") or 0 for r in previous) + (info.get("wall_time_s") or 0)
    total_epochs = sum(r.get("epochs_run") or 0 for r in previous) + (info.get("epochs_run") or 0)
    lines = [
        f"# Model card: `{path.name}`",
        "",
        f"{args.title or ''}",
        "",
        "| | |",
        "|---|---|",
        f"| model | {s2s.level}-level {s2s.cell.upper()}" + (" with attention" if s2s.architecture == "attention" else "")
        + f", decoder: {info.get('decoder', 'teacher')} |",
        f"| parameters | {s2s.model.count_params():,} |",
        f"| data | {data_line(info)} of {DATA_NAMES.get(Path(data_path).name, Path(data_path).name)} (Tatoeba via manythings.org/anki, CC-BY 2.0 FR) |",
        f"| vocabulary | {len(s2s.input_vocab)} input and {len(s2s.target_vocab)} output tokens |",
        f"| command | `{checkpoints.portable_command(info.get('command'))}` |",
        *[f"| continues run {i} | `{checkpoints.portable_command(r.get('command'))}` ({r.get('epochs_run')} epochs, {r.get('wall_time_s')} s; recipe "
          f"{json.dumps(r.get('recipe'))}) |" for i, r in enumerate(previous, start=1)],
        f"| recipe | {json.dumps(info.get('recipe'))} |",
        f"| epochs run | {info.get('epochs_run')} (best val_loss: epoch {info.get('best_epoch')}; "
        + ("early stopping restores it) |" if (info.get("recipe") or {}).get("patience") else "the last epoch is kept) |"),
        f"| wall time | {info.get('wall_time_s')} s on a 2-core CPU (shared with other work while it ran)"
        + (f"; with the earlier runs {total_time:.1f} s and {total_epochs} epochs in all |" if previous else " |"),
        f"| final loss / val_loss | {hist.get('loss', ['?'])[-1]} / {hist.get('val_loss', ['?'])[-1]} (Keras's training loss: padded positions weigh 0 but still count in each batch's mean, so it is not comparable across recipes; use masked_ce below) |",
        f"| file size | {path.stat().st_size / 1e6:.2f} MB (weights, no optimizer state) |",
        "",
        "## Held-out metrics",
        "",
        f"Measured by `python tools/model_card.py {path} --data <{Path(data_path).name}>"
        + "".join(f" --also <{Path(a).name}>" for a in also) + f"`: {len(held)} pairs "
        f"({scores['sentences']} distinct English sentences), {where}; every translation in "
        "the file is a reference.",
        "",
        "| metric | value |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in scores.items()],
        "",
        "chrF by the length of the English sentence, on the same pairs (`metrics.chrf_by_length`):",
        "",
        "| source characters | sentences | chrF |",
        "|---|---|---|",
        *[f"| {metrics.length_label(r)} | {r['sentences']} | {r['chrf']} |" for r in by_length],
        "",
        *comparison,
        *others,
        "## Sample translations (greedy)",
        "",
        "References are this project's own translations (its bundled corpus and "
        "`seq2seq_lib/resources/examples.yml`; the data file's stay out of the repository): ✓ an output "
        "identical to one of them, ✗ any other, ? none written.",
        "",
        "| English | model output | | references |",
        "|---|---|---|---|",
        *[f"| {k} | {v} | {examples.mark(v, refs(k))} | {' · '.join(refs(k)) or '—'} |" for k, v in samples.items()],
        "",
        "The same samples as JSON (tests/test_shipped.py checks that the checkpoint still gives them):",
        "",
        "```json",
        json.dumps({"samples": samples, "heldout": scores, "by_length": by_length, **({"vs_tutorial": COMPARED} if comparison else {}),
                    **({"also": also_rows} if also_rows else {})},
                   ensure_ascii=False, indent=1),
        "```",
        "",
    ]
    card = path.with_suffix(".md")
    card.write_text("\n".join(lines), encoding="utf-8")
    return card, scores


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--data", required=True)
    ap.add_argument("--title", default=None)
    ap.add_argument("--also", action="append", default=[], metavar="CHECKPOINT",
                    help="another checkpoint to score on the same held-out pairs (repeatable)")
    args = ap.parse_args()
    card, scores = write_card(args.checkpoint, args.data, args.title, also=args.also)
    print(json.dumps(scores))
    print(f"wrote {card}", file=sys.stderr)


if __name__ == "__main__":
    main()
