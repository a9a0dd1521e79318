"""The example sentences' references and glosses (seq2seq_lib/examples.py, resources/examples.yml)."""

import json
from pathlib import Path

import pytest

from seq2seq_lib import checkpoints, decoding, examples, shipped

ROOT = Path(__file__).resolve().parent.parent


def test_every_example_sentence_has_references():
    for sentence in examples.SENTENCES + examples.POST_EXAMPLES:
        assert examples.references(sentence), sentence


def test_references_join_the_bundled_corpus_and_the_file():
    refs = examples.references("Be nice.")
    assert "Sois gentil !" in refs  # the bundled corpus's
    assert "Soyez gentilles !" in refs  # examples.yml's
    assert len(refs) == len(set(refs))


def test_mark():
    assert examples.mark("Sors !", ["Sors !", "Sortez !"]) == "✓"
    assert examples.mark(" Sors ! ", ["Sors !"]) == "✓"
    assert examples.mark("Sor !", ["Sors !"]) == "✗"
    assert examples.mark("Sors !", []) == "?"


def test_glosses_have_both_languages():
    for output, entry in examples._table()["glosses"].items():
        assert output == output.strip(), output
        assert set(entry) == {"en", "ko"}, output
        assert entry["en"].strip() and entry["ko"].strip(), output
    assert examples.gloss("Sors !", "ko") == "나가!"
    assert examples.gloss("certainly not an output", "en") == examples.NO_GLOSS


def test_compare_prints_marks_references_and_glosses(capsys):
    examples.compare({"m": ["Sois bien !"], "n": ["Sois gentil !"]}, ["Be nice."], lang="en")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Be nice."
    assert out[1].startswith("   reference: Sois gentil !")
    assert out[2].startswith("   ✗ m") and "Be well!" in out[2]
    assert out[3].startswith("   ✓ n") and "« Be nice! »" in out[3]
    examples.compare({"m": ["Sois bien !"]}, ["Be nice."], lang="ko")
    assert "정답:" in capsys.readouterr().out


@pytest.mark.parametrize("name", [n for n in shipped.NAMES if not n.startswith("kor")])
def test_shipped_outputs_are_glossed(name):
    s2s = checkpoints.load(checkpoints.CHECKPOINT_DIR / f"{name}.keras")
    outs = decoding.Translator(s2s).translate(examples.SENTENCES + examples.POST_EXAMPLES)
    missing = {o.strip() for o in outs if isinstance(o, str) and examples.gloss(o, "en") == examples.NO_GLOSS}
    assert not missing, f"add glosses to resources/examples.yml for {sorted(missing)}"


def test_no_stored_notebook_lacks_a_gloss():
    for path in sorted((ROOT / "book").glob("*/ch*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = "".join(output.get("text", "")) + json.dumps(output.get("data", {}), ensure_ascii=False)
                assert examples.NO_GLOSS not in text, f"{path.relative_to(ROOT)}: add the gloss to resources/examples.yml"
