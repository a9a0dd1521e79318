"""Decoding speed in the browser: the book's decoder.js and beam.js in headless Chromium.

Serves a page that loads `book/_static/decoder.js` (with its `decoder_cells.js`) and `beam.js`
and the exported default model (`book/_static/models/<name>.json` + `.bin`, as the built
chapters do) on 127.0.0.1, then times in the page, after a warm-up: greedy decoding with the
top-5 trace the explorer asks for (`model.trace`) and beam search (`model.beam`, --beam K,
default 5) of a 30-character sentence, `--repeats` times each; reports the median
milliseconds.  The last line printed is one JSON object.

    python benchmarks/page_decode_speed.py [--model char_attention_full] [--text "..."] [--repeats 30]

Needs Chromium (/usr/bin/chromium) and the Playwright package, as the browser tests do.
"""

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import tempfile
import threading
from pathlib import Path

from seq2seq_lib import checkpoints, config

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "book" / "_static"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TEXT = "Where did you spend your time?"  # 30 characters, as the targets are stated

PAGE = """<!doctype html><meta charset="utf-8"><title>decode speed</title>
<script src="decoder_cells.js"></script><script src="decoder.js"></script><script src="beam.js"></script>"""

TIMING = """async ([name, text, repeats, beamSize]) => {
  const model = await Seq2SeqDecoder.load("models/" + name);
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f) => { const t = performance.now(); const out = f(); return [performance.now() - t, out]; };
  for (let i = 0; i < 3; i++) { model.trace(text); model.beam(text, {beamSize}); }  // warm-up (JIT)
  const greedy = [], beam = [];
  let g, b;
  for (let i = 0; i < repeats; i++) {
    let ms;
    [ms, g] = time(() => model.trace(text)); greedy.push(ms);
    [ms, b] = time(() => model.beam(text, {beamSize})); beam.push(ms);
  }
  return {greedy_ms: median(greedy), beam_ms: median(beam), greedy_output: g.output, beam_output: b.output};
}"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=checkpoints.DEFAULT_CHECKPOINT.stem)
    ap.add_argument("--text", default=TEXT)
    ap.add_argument("--repeats", type=int, default=30)
    ap.add_argument("--beam", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        for name in ("decoder_cells.js", "decoder.js", "beam.js"):
            shutil.copy(STATIC / name, site / name)
        (site / "models").mkdir()
        for ext in (".json", ".bin"):
            shutil.copy(STATIC / "models" / f"{args.model}{ext}", site / "models" / f"{args.model}{ext}")
        (site / "index.html").write_text(PAGE, encoding="utf-8")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        handler.log_message = lambda *a: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
                timed = page.evaluate(TIMING, [args.model, args.text, args.repeats, args.beam])
                version = browser.version
                browser.close()
        finally:
            server.shutdown()
    result = {
        "benchmark": "page_decode_speed",
        "model": args.model,
        "text": args.text,
        "text_chars": len(args.text),
        "browser": f"Chromium {version} (headless)",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "repeats": args.repeats,
        "greedy_trace_ms": round(timed["greedy_ms"], 2),
        "beam_size": args.beam,
        "beam_ms": round(timed["beam_ms"], 2),
        "greedy_output": timed["greedy_output"],
        "beam_output": timed["beam_output"],
        "max_decoder_steps": checkpoints.read_meta(checkpoints.shipped_path(args.model)).get(
            "max_decoder_seq_length"),
        "top_k": config.TOP_K,
    }
    for k, v in result.items():
        print(f"{k:>20}: {v}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
