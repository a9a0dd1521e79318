"""The explorer on the built book's chapter pages (chapters 3–9, both languages).

The book is taken from $SEQ2SEQ_BOOK_HTML if set, else book/_build/html, built with
`jupyter-book build book/` first when it is missing or older than its sources (the notebooks
are stored executed, so the build runs no code: seconds, not minutes).  Pages are served on
127.0.0.1; requests to other hosts are refused and make the test fail.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer_site import NASTY, ROOT, Server, guard
from seq2seq_lib import widgets

CHAPTERS = ("ch03", "ch04", "ch05", "ch06", "ch07", "ch08", "ch09")


def _newest_source(book: Path) -> float:
    newest = 0.0
    for p in book.rglob("*"):
        if "_build" in p.parts or ".ipynb_checkpoints" in p.parts or not p.is_file():
            continue
        newest = max(newest, p.stat().st_mtime)
    for p in (ROOT / "_config.yml", ROOT / "_toc.yml"):
        if p.exists():
            newest = max(newest, p.stat().st_mtime)
    return newest


@pytest.fixture(scope="session")
def book_html():
    if os.environ.get("SEQ2SEQ_BOOK_HTML"):
        html = Path(os.environ["SEQ2SEQ_BOOK_HTML"])
        if not (html / "index.html").is_file():
            pytest.fail(f"SEQ2SEQ_BOOK_HTML={html} has no index.html", pytrace=False)
        return html
    book = ROOT / "book"
    html = book / "_build" / "html"
    index = html / "index.html"
    if not index.is_file() or index.stat().st_mtime < _newest_source(book):
        cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(book)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0 or not index.is_file():
            pytest.fail(f"building the book failed ({' '.join(cmd)}):\n{(done.stdout + done.stderr)[-4000:]}",
                        pytrace=False)
    return html


@pytest.fixture(scope="session")
def book_server(book_html):
    with Server(book_html) as url:
        yield url


def chapter_pages(html: Path, lang: str):
    return sorted(p for c in CHAPTERS for p in (html / lang).glob(f"{c}_*.html"))


@pytest.fixture(scope="session")
def explorer_pages(book_html):
    pages = {lang: chapter_pages(book_html, lang) for lang in ("en", "ko")}
    if not any(pages.values()):
        pytest.skip(f"no chapter 3–9 pages in {book_html} yet")
    missing = [str(p.relative_to(book_html)) for ps in pages.values() for p in ps
               if 'class="s2s-explorer"' not in p.read_text(encoding="utf-8")]
    assert not missing, f"chapter pages without the explorer: {missing}"
    return [(lang, p.relative_to(book_html).as_posix()) for lang, ps in pages.items() for p in ps]


def test_every_chapter_page_embeds_the_explorer(explorer_pages):
    langs = {lang for lang, _ in explorer_pages}
    assert langs == {"en", "ko"}, explorer_pages


def _open(context, book_server, rel):
    g = guard(context.new_page())
    g.page.goto(f"{book_server}/{rel}")
    g.page.wait_for_selector(".s2s-explorer [data-testid=explorer-output]")
    return g


def test_chapter_pages_work_offline(context, book_html, book_server, explorer_pages):
    """Each page: no console errors, nothing from another host, steps, bars and forcing work,
    typed markup runs nothing, labels in the page's language."""
    for lang, rel in explorer_pages:
        g = _open(context, book_server, rel)
        page = g.page
        root = page.locator(".s2s-explorer").first
        s = widgets.STRINGS[lang]
        assert root.locator("[data-testid=explorer-translate]").text_content() == s["translate"], rel
        out = root.locator("[data-testid=explorer-output]")
        bars = root.locator("[data-testid=explorer-candidate]")
        first = (out.text_content(), bars.all_text_contents())
        assert first[0] and len(first[1]) >= 2, rel
        root.locator("[data-testid=explorer-next]").click()
        second = (out.text_content(), bars.all_text_contents())
        assert second != first, f"{rel}: stepping changed nothing"
        new = root.locator("[data-testid=explorer-new-token]")
        assert new.count() == 1 or root.locator("[data-testid=explorer-end]").text_content(), rel
        # force the second candidate of this step
        final = root.locator("[data-testid=explorer-final]")
        before = final.text_content()
        alt = bars.nth(1)
        token = alt.get_attribute("data-token")
        alt.click()
        page.wait_for_function(
            "(el) => el.querySelector('.s2s-new.s2s-forced') && !el.querySelector('.s2s-busy')",
            arg=root.element_handle(),
        )
        assert root.locator("[data-testid=explorer-candidate][aria-pressed=true]").get_attribute("data-token") == token
        assert widgets.fill(s["before"], text=before) in root.locator("[data-testid=explorer-note]").text_content()
        # typed markup is text
        root.locator("[data-testid=explorer-input]").fill(NASTY)
        root.locator("[data-testid=explorer-input]").press("Enter")
        page.wait_for_function("(el) => el.querySelector('[data-testid=explorer-message]').textContent !== ''",
                               arg=root.element_handle())
        assert page.locator(".s2s-explorer img").count() == 0
        # a sentence that was not pre-decoded: decoded live when the model's file is in the book
        model_key = root.locator("[data-testid=explorer-model]").input_value()
        # Every shipped model is exported into the book, so typing decodes live in the page.
        assert (book_html / "_static" / "models" / f"{model_key}.json").is_file(), f"{model_key} is not exported"
        text = "Are you ready?"
        root.locator("[data-testid=explorer-input]").fill(text)
        root.locator("[data-testid=explorer-input]").press("Enter")
        page.wait_for_function(
            """([el, t]) => el.querySelector('[data-testid=explorer-source]').textContent === t &&
                            el.querySelector('[data-testid=explorer-final]').textContent !== ''""",
            arg=[root.element_handle(), text], timeout=120_000,
        )
        assert g.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}, rel
        page.close()


