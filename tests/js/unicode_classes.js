// For tests/test_export.py: how decoder.js classifies every code point, to compare with Python.
// Prints one digit per code point U+0000..U+10FFFF: printable (+1) and what the word tokenizer
// makes of "a" + ch: one word "a<ch>" (+0), "a" then ch (+2), or "a" alone (ch is space, +4).
"use strict";
const path = require("path");
const D = require(path.join(__dirname, "..", "..", "book", "_static", "decoder.js"));
const out = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  const ch = String.fromCodePoint(cp);
  const tokens = D.tokenizeWords("a" + ch);
  const kind = tokens.length === 2 ? 2 : tokens[0] === "a" ? 4 : 0;
  out.push((D.isPrintable(ch) ? 1 : 0) + kind);
}
process.stdout.write(out.join("") + "\n");
