/* decoder.js: the book's trained seq2seq models, run in the browser.
 *
 * The JavaScript side of `seq2seq_lib.search` (the search) over `seq2seq_lib.cells` (the step
 * cores: decoder_cells.js): the same weights (exported by `python -m seq2seq_lib export`), the
 * same cell equations, the same search.  Everything Python decides about text comes from the
 * model file: the input alphabet, the length limit, the special tokens, the joining rule
 * (`sentences.join_rule`), the refusal messages (`sentences.MESSAGES`) and `top_k`.  What must
 * be code here (Python's whitespace, printability, repr() and word tokenizer) is checked
 * against Python on every code point by tests/test_export.py.  No framework, no imports; a
 * classic <script> with decoder_cells.js (in either order: it is looked up when called), or
 * Node's require() (which loads decoder_cells.js too).  The explorer (explorer_steps.js) uses its
 * text rules too.
 *
 * A new architecture adds one step core to CORES (decoder_cells.js); the search is shared.
 *
 * API (stable; the explorer's scripts rely on it)
 *   Seq2SeqDecoder.load(urlBase)               -> Promise<model>; fetches urlBase + ".json" and ".bin",
 *                                                 e.g. load("_static/models/char_lstm")
 *   Seq2SeqDecoder.fromBuffers(header, buffer) -> model; header = the parsed .json, buffer = the .bin
 *                                                 (ArrayBuffer, typed array or Node Buffer)
 *   model.check(text)     -> {ok: true, text} (the text as the model reads it, whitespace stripped)
 *                            or {ok: false, error, key, fields} (error: Python's InputError message)
 *   model.trace(text, {topK = header.top_k, force = {step: token}, temperature = null, seed = null})
 *                         -> {source, output, steps: [{prefix, token, prob, candidates: [[token, p], ...],
 *                             forced, extras?}], stop_reason: "end" | "max_length"}, the shape of
 *                            Python's Trace.to_dict().  Bad input or a bad forced token THROWS a
 *                            Seq2SeqDecoder.InputError whose .message is Python's message.
 *   model.translate(text) -> the output string (throws InputError like trace)
 *   model.beam(text, {beamSize = 5, alpha = 0, force = {step: token}})
 *                         -> beam search (beam.js, which must be loaded too): the shape of
 *                            Python's BeamResult.to_dict(); throws InputError like trace
 *   model.header, .level ("char"|"word"), .cell ("lstm"|"gru"), .name, .inputTokens, .targetTokens
 *   Seq2SeqDecoder.checkText(rules, text), strip, tokenizeWords, joinTokens(rule, tokens), fill:
 *                            the text rules, for the explorer
 *   Seq2SeqDecoder.showToken(token) -> printable label ("\n" END -> "⏎", " " -> "␣", "\t" START -> "⇥")
 *   Seq2SeqDecoder.lstmStep / gruStep / matVec / CORES / search / InputError: the building blocks
 *                            (softmax, mulberry32 too; all but search and InputError are decoder_cells.js's)
 *
 * Temperature sampling uses a seeded generator (mulberry32): the same seed gives the same
 * sample here every time, but not the same sample as NumPy would draw.
 */
