"""Helpers of the browser tests: a local web server, a guarded page, a static explorer site.

Everything runs against 127.0.0.1; any request to another host is refused and recorded.
"""

from __future__ import annotations

import functools
import shutil
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from seq2seq_lib import widgets

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "book" / "_static"
CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "apt-get update && apt-get install -y chromium fonts-noto-cjk"
TIMEOUT_MS = 60_000
EXAMPLES = ("Go.", "Be nice.")
NASTY = "<img src=x onerror=alert(1)>"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


class Server:
    """A static file server on 127.0.0.1 in a thread: `with Server(dir) as url: ...`."""

    def __init__(self, directory):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self.url

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Guarded:
    """A page whose requests to any host but 127.0.0.1 are aborted, with what went wrong."""

    page: object
    external: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def problems(self):
        return {"external requests": self.external, "console errors": self.console_errors,
                "page errors": self.page_errors, "dialogs": self.dialogs}


LOCAL_SCHEMES = {"data", "blob", "about", "file"}


def guard(page) -> Guarded:
    g = Guarded(page)

    def route(r):
        url = urlsplit(r.request.url)
        if url.scheme in LOCAL_SCHEMES or url.hostname == "127.0.0.1":
            r.continue_()
        else:
            g.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: g.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: g.page_errors.append(str(e)))

    def dialog(d):
        g.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.set_default_timeout(TIMEOUT_MS)
    return g


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>explorer ({lang})</title>
<link rel="stylesheet" href="../_static/explorer.css">
<link rel="stylesheet" href="../_static/explorer_views.css">
<script src="../_static/beam.js"></script>
<script src="../_static/decoder.js"></script>
<script src="../_static/decoder_cells.js"></script>
<script src="../_static/explorer_steps.js"></script>
<script src="../_static/explorer_static.js"></script>
<script src="../_static/explorer_page.js"></script>
<script src="../_static/explorer.js"></script>
<script src="../_static/explorer_attention.js"></script>
<script src="../_static/explorer_beam.js"></script>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def build_site(out: Path, explorers: dict, live: dict | None = None) -> Path:
    """A static site like the book's: `_static/` (explorer, decoder, exported models) and one
    page per entry of `explorers` ({"en/page.html": Explorer}).  `live` = {name: Seq2Seq} are
    exported for the in-browser decoder."""
    out = Path(out)
    static = out / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for name in (*widgets.FRONT_END_STYLES, *widgets.FRONT_END_SCRIPTS):
        if (STATIC / name).is_file():
            shutil.copy(STATIC / name, static / name)
    if live:
        from seq2seq_lib import export

        for name, s2s in live.items():
            export.export_web(s2s, static / "models", name)
    for rel, ex in explorers.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(lang=ex.lang, body=ex.static_html()), encoding="utf-8")
    return out


def expected_views(ex: widgets.Explorer, model_key: str, text: str, force=None, sample=None) -> list:
    """Python's view of every step of a pre-decoded trace, as the page must show it."""
    import json
    import re

    cfg = json.loads(re.search(r'class="s2s-explorer-config">(.*?)</script>', ex.static_html(), re.S).group(1))
    info = next(m for m in cfg["models"] if m["id"] == model_key)
    packed = cfg["traces"][model_key][text]
    trace = widgets.unpack(packed["g"], info["level"], info["end"])
    if force:
        (step, token), = force.items()
        trace = widgets.unpack(packed["x"][str(step)][token], info["level"], info["end"], base=trace)
    if sample:
        trace = widgets.unpack(packed["sm"][sample], info["level"], info["end"])
    return trace, [widgets.step_view(trace, i, info, ex.lang) for i in range(len(trace["steps"]))]


def shown(page, scope="") -> dict:
    """What the explorer in `scope` shows right now, in step_view's terms."""
    return page.evaluate(
        """(scope) => {
          const q = (id) => document.querySelector(`${scope} [data-testid=${id}]`);
          const cands = [...document.querySelectorAll(`${scope} [data-testid=explorer-candidate]`)];
          const mark = q("explorer-new-token");
          return {
            input: q("explorer-source").textContent,
            output: q("explorer-output").textContent,
            new: mark ? mark.textContent : "",
            end: q("explorer-end").textContent !== "",
            candidates: cands.map((b) => [b.querySelector(".s2s-cand-label").textContent,
                                          b.querySelector(".s2s-cand-pct").textContent,
                                          b.getAttribute("aria-pressed") === "true"]),
            message: q("explorer-message").textContent,
            step: q("explorer-step").textContent,
            slider: q("explorer-slider").value,
            final: q("explorer-final").textContent,
            note: q("explorer-note").textContent,
            forced: !!document.querySelector(`${scope} .s2s-new.s2s-forced`),
          };
        }""",
        scope,
    )


