"""The explorer's beam mode in a static page (as in the built book), in headless Chromium.

The search select switches to beam search; beam.js runs in the page on the exported tiny
models, explorer_beam.js draws the tree and the n-best list.  What the page shows is compared
with `decoding.Translator.beam` (Python's beam search); every request elsewhere is refused.
"""

import pytest

from seq2seq_lib import decoding, sentences, widgets

from test_static_explorer import LANGS, by_id, open_page, select_model, wait_answered

CLEAN = {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}


def beam_shown(page) -> dict:
    """What the beam view shows: its nodes (in order) and the n-best list."""
    return page.evaluate(
        """() => {
          const box = document.querySelector('[data-testid=explorer-beam]');
          const nodes = [...document.querySelectorAll('[data-testid=explorer-beam-node]')];
          const hyps = [...document.querySelectorAll('[data-testid=explorer-beam-hyp]')];
          return {
            hidden: !box || box.hidden,
            nodes: nodes.map((b) => ({id: +b.dataset.node, step: +b.dataset.step, kept: b.dataset.kept === 'true',
                                      prefix: b.dataset.prefix, label: b.getAttribute('aria-label'),
                                      logp: b.querySelector('.s2s-beam-logp').textContent})),
            nbest: hyps.map((li) => li.querySelector('[data-testid=explorer-beam-output]').textContent),
            scores: hyps.map((li) => +li.dataset.score),
            links: document.querySelectorAll('[data-testid=explorer-beam] svg line').length,
            steps_hidden: document.querySelector('[data-testid=explorer-candidates]').closest('[hidden]') !== null,
            note: document.querySelector('[data-testid=explorer-beam-note]').textContent,
          };
        }"""
    )


def wait_beam(page, output):
    page.wait_for_function(
        """(o) => { const li = document.querySelector('[data-testid=explorer-beam-output]');
                    return !document.querySelector('.s2s-root.s2s-busy') && li && li.textContent === o; }""",
        arg=output,
    )


def beam_mode(page, text):
    page.select_option("[data-testid=explorer-search]", "beam")
    wait_answered(page)
    by_id(page, "explorer-input").fill(text)
    by_id(page, "explorer-input").press("Enter")


def assert_same_beam(got, want):
    """The page's tree and n-best list are Python's BeamResult (`want`, a to_dict())."""
    assert [n["id"] for n in got["nodes"]] == [n["id"] for n in want["nodes"]]
    assert [n["step"] for n in got["nodes"]] == [n["step"] for n in want["nodes"]]
    assert [n["kept"] for n in got["nodes"]] == [n["kept"] for n in want["nodes"]]
    assert [float(n["logp"]) for n in got["nodes"]] == pytest.approx([n["logp"] for n in want["nodes"]], abs=0.011)
    assert got["nbest"] == [h["output"] for h in want["nbest"]]
    assert got["scores"] == pytest.approx([h["score"] for h in want["nbest"]], abs=1e-4)


@pytest.mark.parametrize("lang", LANGS)
def test_beam_mode_draws_the_tree_and_the_nbest_list(guarded, static_site, explorers, tiny_lstm, lang):
    page = open_page(guarded, static_site, lang)
    ex = explorers[lang]
    options = page.eval_on_selector_all("[data-testid=explorer-search] option", "os => os.map(o => o.value)")
    assert options == ["greedy", "sample", "beam"]
    assert by_id(page, "explorer-beam").is_hidden()
    text = "I'm cold."
    beam_mode(page, text)
    want = decoding.Translator(tiny_lstm).beam(text, beam_size=3, alpha=0.0).to_dict()
    wait_beam(page, want["output"])
    got = beam_shown(page)
    assert not got["hidden"] and got["steps_hidden"]
    assert_same_beam(got, want)
    kept = [n for n in got["nodes"] if n["kept"]]
    assert kept and len(kept) < len(got["nodes"])  # some kept, some dropped
    assert got["links"] == sum(1 for n in want["nodes"] if n["parent"] is not None)
    first = got["nodes"][0]
    assert first["label"] == widgets.fill(widgets.STRINGS[lang]["beam_node"], prefix=first["prefix"],
                                          logp=f"{want['nodes'][0]['logp']:.3f}", state=widgets.STRINGS[lang]["beam_kept"])
    assert by_id(page, "explorer-beam-size").input_value() == "3"
    # a wider beam and a length penalty: Python's result again
    by_id(page, "explorer-beam-size").fill("5")
    by_id(page, "explorer-beam-size").press("Tab")
    page.select_option("[data-testid=explorer-beam-alpha]", "0.6")
    want = decoding.Translator(tiny_lstm).beam(text, beam_size=5, alpha=0.6).to_dict()
    page.wait_for_function("(n) => document.querySelectorAll('[data-testid=explorer-beam-node]').length === n",
                           arg=len(want["nodes"]))
    wait_beam(page, want["output"])
    assert_same_beam(beam_shown(page), want)
    # back to greedy: the step-by-step view returns
    page.select_option("[data-testid=explorer-search]", "greedy")
    page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                           arg=decoding.Translator(tiny_lstm).trace(text).output)
    assert by_id(page, "explorer-beam").is_hidden() and by_id(page, "explorer-candidates").is_visible()
    # "sampling" picks a temperature of the temperature menu; choosing greedy there shows "greedy" here
    page.select_option("[data-testid=explorer-search]", "sample")
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-temperature]').value !== '0'")
    wait_answered(page)
    page.select_option("[data-testid=explorer-temperature]", "0")
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-search]').value === 'greedy'")
    assert guarded.problems() == CLEAN


