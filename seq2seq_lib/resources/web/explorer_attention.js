/* The decoding explorer's attention view (explorer_page.js draws it, explorer_steps.js asks for
 * its view; seq2seq_lib/explorer_attention.py computes the same view in Python, and
 * tests/browser/ compares the two).
 *
 * For a model whose trace steps carry `extras.attention` (weights over the source tokens, from
 * decoder_cells.js's attention core or from the pre-decoded traces), it draws
 *   - a heat strip under the input: the source tokens, each shaded by the current step's weight;
 *   - the matrix of the decoding so far: one row per output token (the current one highlighted),
 *     one column per source token.  Rows still to come keep their place, empty, so the page
 *     does not move while stepping.
 * Every weight cell has data-testid="explorer-attention-cell", data-weight, data-row (step),
 * data-col (source position in reading order) and a title.  Models without attention: hidden.
 *
 * A classic script (like explorer.js): defines globalThis.Seq2SeqAttention = { view, draw }.
 * Everything shown is set with textContent or attribute values, never innerHTML.
 */
(function () {
  "use strict";

  var LABELS = { "\n": "\u23CE", " ": "\u2423", "\t": "\u21E5" }; // sentences.show_token
  var VISIBLE_ROWS = 8; // the matrix scrolls beyond this many rows

  function label(token) {
    return Object.prototype.hasOwnProperty.call(LABELS, token) ? LABELS[token] : token;
  }

  /* The source's tokens as the encoder reads them (explorer_attention.source_tokens). */
  function sourceTokens(source, level) {
    if (level === "char") return Array.from(source);
    var D = globalThis.Seq2SeqDecoder;
    return D && D.tokenizeWords ? D.tokenizeWords(source) : source.split(/\s+/).filter(Boolean);
  }

  function hasAttention(trace) {
    var steps = (trace && trace.steps) || [];
    return steps.length > 0 && steps.every(function (st) { return st.extras && Array.isArray(st.extras.attention); });
  }

  /* The attention shown at `step` of `trace`, or null (explorer_attention.attention_view). */
  function view(trace, step, info) {
    if (!hasAttention(trace)) return null;
    var steps = trace.steps;
    step = Math.max(0, Math.min(step | 0, steps.length - 1));
    var back = !!(info && info.reverse_source);
    var weights = steps.slice(0, step + 1).map(function (st) {
      var row = st.extras.attention.map(Number);
      return back ? row.reverse() : row;
    });
    var n = weights[0].length;
    var labels = sourceTokens(trace.source || "", (info && info.level) || "char").map(label);
    if (labels.length !== n) labels = weights[0].map(function (w, i) { return String(i + 1); });
    return {
      source: labels,
      rows: steps.slice(0, step + 1).map(function (st) { return label(st.token); }),
      weights: weights,
      step: step,
    };
  }

  function shade(node, w) {
    node.style.backgroundColor = "rgba(31, 111, 235, " + Math.max(0, Math.min(1, w)).toFixed(3) + ")";
    if (w > 0.55) node.classList.add("s2s-attn-dark");
  }

  /* One weight cell: `tag` (span in the strip, td in the matrix) for output row `i`, column `j`. */
  function cell(t, tag, v, i, j, text) {
    var w = v.weights[i][j];
    var title = t.S("attention_cell", { out: v.rows[i], src: v.source[j], w: t.percent(w) });
    var node = t.h(tag, { className: "s2s-attn-cell", testid: "explorer-attention-cell", "data-weight": String(w),
                          "data-row": String(i), "data-col": String(j), title: title, "aria-label": title, text: text });
    shade(node, w);
    return node;
  }

  function build(box, t) {
    var parts = {
      key: t.h("span", { className: "s2s-key" }),
      strip: t.h("div", { className: "s2s-attn-strip", testid: "explorer-attention-strip" }),
      caption: t.h("div", { className: "s2s-attn-caption" }),
      wrap: t.h("div", { className: "s2s-attn-wrap", tabindex: "0" }),
    };
    box.appendChild(t.h("div", { className: "s2s-line" }, [parts.key, parts.strip]));
    box.appendChild(parts.caption);
    box.appendChild(parts.wrap);
    return parts;
  }

  /* The matrix of `v`, with `total` rows in all (rows after the current step stay empty). */
  function matrix(t, v, total) {
    var head = t.h("tr", {}, [t.h("th", { className: "s2s-attn-corner" })]);
    v.source.forEach(function (s) { head.appendChild(t.h("th", { scope: "col", text: s })); });
    var body = t.h("tbody");
    for (var i = 0; i < total; i++) {
      var later = i >= v.rows.length;
      var tr = t.h("tr", { className: later ? "s2s-attn-later" : i === v.step ? "s2s-attn-current" : "",
                           "aria-hidden": later ? "true" : null, "aria-current": i === v.step ? "step" : null },
                   [t.h("th", { scope: "row", text: later ? "" : v.rows[i] })]);
      for (var j = 0; j < v.source.length; j++) tr.appendChild(later ? t.h("td") : cell(t, "td", v, i, j, ""));
      body.appendChild(tr);
    }
    return t.h("table", { className: "s2s-attn-matrix", testid: "explorer-attention-matrix",
                          "aria-label": t.S("attention_matrix") }, [t.h("thead", {}, [head]), body]);
  }

  /* Draw the view of `trace` at `step` into `box` (hidden without attention).
   * `t`: the explorer's helpers {h, clear, percent, S}, from explorer_page.js. */
  function draw(box, trace, step, info, t) {
    var v = view(trace, step, info);
    var key = [t.S("attention_cell"), step, info && info.id];
    var last = box.s2sAttention;
    if (last && last.trace === trace && last.key.join("\u0000") === key.join("\u0000")) return;
    box.s2sAttention = { trace: trace, key: key, parts: last && last.parts };
    box.hidden = !v;
    var p = box.s2sAttention.parts;
    if (!v) { // no cells left behind
      if (p) { t.clear(p.strip); t.clear(p.wrap); }
      return;
    }
    p = box.s2sAttention.parts = p || build(box, t);
    box.setAttribute("aria-label", t.S("attention_label"));
    p.key.textContent = t.S("attention");
    p.caption.textContent = t.S("attention_matrix");
    t.clear(p.strip);
    var now = v.weights.length - 1;
    v.source.forEach(function (s, j) { p.strip.appendChild(cell(t, "span", v, now, j, s)); });
    t.clear(p.wrap);
    var total = trace.steps.length;
    p.wrap.appendChild(matrix(t, v, total));
    p.wrap.style.maxHeight = "calc(" + (Math.min(total, VISIBLE_ROWS) + 1) + " * var(--s2s-attn-row) + 4px)";
    var row = p.wrap.querySelector(".s2s-attn-current"), headRow = p.wrap.querySelector("thead tr");
    if (row && headRow) { // keep the current row in sight, below the sticky header
      var top = row.offsetTop - headRow.offsetHeight, bottom = row.offsetTop + row.offsetHeight;
      if (top < p.wrap.scrollTop) p.wrap.scrollTop = top;
      else if (bottom > p.wrap.scrollTop + p.wrap.clientHeight) p.wrap.scrollTop = bottom - p.wrap.clientHeight;
    }
  }

  globalThis.Seq2SeqAttention = { view: view, draw: draw, sourceTokens: sourceTokens };
})();
