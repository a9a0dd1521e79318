"""Fixtures of the browser tests: headless Chromium (Debian's), tiny models, a static site.

Chromium is required: without it these tests FAIL (they are not skipped), with the command
that installs it.  Set SEQ2SEQ_CHROMIUM to use another binary.  Every test here carries the
`browser` mark: `pytest -m "not browser"` leaves them out, `pytest tests/browser` runs them.
"""

import os
from pathlib import Path

import pytest

from explorer_site import CHROMIUM, EXAMPLES, INSTALL_HINT, NASTY, Server, build_site, guard
from seq2seq_lib import checkpoints, widgets


HERE = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives headless Chromium (tests/browser/)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("SEQ2SEQ_CHROMIUM", CHROMIUM)
    if not Path(path).is_file():
        pytest.fail(f"headless Chromium not found at {path}; install it with: {INSTALL_HINT}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=["--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1100, "height": 1000}, device_scale_factor=1)
    yield ctx
    ctx.close()


@pytest.fixture
def guarded(context):
    return guard(context.new_page())


@pytest.fixture(scope="session")
def explorers(tiny_lstm, tiny_word, tiny_attention):
    """The same explorer in both languages: a character model (exported for the live decoder),
    a word model, a character model with no exported file (no live decoding), and an attention
    model (exported)."""
    models = {"tiny_char": tiny_lstm, "tiny_word": tiny_word, "tiny_nolive": tiny_lstm, "tiny_attn": tiny_attention}
    return {lang: widgets.Explorer(models, examples=EXAMPLES + (NASTY,), lang=lang) for lang in ("en", "ko")}


@pytest.fixture(scope="session")
def static_site(tmp_path_factory, explorers, tiny_lstm, tiny_word, tiny_attention):
    out = build_site(
        tmp_path_factory.mktemp("site"),
        {f"{lang}/explorer.html": ex for lang, ex in explorers.items()},
        live={"tiny_char": tiny_lstm, "tiny_word": tiny_word, "tiny_attn": tiny_attention},
    )
    with Server(out) as url:
        yield {"dir": out, "url": url}


@pytest.fixture(scope="session")
def tiny_checkpoint(tmp_path_factory, tiny_lstm):
    return checkpoints.save(tiny_lstm, tmp_path_factory.mktemp("ckpt") / "tiny.keras")
