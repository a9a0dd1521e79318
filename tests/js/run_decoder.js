// Run book/_static/decoder.js on an exported model, for tests/test_export.py.
//
//   node tests/js/run_decoder.js MODEL_BASE < requests.json
//       requests: [{"text": ..., "options": {topK, force, temperature, seed}}, ...]
//       prints:   [{"ok": true, "trace": {...}} | {"ok": false, "error": "..."}, ...]
//   node tests/js/run_decoder.js MODEL_BASE --beam < requests.json
//       requests: [{"text": ..., "options": {beamSize, alpha, force}}, ...]   (book/_static/beam.js)
//       prints:   [{"ok": true, "beam": {...}} | {"ok": false, "error": "..."}, ...]
//   node tests/js/run_decoder.js MODEL_BASE --load "Some text."
//       loads through Seq2SeqDecoder.load() with fetch() reading local files; prints {"output": ...}
//   node tests/js/run_decoder.js MODEL_BASE --bench "A 20-character text." [REPEATS]
//       prints:   {"ms_per_sentence": ..., "output": ...}
"use strict";
const fs = require("fs");
const path = require("path");
const Seq2SeqDecoder = require(path.join(__dirname, "..", "..", "book", "_static", "decoder.js"));
require(path.join(__dirname, "..", "..", "book", "_static", "beam.js")); // globalThis.Seq2SeqBeam: model.beam()

const [base, mode, benchText, repeats] = process.argv.slice(2);
const header = JSON.parse(fs.readFileSync(base + ".json", "utf8"));
const model = Seq2SeqDecoder.fromBuffers(header, fs.readFileSync(base + ".bin"));

if (mode === "--load") {
  globalThis.fetch = async (url) => {
    const body = fs.readFileSync(url);
    const arrayBuffer = async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
    return { ok: true, status: 200, json: async () => JSON.parse(body.toString("utf8")), arrayBuffer };
  };
  Seq2SeqDecoder.load(base).then((m) => process.stdout.write(JSON.stringify({ output: m.translate(benchText) }) + "\n"));
} else if (mode === "--bench") {
  const n = Number(repeats || 20);
  model.trace(benchText); // warm-up: the JIT compiles the loops
  const t0 = process.hrtime.bigint();
  let output;
  for (let i = 0; i < n; i++) output = model.trace(benchText).output; // with the top-5 candidates, as the explorer asks
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / n;
  process.stdout.write(JSON.stringify({ ms_per_sentence: ms, output, repeats: n }) + "\n");
} else {
  const requests = JSON.parse(fs.readFileSync(0, "utf8"));
  const results = requests.map(({ text, options }) => {
    try {
      if (mode === "--beam") return { ok: true, beam: model.beam(text, options || {}) };
      return { ok: true, trace: model.trace(text, options || {}) };
    } catch (e) {
      if (e instanceof Seq2SeqDecoder.InputError) return { ok: false, error: e.message };
      throw e;
    }
  });
  process.stdout.write(JSON.stringify(results) + "\n");
}
