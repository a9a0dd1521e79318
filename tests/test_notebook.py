"""The book's shared notebook helpers."""

import inspect

from seq2seq_lib import decoding, notebook


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