(function (root) {
  "use strict";

  // The arithmetic and the step cores are decoder_cells.js's (globalThis.Seq2SeqDecoderCells),
  // looked up when called: the book loads its scripts in no fixed order.  Node loads it here.
  if (typeof module !== "undefined" && module.exports && typeof require === "function") require("./decoder_cells.js");
  function cells() {
    const C = root.Seq2SeqDecoderCells;
    if (!C) throw new Error("decoder.js needs decoder_cells.js (Seq2SeqDecoderCells) loaded");
    return C;
  }

  // ---------------------------------------------------------------------------------------
  // Text: Python's whitespace, printability, repr() and word tokenizer
  // ---------------------------------------------------------------------------------------

  class InputError extends Error {
    constructor(message) { super(message); this.name = "InputError"; }
  }

  // Python's str.isspace() characters (what str.strip() and the regex \s remove).
  const WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const STRIP = new RegExp(`^[${WS}]+|[${WS}]+$`, "gu");
  const W = "\\p{L}\\p{N}_"; // Python's Unicode \w: letters, digits and numbers, underscore
  const WORD = new RegExp(`[${W}]+(?:[-'][${W}]+)*'?|[^${W}${WS}]`, "gu"); // data.tokenize_words
  const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  const isPrintable = (ch) => ch === " " || !NOT_PRINTABLE.test(ch);
  // Names of the invisible characters most likely pasted into a text box (Python has them all).
  const NAMES = {
    0xa0: "no-break space", 0xad: "soft hyphen", 0x1680: "ogham space mark", 0x180e: "mongolian vowel separator",
    0x2000: "en quad", 0x2001: "em quad", 0x2002: "en space", 0x2003: "em space", 0x2004: "three-per-em space",
    0x2005: "four-per-em space", 0x2006: "six-per-em space", 0x2007: "figure space", 0x2008: "punctuation space",
    0x2009: "thin space", 0x200a: "hair space", 0x200b: "zero width space", 0x200c: "zero width non-joiner",
    0x200d: "zero width joiner", 0x200e: "left-to-right mark", 0x200f: "right-to-left mark",
    0x2028: "line separator", 0x2029: "paragraph separator", 0x202a: "left-to-right embedding",
    0x202b: "right-to-left embedding", 0x202c: "pop directional formatting", 0x202d: "left-to-right override",
    0x202e: "right-to-left override", 0x202f: "narrow no-break space", 0x205f: "medium mathematical space",
    0x2060: "word joiner", 0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate",
    0x2068: "first strong isolate", 0x2069: "pop directional isolate", 0x3000: "ideographic space",
    0xfeff: "zero width no-break space",
  };
  const hex = (cp, width) => cp.toString(16).padStart(width, "0");

  // Python's repr() of a string: quotes, backslash escapes, non-printable characters escaped.
  function pyRepr(s) {
    const q = s.includes("'") && !s.includes('"') ? '"' : "'";
    let out = q;
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      if (ch === q || ch === "\\") out += "\\" + ch;
      else if (ch === "\t") out += "\\t";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (isPrintable(ch)) out += ch;
      else if (cp <= 0xff) out += "\\x" + hex(cp, 2);
      else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
      else out += "\\U" + hex(cp, 8);
    }
    return out + q;
  }

  // decoding._describe: 'x' for a printable character, U+XXXX (its name) for an invisible one.
  function describe(ch) {
    if (isPrintable(ch)) return pyRepr(ch);
    const cp = ch.codePointAt(0);
    const code = "U+" + hex(cp, 4).toUpperCase();
    return NAMES[cp] ? `${code} (${NAMES[cp]})` : code;
  }

  function pyTypeName(x) {
    if (x === null || x === undefined) return "NoneType";
    if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
    if (typeof x === "boolean") return "bool";
    return Array.isArray(x) ? "list" : typeof x === "object" ? "dict" : typeof x;
  }

  const strip = (text) => text.replace(STRIP, "");
  const lstrip = (text) => text.replace(new RegExp(`^[${WS}]+`, "u"), "");
  const tokenizeWords = (text) => text.match(WORD) || [];

  // sentences.join_tokens, with the rule the model file carries (sentences.join_rule):
  // tokens joined by `separator`, except no separator before the characters in `tight_before`,
  // then composed to the normal form `compose` ("NFC": Korean jamo 'ᄒ','ᅡ','ᆫ' -> '한').
  function joinTokens(rule, tokens) {
    let text = tokens.join(rule.separator);
    if (rule.separator) for (const c of rule.tight_before) text = text.split(rule.separator + c).join(c);
    return rule.compose ? text.normalize(rule.compose) : text;
  }
  const showToken = (t) => ({ "\n": "⏎", " ": "␣", "\t": "⇥" })[t] || t;

  // `{name}` fields of a message template filled in (unknown fields stay as they are).
  const fill = (template, fields) =>
    template.replace(/\{([A-Za-z_]\w*)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(fields, k) ? String(fields[k]) : m));

  // sentences.check_text: the text as a model reads it, or why it cannot.  `rules` is what the
  // model file says: {level, alphabet (a Set of characters, for character models), max}.
  // Returns {ok: true, text} or {ok: false, key, fields}: key is the rule (a key of
  // sentences.MESSAGES), fields its details (chars: the unknown characters; n, max: lengths).
  function checkText(rules, text) {
    if (typeof text !== "string") return { ok: false, key: "not_text", fields: { type: pyTypeName(text) } };
    text = strip(text);
    if (!text) return { ok: false, key: "empty", fields: {} };
    let length;
    if (rules.level === "char") {
      const chars = Array.from(text); // code points, as Python counts them
      const unknown = [...new Set(chars.filter((ch) => !rules.alphabet.has(ch)))];
      if (unknown.length) return { ok: false, key: "unknown", fields: { chars: unknown } };
      length = chars.length;
    } else {
      length = tokenizeWords(text).length;
    }
    if (length > rules.max) return { ok: false, key: `too_long_${rules.level}`, fields: { n: length, max: rules.max } };
    return { ok: true, text };
  }

  // sentences.refuse: the English message of a refusal, from the templates in the model file.
  function message(header, key, fields) {
    const shown = Object.assign({}, fields), messages = header.messages;
    if (key === "unknown") {
      const chars = fields.chars, listed = header.max_listed;
      const more = chars.length > listed ? fill(messages.more, { n: chars.length - listed }) : "";
      shown.chars = chars.slice(0, listed).map(describe).join(", ") + more;
    }
    if (key === "bad_force") shown.token = pyRepr(String(fields.token));
    return fill(messages[key], shown);
  }

  // ---------------------------------------------------------------------------------------
  // The search (search.decode, one sentence): greedy, forced tokens, seeded sampling, trace
  // ---------------------------------------------------------------------------------------

  function search(model, source, { topK = model.header.top_k, force = {}, temperature = null, seed = null } = {}) {
    const core = model.core, special = model.header.special_tokens, maxLen = model.header.max_decoder_seq_length;
    const { softmax, mulberry32 } = cells();
    const forced = new Map();
    for (const [step, token] of Object.entries(force || {})) {
      if (!model.targetIndex.has(token)) throw model.refuse("bad_force", { token, step });
      forced.set(Number(step), model.targetIndex.get(token));
    }
    const random = temperature ? mulberry32(seed === null || seed === undefined ? Math.random() * 2 ** 32 : seed) : null;
    const endId = model.targetIndex.get(special.end);
    let state = core.encode(model, model.sourceIds(source));
    let tokenId = model.targetIndex.get(special.start);
    const out = [], steps = [];
    let stopReason = "";
    for (let step = 0; step <= maxLen; step++) {
      const result = core.step(model, tokenId, state);
      state = result.state;
      const probs = softmax(result.logits);
      let choice;
      if (forced.has(step)) choice = forced.get(step);
      else if (temperature) choice = sample(softmax(result.logits.map((x) => x / temperature)), random);
      else choice = argmax(probs);
      const best = topIndices(probs, topK);
      const entry = {
        prefix: model.join(out), token: model.targetTokens[choice], prob: probs[choice],
        candidates: best.map((j) => [model.targetTokens[j], probs[j]]), forced: forced.has(step),
      };
      if (Object.keys(result.extras).length) entry.extras = result.extras;
      steps.push(entry);
      if (choice === endId) { stopReason = "end"; break; }
      out.push(choice);
      if (out.length >= maxLen) { stopReason = "max_length"; break; }
      tokenId = choice;
    }
    return { source, output: model.join(out), steps, stop_reason: stopReason };
  }

  function argmax(p) {
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    return best;
  }

  // The indices of the k largest probabilities, largest first; equal values keep index order
  // (NumPy's stable argsort).  One pass, keeping a short sorted list.
  function topIndices(p, k) {
    const best = [];
    if (k <= 0) return best;
    for (let j = 0; j < p.length; j++) {
      if (best.length === k && p[j] <= p[best[k - 1]]) continue;
      let at = best.length;
      while (at > 0 && p[j] > p[best[at - 1]]) at--;
      best.splice(at, 0, j);
      if (best.length > k) best.pop();
    }
    return best;
  }

  function sample(p, random) {
    let r = random(), j = 0;
    while (j < p.length - 1 && r >= p[j]) r -= p[j++];
    return j;
  }

  // ---------------------------------------------------------------------------------------
  // A loaded model: what its file says, and the calls the explorer uses
  // ---------------------------------------------------------------------------------------

  const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

  function readArrays(header, buffer) {
    if (ArrayBuffer.isView(buffer)) buffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    if (buffer.byteLength !== header.bin_bytes)
      throw new Error(`${header.name}.bin: ${buffer.byteLength} bytes, the header expects ${header.bin_bytes}`);
    const arrays = {};
    for (const a of header.arrays) {
      const n = a.shape.reduce((x, y) => x * y, 1);
      if (a.length !== 4 * n || a.offset % 4 || a.offset + a.length > buffer.byteLength)
        throw new Error(`${header.name}: array ${a.name} does not fit the .bin file`);
      if (LITTLE_ENDIAN) arrays[a.name] = new Float32Array(buffer, a.offset, n);
      else {
        const view = new DataView(buffer, a.offset, a.length);
        arrays[a.name] = Float32Array.from({ length: n }, (_, i) => view.getFloat32(4 * i, true));
      }
    }
    return arrays;
  }

  const FORMAT = "seq2seq-web", FORMAT_VERSION = 3;

  class Model {
    constructor(header, buffer) {
      if (header.format !== FORMAT || header.format_version !== FORMAT_VERSION)
        throw new Error(`not a ${FORMAT} ${FORMAT_VERSION} model file (format ${header.format} ${header.format_version})`);
      const kind = header.core || header.cell, CORES = cells().CORES;
      if (!CORES[kind]) throw new Error(`${header.name}: no step core for ${kind}`);
      Object.assign(this, { header, name: header.name, level: header.level, cell: header.cell, core: CORES[kind] });
      this.inputTokens = header.input_tokens;
      this.targetTokens = header.target_tokens;
      this.inputIndex = new Map(this.inputTokens.map((t, i) => [t, i]));
      this.targetIndex = new Map(this.targetTokens.map((t, i) => [t, i]));
      this.rules = { level: header.level, alphabet: new Set(this.inputTokens), max: header.max_encoder_seq_length };
      this.units = header.units;
      this.w = readArrays(header, buffer);
      this.shapes = Object.fromEntries(header.arrays.map((a) => [a.name, a.shape]));
      if (this.core.prepare) this.core.prepare(this);
    }

    refuse(key, fields) {
      const e = new InputError(message(this.header, key, fields));
      return Object.assign(e, { key, fields });
    }

    // sentences.check_sentence: the text as the model reads it, or InputError saying why not.
    checked(text) {
      const c = checkText(this.rules, text);
      if (!c.ok) throw this.refuse(c.key, c.fields);
      return c.text;
    }

    check(text) {
      try { return { ok: true, text: this.checked(text) }; }
      catch (e) { if (e instanceof InputError) return { ok: false, error: e.message, key: e.key, fields: e.fields }; throw e; }
    }

    // sentences.source_ids: token ids of a checked sentence (the unknown word's id for unknown words).
    sourceIds(text) {
      const unk = this.inputIndex.get(this.header.special_tokens.unk);
      const ids = this.level === "char"
        ? Array.from(text, (ch) => this.inputIndex.get(ch))
        : tokenizeWords(text).map((w) => (this.inputIndex.has(w) ? this.inputIndex.get(w) : unk));
      return this.header.reverse_source ? ids.reverse() : ids;
    }

    join(ids) {
      return joinTokens(this.header.join, ids.map((i) => this.targetTokens[i]));
    }

    trace(text, options) {
      return search(this, this.checked(text), options);
    }

    translate(text) {
      return this.trace(text, { topK: 0 }).output;
    }

    beam(text, options) {
      if (!root.Seq2SeqBeam) throw new Error("beam search needs beam.js (Seq2SeqBeam) loaded");
      return root.Seq2SeqBeam.search(this, this.checked(text), options);
    }
  }

  async function load(urlBase) {
    const get = async (suffix, read) => {
      const r = await fetch(urlBase + suffix);
      if (!r.ok) throw new Error(`${urlBase}${suffix}: HTTP ${r.status}`);
      return read(r);
    };
    const [header, buffer] = await Promise.all([get(".json", (r) => r.json()), get(".bin", (r) => r.arrayBuffer())]);
    return new Model(header, buffer);
  }

  const api = {
    load, fromBuffers: (header, buffer) => new Model(header, buffer),
    InputError, showToken,
    // decoder_cells.js's, looked up when read (the book loads its scripts in no fixed order)
    get lstmStep() { return cells().lstmStep; }, get gruStep() { return cells().gruStep; },
    get matVec() { return cells().matVec; }, get softmax() { return cells().softmax; },
    get mulberry32() { return cells().mulberry32; }, get CORES() { return cells().CORES; },
    search,
    strip, lstrip, tokenizeWords, joinTokens, checkText, fill, pyRepr, describe, isPrintable,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.Seq2SeqDecoder = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