def as_shown(view: dict) -> dict:
    """The parts of a Python step view that `shown` reads back."""
    return {"input": view["input"], "output": view["output"], "new": view["new"], "end": view["end"],
            "candidates": [list(c) for c in view["candidates"]], "message": view["message"],
            "forced": view["forced"]}


def shown_attention(page, scope="") -> dict:
    """What the attention view in `scope` draws: the strip's and the matrix's weights (from the
    cells' data-weight), labels, the highlighted row, and whether the view is hidden."""
    return page.evaluate(
        """(scope) => {
          const box = document.querySelector(`${scope} [data-testid=explorer-attention]`);
          const m = document.querySelector(`${scope} [data-testid=explorer-attention-matrix]`);
          const cells = (part) => [...document.querySelectorAll(
            `${scope} [data-testid=explorer-attention-${part}] [data-testid=explorer-attention-cell]`)];
          const rows = [];
          cells("matrix").forEach((c) => { (rows[+c.dataset.row] = rows[+c.dataset.row] || []).push(+c.dataset.weight); });
          const body = m ? [...m.querySelectorAll("tbody tr")] : [];
          return {
            hidden: !box || box.hidden,
            cells: document.querySelectorAll(`${scope} [data-testid=explorer-attention-cell]`).length,
            titled: cells("matrix").concat(cells("strip")).every((c) => c.title && c.dataset.weight),
            strip: cells("strip").map((c) => +c.dataset.weight),
            strip_text: cells("strip").map((c) => c.textContent),
            weights: rows,
            source: m ? [...m.querySelectorAll("thead th[scope=col]")].map((t) => t.textContent) : [],
            rows: body.filter((r) => !r.classList.contains("s2s-attn-later")).map((r) => r.querySelector("th").textContent),
            current: body.findIndex((r) => r.classList.contains("s2s-attn-current")),
            label: box ? box.getAttribute("aria-label") : null,
          };
        }""",
        scope,
    )


def assert_attention_shown(got: dict, view: dict, atol=1e-4):
    """The drawn attention view `got` (shown_attention) is Python's `view` (step_view's)."""
    import numpy as np

    a = view["attention"]
    assert not got["hidden"] and got["titled"]
    assert got["source"] == got["strip_text"] == a["source"] and got["rows"] == a["rows"] and got["current"] == a["step"]
    np.testing.assert_allclose(got["strip"], a["weights"][-1], atol=atol)
    assert len(got["weights"]) == len(a["weights"])
    for drawn, row in zip(got["weights"], a["weights"]):
        np.testing.assert_allclose(drawn, row, atol=atol)


# --- the explorer page: what the tests click and read -------------------------------------

def open_page(g, static_site, lang):
    g.page.goto(f"{static_site['url']}/{lang}/explorer.html")
    g.page.wait_for_selector("[data-testid=explorer-output]")
    return g.page


def by_id(page, testid):
    return page.locator(f"[data-testid={testid}]")


def select_model(page, key):
    page.select_option("[data-testid=explorer-model]", key)


def wait_answered(page, text=None):
    """Wait until the explorer shows no pending request (and, if given, the input `text`)."""
    page.wait_for_function(
        """(text) => !document.querySelector('.s2s-root.s2s-busy') &&
              (text === null || document.querySelector('[data-testid=explorer-source]').textContent === text ||
               document.querySelector('[data-testid=explorer-message]').textContent !== '')""",
        arg=text,
    )


def go_to_step(page, i):
    page.evaluate("(i) => { const s = document.querySelector('[data-testid=explorer-slider]');"
                  " s.value = String(i); s.dispatchEvent(new Event('input', {bubbles: true})); }", i)


def pause(page):
    if by_id(page, "explorer-play").get_attribute("aria-pressed") == "true":
        by_id(page, "explorer-play").click()
