/* The decoding explorer of seq2seq-book: one front-end for JupyterLab and for the static book.
 *
 * A classic script (no import/export), so that it runs from any page, file:// included, and
 * defines `globalThis.Seq2SeqExplorer = { render, mountStatic, ... }`.
 *
 * - In JupyterLab, seq2seq_lib.widgets.Explorer (an anywidget) ships this file as its module
 *   with `export default { render: globalThis.Seq2SeqExplorer.render }` appended; `model` is
 *   then anywidget's model, backed by the Python kernel.
 * - In the built book, every page loads this script; on DOMContentLoaded it mounts each
 *   `<div class="s2s-explorer">` with a small model object that answers from the pre-decoded
 *   traces in the div's JSON configuration, or from the in-browser decoder
 *   (`globalThis.Seq2SeqDecoder`, book/_static/decoder.js) when one can be loaded.
 *
 * The model interface `render` uses: get(name), set(name, value), save_changes(),
 * on("change:name", callback), off(...).  To decode, the page sets text/model_key/force/
 * temperature/seed and bumps `request`; the back-end answers with `trace` or `error` and sets
 * `answered` to the request it answered.  With `search` = "beam" it answers with `beam` (a
 * BeamResult.to_dict() for `beam_size`, `alpha`, `force`), drawn by explorer_beam.js.
 *
 * Safety: everything shown is set with textContent or attribute values, never innerHTML.
 */
