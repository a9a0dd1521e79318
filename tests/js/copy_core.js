// For tests/test_export.py: decoder.js's search over a step core that is not recurrent, the
// JavaScript twin of tests/test_search.py's CopyCore: step t puts most probability on source
// character t (then END) and "attends" to that position.  Prints the traces of the requests.
"use strict";
const fs = require("fs");
const path = require("path");
const D = require(path.join(__dirname, "..", "..", "seq2seq_lib", "resources", "web", "decoder.js"));

D.CORES.copy = {
  encode(model, ids) {
    return { encoderOutputs: ids, position: 0 };
  },
  step(model, tokenId, state) {
    const V = model.targetTokens.length, logits = new Float64Array(V);
    const attention = state.encoderOutputs.map((_, i) => (i === state.position ? 1 : 0));
    const src = state.encoderOutputs[state.position];
    const target = src === undefined ? model.header.special_tokens.end : model.inputTokens[src];
    logits[model.targetIndex.get(target)] = 5;
    return { logits, state: { encoderOutputs: state.encoderOutputs, position: state.position + 1 }, extras: { attention } };
  },
};

const { header, requests } = JSON.parse(fs.readFileSync(0, "utf8"));
const model = D.fromBuffers(header, new ArrayBuffer(0));
process.stdout.write(JSON.stringify(requests.map((r) => model.trace(r.text, r.options || {}))) + "\n");
