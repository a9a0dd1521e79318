"""Screenshots of the explorer mid-decode, in English and Korean, for docs/screenshots/.

    python tests/browser/screenshots.py [--out docs/screenshots] [--text "Be nice."] [--step 6]

Uses the shipped checkpoints (whichever exist) and headless Chromium (/usr/bin/chromium), on a
static page served on 127.0.0.1 exactly as the book serves the explorer.  Not a test.
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explorer_site import CHROMIUM, ROOT, Server, build_site, guard  # noqa: E402
from seq2seq_lib import widgets  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--text", default="Be nice.")
    ap.add_argument("--step", type=int, default=6, help="the step shown (0-based)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    explorers = {lang: widgets.explorer(lang=lang) for lang in ("en", "ko")}
    if not explorers["en"].models:
        sys.exit("no shipped checkpoint in seq2seq_lib/resources/checkpoints/")
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp), {f"{lang}/explorer.html": ex for lang, ex in explorers.items()})
        with Server(site) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            ctx = browser.new_context(viewport={"width": 900, "height": 900}, device_scale_factor=2)
            for lang in ("en", "ko"):
                g = guard(ctx.new_page())
                page = g.page
                page.goto(f"{url}/{lang}/explorer.html")
                page.wait_for_selector("[data-testid=explorer-output]")
                page.locator("[data-testid=explorer-example]", has_text=args.text).click()
                page.wait_for_function("() => !document.querySelector('.s2s-busy')")
                if page.locator("[data-testid=explorer-play]").get_attribute("aria-pressed") == "true":
                    page.locator("[data-testid=explorer-play]").click()
                page.evaluate(
                    """(i) => { const s = document.querySelector('[data-testid=explorer-slider]');
                                s.value = String(i); s.dispatchEvent(new Event('input', {bubbles: true})); }""",
                    args.step,
                )
                page.wait_for_timeout(200)
                path = out / f"explorer-{lang}.png"
                page.locator(".s2s-root").screenshot(path=str(path))
                problems = {k: v for k, v in g.problems().items() if v}
                print(path, problems or "")
            browser.close()


if __name__ == "__main__":
    main()
