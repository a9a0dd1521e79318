"""The explorer's words (`explorer_text.py`): the two languages' strings, the page's language,
the way a probability is written."""

import re

from seq2seq_lib import explorer_text


def test_strings_have_the_same_keys_in_both_languages():
    assert set(explorer_text.STRINGS["en"]) == set(explorer_text.STRINGS["ko"])
    for key, en in explorer_text.STRINGS["en"].items():
        assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", explorer_text.STRINGS["ko"][key])), key


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
