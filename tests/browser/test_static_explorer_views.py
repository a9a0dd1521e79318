"""The explorer's views in a static page, in headless Chromium: Korean text in a real font, the
attention view (pre-decoded and live) and a jamo model composing Hangul as it decodes.

The page is assembled as in test_static_explorer.py (explorer_site.build_site), served on
127.0.0.1; every request elsewhere is refused.
"""

import pytest

from explorer_site import (Server, assert_attention_shown, build_site, by_id, expected_views, go_to_step, open_page, pause,
                           select_model, shown, shown_attention, wait_answered)
from seq2seq_lib import data, decoding, hangul, widgets

LANGS = ["en", "ko"]


def korean_fonts(page, selector):
    """The fonts Chromium actually used to draw the text of `selector` (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector})
    # the text node inside the element
    desc = cdp.send("DOM.describeNode", {"nodeId": node["nodeId"], "depth": 1})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    cdp.detach()
    return fonts, desc


def test_korean_renders_in_a_real_font(guarded, static_site):
    page = open_page(guarded, static_site, "ko")
    by_id(page, "explorer-input").fill("")
    by_id(page, "explorer-translate").click()
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-message]').textContent !== ''")
    for selector in ("[data-testid=explorer-translate]", "[data-testid=explorer-message]"):
        fonts, _ = korean_fonts(page, selector)
        names = [f["familyName"] for f in fonts]
        assert fonts and all(f["glyphCount"] > 0 for f in fonts), fonts
        assert any("CJK" in n or "KR" in n or "Korean" in n or "Gothic" in n for n in names), names
    # glyph widths: Hangul drawn as real glyphs is wider than a missing-glyph box row would be
    widths = page.evaluate(
        """() => { const c = document.createElement('canvas').getContext('2d');
                   const f = getComputedStyle(document.querySelector('.s2s-root')).fontFamily;
                   c.font = '20px ' + f;
                   return [c.measureText('번역').width, c.measureText('가').width, c.measureText('뷁').width]; }"""
    )
    assert widths[0] > 25 and abs(widths[1] - widths[2]) < 0.5, widths


@pytest.mark.parametrize("lang", LANGS)
def test_attention_view_of_the_pre_decoded_example(guarded, static_site, explorers, lang):
    """An attention model's example: strip and matrix are Python's weights at each step, and
    stepping, forcing a candidate and sampling redraw them; other models show no attention."""
    page = open_page(guarded, static_site, lang)
    assert shown_attention(page)["hidden"] and shown_attention(page)["cells"] == 0  # tiny_char: none
    select_model(page, "tiny_attn")
    trace, views = expected_views(explorers[lang], "tiny_attn", "Go.")
    page.wait_for_function("() => !document.querySelector('[data-testid=explorer-attention]').hidden")
    wait_answered(page)
    pause(page)
    assert shown_attention(page)["label"] == widgets.STRINGS[lang]["attention_label"]
    for i in range(min(len(views), 6)):
        go_to_step(page, i)
        assert_attention_shown(shown_attention(page), views[i])
    go_to_step(page, len(views) - 1)
    assert_attention_shown(shown_attention(page), views[-1])
    # forcing a candidate: the forced trace's weights
    alt = next(tok for tok, _ in trace["steps"][0]["candidates"] if tok not in (trace["steps"][0]["token"], "\n"))
    forced, fviews = expected_views(explorers[lang], "tiny_attn", "Go.", force={0: alt})
    go_to_step(page, 0)
    page.locator(f"[data-testid=explorer-candidate][data-token='{alt}']").click()
    page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                           arg=forced["output"])
    wait_answered(page)
    assert_attention_shown(shown_attention(page), fviews[0])
    # sampling (pre-decoded, T = 1, seed 0)
    page.select_option("[data-testid=explorer-temperature]", "1")
    sampled, sviews = expected_views(explorers[lang], "tiny_attn", "Go.", sample="1:0")
    page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                           arg=sampled["output"])
    wait_answered(page)
    pause(page)
    go_to_step(page, 0)
    assert_attention_shown(shown_attention(page), sviews[0])
    # back to a model without attention: the view is hidden, no cells
    select_model(page, "tiny_word")
    page.wait_for_function("() => document.querySelector('[data-testid=explorer-attention]').hidden")
    assert shown_attention(page)["cells"] == 0
    assert guarded.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}


def test_attention_view_of_a_live_decoding(guarded, static_site, tiny_attention):
    """A typed sentence, decoded by decoder_cells.js's attention core: every step's strip and matrix
    are NumPy's weights (within 1e-4), and they change from step to step."""
    page = open_page(guarded, static_site, "en")
    select_model(page, "tiny_attn")
    wait_answered(page)
    tr = decoding.Translator(tiny_attention)
    text = max(("I'm cold.", "Help me!", "Go on.", "Hi!", "Run."), key=lambda t: len(tr.trace(t).steps))
    by_id(page, "explorer-input").fill(text)
    by_id(page, "explorer-input").press("Enter")
    expected = widgets.plain(tr.trace(text))
    page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                           arg=expected["output"])
    wait_answered(page, text)
    pause(page)
    info = widgets.model_info(tiny_attention, "tiny_attn", "en")
    strips = []
    for i in range(len(expected["steps"])):
        go_to_step(page, i)
        got = shown_attention(page)
        assert_attention_shown(got, widgets.step_view(expected, i, info, "en"))
        strips.append(got["strip"])
    assert len(strips) > 1 and strips[0] != strips[1]
    assert guarded.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}


