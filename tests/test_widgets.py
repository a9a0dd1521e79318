"""The decoding explorer's logic, driven from Python without a browser.

`Explorer.press` and `Explorer.choose` do what the page's Translate button and candidate bars
do (set the traits, bump `request`); `Explorer.view(step)` is what the page shows at a step
(explorer_steps.js computes the same, see tests/browser/).  The tiny models of tests/conftest.py
translate badly, which does not matter here.
"""

import json
import re
from pathlib import Path

import pytest

from seq2seq_lib import checkpoints, decoding, widgets

ROOT = Path(__file__).resolve().parents[1]


def plain(trace):
    return json.loads(json.dumps(trace.to_dict()))


@pytest.fixture
def ex(tiny_lstm):
    return widgets.Explorer({"tiny": tiny_lstm}, examples=("Go.", "Be nice."), lang="en")


@pytest.fixture
def ex_word(tiny_word):
    return widgets.Explorer({"word": tiny_word}, examples=("Go.",), lang="en")


# ---------------------------------------------------------------------------------------------
# The front-end files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*widgets.FRONT_END_STYLES, *widgets.FRONT_END_SCRIPTS])
def test_packaged_front_end_is_the_books(name):
    """One front-end: book/_static/<name> is a link to the package's file (which anywidget
    loads), so the book and JupyterLab cannot run different copies."""
    book = ROOT / "book" / "_static" / name
    assert book.is_symlink() and book.resolve() == (widgets.WEB_DIR / name).resolve()


def test_style_sheets_do_not_depend_on_their_order():
    """Jupyter Book links book/_static's sheets in file-system order, so a rule of
    explorer_views.css either styles classes that explorer.css never names or wins by !important."""
    base_classes = set(re.findall(r"\.(s2s-[\w-]+)", re.sub(r"\{[^}]*\}", "", widgets.web_file("explorer.css"))))
    views = widgets.web_file("explorer_views.css")
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", views, flags=re.S))
    assert len(rules) > 20
    for selectors, body in rules:
        for selector in selectors.split(","):
            own = set(re.findall(r"\.(s2s-[\w-]+)", selector)) - base_classes  # the views' own elements
            important = all("!important" in d for d in body.split(";") if d.strip())
            assert own or important, selector.strip()


def test_explorer_js_is_a_classic_script():
    """No import/export statements (a module would be refused from file:// pages); the ESM
    for anywidget is the same text plus one default export."""
    esm = widgets.esm_source()
    for name in widgets.FRONT_END_SCRIPTS:
        src = widgets.web_file(name)
        assert not re.search(r"^\s*(import|export)\b", src, re.M), name
        assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function", src), name
        assert src in esm, name
    assert esm.startswith(widgets.web_file("decoder_cells.js"))
    assert esm.rstrip().endswith("export default { render: globalThis.Seq2SeqExplorer.render };")


def test_widget_ships_the_script_and_the_style(ex):
    """anywidget syncs `_esm` and `_css` only when they are class attributes."""
    assert {"_esm", "_css"} <= set(ex.keys)
    assert ex._esm == widgets.esm_source() and ex._css == "\n".join(map(widgets.web_file, widgets.FRONT_END_STYLES))
    state = ex.get_state()
    assert state["_css"].startswith("/* The decoding explorer") and "Seq2SeqExplorer" in state["_esm"]
    assert ".s2s-attn-cell" in state["_css"] and ".s2s-beam-tree" in state["_css"]  # the views' sheet too


# ---------------------------------------------------------------------------------------------
# Typing, pressing, stepping
# ---------------------------------------------------------------------------------------------


def test_first_example_is_decoded_on_creation(ex, tiny_lstm):
    assert ex.model_key == "tiny" and ex.text == "Go." and ex.error == ""
    assert ex.trace == plain(decoding.Translator(tiny_lstm).trace("Go."))