def test_korean_pages_use_a_korean_font(context, book_server, explorer_pages):
    from test_static_explorer_views import korean_fonts

    ko = [rel for lang, rel in explorer_pages if lang == "ko"]
    assert ko
    g = _open(context, book_server, ko[0])
    fonts, _ = korean_fonts(g.page, ".s2s-explorer [data-testid=explorer-translate]")
    names = [f["familyName"] for f in fonts]
    assert any("CJK" in n or "KR" in n or "Korean" in n or "Gothic" in n for n in names), names


def _weights(root):
    cells = root.locator("[data-testid=explorer-attention] [data-testid=explorer-attention-cell]")
    return [(c.get_attribute("data-row"), c.get_attribute("data-col"), c.get_attribute("data-weight"))
            for c in cells.all()]


def test_chapter_7_page_decodes_a_typed_sentence_and_shows_attention(context, book_server, explorer_pages):
    """The built ch07 page: a typed sentence is decoded live by the attention model, and the
    attention weights are drawn and change as the reader steps, with nothing from another host."""
    pages = [(lang, rel) for lang, rel in explorer_pages if "ch07_" in rel]
    assert {lang for lang, _ in pages} == {"en", "ko"}, pages
    for lang, rel in pages:
        g = _open(context, book_server, rel)
        root = g.page.locator(".s2s-explorer").first
        assert root.locator("[data-testid=explorer-model]").input_value() == "char_attention_full", rel
        text = "I have a new car."
        root.locator("[data-testid=explorer-input]").fill(text)
        root.locator("[data-testid=explorer-input]").press("Enter")
        g.page.wait_for_function(
            """([el, t]) => el.querySelector('[data-testid=explorer-source]').textContent === t &&
                            el.querySelector('[data-testid=explorer-final]').textContent !== ''""",
            arg=[root.element_handle(), text], timeout=120_000,
        )
        play = root.locator("[data-testid=explorer-play]")
        if play.get_attribute("aria-pressed") == "true":
            play.click()
        assert root.locator("[data-testid=explorer-attention]").is_visible(), rel
        first = _weights(root)
        assert first and all(0.0 <= float(w) <= 1.0 for _, _, w in first), rel
        assert {int(col) for _, col, _ in first} >= set(range(len(text))), rel
        root.locator("[data-testid=explorer-next]").click()
        second = _weights(root)
        assert second != first, f"{rel}: stepping did not change the attention view"
        assert root.locator("[data-testid=explorer-final]").text_content(), rel
        assert g.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}, rel
        g.page.close()


