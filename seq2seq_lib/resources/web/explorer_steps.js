/* The decoding explorer's text and steps: what it says and shows, computed without a page.
 *
 * The rules of seq2seq_lib/explorer_text.py (fill, token_label, percent, show_char,
 * problem_text, input_problem, stop_message, step_view) and trace_format.py (unpack), with the
 * same results: Node runs them for the Python tests (tests/js/), and tests/browser/ compares
 * what the pages show.  `lookup` finds a pre-decoded trace in a static explorer's configuration.
 * explorer.js, explorer_page.js and explorer_static.js use them.
 *
 * A classic script (like explorer.js): defines globalThis.Seq2SeqExplorerText = { fill,
 * tokenLabel, percent, rules, showChar, problemText, inputProblem, stopMessage, stepView,
 * unpack, lookup, PROB_SCALE }.  It shows nothing itself.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------------------------------
  // Helpers shared with seq2seq_lib/widgets.py (same rules, same results)
  // ------------------------------------------------------------------------------------------

  function fill(template, fields) {
    return String(template).replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (m, name) {
      return fields && Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : m;
    });
  }

  var TOKEN_LABELS = { "\n": "\u23CE", " ": "\u2423", "\t": "\u21E5" };

  /* widgets.token_label: `info.labels` are a jamo model's letters (hangul.jamo_label). */
  function tokenLabel(token, info) {
    var own = Object.prototype.hasOwnProperty, labels = (info && info.labels) || {};
    return own.call(labels, token) ? labels[token] : own.call(TOKEN_LABELS, token) ? TOKEN_LABELS[token] : token;
  }

  var PROB_SCALE = 10000; // packed probabilities are integers in units of 1/10,000

  /* A probability in tenths of a percent, rounded half up (widgets.percent). */
  function percent(p) {
    var n = Math.floor(p * 1000 + 0.5);
    return n > 0 ? Math.floor(n / 10) + "." + (n % 10) + "%" : "<0.1%";
  }

  // The text rules (strip, word tokenizer, input checks, joining) are decoder.js's, which are
  // Python's: book pages load decoder.js, and the JupyterLab module starts with it.
  function rules() {
    var D = globalThis.Seq2SeqDecoder;
    if (!D || typeof D.checkText !== "function") throw { why: "why_script" };
    return D;
  }

  function inRanges(ch, ranges) {
    var c = ch.codePointAt(0);
    return ranges.some(function (r) { return c >= r[0] && c <= r[1]; });
  }

  function showChar(ch) {
    if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) return "\u201C" + ch + "\u201D";
    var hex = ch.codePointAt(0).toString(16).toUpperCase();
    while (hex.length < 4) hex = "0" + hex;
    return "U+" + hex;
  }

  /* A refusal ({key, fields} of Seq2SeqDecoder.checkText) in the reader's words (widgets.problem_text). */
  function problemText(key, fields, S) {
    if (key !== "unknown") return fill(S[key], fields);
    var chars = fields.chars;
    var more = chars.length > 10 ? fill(S.more, { n: chars.length - 10 }) : "";
    return fill(S.unknown, { chars: chars.slice(0, 10).map(showChar).join(", ") + more });
  }

  /* Why `text` cannot be decoded by the model `info`, or null (widgets.input_problem).
   * `hangul`: the code point ranges that get the "Korean" message (the configuration's). */
  function inputProblem(info, text, S, hangul) {
    var D = rules();
    text = D.strip(String(text == null ? "" : text));
    if (!text) return S.empty;
    if (Array.from(text).some(function (ch) { return inRanges(ch, hangul || []); })) return S.korean;
    var c = D.checkText({ level: info.level, alphabet: new Set(Array.from(info.input_chars || "")), max: info.max_input }, text);
    return c.ok ? null : problemText(c.key, c.fields, S);
  }

  function stopMessage(trace, info, S) {
    if (trace.stop_reason === "end") return fill(S.stop_end, { end: tokenLabel(info.end) });
    if (trace.stop_reason === "max_length") return fill(S.stop_max, { n: info.max_output });
    return "";
  }

  /* What the explorer shows at `step` of `trace` (widgets.step_view). */
  function stepView(trace, step, info, S) {
    var steps = (trace && trace.steps) || [];
    if (!steps.length) {
      return { step: 0, steps: 0, input: (trace && trace.source) || "", output: "", new: "", end: false,
               candidates: [], message: "", forced: false };
    }
    step = Math.max(0, Math.min(step | 0, steps.length - 1));
    var st = steps[step];
    var end = st.token === info.end;
    var after = end ? st.prefix : step + 1 < steps.length ? steps[step + 1].prefix : trace.output || "";
    var prefix = st.prefix, added;
    if (after.slice(0, prefix.length) === prefix) {
      added = after.slice(prefix.length);
      if (info.level === "word") {
        var stripped = rules().lstrip(added);
        prefix += added.slice(0, added.length - stripped.length);
        added = stripped;
      }
    } else { // composed text changed before its end (a jamo model's syllable grew): mark the change
      var a = Array.from(after), p = Array.from(prefix), k = 0;
      while (k < Math.min(a.length, p.length) && a[k] === p[k]) k++;
      prefix = a.slice(0, k).join("");
      added = a.slice(k).join("");
    }
    var candidates = st.candidates.map(function (c) {
      return { token: c[0], label: tokenLabel(c[0], info), prob: c[1], pct: percent(c[1]), chosen: c[0] === st.token };
    });
    if (!candidates.some(function (c) { return c.chosen; })) {
      candidates.push({ token: st.token, label: tokenLabel(st.token, info), prob: st.prob, pct: percent(st.prob),
                        chosen: true, outside: true });
    }
    return {
      step: step, steps: steps.length, input: trace.source || "", output: prefix + added, prefix: prefix,
      new: added, end: end, token: st.token, candidates: candidates,
      message: step === steps.length - 1 ? stopMessage(trace, info, S) : "", forced: !!st.forced,
      attention: globalThis.Seq2SeqAttention ? globalThis.Seq2SeqAttention.view(trace, step, info) : null,
    };
  }

  // ------------------------------------------------------------------------------------------
  // Pre-decoded traces (the static book's; trace_format.py packs them)
  // ------------------------------------------------------------------------------------------

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  /* A trace dict from widgets.pack's compact form (attention weights, `a`, as the steps' extras);
   * steps before `f` come from `base`.
   * `join`: the model's joining rule (sentences.join_rule, in the model's info). */
  function unpack(packed, join, end, base) {
    var start = packed.f || 0;
    var steps = start ? clone(base.steps.slice(0, start)) : [];
    var tokens = steps.filter(function (st) { return st.token !== end; }).map(function (st) { return st.token; });
    var prefixes = packed.p || {}, attention = packed.a;
    packed.t.forEach(function (row, k) {
      var i = start + k, flat = row[1], cands = [];
      for (var j = 0; j < flat.length; j += 2) cands.push([flat[j], flat[j + 1] / PROB_SCALE]);
      var chosen = typeof row[0] === "number" ? cands[row[0]] : [row[0][0], row[0][1] / PROB_SCALE];
      steps.push({
        prefix: Object.prototype.hasOwnProperty.call(prefixes, String(i)) ? prefixes[String(i)] : rules().joinTokens(join, tokens),
        token: chosen[0], prob: chosen[1], candidates: cands, forced: row.length > 2 && !!row[2],
      });
      if (attention) steps[i].extras = { attention: attention[k].map(function (w) { return w / PROB_SCALE; }) };
      if (chosen[0] !== end) tokens.push(chosen[0]);
    });
    return { source: packed.s, output: packed.o, steps: steps, stop_reason: packed.r };
  }

  /* A pre-decoded trace for this request, or null (then the live decoder is asked). */
  function lookup(cfg, mid, text, force, temperature, seed) {
    var ex = cfg.traces && cfg.traces[mid] && cfg.traces[mid][text];
    var inf = (cfg.models || []).filter(function (m) { return m.id === mid; })[0];
    if (!ex || !inf) return null;
    var keys = Object.keys(force || {});
    if (!temperature) {
      var g = unpack(ex.g, inf.join, inf.end);
      if (!keys.length) return g;
      if (keys.length !== 1) return null;
      var i = parseInt(keys[0], 10), token = force[keys[0]];
      if (!(i >= 0 && i < g.steps.length)) return null;
      if (g.steps[i].token === token) {
        g.steps[i].forced = true;
        return g;
      }
      var f = ex.x && ex.x[String(i)] && ex.x[String(i)][token];
      return f ? unpack(f, inf.join, inf.end, g) : null;
    }
    if (keys.length) return null;
    var s = ex.sm && ex.sm[String(temperature) + ":" + String(seed | 0)];
    return s ? unpack(s, inf.join, inf.end) : null;
  }

  globalThis.Seq2SeqExplorerText = {
    fill: fill,
    tokenLabel: tokenLabel,
    percent: percent,
    rules: rules,
    showChar: showChar,
    problemText: problemText,
    inputProblem: inputProblem,
    stopMessage: stopMessage,
    stepView: stepView,
    unpack: unpack,
    lookup: lookup,
    PROB_SCALE: PROB_SCALE,
  };
})();