def test_press_decodes_and_every_step_shows_the_output_so_far(ex, tiny_lstm):
    ex.press("Be nice.")
    assert ex.answered == ex.request and not ex.busy and ex.error == ""
    expected = decoding.Translator(tiny_lstm).trace("Be nice.")
    assert ex.trace == plain(expected)
    steps = expected.steps
    for i, st in enumerate(steps):
        v = ex.view(i)
        assert v["input"] == "Be nice." and v["step"] == i and v["steps"] == len(steps)
        # the output so far ends with the new token, highlighted (END is shown apart)
        if st.token == "\n":
            assert v["end"] and v["new"] == "" and v["output"] == st.prefix
        else:
            assert v["new"] == st.token and v["output"] == st.prefix + st.token
        assert len(v["candidates"]) == 5
        assert [c[2] for c in v["candidates"]].count(True) == 1
        assert v["candidates"][0][0] == decoding.show_token(st.candidates[0][0])
        assert not v["forced"]
        last = i == len(steps) - 1
        assert bool(v["message"]) == last
    assert ex.view(len(steps) - 1)["output"] == expected.output
    stop = ex.view(len(steps) - 1)["message"]
    assert stop.startswith("Stopped") and (("⏎" in stop) == (expected.stop_reason == "end"))
    # steps past either end are clamped, as the slider does
    assert ex.view(-3)["step"] == 0 and ex.view(10_000)["step"] == len(steps) - 1


def test_request_from_the_page(ex, tiny_lstm):
    """What the page sends: the traits, then `request` bumped, in one message."""
    with ex.hold_trait_notifications():
        ex.text, ex.force, ex.step = "  Be nice.  ", {}, 0
        ex.request = ex.request + 1
    assert ex.trace["source"] == "Be nice." and ex.answered == ex.request


def test_choose_forces_a_candidate_and_decodes_the_rest_again(ex, tiny_lstm):
    ex.press("Be nice.")
    before = ex.trace
    step = 2
    alternative = next(tok for tok, _ in before["steps"][step]["candidates"] if tok != before["steps"][step]["token"])
    ex.choose(step, alternative)
    assert ex.force == {"2": alternative} and ex.step == step and ex.error == ""
    after = ex.trace
    assert after["steps"][:step] == before["steps"][:step]
    assert after["steps"][step]["token"] == alternative and after["steps"][step]["forced"]
    assert after == plain(decoding.Translator(tiny_lstm).trace("Be nice.", force={step: alternative}))
    v = ex.view(step)
    assert v["forced"] and v["new"] == alternative
    # a second change later on keeps the first; a change earlier drops the later ones
    later = after["steps"][4]["candidates"][1][0]
    ex.choose(4, later)
    assert ex.force == {"2": alternative, "4": later}
    assert ex.trace["steps"][2]["forced"] and ex.trace["steps"][4]["forced"]
    ex.choose(1, ex.trace["steps"][1]["candidates"][1][0])
    assert list(ex.force) == ["1"]
    # pressing Translate again forgets the forced tokens
    ex.press()
    assert ex.force == {} and ex.trace == before


def test_beam_mode_answers_with_translator_beam(ex, tiny_lstm):
    """What the page's beam mode asks for: `search="beam"`, a beam size and alpha; the answer is
    `Translator.beam(...).to_dict()` in `beam` (and no trace); clicking a node forces its prefix."""
    tr = decoding.Translator(tiny_lstm)
    ex.beam_search(beam_size=3, alpha=0.6, text="Be nice.")
    want = tr.beam("Be nice.", beam_size=3, alpha=0.6).to_dict()
    assert ex.search == "beam" and ex.error == "" and ex.trace == {}
    assert ex.beam == json.loads(json.dumps(want))
    node = next(n for n in want["nodes"] if n["kept"] and n["step"] == 2 and not n["finished"])
    ex.choose_node(node["id"])
    force = {int(k): v for k, v in ex.force.items()}
    assert sorted(force) == [0, 1, 2] and force[2] == node["token"]
    assert ex.beam == json.loads(json.dumps(tr.beam("Be nice.", beam_size=3, alpha=0.6, force=force).to_dict()))
    # a request from the page: the traits, then `request` bumped
    with ex.hold_trait_notifications():
        ex.beam_size, ex.alpha, ex.force = 5, 0.0, {}
        ex.request = ex.request + 1
    assert ex.beam == json.loads(json.dumps(tr.beam("Be nice.", beam_size=5).to_dict()))
    # bad input: the message of greedy mode; a refused option: one line, no traceback
    ex.press("안녕하세요")
    assert ex.error == widgets.STRINGS["en"]["korean"] and ex.beam == {}
    ex.beam_size = 99
    ex.press("Be nice.")
    assert ex.error.startswith("Decoding failed: ValueError: beam size") and ex.beam == {}
    # back to greedy
    ex.search, ex.beam_size = "greedy", 3
    ex.press("Be nice.")
    assert ex.beam == {} and ex.trace == plain(tr.trace("Be nice."))


