"""The explorer in a static page (as in the built book), in headless Chromium.

The page is assembled from the explorer's own text/html display and book/_static, served on
127.0.0.1; every request elsewhere is refused.  What the page shows at each step is compared
with Python's `step_view` of the same trace.
"""

import pytest

from explorer_site import NASTY, as_shown, by_id, expected_views, open_page, pause, select_model, shown, wait_answered
from seq2seq_lib import decoding, widgets

LANGS = ["en", "ko"]


@pytest.mark.parametrize("lang", LANGS)
def test_page_loads_clean_in_its_language(guarded, static_site, lang):
    page = open_page(guarded, static_site, lang)
    s = widgets.STRINGS[lang]
    assert by_id(page, "explorer-translate").text_content() == s["translate"]
    assert page.locator(".s2s-explorer-fallback").count() == 0
    assert page.locator(".s2s-root").get_attribute("lang") == lang
    options = page.locator("[data-testid=explorer-model] option").all_text_contents()
    assert options == ["tiny_char", "tiny_word", "tiny_nolive", "tiny_attn"]
    for testid in ("explorer-input", "explorer-model", "explorer-output", "explorer-prev", "explorer-next",
                   "explorer-play", "explorer-slider", "explorer-message"):
        assert by_id(page, testid).count() == 1, testid
    assert by_id(page, "explorer-candidate").count() == 5
    assert guarded.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}


@pytest.mark.parametrize("lang", LANGS)
def test_stepping_shows_each_step_as_python_does(guarded, static_site, explorers, lang):
    page = open_page(guarded, static_site, lang)
    trace, views = expected_views(explorers[lang], "tiny_char", "Go.")
    n = len(views)
    assert n > 3
    s = widgets.STRINGS[lang]
    for i, v in enumerate(views):
        got = shown(page)
        assert {k: got[k] for k in as_shown(v)} == as_shown(v), f"step {i}"
        assert got["step"] == widgets.fill(s["step"], i=i + 1, n=n)
        assert got["final"] == trace["output"]
        if i < n - 1:
            by_id(page, "explorer-next").click()
    assert by_id(page, "explorer-next").is_disabled()
    assert shown(page)["message"] == widgets.stop_message(trace, explorers[lang].info("tiny_char"), lang)
    # back one step: the highlighted token and the bars change back
    by_id(page, "explorer-prev").click()
    assert {k: shown(page)[k] for k in as_shown(views[-2])} == as_shown(views[-2])
    # the slider jumps anywhere
    mid = n // 2
    page.evaluate(
        """(i) => { const s = document.querySelector('[data-testid=explorer-slider]');
                    s.value = String(i); s.dispatchEvent(new Event('input', {bubbles: true})); }""",
        mid,
    )
    assert {k: shown(page)[k] for k in as_shown(views[mid])} == as_shown(views[mid])
    assert guarded.problems()["console errors"] == [] and guarded.problems()["external requests"] == []


def test_play_runs_to_the_stop_reason(guarded, static_site, explorers):
    page = open_page(guarded, static_site, "en")
    trace, views = expected_views(explorers["en"], "tiny_char", "Be nice.")
    page.locator("[data-testid=explorer-example]", has_text="Be nice.").click()  # translates and plays
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-play]').getAttribute('aria-pressed') === 'true'")
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t",
        arg=views[-1]["message"], timeout=120_000,
    )
    assert by_id(page, "explorer-play").get_attribute("aria-pressed") == "false"
    assert shown(page)["output"] == views[-1]["output"]
    by_id(page, "explorer-play").click()  # at the end, play starts again from the first step
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-slider]').value !== String("
                           + str(len(views) - 1) + ")")
    pause(page)


