"""Syllables a model never saw in training (issue 17, chapter 9).

A syllable model's output vocabulary is the set of characters of its training targets: a
held-out reference that uses another syllable can never be written exactly.  A jamo model writes
letters, so it can compose a syllable that no training target contains.  For each checkpoint
(trained on DATA with a held-out split, as benchmarks/kor_tokenizations.py's; its training pairs
are rebuilt by `data.checkpoint_split`, `--extra-pairs` included), this script counts

* on the held-out references: Hangul syllables (every occurrence, and distinct) that are not in the
  syllables of the training targets, the reference pairs with at least one of them, and the English
  sentences all of whose references have one (a syllable model cannot match any of them exactly);
* on the model's greedy outputs of the held-out English sentences: the outputs with a syllable
  absent from the training targets (`hangul.novel_syllables`), those syllables, and how many of
  the words (space-separated, punctuation stripped) that hold them are words of some Korean text
  at hand: of the held-out references of the same sentence, of any held-out reference, of the
  whole DATA file or of the bundled English→Korean corpus.  No dictionary is used: a word found in
  none of them may still be Korean, but this corpus does not show it.

Only numbers are recorded for DATA.  Examples come from the bundled English→Korean corpus, which
the project wrote: its sentences whose output has a syllable absent from the model's training
targets.  The last line is one JSON object, also written to benchmarks/results/kor_unseen.json.

    python benchmarks/kor_unseen.py --data ../shared/data/kor-eng/kor.txt LABEL=CHECKPOINT ...
"""

import argparse
import json
from pathlib import Path

from seq2seq_lib import checkpoints, data, decoding, hangul  # first: quiets TensorFlow

RESULTS = Path(__file__).resolve().parent / "results" / "kor_unseen.json"
PUNCTUATION = ".,?!\"'()"
MAX_EXAMPLES = 8


def words(text):
    """The words of `text` (split at spaces, punctuation stripped), composed."""
    return [w for w in (w.strip(PUNCTUATION) for w in hangul.compose(text).split()) if w]


def word_set(texts):
    return {w for t in texts for w in words(t)}


def novel_words(text, known):
    """The words of `text` that hold a syllable not in `known`."""
    return [w for w in words(text) if hangul.novel_syllables(w, known)]


def reference_coverage(held, known):
    """What a model whose training targets have the syllables `known` could write of `held`'s references."""
    refs = data.references(held)
    all_syl = [ch for _, ko in held for ch in hangul.syllables(ko)]
    unseen = [ch for ch in all_syl if ch not in known]
    return {
        "reference_pairs": len(held),
        "reference_syllables": len(all_syl),
        "unseen_syllables": len(unseen),
        "unseen_syllable_share": round(len(unseen) / len(all_syl), 4),
        "distinct_reference_syllables": len(set(all_syl)),
        "distinct_unseen_syllables": len(set(unseen)),
        "pairs_with_unseen": sum(bool(hangul.novel_syllables(ko, known)) for _, ko in held),
        "pairs_with_unseen_share": round(sum(bool(hangul.novel_syllables(ko, known)) for _, ko in held) / len(held), 4),
        "sentences": len(refs),
        "sentences_every_reference_unseen": sum(all(hangul.novel_syllables(r, known) for r in rs) for rs in refs.values()),
    }


def output_novelty(sources, outs, known, refs, lexicons):
    """How many outputs hold syllables absent from `known`, and whether their words occur in `lexicons`."""
    with_novel = [(s, o) for s, o in zip(sources, outs) if hangul.novel_syllables(o, known)]
    novel = {ch for _, o in with_novel for ch in hangul.novel_syllables(o, known)}
    found = {name: 0 for name in lexicons}
    n_words, in_own_refs, syl_in_refs = 0, 0, set()
    for s, o in with_novel:
        own = word_set(refs.get(s, []))
        syl_in_refs |= {ch for ch in hangul.novel_syllables(o, known) if any(ch in r for r in refs.get(s, []))}
        for w in novel_words(o, known):
            n_words += 1
            in_own_refs += w in own
            for name, lex in lexicons.items():
                found[name] += w in lex
    return {
        "outputs": len(outs),
        "outputs_with_novel_syllable": len(with_novel),
        "distinct_novel_syllables": len(novel),
        "novel_syllables_in_own_references": len(syl_in_refs),
        "words_with_novel_syllable": n_words,
        "of_them_in_own_references": in_own_refs,
        **{f"of_them_in_{name}": n for name, n in found.items()},
        "outputs_not_composing": sum(hangul.uncomposed_count(o) > 0 for o in outs),
    }


def measure(path, data_path, lexicons_base):
    s2s = checkpoints.load(path)
    train, held = data.checkpoint_split(s2s.info, data_path)
    known = {ch for _, ko in train for ch in hangul.syllables(ko)}
    target_syllables = {t for t in s2s.target_vocab.tokens if hangul.is_syllable(t)}
    refs = data.references(held)
    t = decoding.Translator(s2s)
    sources = list(refs)
    outs = [o if isinstance(o, str) else "" for o in t.translate(sources)]
    lexicons = dict(lexicons_base, heldout_references=word_set(ko for _, ko in held))
    bundled = data.references(data.read_pairs(data.BUNDLED_KOREAN))
    b_sources = list(bundled)
    b_outs = [o if isinstance(o, str) else "" for o in t.translate(b_sources)]
    examples = []
    for s, o in zip(b_sources, b_outs):
        nw = novel_words(o, known)
        if nw and len(examples) < MAX_EXAMPLES:
            examples.append({"en": s, "out": o, "refs": bundled[s], "novel_syllables": "".join(hangul.novel_syllables(o, known)),
                             "words": [{"word": w, **{f"in_{name}": w in lex for name, lex in lexicons_base.items()}}
                                       for w in nw]})
    return {
        "checkpoint": Path(path).name,
        "target_units": s2s.info.get("recipe", {}).get("target_units", "chars"),
        "training_pairs": len(train),
        "training_target_syllables": len(known),
        "syllables_in_output_vocab": len(target_syllables),
        "heldout_references": reference_coverage(held, known),
        "heldout_outputs": output_novelty(sources, outs, known, refs, lexicons),
        "bundled_outputs": output_novelty(b_sources, b_outs, known, bundled, lexicons_base),
        "bundled_examples": examples,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--output", default=str(RESULTS), help=f"where to write the results (default {RESULTS.name})")
    ap.add_argument("models", nargs="+", help="LABEL=CHECKPOINT")
    args = ap.parse_args()
    all_pairs = data.read_pairs(args.data)
    lexicons = {"data_file": word_set(ko for _, ko in all_pairs),
                "bundled_corpus": word_set(ko for _, ko in data.read_pairs(data.BUNDLED_KOREAN))}
    result = {"data": Path(args.data).name, "models": {}}
    for spec in args.models:
        label, path = spec.split("=", 1)
        result["models"][label] = m = measure(path, args.data, lexicons)
        print(label, json.dumps({k: m[k] for k in ("heldout_references", "heldout_outputs")}), flush=True)
    Path(args.output).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
