"""What the explorer says (`explorer_text.py`): the page's language, input problems, the way a
probability is written, the view at a step (the strings themselves: test_explorer_strings.py)."""

from seq2seq_lib import explorer_text


def test_language_follows_the_notebook_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(explorer_text.LANG_ENV, raising=False)
    for lang in ("ko", "en"):
        d = tmp_path / "book" / lang
        d.mkdir(parents=True)
        assert explorer_text.detect_lang(d) == lang
        monkeypatch.chdir(d)
        assert explorer_text.detect_lang() == lang
    assert explorer_text.detect_lang(tmp_path) == "en"
    monkeypatch.setenv(explorer_text.LANG_ENV, "ko")
    assert explorer_text.detect_lang(tmp_path) == "ko"


def test_percent_rounds_half_up():
    assert explorer_text.percent(0.12345) == "12.3%"
    assert explorer_text.percent(0.12355) == "12.4%"
    assert explorer_text.percent(1.0) == "100.0%"
    assert explorer_text.percent(0.0004) == "<0.1%"
    assert explorer_text.percent(0.0005) == "0.1%"