def test_temperature_sampling_with_a_seed(ex, tiny_lstm):
    ex.temperature, ex.seed = 1.0, 3
    ex.press("Be nice.")
    first = ex.trace
    assert first == plain(decoding.Translator(tiny_lstm).trace("Be nice.", temperature=1.0, seed=3))
    ex.press()
    assert ex.trace == first  # same seed, same sample
    ex.temperature = 0.0
    ex.press()
    assert ex.trace == plain(decoding.Translator(tiny_lstm).trace("Be nice."))


def test_switching_models(tiny_lstm, tiny_word):
    ex = widgets.Explorer({"c": tiny_lstm, "w": tiny_word}, examples=("Go.",), lang="en")
    assert [m["id"] for m in ex.models] == ["c", "w"]
    assert [m["level"] for m in ex.models] == ["char", "word"]
    ex.press("Go.", model_key="w")
    assert ex.trace == plain(decoding.Translator(tiny_word).trace("Go."))
    last = ex.view(len(ex.trace["steps"]) - 1)
    assert last["output"] == ex.trace["output"] or last["end"]


# ---------------------------------------------------------------------------------------------
# Bad input: a clear message, never a traceback
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    "text, key",
    [
        ("", "empty"),
        ("   ", "empty"),
        ("안녕하세요", "korean"),
        ("Go 집에.", "korean"),
        ("Héllo€", "unknown"),
        ("Go. " * 10, "too_long_char"),
    ],
)
def test_bad_input_shows_a_message(tiny_lstm, lang, text, key):
    ex = widgets.Explorer({"tiny": tiny_lstm}, examples=("Go.",), lang=lang)
    ex.press(text)
    assert ex.trace == {} and ex.answered == ex.request
    template = widgets.STRINGS[lang][key]
    assert ex.error.startswith(template.split("{")[0])
    assert "Traceback" not in ex.error and "\n" not in ex.error
    assert ex.view()["message"] == ex.error
    if key == "unknown":
        assert "“é”" in ex.error and "“€”" in ex.error


def test_unknown_characters_are_listed_once_and_capped(ex):
    ex.press("ÀÁÂÃÄÅÆÇÈÉÊËÀÀ")
    assert ex.error.count("“À”") == 1
    assert "“Ê”, “Ë”" not in ex.error and widgets.fill(widgets.STRINGS["en"]["more"], n=2) in ex.error


def test_invisible_characters_are_named_by_code_point(ex):
    ex.press("Go\u200b.")
    assert "U+200B" in ex.error


def test_word_model_messages(ex_word, tiny_word):
    ex_word.press("안녕")
    assert ex_word.error == widgets.STRINGS["en"]["korean"]
    ex_word.press(" ".join(["go"] * (tiny_word.max_encoder_seq_length + 1)))
    assert ex_word.error.startswith("Too long:") and "words" in ex_word.error
    ex_word.press("Go zzzqx.")  # unknown words are read as <unk>, not refused
    assert ex_word.error == "" and ex_word.trace["source"] == "Go zzzqx."


def test_library_refusals_are_shown_not_raised(ex):
    """A forced token outside the vocabulary makes the library raise InputError: one line."""
    ex.press("Go.")
    with ex.hold_trait_notifications():
        ex.force = {"0": "@@not a token@@"}
        ex.request += 1
    assert ex.trace == {} and ex.error.startswith("Cannot translate this input: cannot force")


def test_korean_labels_and_messages(tiny_lstm):
    ex = widgets.Explorer({"char_lstm": tiny_lstm}, examples=("Go.",), lang="ko")
    assert ex.strings["translate"] == "번역" and ex.models[0]["label"] == "문자 수준 LSTM"
    ex.press("")
    assert ex.error == widgets.STRINGS["ko"]["empty"]
    ex.press("Go.")
    last = ex.view(len(ex.trace["steps"]) - 1)
    assert last["message"].startswith("멈춤")


def test_missing_checkpoints_are_left_out(monkeypatch, tmp_path):
    monkeypatch.setattr(checkpoints, "CHECKPOINT_DIR", tmp_path)
    ex = widgets.Explorer(models=("char_lstm", "word_lstm"), lang="en")
    assert ex.models == [] and ex.error == widgets.STRINGS["en"]["no_models"]
    ex.press("Go.")
    assert ex.error == widgets.STRINGS["en"]["no_models"] and ex.trace == {}
    assert 'class="s2s-explorer"' in ex.static_html()