@pytest.mark.parametrize("lang", LANGS)
def test_clicking_a_candidate_forces_it_and_decodes_again(guarded, static_site, explorers, lang):
    page = open_page(guarded, static_site, lang)
    greedy, views = expected_views(explorers[lang], "tiny_char", "Go.")
    by_id(page, "explorer-next").click()
    step = 1
    alternative = next(tok for tok, _ in greedy["steps"][step]["candidates"] if tok != greedy["steps"][step]["token"])
    forced, fviews = expected_views(explorers[lang], "tiny_char", "Go.", force={step: alternative})
    page.locator(f"[data-testid=explorer-candidate][data-token='{alternative}']").click()
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-final]').textContent === t", arg=forced["output"]
    )
    wait_answered(page)
    got = shown(page)
    assert {k: got[k] for k in as_shown(fviews[step])} == as_shown(fviews[step])
    assert got["forced"] and got["new"] == alternative
    before = widgets.fill(widgets.STRINGS[lang]["before"], text=greedy["output"])
    assert before in got["note"]
    # the rest is decoded again: later steps are the forced trace's
    by_id(page, "explorer-next").click()
    assert {k: shown(page)[k] for k in as_shown(fviews[step + 1])} == as_shown(fviews[step + 1])
    assert guarded.problems()["console errors"] == []


def test_sampling_with_a_seed_uses_the_pre_decoded_samples(guarded, static_site, explorers):
    page = open_page(guarded, static_site, "en")
    for seed in (0, 1):
        if seed:
            by_id(page, "explorer-seed").fill(str(seed))
            by_id(page, "explorer-seed").press("Tab")
        else:
            page.select_option("[data-testid=explorer-temperature]", "1")
        trace, views = expected_views(explorers["en"], "tiny_char", "Go.", sample=f"1:{seed}")
        page.wait_for_function(
            "(t) => document.querySelector('[data-testid=explorer-final]').textContent === t", arg=trace["output"]
        )
        wait_answered(page)
        pause(page)
        page.evaluate("() => { const s = document.querySelector('[data-testid=explorer-slider]');"
                      " s.value = '0'; s.dispatchEvent(new Event('input', {bubbles: true})); }")
        assert {k: shown(page)[k] for k in as_shown(views[0])} == as_shown(views[0])
    # back to greedy
    page.select_option("[data-testid=explorer-temperature]", "0")
    greedy, _ = expected_views(explorers["en"], "tiny_char", "Go.")
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-final]').textContent === t", arg=greedy["output"]
    )