def test_chapter_8_page_runs_beam_search_in_the_page(context, book_html, book_server, explorer_pages):
    """The built ch08 page loads beam.js, explorer_beam.js and the other front-end scripts
    (explorer_steps.js, explorer_static.js, explorer_page.js...: Jupyter Book adds every
    _static/*.js): beam mode draws the tree and the n-best list of a typed sentence (Python's
    beam search's outputs), and a clicked node's prefix starts the best output, with nothing
    from another host."""
    from seq2seq_lib import checkpoints, decoding

    text = "I have a new car."
    want = decoding.Translator(checkpoints.load()).beam(text, beam_size=3, alpha=0.0)
    pages = [(lang, rel) for lang, rel in explorer_pages if "ch08_" in rel]
    assert {lang for lang, _ in pages} == {"en", "ko"}, pages
    for lang, rel in pages:
        page_html = (book_html / rel).read_text(encoding="utf-8")
        assert "beam.js" in page_html and "explorer_beam.js" in page_html, rel
        assert all(f"_static/{name}" in page_html for name in widgets.FRONT_END_SCRIPTS), rel
        g = _open(context, book_server, rel)
        root = g.page.locator(".s2s-explorer").first
        root.locator("[data-testid=explorer-search]").select_option("beam")
        root.locator("[data-testid=explorer-input]").fill(text)
        root.locator("[data-testid=explorer-input]").press("Enter")
        done = "(el) => el.querySelector('[data-testid=explorer-beam-hyp]') && !el.querySelector('.s2s-busy')"
        g.page.wait_for_function(done, arg=root.element_handle(), timeout=120_000)
        shown = root.locator("[data-testid=explorer-beam-output]").all_text_contents()
        assert shown == [h.output for h in want.nbest], rel
        assert root.locator("[data-testid=explorer-beam-node][data-kept=false]").count() > 0, rel
        node = root.locator("[data-testid=explorer-beam-node][data-kept=true]:not(.s2s-finished):not([data-step='0'])").nth(1)
        prefix = node.get_attribute("data-prefix")
        node.click()
        g.page.wait_for_function(
            "(el) => el.querySelector('[data-testid=explorer-beam-note]').textContent !== '' && !el.querySelector('.s2s-busy')",
            arg=root.element_handle(), timeout=120_000,
        )
        assert root.locator("[data-testid=explorer-beam-output]").first.text_content().startswith(prefix), rel
        assert g.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}, rel
        g.page.close()


THEME_LABELS = ("Contents", "Search", "Search this book...", "Back to top", "previous", "next", "On this page")


def _theme_labels(page):
    """The theme's own labels the page shows outside the chapter: visible text and attributes."""
    return page.evaluate(
        """() => {
          const out = new Set();
          const inContent = (el) => !!(el && el.closest('article, .s2s-root, script, style'));
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let n;
          while ((n = walker.nextNode())) if (!inContent(n.parentElement) && n.nodeValue.trim()) out.add(n.nodeValue.trim());
          document.body.querySelectorAll('[title], [aria-label], [placeholder]').forEach((el) => {
            if (inContent(el)) return;
            for (const a of ['title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) out.add(el.getAttribute(a).trim());
          });
          return {labels: [...out], lang: document.documentElement.lang};
        }"""
    )


def test_korean_pages_label_the_theme_in_korean(context, book_server, explorer_pages):
    """On a Korean page the theme's labels ("Contents", "Search this book...") are Korean
    (book/_static/ko_ui.js); an English page keeps them in English; the chapter is unchanged."""
    for lang in ("ko", "en"):
        rel = next(r for la, r in explorer_pages if la == lang and "ch08_" in r)
        g = _open(context, book_server, rel)
        shown = _theme_labels(g.page)
        english = [w for w in THEME_LABELS if w in shown["labels"]]
        if lang == "ko":
            assert not english and shown["lang"] == "ko", (rel, english)
            assert {"목차", "이 책에서 검색..."} <= set(shown["labels"]), rel
        else:
            assert {"Contents", "Search this book..."} <= set(english), (rel, shown["labels"])
        assert g.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}, rel
        g.page.close()


def _has_hangul_syllable(text):
    return any(0xAC00 <= ord(ch) <= 0xD7A3 for ch in text or "")


def test_chapter_9_page_translates_a_typed_sentence_into_composed_hangul(context, book_server, explorer_pages):
    """The built ch09 page: an English sentence typed into the explorer is decoded live by the
    Korean model, and the output shows composed Hangul syllables (U+AC00–U+D7A3), whatever the
    model's target units (a jamo model's letters are composed as it decodes), with nothing from
    another host."""
    pages = [(lang, rel) for lang, rel in explorer_pages if "ch09_" in rel]
    assert {lang for lang, _ in pages} == {"en", "ko"}, pages
    for lang, rel in pages:
        g = _open(context, book_server, rel)
        root = g.page.locator(".s2s-explorer").first
        assert root.locator("[data-testid=explorer-model]").input_value() == "kor_attention", rel
        text = "I'm very hungry."
        root.locator("[data-testid=explorer-input]").fill(text)
        root.locator("[data-testid=explorer-input]").press("Enter")
        g.page.wait_for_function(
            """([el, t]) => el.querySelector('[data-testid=explorer-source]').textContent === t &&
                            el.querySelector('[data-testid=explorer-final]').textContent !== ''""",
            arg=[root.element_handle(), text], timeout=120_000,
        )
        final = root.locator("[data-testid=explorer-final]").text_content()
        output = root.locator("[data-testid=explorer-output]").text_content()
        assert _has_hangul_syllable(final) or _has_hangul_syllable(output), f"{rel}: no Hangul in {final!r} / {output!r}"
        assert g.problems() == {"external requests": [], "console errors": [], "page errors": [], "dialogs": []}, rel
        g.page.close()