(function () {
  "use strict";

  var doc = typeof document !== "undefined" ? document : null;
  var SCRIPT = doc && doc.currentScript && doc.currentScript.src ? doc.currentScript : null;
  var PLAY_MS = 550;

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
  // DOM
  // ------------------------------------------------------------------------------------------

  function h(tag, props, children) {
    var node = doc.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v == null || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "className") node.className = v;
      else if (k === "testid") node.setAttribute("data-testid", v);
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function setText(node, text) {
    text = text == null ? "" : String(text);
    if (node.textContent !== text) node.textContent = text;
  }

  // ------------------------------------------------------------------------------------------
  // The view: render({model, el}), built from the pieces below
  //   buildPage   the elements, once          reader     what the model holds, as the page needs it
  //   controller  what the buttons ask for    wireEvents the page's events -> controller
  //   draw*       the page from the model     render     puts them together, redraws once per tick
  // ------------------------------------------------------------------------------------------

  /* Every element of the explorer, in a `root` that is not yet on the page. */
  function buildPage(lang) {
    var el = {
      root: h("div", { className: "s2s-root", lang: lang, testid: "explorer", role: "group" }),
      modelSelect: h("select", { className: "s2s-model", testid: "explorer-model" }),
      input: h("input", { className: "s2s-input", type: "text", testid: "explorer-input", spellcheck: "false",
                          autocomplete: "off", maxlength: "500" }),
      translate: h("button", { className: "s2s-button s2s-primary", type: "button", testid: "explorer-translate" }),
      examples: h("div", { className: "s2s-examples" }),
      searchSelect: h("select", { className: "s2s-search", testid: "explorer-search" }),
      searchLabel: h("span", { className: "s2s-label-text" }),
      beam: h("div", { className: "s2s-beam", testid: "explorer-beam", role: "group", hidden: true }),
      tempSelect: h("select", { className: "s2s-temperature", testid: "explorer-temperature" }),
      seedInput: h("input", { className: "s2s-seed", type: "number", min: "0", step: "1", testid: "explorer-seed" }),
      source: h("span", { className: "s2s-source", testid: "explorer-source" }),
      output: h("span", { className: "s2s-output", testid: "explorer-output" }),
      endBadge: h("span", { className: "s2s-end-badge", testid: "explorer-end" }),
      finalText: h("span", { className: "s2s-final", testid: "explorer-final" }),
      prev: h("button", { className: "s2s-button", type: "button", testid: "explorer-prev" }),
      play: h("button", { className: "s2s-button", type: "button", testid: "explorer-play" }),
      next: h("button", { className: "s2s-button", type: "button", testid: "explorer-next" }),
      slider: h("input", { className: "s2s-slider", type: "range", min: "0", max: "0", value: "0",
                           testid: "explorer-slider" }),
      counter: h("span", { className: "s2s-counter", testid: "explorer-step" }),
      candHead: h("div", { className: "s2s-cand-head" }),
      candList: h("div", { className: "s2s-cand-list", testid: "explorer-candidates" }),
      message: h("div", { className: "s2s-message", testid: "explorer-message", role: "status", "aria-live": "polite" }),
      note: h("div", { className: "s2s-note", testid: "explorer-note" }),
      attention: h("div", { className: "s2s-attention", testid: "explorer-attention", role: "group", hidden: true }),
      modelLabel: h("span", { className: "s2s-label-text" }),
      seedLabel: h("span", { className: "s2s-label-text" }),
      choiceLabel: h("span", { className: "s2s-label-text" }),
      inputLabel: h("span", { className: "s2s-key" }),
      outputLabel: h("span", { className: "s2s-key" }),
      finalLabel: h("span", { className: "s2s-key" }),
    };
    var root = el.root;
    root.appendChild(h("div", { className: "s2s-row s2s-top" }, [
      h("label", { className: "s2s-field" }, [el.modelLabel, el.modelSelect]),
    ]));
    root.appendChild(h("div", { className: "s2s-row s2s-ask" }, [el.input, el.translate]));
    root.appendChild(el.examples);
    el.tempField = h("label", { className: "s2s-field" }, [el.choiceLabel, el.tempSelect]);
    el.seedField = h("label", { className: "s2s-field s2s-seed-field" }, [el.seedLabel, el.seedInput]);
    root.appendChild(h("div", { className: "s2s-row s2s-sampling" }, [
      h("label", { className: "s2s-field" }, [el.searchLabel, el.searchSelect]), el.tempField, el.seedField,
    ]));
    root.appendChild(el.beam); // explorer_beam.js fills it in beam mode
    root.appendChild(el.io = h("div", { className: "s2s-io" }, [
      h("div", { className: "s2s-line" }, [el.inputLabel, el.source]),
      h("div", { className: "s2s-line s2s-now" }, [el.outputLabel, h("span", { className: "s2s-out-wrap" }, [el.output, el.endBadge])]),
      h("div", { className: "s2s-line" }, [el.finalLabel, el.finalText]),
    ]));
    root.appendChild(el.attention); // explorer_attention.js fills it for attention models
    root.appendChild(el.controls = h("div", { className: "s2s-row s2s-controls" }, [el.prev, el.play, el.next, el.slider, el.counter]));
    root.appendChild(el.cands = h("div", { className: "s2s-cands" }, [el.candHead, el.candList]));
    root.appendChild(el.message);
    root.appendChild(el.note);
    return el;
  }

  /* What the model holds, as the page needs it. */
  function reader(model) {
    var read = {
      strings: function () { return model.get("strings") || {}; },
      S: function (key, fields) {
        var s = read.strings()[key];
        if (s == null) s = key;
        return fields ? fill(s, fields) : s;
      },
      models: function () { return model.get("models") || []; },
      info: function () {
        var id = model.get("model_key");
        var found = read.models().filter(function (m) { return m.id === id; })[0];
        return found || { id: id, level: "char", end: "\n", max_input: 0, max_output: 0, input_chars: "" };
      },
      trace: function () { return model.get("trace") || {}; },
      nSteps: function () { return (read.trace().steps || []).length; },
    };
    return read;
  }

  /* What the buttons ask for: decodings (a bumped `request`), steps, playing. */
  function controller(model, el, ui, read, schedule) {
    var act = {};
    function save() { model.save_changes(); }

    act.save = save;
    act.setStep = function (i) {
      var n = read.nSteps();
      i = Math.max(0, Math.min(i, Math.max(0, n - 1)));
      if (model.get("step") !== i) {
        model.set("step", i);
        save();
      }
      schedule();
    };

    act.ask = function (kind, changes, extra) {
      act.stop();
      var req = (model.get("request") || 0) + 1;
      ui.intent = Object.assign({ kind: kind, request: req, before: read.trace().output }, extra || {});
      Object.keys(changes).forEach(function (k) { model.set(k, changes[k]); });
      model.set("request", req);
      save();
      schedule();
    };

    act.translateText = function (text) {
      if (text != null) {
        el.input.value = text;
        ui.shownText = text;
      }
      ui.changed = null;
      act.ask("translate", { text: el.input.value, force: {}, step: 0 });
    };

    act.forceToken = function (step, token) {
      if (model.get("busy")) return;
      var force = {};
      var old = model.get("force") || {};
      Object.keys(old).forEach(function (k) { if (+k < step) force[k] = old[k]; });
      force[String(step)] = token;
      act.ask("force", { force: force, step: step }, { step: step, token: token });
    };

    act.onAnswered = function () {
      var it = ui.intent;
      if (!it || (model.get("answered") || 0) < it.request) { schedule(); return; }
      ui.intent = null;
      var tr = read.trace();
      if (it.kind === "force") {
        var st = (tr.steps || [])[it.step];
        ui.changed = st && st.forced && st.token === it.token
          ? { step: it.step, token: it.token, before: it.before, after: tr.output } : null;
        act.setStep(it.step);
      } else {
        act.setStep(0);
        if (read.nSteps() > 1 && !model.get("error")) act.start();
      }
      schedule();
    };

    act.start = function () {
      if (ui.playing) return;
      if ((model.get("step") || 0) >= read.nSteps() - 1) act.setStep(0);
      ui.playing = true;
      ui.timer = setInterval(function () {
        var i = (model.get("step") || 0) + 1;
        if (i < read.nSteps()) act.setStep(i);
        if (i >= read.nSteps() - 1) act.stop();
      }, PLAY_MS);
      schedule();
    };

    act.stop = function () {
      if (ui.timer) clearInterval(ui.timer);
      ui.timer = null;
      if (ui.playing) {
        ui.playing = false;
        schedule();
      }
    };
    return act;
  }

  /* The page's events, handed to the controller; returns the model listeners to remove later. */
  function wireEvents(model, el, ui, act, schedule) {
    var stopKeys = function (e) { e.stopPropagation(); }; // keep JupyterLab's notebook shortcuts out
    el.input.addEventListener("keydown", function (e) {
      e.stopPropagation();
      if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        act.translateText();
      }
    });
    el.input.addEventListener("keyup", stopKeys);
    el.input.addEventListener("keypress", stopKeys);
    el.translate.addEventListener("click", function () { act.translateText(); });
    el.modelSelect.addEventListener("change", function () {
      ui.changed = null;
      act.ask("translate", { model_key: el.modelSelect.value, text: el.input.value, force: {}, step: 0 });
    });
    el.tempSelect.addEventListener("change", function () {
      ui.changed = null;
      act.ask("translate", { temperature: parseFloat(el.tempSelect.value) || 0, text: el.input.value, force: {}, step: 0 });
    });
    el.searchSelect.addEventListener("change", function () {
      var v = el.searchSelect.value, temps = (model.get("temperatures") || []).filter(Boolean);
      ui.changed = null;
      act.ask("translate", { search: v === "beam" ? "beam" : "greedy", text: el.input.value, force: {}, step: 0,
                             temperature: v === "sample" ? model.get("temperature") || temps[0] || 0 : 0 });
    });
    el.seedInput.addEventListener("keydown", stopKeys);
    el.seedInput.addEventListener("change", function () {
      var seed = Math.max(0, parseInt(el.seedInput.value, 10) || 0);
      el.seedInput.value = String(seed);
      if (seed === model.get("seed")) return;
      if (model.get("temperature")) {
        ui.changed = null;
        act.ask("translate", { seed: seed, text: el.input.value, force: {}, step: 0 });
      } else {
        model.set("seed", seed);
        act.save();
      }
    });
    el.prev.addEventListener("click", function () { act.stop(); act.setStep((model.get("step") || 0) - 1); });
    el.next.addEventListener("click", function () { act.stop(); act.setStep((model.get("step") || 0) + 1); });
    el.play.addEventListener("click", function () { if (ui.playing) act.stop(); else act.start(); });
    el.slider.addEventListener("input", function () { act.stop(); act.setStep(parseInt(el.slider.value, 10) || 0); });
    el.slider.addEventListener("keydown", stopKeys);

    var names = ["strings", "models", "model_key", "examples", "temperatures", "text", "trace", "error", "step",
                 "force", "temperature", "seed", "busy", "lang", "search", "beam", "beam_size", "alpha"];
    var handlers = names.map(function (name) {
      var cb = function () { schedule(); };
      model.on("change:" + name, cb);
      return ["change:" + name, cb];
    });
    handlers.push(["change:answered", act.onAnswered]);
    model.on("change:answered", act.onAnswered);
    return handlers;
  }

  /* The model and sampling menus, the example buttons and the text box. */
  function drawOptions(model, el, ui, read, act) {
    var key = JSON.stringify([read.models().map(function (m) { return [m.id, m.label]; }), model.get("temperatures"),
                              model.get("strings")]);
    if (key !== ui.optionsKey) {
      ui.optionsKey = key;
      clear(el.modelSelect);
      read.models().forEach(function (m) {
        el.modelSelect.appendChild(h("option", { value: m.id, text: m.label }));
      });
      clear(el.tempSelect);
      (model.get("temperatures") || [0]).forEach(function (t) {
        el.tempSelect.appendChild(h("option", { value: String(t), text: t ? read.S("sample", { t: t }) : read.S("greedy") }));
      });
      clear(el.searchSelect);
      var sampling = (model.get("temperatures") || []).some(Boolean);
      ["greedy", sampling ? "sample" : null, "beam"].forEach(function (v) {
        if (v) el.searchSelect.appendChild(h("option", { value: v, text: read.S("search_" + v) }));
      });
    }
    if (el.modelSelect.value !== model.get("model_key")) el.modelSelect.value = model.get("model_key");
    if (parseFloat(el.tempSelect.value) !== (model.get("temperature") || 0)) el.tempSelect.value = String(model.get("temperature") || 0);
    el.searchSelect.value = model.get("search") === "beam" ? "beam" : model.get("temperature") ? "sample" : "greedy";
    if (doc.activeElement !== el.seedInput) el.seedInput.value = String(model.get("seed") || 0);
    el.modelSelect.disabled = read.models().length < 2;
    var exKey = JSON.stringify(model.get("examples") || []);
    if (exKey !== ui.examplesKey) {
      ui.examplesKey = exKey;
      clear(el.examples);
      el.examples.appendChild(h("span", { className: "s2s-label-text", text: read.S("examples") }));
      (model.get("examples") || []).forEach(function (ex) {
        var b = h("button", { className: "s2s-example", type: "button", testid: "explorer-example", text: ex });
        b.addEventListener("click", function () { act.translateText(ex); });
        el.examples.appendChild(b);
      });
    }
    var text = model.get("text") || "";
    if (ui.shownText === null || (text !== ui.shownText && doc.activeElement !== el.input)) {
      el.input.value = text;
      ui.shownText = text;
    }
  }

  /* Every fixed label, in the explorer's language. */
  function drawLabels(el, ui, read) {
    var S = read.S;
    el.root.setAttribute("aria-label", S("title"));
    setText(el.modelLabel, S("model"));
    setText(el.choiceLabel, S("choice"));
    setText(el.searchLabel, S("search"));
    setText(el.seedLabel, S("seed"));
    el.input.setAttribute("placeholder", S("placeholder"));
    el.input.setAttribute("aria-label", S("placeholder"));
    setText(el.translate, S("translate"));
    setText(el.inputLabel, S("input"));
    setText(el.outputLabel, S("output"));
    setText(el.finalLabel, S("final"));
    setText(el.prev, S("prev"));
    setText(el.next, S("next"));
    setText(el.play, ui.playing ? S("pause") : S("play"));
    el.play.setAttribute("aria-pressed", ui.playing ? "true" : "false");
    el.slider.setAttribute("aria-label", S("slider"));
  }

  /* The input, the output so far (the new token in a <mark>), and the full translation. */
  function drawOutput(el, v, tr, inf) {
    setText(el.source, v.input);
    clear(el.output);
    if (v.output.length > v.new.length) el.output.appendChild(doc.createTextNode(v.output.slice(0, v.output.length - v.new.length)));
    if (v.new) {
      el.output.appendChild(h("mark", { className: "s2s-new" + (v.forced ? " s2s-forced" : ""), testid: "explorer-new-token",
                                        text: v.new }));
    }
    setText(el.endBadge, v.end ? tokenLabel(inf.end) : "");
    el.endBadge.className = "s2s-end-badge" + (v.end ? " s2s-new" + (v.forced ? " s2s-forced" : "") : "");
    setText(el.finalText, tr.output || "");
  }

  /* Previous / play / next, the slider and the step counter. */
  function drawControls(el, v, n, read) {
    el.prev.disabled = !n || v.step <= 0;
    el.next.disabled = !n || v.step >= n - 1;
    el.play.disabled = n < 2;
    el.slider.max = String(Math.max(0, n - 1));
    el.slider.value = String(v.step);
    el.slider.disabled = n < 2;
    setText(el.counter, n ? read.S("step", { i: v.step + 1, n: n }) : read.S("no_step"));
  }

  /* The candidate bars of this step; clicking one forces it. */
  function drawCandidates(model, el, v, tr, n, busy, read, act) {
    var S = read.S;
    setText(el.candHead, n ? S("candidates", { k: (tr.steps[v.step].candidates || []).length }) : "");
    clear(el.candList);
    v.candidates.forEach(function (c) {
      var sampled = c.outside || !!model.get("temperature");
      var tag = c.chosen ? (v.forced ? S("forced") : sampled ? S("sampled") : S("chosen")) : "";
      var fillBar = h("span", { className: "s2s-cand-fill" });
      fillBar.style.width = Math.max(0, Math.min(100, c.prob * 100)).toFixed(2) + "%";
      var b = h("button", {
        className: "s2s-cand" + (c.chosen ? " s2s-chosen" : "") + (c.chosen && v.forced ? " s2s-forced" : ""),
        type: "button", testid: "explorer-candidate", "data-token": c.token, "aria-pressed": c.chosen ? "true" : "false",
        title: c.label + " " + c.pct,
      }, [
        h("span", { className: "s2s-cand-label", text: c.label }),
        h("span", { className: "s2s-cand-bar" }, [fillBar]),
        h("span", { className: "s2s-cand-pct", text: c.pct }),
        h("span", { className: "s2s-cand-tag", text: tag }),
      ]);
      b.disabled = busy;
      b.addEventListener("click", function () { act.forceToken(v.step, c.token); });
      el.candList.appendChild(b);
    });
  }

  /* The error or stop message, and the note (decoding…, or what a forced token changed). */
  function drawMessages(model, el, ui, v, tr, busy, read) {
    var err = model.get("error") || "";
    setText(el.message, err || v.message);
    el.message.className = "s2s-message" + (err ? " s2s-error" : v.message ? " s2s-stop" : "");
    var lines = [];
    if (busy) lines.push(read.S("decoding"));
    else if (ui.changed && tr.output === ui.changed.after) {
      lines.push(read.S("forced_note", { token: tokenLabel(ui.changed.token, read.info()), i: ui.changed.step + 1 }));
      lines.push(read.S("before", { text: ui.changed.before || "" }));
    }
    clear(el.note);
    lines.forEach(function (l) { el.note.appendChild(h("div", { text: l })); });
  }

  /* The attention view (explorer_attention.js), hidden for models without attention. */
  function drawAttention(el, tr, v, inf, read) {
    var A = globalThis.Seq2SeqAttention;
    if (A) A.draw(el.attention, tr, v.step, inf, { h: h, clear: clear, percent: percent, S: read.S });
    else el.attention.hidden = true;
  }

  /* Beam mode (explorer_beam.js): the beam view instead of the step-by-step parts. */
  function drawBeam(model, el, inf, busy, read, act) {
    var on = model.get("search") === "beam", B = globalThis.Seq2SeqBeamView;
    [el.io, el.controls, el.cands, el.tempField, el.seedField].forEach(function (n) { n.hidden = on; });
    if (on) el.attention.hidden = true;
    if (!B) { el.beam.hidden = true; return; }
    B.draw(el.beam, { active: on, beam: model.get("beam") || {}, info: inf, busy: busy, beamSize: model.get("beam_size") || 3,
                      alpha: +model.get("alpha") || 0, force: model.get("force") || {}, h: h, clear: clear, S: read.S,
                      ask: function (changes) { act.ask("beam", Object.assign({ text: el.input.value, step: 0 }, changes)); } });
  }

  function render(ctx) {
    var model = ctx.model;
    var ui = { playing: false, timer: null, intent: null, changed: null, scheduled: false, dead: false,
               shownText: null, optionsKey: null, examplesKey: null };
    var el = buildPage(model.get("lang") || "en");
    ctx.el.appendChild(el.root);
    var read = reader(model);
    var act = controller(model, el, ui, read, schedule);
    var handlers = wireEvents(model, el, ui, act, schedule);

    // Redraw at most once per tick, whatever number of changes arrived.
    function schedule() {
      if (ui.scheduled || ui.dead) return;
      ui.scheduled = true;
      Promise.resolve().then(function () {
        ui.scheduled = false;
        if (!ui.dead) draw();
      });
    }

    function draw() {
      drawOptions(model, el, ui, read, act);
      drawLabels(el, ui, read);
      var tr = read.trace(), inf = read.info(), n = read.nSteps();
      var busy = !!model.get("busy") || !!ui.intent;
      var v = stepView(tr, model.get("step") || 0, inf, read.strings());
      el.root.classList.toggle("s2s-busy", busy);
      drawOutput(el, v, tr, inf);
      drawControls(el, v, n, read);
      drawCandidates(model, el, v, tr, n, busy, read, act);
      drawMessages(model, el, ui, v, tr, busy, read);
      drawAttention(el, tr, v, inf, read);
      drawBeam(model, el, inf, busy, read, act);
    }

    draw();
    if (read.nSteps() && !model.get("error")) {
      // show the first step; the reader presses play (or Translate) to watch
      act.setStep(model.get("step") || 0);
    }

    return function cleanup() {
      ui.dead = true;
      act.stop();
      handlers.forEach(function (hd) { if (model.off) model.off(hd[0], hd[1]); });
      if (el.root.parentNode) el.root.parentNode.removeChild(el.root);
    };
  }

  // ------------------------------------------------------------------------------------------
  // The static book: a model object that serves pre-decoded traces or the in-browser decoder
  // ------------------------------------------------------------------------------------------

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  function defaultModelsBase() {
    if (SCRIPT) return new URL("models/", SCRIPT.src).href;
    return null;
  }

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

  function createStaticModel(cfg, options) {
    options = options || {};
    var S = cfg.strings || {};
    var decoders = {};
    var modelsBase = cfg.models_base || options.modelsBase || defaultModelsBase();
    var listeners = {};
    var dirty = {};
    var state = {
      lang: cfg.lang || "en", strings: S, models: cfg.models || [], model_key: cfg.model_key || "",
      examples: cfg.examples || [], temperatures: cfg.temperatures || [0], text: cfg.text || "",
      trace: {}, error: "", step: 0, force: {}, temperature: 0, seed: 0, request: 0, answered: 0, busy: false,
      search: "greedy", beam_size: 3, alpha: 0, beam: {},
    };
    if (!state.models.length) state.error = S.no_models || "no models";
    else if (!globalThis.Seq2SeqDecoder) state.error = fill(S.no_live, { why: S.why_script });
    else if (state.text) {
      var first = lookup(cfg, state.model_key, rules().strip(state.text), {}, 0, 0);
      if (first) state.trace = first;
    }

    function fire(names) {
      names.forEach(function (name) {
        (listeners["change:" + name] || []).slice().forEach(function (cb) { cb(); });
      });
    }

    function info(mid) {
      return state.models.filter(function (m) { return m.id === mid; })[0];
    }

    function liveDecoder(mid) {
      if (!decoders[mid]) {
        decoders[mid] = Promise.resolve().then(function () {
          var D = globalThis.Seq2SeqDecoder;
          if (!D || typeof D.load !== "function") throw { why: "why_script" };
          if (!modelsBase) throw { why: "why_model" };
          return Promise.resolve(D.load(modelsBase + encodeURIComponent(mid))).catch(function (e) {
            var fileProtocol = typeof location !== "undefined" && location.protocol === "file:";
            throw { why: fileProtocol ? "why_file" : "why_model", cause: e };
          });
        });
      }
      return decoders[mid];
    }

    function answer(req, trace, error, beam) {
      if (req !== state.request) return; // a newer request is on its way
      state.trace = trace;
      state.beam = beam || {};
      state.error = error || "";
      state.busy = false;
      state.answered = req;
      fire(["trace", "beam", "error", "busy", "answered"]);
    }

    function handle(req) {
      if (!globalThis.Seq2SeqDecoder) return answer(req, {}, fill(S.no_live, { why: S.why_script }));
      var mid = state.model_key, text = rules().strip(String(state.text || ""));
      var force = clone(state.force || {}), temperature = +state.temperature || 0, seed = state.seed | 0;
      var inf = info(mid);
      if (!inf) return answer(req, {}, S.no_models);
      var problem = inputProblem(inf, text, S, cfg.hangul);
      if (problem) return answer(req, {}, problem);
      var beam = state.search === "beam", opts = { beamSize: state.beam_size | 0, alpha: +state.alpha || 0, force: force };
      var found = !beam && lookup(cfg, mid, text, force, temperature, seed);
      if (found) return answer(req, found, "");
      state.busy = true;
      fire(["busy"]);
      var keep = state.trace && state.trace.source === text ? state.trace : null;
      liveDecoder(mid).then(function (dec) {
        return Promise.resolve().then(function () {
          var c = typeof dec.check === "function" ? dec.check(text) : null;
          if (c && c.ok === false) throw new Error(c.error);
          if (beam && !globalThis.Seq2SeqBeam) throw { why: "why_script" };
          return beam ? dec.beam(text, opts) : dec.trace(text, { topK: cfg.top_k, force: force, temperature: temperature || null, seed: seed });
        }).then(function (tr) {
          if (beam) answer(req, {}, "", tr);
          else answer(req, tr, "");
        }, function (e) { // the decoder refused the input (or a forced token)
          if (e && e.why) answer(req, {}, fill(S.no_live_beam, { why: S[e.why] }));
          else answer(req, {}, fill(S.refused, { detail: String((e && e.message) || e) }));
        });
      }, function (e) { // no decoder here: say so, keep what is shown when it is the same sentence
        var why = e && e.why ? S[e.why] : String((e && e.message) || e);
        if (beam) answer(req, {}, fill(S.no_live_beam, { why: why }));
        else if (keep) answer(req, keep, fill(S.no_live_change, { why: why }));
        else answer(req, {}, fill(S.no_live, { why: why }));
      });
    }

    return {
      get: function (name) { return state[name]; },
      set: function (name, value) {
        state[name] = value;
        dirty[name] = true;
        fire([name]);
      },
      save_changes: function () {
        var d = dirty;
        dirty = {};
        if (d.request) {
          var req = state.request;
          Promise.resolve().then(function () { if (req === state.request) handle(req); });
        }
      },
      on: function (event, cb) { (listeners[event] = listeners[event] || []).push(cb); },
      off: function (event, cb) {
        var l = listeners[event] || [];
        var i = l.indexOf(cb);
        if (i >= 0) l.splice(i, 1);
      },
    };
  }

  function mountStatic(scope) {
    if (!doc) return [];
    var mounted = [];
    (scope || doc).querySelectorAll("div.s2s-explorer").forEach(function (div) {
      if (div.getAttribute("data-s2s-mounted")) return;
      div.setAttribute("data-s2s-mounted", "1");
      var cfgNode = div.querySelector("script.s2s-explorer-config");
      var fallback = div.querySelector(".s2s-explorer-fallback");
      var cfg;
      try {
        cfg = JSON.parse(cfgNode ? cfgNode.textContent : "");
      } catch (e) {
        if (fallback) fallback.textContent = "explorer: unreadable configuration (" + e.message + ")";
        return;
      }
      if (fallback) fallback.parentNode.removeChild(fallback);
      var el = doc.createElement("div");
      div.appendChild(el);
      var model = createStaticModel(cfg);
      render({ model: model, el: el });
      mounted.push(model);
    });
    return mounted;
  }

  globalThis.Seq2SeqExplorer = {
    version: 1,
    render: render,
    mountStatic: mountStatic,
    createStaticModel: createStaticModel,
    stepView: stepView,
    inputProblem: inputProblem,
    unpack: unpack,
    lookup: lookup,
    fill: fill,
    showChar: showChar,
    problemText: problemText,
  };

  if (SCRIPT) {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", function () { mountStatic(); });
    else mountStatic();
  }
})();
