// For tests/test_explorer_jamo.py: explorer_steps.js's view of every step of a trace.
//
//   node tests/js/step_views.js < {trace, info, strings}
//     prints: [stepView(trace, i, info, strings) for each step], attention left out
"use strict";
const fs = require("fs");
const path = require("path");
const web = path.join(__dirname, "..", "..", "seq2seq_lib", "resources", "web");
require(path.join(web, "decoder.js")); // defines globalThis.Seq2SeqDecoder (the text rules)
require(path.join(web, "explorer_steps.js")); // defines globalThis.Seq2SeqExplorerText
require(path.join(web, "explorer_static.js"));
require(path.join(web, "explorer_page.js"));
require(path.join(web, "explorer.js"));
const E = globalThis.Seq2SeqExplorer;

const c = JSON.parse(fs.readFileSync(0, "utf8"));
const views = c.trace.steps.map((_, i) => {
  const v = E.stepView(c.trace, i, c.info, c.strings);
  return { step: v.step, steps: v.steps, input: v.input, output: v.output, new: v.new, end: v.end,
           candidates: v.candidates.map((x) => [x.label, x.pct, x.chosen]), message: v.message, forced: v.forced };
});
process.stdout.write(JSON.stringify(views) + "\n");
