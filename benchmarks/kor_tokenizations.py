"""Syllable against jamo targets for English→Korean (issue 17, chapter 9).

Both checkpoints were trained on the same pairs of kor.txt with the same held-out split (recipe
`attention`, `--num-samples 3400 --holdout 0.1`, which also keeps out the benchmark's sentences:
`data.heldout_split`); they differ only in `--target-units`.  On the held-out pairs, rebuilt from
the recipe stored in each checkpoint, each model translates every distinct English sentence
greedily (a jamo model's output is composed with NFC by `decoding.Translator`), and this script
records `metrics.evaluate` (chrF with sacrebleu's defaults: character 6-grams, here over Korean
syllables because the text is composed; BLEU; exact match; CER), the mean output and reference
lengths in characters, how many outputs keep jamo that form no syllable
(`hangul.uncomposed_count`), the vocabulary, the parameters, the epochs and the training time.
Examples (English, references, output) come from the bundled
English→Korean corpus, which the project wrote, not from kor.txt.  The last line is one JSON object, also written to benchmarks/results/kor_tokenizations.json;
chapter 9 reads it.

    python benchmarks/kor_tokenizations.py --data ../shared/data/kor-eng/kor.txt \
        --shipped LABEL syllables=SYLLABLE_MODEL jamo=JAMO_MODEL

The further runs of chapter 9 (the tutorial's model without attention, `--recipe fast`, and the
attention model with the bundled corpus added to training, `--extra-pairs bundled-ko`) are
measured the same way into benchmarks/results/kor_more.json (`--output`); training/README.md's
kor_attention section has the commands.
"""

import argparse
import json
from pathlib import Path

from seq2seq_lib import checkpoints, config, data, decoding, export, hangul, metrics  # first: quiets TensorFlow

RESULTS = Path(__file__).resolve().parent / "results" / "kor_tokenizations.json"


def measure(path, data_path):
    s2s = checkpoints.load(path)
    recipe = config.TrainConfig.from_dict(s2s.info.get("recipe", {}))
    train, held = data.checkpoint_split(s2s.info, data_path)  # with the pairs `--extra-pairs` added
    t = decoding.Translator(s2s)
    scores = metrics.evaluate(s2s, held, translator=t)
    refs = data.references(held)
    sources = list(refs)
    outs = [o if isinstance(o, str) else "" for o in t.translate(sources)]
    ref_lens = [len(r) for s in sources for r in refs[s]]
    bundled = data.references(data.read_pairs(data.BUNDLED_KOREAN))
    bundled_outs = [o if isinstance(o, str) else "" for o in t.translate(list(bundled))]
    info = s2s.info
    hist = info.get("history", {})
    previous = info.get("previous_runs", [])  # runs this one continued (--init-from), counted in the totals
    return {
        "checkpoint": Path(path).name,
        "command": checkpoints.portable_command(info.get("command")),
        "target_units": recipe.target_units,
        "architecture": recipe.architecture,
        "extra_pairs": (info.get("data") or {}).get("extra_pairs"),
        "training_pairs": len(train),
        "parameters": s2s.model.count_params(),
        # the .bin of `python -m seq2seq_lib export` (the browser's weights; tests/test_export.py allows 5 MB)
        "export_bin_bytes": len(export.web_header_and_bytes(s2s, "kor_attention", path)[1]),
        "input_vocab": len(s2s.input_vocab),
        "target_vocab": len(s2s.target_vocab),
        "max_decoder_seq_length": getattr(s2s, "max_decoder_seq_length", None),
        "epochs_run": sum(r.get("epochs_run") or 0 for r in previous) + (info.get("epochs_run") or 0),
        "runs": len(previous) + 1,
        "best_epoch": sum(r.get("epochs_run") or 0 for r in previous) + (info.get("best_epoch") or 0),
        "best_val_loss": min(hist.get("val_loss", [float("nan")])),
        "wall_time_s": round(sum(r.get("wall_time_s") or 0 for r in previous) + (info.get("wall_time_s") or 0), 1),
        "heldout": scores,
        "mean_output_chars": round(sum(map(len, outs)) / len(outs), 2),
        "mean_reference_chars": round(sum(ref_lens) / len(ref_lens), 2),
        "outputs_not_composing": sum(hangul.uncomposed_count(o) > 0 for o in outs),
        # Examples from the corpus this project wrote (kor.txt may not be committed, not even
        # its held-out sentences): every 25th English sentence, its references and the output.
        "bundled_exact_match": round(sum(o in bundled[s] for s, o in zip(bundled, bundled_outs)) / len(bundled), 4),
        "examples": [{"en": s, "out": o, "refs": bundled[s]} for s, o in list(zip(bundled, bundled_outs))[::25]],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--shipped", required=True, help="the LABEL of the checkpoint shipped as kor_attention")
    ap.add_argument("--output", default=str(RESULTS), help=f"where to write the results (default {RESULTS.name}; "
                    "kor_more.json holds chapter 9's further runs)")
    ap.add_argument("models", nargs="+", help="LABEL=CHECKPOINT")
    args = ap.parse_args()
    result = {"data": Path(args.data).name, "shipped": args.shipped, "models": {}}
    for spec in args.models:
        label, path = spec.split("=", 1)
        result["models"][label] = measure(path, args.data)
        print(label, json.dumps(result["models"][label]["heldout"]), flush=True)
    Path(args.output).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
