// For tests/test_text_rules.py: the browser's text rules on the cases Python sends.
//
//   node tests/js/text_rules.js < cases.json
//     cases: {texts, rules: [{level, alphabet, max}], infos, strings: {lang: STRINGS}, hangul,
//             joins: [[rule, tokens]], chars}
//     prints: {strip, tokens, checks, problems, joins, shown}, each in the order of the cases
"use strict";
const fs = require("fs");
const path = require("path");
const web = path.join(__dirname, "..", "..", "seq2seq_lib", "resources", "web");
const D = require(path.join(web, "decoder.js"));
// classic scripts: explorer_steps.js defines globalThis.Seq2SeqExplorerText (the rules tested here),
// explorer.js globalThis.Seq2SeqExplorer, whose inputProblem and showChar are explorer_steps.js's
require(path.join(web, "explorer_steps.js"));
require(path.join(web, "explorer_static.js"));
require(path.join(web, "explorer_page.js"));
require(path.join(web, "explorer.js"));
const E = globalThis.Seq2SeqExplorer;

const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {
  strip: cases.texts.map(D.strip),
  tokens: cases.texts.map(D.tokenizeWords),
  checks: cases.rules.map((r) => cases.texts.map((t) => {
    const c = D.checkText({ level: r.level, alphabet: new Set(Array.from(r.alphabet)), max: r.max }, t);
    return c.ok ? { ok: true, text: c.text } : { ok: false, key: c.key, fields: c.fields };
  })),
  problems: Object.keys(cases.strings).map((lang) => cases.infos.map((info) =>
    cases.texts.map((t) => E.inputProblem(info, t, cases.strings[lang], cases.hangul)))),
  joins: cases.joins.map(([rule, tokens]) => D.joinTokens(rule, tokens)),
  shown: cases.chars.map(E.showChar),
};
process.stdout.write(JSON.stringify(out) + "\n");