def test_clicking_a_node_forces_its_prefix(guarded, static_site, tiny_lstm):
    page = open_page(guarded, static_site, "en")
    tr = decoding.Translator(tiny_lstm)
    text = "Help me!"
    beam_mode(page, text)
    first = tr.beam(text, beam_size=3).to_dict()
    wait_beam(page, first["output"])
    # a kept node after step 0 that is not on the best path and not finished
    on_best, i = set(), first["nbest"][0]["node"]
    while i is not None:
        on_best.add(i)
        i = first["nodes"][i]["parent"]
    node = next((n for n in first["nodes"] if n["kept"] and n["step"] >= 1 and not n["finished"] and n["id"] not in on_best),
                next(n for n in first["nodes"] if n["kept"] and n["step"] >= 1 and not n["finished"]))
    button = page.locator(f"[data-testid=explorer-beam-node][data-node='{node['id']}']")
    prefix = button.get_attribute("data-prefix")
    button.focus()  # keyboard reachable: Enter presses it
    page.keyboard.press("Enter")
    force, i = {}, node["id"]
    while i is not None:
        force[first["nodes"][i]["step"]] = first["nodes"][i]["token"]
        i = first["nodes"][i]["parent"]
    want = tr.beam(text, beam_size=3, force=force).to_dict()
    assert want["output"].startswith(prefix)
    page.wait_for_function("(n) => document.querySelector('[data-testid=explorer-beam-note]').textContent !== ''")
    wait_beam(page, want["output"])
    got = beam_shown(page)
    assert_same_beam(got, want)
    assert got["nbest"][0].startswith(prefix) and prefix in got["note"]
    # Translate starts over without the forced prefix
    by_id(page, "explorer-translate").click()
    wait_beam(page, first["output"])
    assert beam_shown(page)["note"] == ""
    assert guarded.problems() == CLEAN


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_in_beam_mode_shows_the_same_message(guarded, static_site, explorers, lang):
    page = open_page(guarded, static_site, lang)
    ex = explorers[lang]
    page.select_option("[data-testid=explorer-search]", "beam")
    wait_answered(page)
    for text in ["", "안녕하세요", "Héllo€\u200b", "Go. " * 10]:
        by_id(page, "explorer-input").fill(text)
        by_id(page, "explorer-translate").click()
        expected = widgets.input_problem(ex.info("tiny_char"), text, lang)
        page.wait_for_function(
            "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t", arg=expected
        )
        assert by_id(page, "explorer-beam-node").count() == 0
    # a model without an exported file: beam search needs the live decoder, and says so
    select_model(page, "tiny_nolive")
    by_id(page, "explorer-input").fill("Go.")
    by_id(page, "explorer-translate").click()
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-message]').textContent.includes(\"(\")")
    assert by_id(page, "explorer-message").text_content().startswith(
        widgets.STRINGS[lang]["no_live_beam"].split("(")[0])
    assert guarded.problems()["page errors"] == [] and guarded.problems()["external requests"] == []


def test_word_model_beam_with_its_joining_rule(guarded, static_site, tiny_word):
    """A word model: nodes are words, prefixes and outputs joined by the model's rule."""
    page = open_page(guarded, static_site, "en")
    select_model(page, "tiny_word")
    wait_answered(page)
    text = "Help me!"
    beam_mode(page, text)
    want = decoding.Translator(tiny_word).beam(text, beam_size=3).to_dict()
    wait_beam(page, want["output"])
    got = beam_shown(page)
    assert_same_beam(got, want)
    for n, w in zip(got["nodes"], want["nodes"]):  # a node's prefix: its path, END left out, joined
        path, i = [], w["id"]
        while i is not None:
            path.insert(0, want["nodes"][i]["token"])
            i = want["nodes"][i]["parent"]
        words = [t for t in path if t != widgets.model_info(tiny_word, "tiny_word", "en")["end"]]
        assert n["prefix"] == sentences.join_tokens("word", words)
    assert guarded.problems() == CLEAN
