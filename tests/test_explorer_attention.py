"""The explorer's attention view: `explorer_attention.attention_view` (in `step_view`), the
packed attention weights of the static explorer, and explorer_attention.js's `view` (run by
Node on the same traces).  tests/browser/ checks what the page draws."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from seq2seq_lib import decoding, widgets
from seq2seq_lib.explorer_attention import attention_view

ROOT = Path(__file__).resolve().parents[1]
NODE = shutil.which("node")
SENTENCES = ("Go.", "Be nice.", "I'm cold.")


def plain(trace):
    return json.loads(json.dumps(trace.to_dict()))


@pytest.fixture(scope="module")
def ex_attn(tiny_attention, tiny_lstm):
    return widgets.Explorer({"attn": tiny_attention, "char": tiny_lstm}, examples=("Go.",), lang="en")


def synthetic(source, tokens, weights):
    steps = [{"prefix": "", "token": t, "prob": 0.5, "candidates": [[t, 0.5]], "forced": False,
              "extras": {"attention": w}} for t, w in zip(tokens, weights)]
    return {"source": source, "output": "", "steps": steps, "stop_reason": "end"}


def test_each_step_shows_the_weights_of_the_steps_so_far(ex_attn, tiny_attention):
    ex_attn.press("Be nice.", model_key="attn")
    trace = plain(decoding.Translator(tiny_attention).trace("Be nice."))
    steps = trace["steps"]
    assert ex_attn.trace["steps"] == steps
    for i in range(len(steps)):
        a = ex_attn.view(i)["attention"]
        assert a["step"] == i and a["source"] == ["B", "e", "␣", "n", "i", "c", "e", "."]
        assert a["rows"] == [widgets.token_label(st["token"]) for st in steps[: i + 1]]
        np.testing.assert_allclose(a["weights"], [st["extras"]["attention"] for st in steps[: i + 1]], atol=1e-7)
        np.testing.assert_allclose(np.sum(a["weights"], axis=1), 1.0, atol=1e-5)  # a distribution per row


def test_models_without_attention_have_none(ex_attn):
    ex_attn.press("Be nice.", model_key="char")
    assert ex_attn.trace["steps"] and all("extras" not in st for st in ex_attn.trace["steps"])
    assert ex_attn.view(0)["attention"] is None and ex_attn.view(1)["attention"] is None
    assert "reverse_source" not in ex_attn.info("char")
    assert widgets.step_view({}, 0, ex_attn.info("char"))["attention"] is None


def test_reversed_sources_and_words_are_shown_in_reading_order():
    tr = synthetic("I am.", ["je", "</s>"], [[0.1, 0.2, 0.7], [0.6, 0.3, 0.1]])
    a = attention_view(tr, 5, {"level": "word", "reverse_source": True})
    assert a["source"] == ["I", "am", "."] and a["rows"] == ["je", "</s>"] and a["step"] == 1
    assert a["weights"] == [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
    assert attention_view(tr, 0, {"level": "char"})["source"] == ["1", "2", "3"]  # labels that do not fit
    assert attention_view({"steps": [{"token": "a", "extras": {}}]}, 0, {"level": "char"}) is None


def test_pack_keeps_the_attention_weights(tiny_attention):
    tr = decoding.Translator(tiny_attention)
    for text in SENTENCES:
        d = plain(tr.trace(text, force={0: "a"}))  # the tiny model may stop at once otherwise
        packed = widgets.pack(d, "char", "\n")
        assert len(packed["a"]) == len(d["steps"])
        got = widgets.unpack(packed, "char", "\n")
        assert got == widgets.rounded(d)
        np.testing.assert_allclose([s["extras"]["attention"] for s in got["steps"]],
                                   [s["extras"]["attention"] for s in d["steps"]], atol=0.5 / widgets.PROB_SCALE)
        f = plain(tr.trace(text, force={0: "a", 1: "b"}))
        packed = widgets.pack(f, "char", "\n", start=1)
        assert widgets.unpack(packed, "char", "\n", base=widgets.rounded(d)) == widgets.rounded(f)


def test_static_config_carries_attention_only_for_attention_models(ex_attn):
    cfg = json.loads(re.search(r'class="s2s-explorer-config">(.*?)</script>', ex_attn.static_html(), re.S).group(1))
    attn, char = cfg["traces"]["attn"]["Go."], cfg["traces"]["char"]["Go."]
    assert "a" in attn["g"] and all("a" in p for per in attn["x"].values() for p in per.values())
    assert "a" not in char["g"] and not any("a" in p for p in char["sm"].values())
    assert cfg["models"][0]["reverse_source"] is False


def test_the_script_is_shipped_like_the_others():
    src = widgets.web_file("explorer_attention.js")
    assert not re.search(r"^\s*(import|export)\b", src, re.M)
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", src)
    esm = widgets.esm_source()
    assert esm.index("Seq2SeqDecoder = api") < esm.index(src) < esm.index(widgets.web_file("explorer.js"))
    link = ROOT / "book" / "_static" / "explorer_attention.js"
    assert link.is_symlink() and link.resolve() == (widgets.WEB_DIR / "explorer_attention.js").resolve()


@pytest.mark.skipif(NODE is None, reason="needs Node.js (node) on PATH")
def test_js_view_equals_python(tiny_attention):
    """explorer_attention.js's `view` (with decoder.js's word tokenizer) gives Python's view."""
    d = plain(decoding.Translator(tiny_attention).trace("I'm cold."))
    cases = [(d, i, {"level": "char"}) for i in (0, 2, len(d["steps"]) - 1)]
    cases.append((synthetic("I'm  cold!", ["a", "b"], [[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]]), 1,
                  {"level": "word", "reverse_source": True}))
    cases.append(({"source": "x", "steps": [{"token": "a"}]}, 0, {"level": "char"}))
    script = ("const vm = require('vm'), fs = require('fs'); const ctx = {}; vm.createContext(ctx);"
              "for (const f of process.argv.slice(1)) vm.runInContext(fs.readFileSync(f, 'utf8'), ctx);"
              "const cases = JSON.parse(fs.readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(cases.map(([t, s, i]) => ctx.Seq2SeqAttention.view(t, s, i))));")
    files = [str(widgets.WEB_DIR / f) for f in ("decoder.js", "explorer_attention.js")]
    done = subprocess.run([NODE, "-e", script, *files], input=json.dumps(cases), capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    for got, (trace, step, info) in zip(json.loads(done.stdout), cases):
        assert got == attention_view(trace, step, info)
