"""A jamo model in the decoding explorer: the output line is composed as the decoder writes
letters (`hangul.pending_syllable`), and the candidates are letters shown as compatibility jamo
(`hangul.jamo_label`, carried to the page in the model's info).  explorer_steps.js's `stepView` is
compared with Python's `step_view` under Node; tests/browser/test_static_explorer.py drives
the page itself.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from seq2seq_lib import decoding, hangul, widgets

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
HANGUK = hangul.to_jamo("한국")  # ᄒ ᅡ ᆫ ᄀ ᅮ ᆨ
FORCE = dict(enumerate(HANGUK))
MODERN = [chr(c) for r in ((0x1100, 0x1112), (0x1161, 0x1175), (0x11A8, 0x11C2)) for c in range(r[0], r[1] + 1)]


def test_jamo_labels():
    assert [hangul.jamo_label(c) for c in HANGUK] == ["ㅎ", "ㅏ", "-ㄴ", "ㄱ", "ㅜ", "-ㄱ"]
    assert [hangul.jamo_label(c) for c in "a 한\u115f"] == ["a", " ", "한", "\u115f"]  # not letters, or a filler
    for ch in MODERN:  # every modern letter is shown as a compatibility jamo (U+3131–U+318E)
        label = hangul.jamo_label(ch)
        assert 0x3131 <= ord(label[-1]) <= 0x318E and label[:-1] == ("-" if ch >= "\u11a8" else ""), hex(ord(ch))
    assert hangul.jamo_labels(["\u1100", "a", "\u11a8"]) == {"\u1100": "ㄱ", "\u11a8": "-ㄱ"}


@pytest.fixture(scope="module")
def traces(tiny_jamo):
    tr = decoding.Translator(tiny_jamo)
    return {"forced": tr.trace("Hi.", force=FORCE).to_dict(), "greedy": tr.trace("Go now.").to_dict()}


def python_views(trace, info, lang):
    views = [widgets.step_view(trace, i, info, lang) for i in range(len(trace["steps"]))]
    return [{**{k: v for k, v in view.items() if k != "attention"}, "candidates": [list(c) for c in view["candidates"]]}
            for view in views]


def test_the_output_line_is_composed_as_letters_arrive(tiny_jamo, traces):
    info = widgets.model_info(tiny_jamo, "tiny_jamo", "ko")
    assert info["labels"] == hangul.jamo_labels(tiny_jamo.target_vocab.tokens) and info["labels"]["\u11ab"] == "-ㄴ"
    views = python_views(traces["forced"], info, "ko")
    assert [v["output"] for v in views[:6]] == ["\u1112", "하", "한", "한\u1100", "한구", "한국"]
    assert [v["new"] for v in views[:6]] == ["\u1112", "하", "한", "\u1100", "구", "국"]
    for trace in traces.values():
        letters = ""
        for st, v in zip(trace["steps"], python_views(trace, info, "ko")):
            letters += "" if st["token"] == info["end"] else st["token"]
            assert v["output"] == hangul.pending_syllable(letters) and v["output"].endswith(v["new"])
            tokens = [t for t, _ in st["candidates"]] + ([] if st["token"] in dict(st["candidates"]) else [st["token"]])
            assert [c[0] for c in v["candidates"]] == [info["labels"].get(t, widgets.token_label(t)) for t in tokens]
            assert not any(hangul.is_jamo(ch) for c in v["candidates"] for ch in c[0])


def test_a_french_model_has_no_letter_labels(tiny_lstm):
    assert "labels" not in widgets.model_info(tiny_lstm, "tiny_char", "en")


@pytest.mark.skipif(NODE is None, reason="needs Node.js (node) on PATH")
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_explorer_js_shows_what_python_shows(tiny_jamo, traces, lang):
    info = widgets.model_info(tiny_jamo, "tiny_jamo", lang)
    for name, trace in traces.items():
        cases = {"trace": trace, "info": info, "strings": widgets.STRINGS[lang]}
        done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "step_views.js")], input=json.dumps(cases),
                              capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == python_views(trace, info, lang), name