@pytest.mark.parametrize("lang", LANGS)
def test_a_jamo_model_composes_hangul_as_it_decodes(guarded, tmp_path, tiny_jamo, lang):
    """A model that writes Korean letter by letter, decoded live: at every step the output
    line is the letters so far composed (hangul.pending_syllable), with the syllable that
    changed marked, and the candidates are the letters as Python labels them."""
    ex = widgets.Explorer({"tiny_jamo": tiny_jamo}, examples=("Hi.",), lang=lang)
    site = build_site(tmp_path, {f"{lang}/jamo.html": ex}, live={"tiny_jamo": tiny_jamo})
    text = next(en for en, _ in data.load_pairs("bundled-ko", num_samples=None)[1:100] if en != "Hi.")
    expected = decoding.Translator(tiny_jamo).trace(text).to_dict()
    info = widgets.model_info(tiny_jamo, "tiny_jamo", lang)
    with Server(site) as url:
        page = guarded.page
        page.goto(f"{url}/{lang}/jamo.html")
        page.wait_for_selector("[data-testid=explorer-output]")
        by_id(page, "explorer-input").fill(text)
        by_id(page, "explorer-input").press("Enter")
        page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                               arg=expected["output"])
        pause(page)
        letters = ""
        for i, st in enumerate(expected["steps"]):
            go_to_step(page, i)
            view = widgets.step_view(expected, i, info, lang)
            page.wait_for_function("(i) => document.querySelector('[data-testid=explorer-slider]').value === String(i)", arg=i)
            got = shown(page)
            letters += "" if st["token"] == info["end"] else st["token"]
            assert got["output"] == view["output"] == hangul.pending_syllable(letters), i
            assert (got["new"], got["end"]) == (view["new"], view["end"]), i
            # the labels and which one was chosen (percentages are rounded from each side's own floats)
            assert [(c[0], c[2]) for c in got["candidates"]] == [(c[0], c[2]) for c in view["candidates"]], i
        # forcing a letter: decoded again live, and the note names the letter as its candidate does
        go_to_step(page, 1)
        alt = next(t for t, _ in expected["steps"][1]["candidates"] if hangul.is_jamo(t) and t != expected["steps"][1]["token"])
        page.locator(f"[data-testid=explorer-candidate][data-token='{alt}']").click()
        forced = decoding.Translator(tiny_jamo).trace(text, force={1: alt})
        page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-final]').textContent === t",
                               arg=forced.output)
        note = widgets.fill(widgets.STRINGS[lang]["forced_note"], token=info["labels"][alt], i=2)
        page.wait_for_function("(t) => document.querySelector('[data-testid=explorer-note]').textContent.includes(t)", arg=note)
    assert any(hangul.is_syllable(ch) for ch in expected["output"]) or not expected["output"]
    assert guarded.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}