def test_a_new_sentence_is_decoded_live_in_the_page(guarded, static_site, tiny_lstm):
    """Typing a sentence that was not pre-decoded uses decoder.js with the exported model."""
    page = open_page(guarded, static_site, "en")
    tr = decoding.Translator(tiny_lstm)
    text = "I'm cold."
    by_id(page, "explorer-input").fill(text)
    by_id(page, "explorer-input").press("Enter")
    expected = tr.trace(text)
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-source]').textContent === t", arg=text
    )
    wait_answered(page, text)
    assert by_id(page, "explorer-message").text_content() in ("", widgets.stop_message(
        expected.to_dict(), widgets.model_info(tiny_lstm, "tiny_char", "en"), "en"))
    assert by_id(page, "explorer-final").text_content() == expected.output
    # and a candidate of the live trace is forced live too
    pause(page)
    page.evaluate("() => { const s = document.querySelector('[data-testid=explorer-slider]');"
                  " s.value = '2'; s.dispatchEvent(new Event('input', {bubbles: true})); }")
    alt = expected.steps[2].candidates[1][0]
    page.locator(f"[data-testid=explorer-candidate][data-token='{alt}']").click()
    forced = tr.trace(text, force={2: alt})
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-final]').textContent === t", arg=forced.output
    )
    assert guarded.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_shows_the_same_message_as_python(guarded, static_site, explorers, lang):
    page = open_page(guarded, static_site, lang)
    ex = explorers[lang]
    for model_key, texts in {
        "tiny_char": ["", "   ", "안녕하세요", "Héllo€\u200b", "Go. " * 10],
        "tiny_word": ["안녕", " ".join(["go"] * 20)],
    }.items():
        select_model(page, model_key)
        for text in texts:
            by_id(page, "explorer-input").fill(text)
            by_id(page, "explorer-translate").click()
            expected = widgets.input_problem(ex.info(model_key), text, lang)
            assert expected
            page.wait_for_function(
                "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t", arg=expected
            )
            assert "s2s-error" in by_id(page, "explorer-message").get_attribute("class")
            assert by_id(page, "explorer-candidate").count() == 0
    assert guarded.problems()["page errors"] == [] and guarded.problems()["console errors"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_typed_html_is_shown_as_text_and_runs_nothing(guarded, static_site, explorers, lang):
    page = open_page(guarded, static_site, lang)
    # the nasty example is a button label, as text
    chip = page.locator("[data-testid=explorer-example]", has_text="onerror")
    assert chip.text_content() == NASTY
    chip.click()
    expected = widgets.input_problem(explorers[lang].info("tiny_char"), NASTY, lang)
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t", arg=expected
    )
    assert "“<”" in expected
    by_id(page, "explorer-input").fill(NASTY)
    by_id(page, "explorer-input").press("Enter")
    wait_answered(page)
    assert by_id(page, "explorer-message").text_content() == expected
    # the word model reads markup as words and decodes it live: the source is shown as typed
    select_model(page, "tiny_word")
    wait_answered(page)
    markup = "<b>x"
    by_id(page, "explorer-input").fill(markup)
    by_id(page, "explorer-input").press("Enter")
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-source]').textContent === t", arg=markup
    )
    assert page.locator(".s2s-root b").count() == 0
    by_id(page, "explorer-input").fill(NASTY)  # too many words for the tiny word model
    by_id(page, "explorer-input").press("Enter")
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t",
        arg=widgets.input_problem(explorers[lang].info("tiny_word"), NASTY, lang),
    )
    assert page.locator("img").count() == 0
    assert page.evaluate("() => document.querySelectorAll('[onerror]').length") == 0
    assert guarded.dialogs == [] and guarded.page_errors == []


def test_without_the_live_decoder_the_examples_still_work(guarded, static_site, explorers):
    """A model whose file is missing: pre-decoded examples and their changes work, a new
    sentence gets a message saying why it cannot be decoded here."""
    page = open_page(guarded, static_site, "en")
    select_model(page, "tiny_nolive")
    greedy, views = expected_views(explorers["en"], "tiny_nolive", "Go.")
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-final]').textContent === t", arg=greedy["output"]
    )
    wait_answered(page)
    by_id(page, "explorer-input").fill("I'm cold.")
    by_id(page, "explorer-input").press("Enter")
    s = widgets.STRINGS["en"]
    expected = widgets.fill(s["no_live"], why=s["why_model"])
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t", arg=expected
    )
    assert guarded.external == []


@pytest.mark.parametrize("lang", LANGS)
def test_opened_from_a_file(guarded, static_site, explorers, lang):
    """From file:// the classic script still mounts the explorer with the pre-decoded traces."""
    page = guarded.page
    page.goto((static_site["dir"] / lang / "explorer.html").as_uri())
    page.wait_for_selector("[data-testid=explorer-output]")
    trace, views = expected_views(explorers[lang], "tiny_char", "Go.")
    assert {k: shown(page)[k] for k in as_shown(views[0])} == as_shown(views[0])
    by_id(page, "explorer-next").click()
    assert {k: shown(page)[k] for k in as_shown(views[1])} == as_shown(views[1])
    by_id(page, "explorer-input").fill("I'm cold.")
    by_id(page, "explorer-input").press("Enter")
    s = widgets.STRINGS[lang]
    page.wait_for_function(
        "(t) => document.querySelector('[data-testid=explorer-message]').textContent === t",
        arg=widgets.fill(s["no_live"], why=s["why_file"]),
    )
    assert guarded.page_errors == [] and guarded.external == []
