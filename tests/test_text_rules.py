"""The text rules that Python and the browser both apply, compared on the cases that used to
differ: stripping, the word tokenizer, the input checks (`sentences.check_text` and decoder.js's
`checkText`), the explorer's messages (`widgets.input_problem` and explorer_steps.js's
`inputProblem`), joining output tokens (`sentences.join_tokens` and `joinTokens` with the rule
the model file carries) and how refused characters are shown.

JavaScript's `\\s` and `trim()` know U+FEFF as a space and U+001C..U+001F and U+0085 not;
Python's `str.strip` and `\\s` the other way round: "Go\\x1cnow" is two words in Python, and
must be two in the browser.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from seq2seq_lib import data, sentences, widgets

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js (node) on PATH")

TEXTS = [
    "Go\x1cnow", "Go\x85now", "Go\ufeffnow", "\ufeffGo now\ufeff", "\x1cGo.\x1f", "\x85Go\x85", " Go\u3000now\u2028",
    "  Go.  ", "", " \t\n", "\x1c\x1d\x1e\x1f\x85", "\ufeff", "Go now, please!", "Hi 안녕", "안녕하세요",
    "Tom's cat's toy", "J'ai froid, Tom !", "a-b-c d", "x\u0007y \u00e9\u00e8", "Go. " * 5, "abcdefghijklmnopqr",
    "a\u200bb", "Be\u00a0nice.", "😀 ok",
]
ALPHABET = " !',.?GJTabcdefghijklmnopqrstuvwxyz"
RULES = [{"level": "word", "alphabet": "", "max": 3}, {"level": "char", "alphabet": ALPHABET, "max": 12}]
INFOS = [{"id": r["level"], "level": r["level"], "max_input": r["max"], "input_chars": r["alphabet"], "end": "\n",
          "max_output": 10} for r in RULES]
JOINS = [["Je", "suis", "là", "."], ["Oui", ",", "Tom", "!", "Et", "toi", "?"], [".", ",", "a"], [], ["a"],
         ["a", ".", ".", ",", "b"], ["d", "'", "accord", ":", ";"],
         # a jamo model's letters (hangul.to_jamo): composed into syllables, the unfinished one too
         list("\u1112\u1161\u11ab\u1100\u116e\u11a8"), ["\u1112"], ["\u1112", "\u1161"], list("\u1112\u1161\u11ab\u1100"),
         ["\u1161", "\u1112", "\u1112", "\u11ab", " ", "?"], ["e", "\u0301", "t", "\u00e9"]]
CHARS = list("a'\"é-.😀안\u0301") + ["\x1c", "\x85", "\ufeff", "\u200b", "\u00a0", " ", "\u2028", "\u0007"]


@pytest.fixture(scope="module")
def js():
    cases = {"texts": TEXTS, "rules": RULES, "infos": INFOS, "strings": widgets.STRINGS,
             "hangul": [list(r) for r in widgets._HANGUL],
             "joins": [[sentences.join_rule(level), tokens] for level in ("char", "word") for tokens in JOINS],
             "chars": CHARS}
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "text_rules.js")], input=json.dumps(cases),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def python_check(rules, text):
    try:
        return {"ok": True, "text": sentences.check_text(text, rules["level"], set(rules["alphabet"]), rules["max"])}
    except sentences.InputError as e:
        return {"ok": False, "key": e.key, "fields": e.fields}


def test_the_cases_that_differed_are_what_python_says():
    assert data.tokenize_words("Go\x1cnow") == ["Go", "now"]
    assert "Go\x85now".split() == ["Go", "now"] and "\ufeffGo".strip() == "\ufeffGo"


def test_strip_and_words(js):
    assert js["strip"] == [t.strip() for t in TEXTS]
    assert js["tokens"] == [data.tokenize_words(t) for t in TEXTS]


def test_input_checks(js):
    for rules, got in zip(RULES, js["checks"]):
        assert got == [python_check(rules, t) for t in TEXTS], rules["level"]


def test_explorer_messages(js):
    for lang, per_info in zip(widgets.STRINGS, js["problems"]):
        for info, got in zip(INFOS, per_info):
            want = [widgets.input_problem(info, t, lang) for t in TEXTS]
            assert got == want, (lang, info["level"])


def test_joining(js):
    want = [sentences.join_tokens(level, tokens) for level in ("char", "word") for tokens in JOINS]
    assert js["joins"] == want
    assert want[len(JOINS)] == "Je suis là." and want[len(JOINS) + 1] == "Oui, Tom ! Et toi ?"
    assert want[7:11] == ["한국", "\u1112", "하", "한\u1100"] and want[12] == "\u00e9t\u00e9"


def test_refused_characters_are_shown_alike(js):
    assert js["shown"] == [widgets.show_char(c) for c in CHARS]
