"""Write the model card of a shipped checkpoint: data, command, epochs, wall time, held-out
metrics and 20 sample translations (also stored as JSON, which tests/test_shipped.py checks).

    python tools/model_card.py seq2seq_lib/resources/checkpoints/char_lstm.keras \
        --data ../shared/data/fra-eng/fra.txt

Held-out pairs: pairs 10,000–12,999 of the file whose English sentence is not among the first
10,000 pairs (the shipped chapter models were trained on the first 10,000) and not longer than
the longest English sentence of those 10,000.
"""

import argparse
import json
import sys
from pathlib import Path

from seq2seq_lib import checkpoints, data, decoding, metrics

# Everyday sentences a reader might type, plus the tutorial's example.
SAMPLES = [
    "Be nice.", "Go away.", "I'm tired.", "I love you.", "Help me!", "Who are you?", "I am hungry.",
    "Come here.", "We are friends.", "Thank you.", "It's raining.", "Where is Tom?",
]


def heldout_pairs(path, max_len, start=10_000, count=3_000):
    """Pairs start…start+count of the file whose English sentence is not in the first `start`
    pairs and no longer than `max_len` characters (the longest the models were trained on)."""
    first = data.read_pairs(path, start)
    seen = {en for en, _ in first}
    rest = data.read_pairs(path, start + count)[start:]
    return [(en, fr) for en, fr in rest if en not in seen and len(en) <= max_len]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--data", required=True)
    ap.add_argument("--title", default=None)
    args = ap.parse_args()
    path = Path(args.checkpoint)
    s2s = checkpoints.load(path)
    held = heldout_pairs(args.data, max(len(en) for en, _ in data.read_pairs(args.data, 10_000)))
    scores = metrics.evaluate(s2s, held)
    t = decoding.Translator(s2s)
    extra = [en for en in dict.fromkeys(en for en, _ in held)][:: max(1, len(held) // 40)][: 20 - len(SAMPLES)]
    samples = {}
    for s in SAMPLES + extra:
        out = t.translate([s])[0]
        samples[s] = out if isinstance(out, str) else f"(refused: {out})"
    info = s2s.info
    hist = info.get("history", {})
    lines = [
        f"# Model card: `{path.name}`",
        "",
        f"{args.title or ''}",
        "",
        "| | |",
        "|---|---|",
        f"| model | {s2s.level}-level {s2s.cell.upper()}, decoder: {info.get('decoder', 'teacher')} |",
        f"| parameters | {s2s.model.count_params():,} |",
        f"| data | first {info.get('num_pairs')} pairs of fra-eng `fra.txt` (Tatoeba via manythings.org/anki, CC-BY 2.0 FR) |",
        f"| vocabulary | {len(s2s.input_vocab)} input and {len(s2s.target_vocab)} output tokens |",
        f"| command | `{info.get('command')}` |",
        f"| recipe | {json.dumps(info.get('recipe'))} |",
        f"| epochs run | {info.get('epochs_run')} (best: {info.get('best_epoch')}; early stopping restores it) |",
        f"| wall time | {info.get('wall_time_s')} s on a 2-core CPU (shared with other work while it ran) |",
        f"| final loss / val_loss | {hist.get('loss', ['?'])[-1]} / {hist.get('val_loss', ['?'])[-1]} (Keras's training loss: padded positions weigh 0 but still count in each batch's mean, so it is not comparable across recipes; use masked_ce below) |",
        f"| file size | {path.stat().st_size / 1e6:.2f} MB (weights, no optimizer state) |",
        "",
        "## Held-out metrics",
        "",
        f"Measured by `python tools/model_card.py {path} --data <fra.txt>`: {len(held)} pairs "
        f"({scores['sentences']} distinct English sentences) from pairs 10,000–12,999 whose English "
        "sentence is not in the first 10,000 pairs and is at most as long as the longest training "
        "sentence (16 characters); every French translation in the file is a reference.",
        "",
        "| metric | value |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in scores.items()],
        "",
        "## Sample translations (greedy)",
        "",
        "| English | model output |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in samples.items()],
        "",
        "The same samples as JSON (tests/test_shipped.py checks that the checkpoint still gives them):",
        "",
        "```json",
        json.dumps({"samples": samples, "heldout": scores}, ensure_ascii=False, indent=1),
        "```",
        "",
    ]
    card = path.with_suffix(".md")
    card.write_text("\n".join(lines), encoding="utf-8")
    print(json.dumps(scores))
    print(f"wrote {card}", file=sys.stderr)


if __name__ == "__main__":
    main()
