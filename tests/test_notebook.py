"""The helpers the chapters share (seq2seq_lib/notebook.py) and that no chapter copies."""

import inspect
import re
from pathlib import Path


from seq2seq_lib import checkpoints, decoding, notebook

SRC = Path(__file__).resolve().parent.parent / "book" / "src"


def test_shipped_and_heldout_scores(capsys):
    assert notebook.shipped("no_such_model") is None
    assert "no_such_model.keras is not in this copy" in capsys.readouterr().out
    assert notebook.heldout_scores("no_such_model") is None
    card = checkpoints.model_card(checkpoints.CHECKPOINT_DIR / "char_gru.keras")
    assert notebook.heldout_scores("char_gru") == card["heldout"]
    s2s = notebook.shipped("char_gru")
    assert s2s.cell == "gru" and s2s.info == checkpoints.read_meta(checkpoints.CHECKPOINT_DIR / "char_gru.keras")["info"]


def test_show_fences_the_source():
    text = notebook.source_markdown(notebook.shipped)
    assert text.startswith("```python\ndef shipped(name):") and text.endswith("```")


def test_chapters_define_none_of_the_shared_helpers():
    for src in sorted(SRC.glob("ch*.md")):
        text = src.read_text(encoding="utf-8")
        for name in ("show", "shipped", "heldout_scores"):
            assert not re.search(rf"^def {name}\(", text, re.M), f"{src.name} defines {name}"
        assert not re.search(r"^SENTENCES = ", text, re.M), f"{src.name} defines SENTENCES"


def test_show_stores_the_exact_source_as_a_fenced_block():
    md = notebook.source_markdown(decoding.Translator)
    assert md.startswith("```python\n") and md.endswith("\n```")
    assert md[len("```python\n"):-len("```")] == inspect.getsource(decoding.Translator)


def test_the_fence_outgrows_backticks_in_the_source():
    def has_fences():
        """A docstring quoting a fence: ```python ... ``` and ```` too."""

    md = notebook.source_markdown(has_fences)
    fence = md.split("python\n", 1)[0]
    assert fence == "`````" and md.endswith("\n" + fence)
    assert inspect.getsource(has_fences) in md


def test_show_displays_markdown_only(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    notebook.show(decoding.Translator)
    (obj,) = shown
    assert obj._repr_markdown_() == notebook.source_markdown(decoding.Translator)
    assert not hasattr(obj, "_repr_html_") or obj._repr_html_() is None