def test_checkpoint_paths_are_loaded(tiny_lstm, tmp_path, monkeypatch):
    checkpoints.save(tiny_lstm, tmp_path / "char_lstm.keras")
    monkeypatch.setattr(checkpoints, "CHECKPOINT_DIR", tmp_path)
    ex = widgets.explorer(examples=("Go.",), lang="en")  # the shipped ids; only char_lstm exists
    assert [m["id"] for m in ex.models] == ["char_lstm"]
    assert ex.models[0]["label"] == "Character LSTM"
    assert ex.trace == plain(decoding.Translator(tiny_lstm).trace("Go."))


# ---------------------------------------------------------------------------------------------
# Language of the labels
# ---------------------------------------------------------------------------------------------


def test_lang_none_uses_the_working_directory(tiny_lstm, tmp_path, monkeypatch):
    monkeypatch.delenv(widgets.LANG_ENV, raising=False)
    d = tmp_path / "book" / "ko"
    d.mkdir(parents=True)
    monkeypatch.chdir(d)
    ex = widgets.Explorer({"t": tiny_lstm}, examples=("Go.",))
    assert ex.lang == "ko" and ex.strings == widgets.STRINGS["ko"]


# ---------------------------------------------------------------------------------------------
# The book's static explorer (text/html)
# ---------------------------------------------------------------------------------------------


def test_display_has_the_widget_and_the_static_html(ex):
    data, _ = ex._repr_mimebundle_()
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == ex.model_id
    assert data["text/html"].startswith('<div class="s2s-explorer" lang="en">')
    assert "text/plain" in data


def config_of(static_html):
    m = re.search(r'<script type="application/json" class="s2s-explorer-config">(.*?)</script>', static_html, re.S)
    return json.loads(m.group(1))


def test_static_html_escapes_what_could_break_out(tiny_lstm):
    nasty = "</script><img src=x onerror=alert(1)><!-- & \u2028"
    ex = widgets.Explorer({"tiny": tiny_lstm}, examples=(nasty, "Go."), lang="en")
    page = ex.static_html()
    assert page.count("</script") == 1 and "<img" not in page and "<!--" not in page and "\u2028" not in page
    cfg = config_of(page)
    assert cfg["examples"][0] == nasty
    assert nasty not in cfg["traces"]["tiny"]  # refused input is not pre-decoded
    assert "Go." in cfg["traces"]["tiny"]


@pytest.mark.parametrize("fixture", ["tiny_lstm", "tiny_word"])
def test_pack_unpack_round_trip(request, fixture):
    s2s = request.getfixturevalue(fixture)
    tr = decoding.Translator(s2s)
    end = "\n" if s2s.level == "char" else "</s>"
    for text in ("Go.", "Be nice.", "I'm cold."):
        d = plain(tr.trace(text))
        assert widgets.unpack(widgets.pack(d, s2s.level, end), s2s.level, end) == widgets.rounded(d)
        alt = d["steps"][1]["candidates"][1][0]
        f = plain(tr.trace(text, force={1: alt}))
        packed = widgets.pack(f, s2s.level, end, start=1)
        assert widgets.unpack(packed, s2s.level, end, base=widgets.rounded(d)) == widgets.rounded(f)


def test_static_config_has_every_single_change_of_the_greedy_trace(tiny_lstm):
    ex = widgets.Explorer({"tiny": tiny_lstm}, examples=("Go.",), lang="ko")
    cfg = config_of(ex.static_html())
    assert cfg["lang"] == "ko" and cfg["strings"] == widgets.STRINGS["ko"] and cfg["model_key"] == "tiny"
    info = cfg["models"][0]
    tr = decoding.Translator(tiny_lstm)
    packed = cfg["traces"]["tiny"]["Go."]
    greedy = widgets.unpack(packed["g"], info["level"], info["end"])
    assert greedy == widgets.rounded(plain(tr.trace("Go.")))
    for i, st in enumerate(greedy["steps"]):
        alternatives = [tok for tok, _ in st["candidates"] if tok != st["token"]]
        assert sorted(packed["x"][str(i)]) == sorted(alternatives)
        for tok in alternatives[:2]:
            got = widgets.unpack(packed["x"][str(i)][tok], info["level"], info["end"], base=greedy)
            assert got == widgets.rounded(plain(tr.trace("Go.", force={i: tok})))
    for temp in widgets.TEMPERATURES[1:]:
        for seed in widgets.STATIC_SEEDS:
            got = widgets.unpack(packed["sm"][f"{temp:g}:{seed}"], info["level"], info["end"])
            assert got == widgets.rounded(plain(tr.trace("Go.", temperature=temp, seed=seed)))
