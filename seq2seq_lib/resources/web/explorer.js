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
 * `answered` to the request it answered.
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

  function tokenLabel(token) {
    return Object.prototype.hasOwnProperty.call(TOKEN_LABELS, token) ? TOKEN_LABELS[token] : token;
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
    } else {
      prefix = after;
      added = "";
    }
    var candidates = st.candidates.map(function (c) {
      return { token: c[0], label: tokenLabel(c[0]), prob: c[1], pct: percent(c[1]), chosen: c[0] === st.token };
    });
    if (!candidates.some(function (c) { return c.chosen; })) {
      candidates.push({ token: st.token, label: tokenLabel(st.token), prob: st.prob, pct: percent(st.prob),
                        chosen: true, outside: true });
    }
    return {
      step: step, steps: steps.length, input: trace.source || "", output: prefix + added, prefix: prefix,
      new: added, end: end, token: st.token, candidates: candidates,
      message: step === steps.length - 1 ? stopMessage(trace, info, S) : "", forced: !!st.forced,
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
  // The view: render({model, el})
  // ------------------------------------------------------------------------------------------

  function render(ctx) {
    var model = ctx.model;
    var host = ctx.el;
    var ui = { playing: false, timer: null, intent: null, changed: null, scheduled: false, dead: false,
               shownText: null, optionsKey: null, examplesKey: null };

    function strings() { return model.get("strings") || {}; }
    function S(key, fields) {
      var s = strings()[key];
      if (s == null) s = key;
      return fields ? fill(s, fields) : s;
    }
    function models() { return model.get("models") || []; }
    function info() {
      var id = model.get("model_key");
      var found = models().filter(function (m) { return m.id === id; })[0];
      return found || { id: id, level: "char", end: "\n", max_input: 0, max_output: 0, input_chars: "" };
    }
    function trace() { return model.get("trace") || {}; }
    function nSteps() { return (trace().steps || []).length; }

    // ---- the page --------------------------------------------------------------------------
    var lang = model.get("lang") || "en";
    var root = h("div", { className: "s2s-root", lang: lang, testid: "explorer", role: "group" });
    var modelSelect = h("select", { className: "s2s-model", testid: "explorer-model" });
    var input = h("input", { className: "s2s-input", type: "text", testid: "explorer-input", spellcheck: "false",
                             autocomplete: "off", maxlength: "500" });
    var translate = h("button", { className: "s2s-button s2s-primary", type: "button", testid: "explorer-translate" });
    var examples = h("div", { className: "s2s-examples" });
    var tempSelect = h("select", { className: "s2s-temperature", testid: "explorer-temperature" });
    var seedInput = h("input", { className: "s2s-seed", type: "number", min: "0", step: "1",
                                 testid: "explorer-seed" });
    var source = h("span", { className: "s2s-source", testid: "explorer-source" });
    var output = h("span", { className: "s2s-output", testid: "explorer-output" });
    var endBadge = h("span", { className: "s2s-end-badge", testid: "explorer-end" });
    var finalText = h("span", { className: "s2s-final", testid: "explorer-final" });
    var prev = h("button", { className: "s2s-button", type: "button", testid: "explorer-prev" });
    var play = h("button", { className: "s2s-button", type: "button", testid: "explorer-play" });
    var next = h("button", { className: "s2s-button", type: "button", testid: "explorer-next" });
    var slider = h("input", { className: "s2s-slider", type: "range", min: "0", max: "0", value: "0",
                              testid: "explorer-slider" });
    var counter = h("span", { className: "s2s-counter", testid: "explorer-step" });
    var candHead = h("div", { className: "s2s-cand-head" });
    var candList = h("div", { className: "s2s-cand-list", testid: "explorer-candidates" });
    var message = h("div", { className: "s2s-message", testid: "explorer-message", role: "status",
                             "aria-live": "polite" });
    var note = h("div", { className: "s2s-note", testid: "explorer-note" });
    var modelLabel = h("span", { className: "s2s-label-text" });
    var seedLabel = h("span", { className: "s2s-label-text" });
    var choiceLabel = h("span", { className: "s2s-label-text" });
    root.appendChild(h("div", { className: "s2s-row s2s-top" }, [
      h("label", { className: "s2s-field" }, [modelLabel, modelSelect]),
    ]));
    root.appendChild(h("div", { className: "s2s-row s2s-ask" }, [input, translate]));
    root.appendChild(examples);
    root.appendChild(h("div", { className: "s2s-row s2s-sampling" }, [
      h("label", { className: "s2s-field" }, [choiceLabel, tempSelect]),
      h("label", { className: "s2s-field s2s-seed-field" }, [seedLabel, seedInput]),
    ]));
    var inputLabel = h("span", { className: "s2s-key" });
    var outputLabel = h("span", { className: "s2s-key" });
    var finalLabel = h("span", { className: "s2s-key" });
    root.appendChild(h("div", { className: "s2s-io" }, [
      h("div", { className: "s2s-line" }, [inputLabel, source]),
      h("div", { className: "s2s-line s2s-now" }, [outputLabel, h("span", { className: "s2s-out-wrap" }, [output, endBadge])]),
      h("div", { className: "s2s-line" }, [finalLabel, finalText]),
    ]));
    root.appendChild(h("div", { className: "s2s-row s2s-controls" }, [prev, play, next, slider, counter]));
    root.appendChild(h("div", { className: "s2s-cands" }, [candHead, candList]));
    root.appendChild(message);
    root.appendChild(note);
    host.appendChild(root);

    // ---- talking to the back-end -----------------------------------------------------------
    function save() { model.save_changes(); }

    function setStep(i) {
      var n = nSteps();
      i = Math.max(0, Math.min(i, Math.max(0, n - 1)));
      if (model.get("step") !== i) {
        model.set("step", i);
        save();
      }
      schedule();
    }

    function ask(kind, changes, extra) {
      stop();
      var req = (model.get("request") || 0) + 1;
      ui.intent = Object.assign({ kind: kind, request: req, before: trace().output }, extra || {});
      Object.keys(changes).forEach(function (k) { model.set(k, changes[k]); });
      model.set("request", req);
      save();
      schedule();
    }

    function translateText(text) {
      if (text != null) {
        input.value = text;
        ui.shownText = text;
      }
      ui.changed = null;
      ask("translate", { text: input.value, force: {}, step: 0 });
    }

    function forceToken(step, token) {
      if (model.get("busy")) return;
      var force = {};
      var old = model.get("force") || {};
      Object.keys(old).forEach(function (k) { if (+k < step) force[k] = old[k]; });
      force[String(step)] = token;
      ask("force", { force: force, step: step }, { step: step, token: token });
    }

    function onAnswered() {
      var it = ui.intent;
      if (!it || (model.get("answered") || 0) < it.request) { schedule(); return; }
      ui.intent = null;
      var tr = trace();
      if (it.kind === "force") {
        var st = (tr.steps || [])[it.step];
        ui.changed = st && st.forced && st.token === it.token
          ? { step: it.step, token: it.token, before: it.before, after: tr.output } : null;
        setStep(it.step);
      } else {
        setStep(0);
        if (nSteps() > 1 && !model.get("error")) start();
      }
      schedule();
    }

    // ---- playing ---------------------------------------------------------------------------
    function start() {
      if (ui.playing) return;
      if ((model.get("step") || 0) >= nSteps() - 1) setStep(0);
      ui.playing = true;
      ui.timer = setInterval(function () {
        var i = (model.get("step") || 0) + 1;
        if (i < nSteps()) setStep(i);
        if (i >= nSteps() - 1) stop();
      }, PLAY_MS);
      schedule();
    }

    function stop() {
      if (ui.timer) clearInterval(ui.timer);
      ui.timer = null;
      if (ui.playing) {
        ui.playing = false;
        schedule();
      }
    }

    // ---- events ----------------------------------------------------------------------------
    input.addEventListener("keydown", function (e) {
      e.stopPropagation(); // keep JupyterLab's notebook shortcuts out of the text box
      if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        translateText();
      }
    });
    input.addEventListener("keyup", function (e) { e.stopPropagation(); });
    input.addEventListener("keypress", function (e) { e.stopPropagation(); });
    translate.addEventListener("click", function () { translateText(); });
    modelSelect.addEventListener("change", function () {
      ui.changed = null;
      ask("translate", { model_key: modelSelect.value, text: input.value, force: {}, step: 0 });
    });
    tempSelect.addEventListener("change", function () {
      ui.changed = null;
      ask("translate", { temperature: parseFloat(tempSelect.value) || 0, text: input.value, force: {}, step: 0 });
    });
    seedInput.addEventListener("keydown", function (e) { e.stopPropagation(); });
    seedInput.addEventListener("change", function () {
      var seed = Math.max(0, parseInt(seedInput.value, 10) || 0);
      seedInput.value = String(seed);
      if (seed === model.get("seed")) return;
      if (model.get("temperature")) {
        ui.changed = null;
        ask("translate", { seed: seed, text: input.value, force: {}, step: 0 });
      } else {
        model.set("seed", seed);
        save();
      }
    });
    prev.addEventListener("click", function () { stop(); setStep((model.get("step") || 0) - 1); });
    next.addEventListener("click", function () { stop(); setStep((model.get("step") || 0) + 1); });
    play.addEventListener("click", function () { if (ui.playing) stop(); else start(); });
    slider.addEventListener("input", function () { stop(); setStep(parseInt(slider.value, 10) || 0); });
    slider.addEventListener("keydown", function (e) { e.stopPropagation(); });

    var names = ["strings", "models", "model_key", "examples", "temperatures", "text", "trace", "error", "step",
                 "force", "temperature", "seed", "busy", "lang"];
    var handlers = names.map(function (name) {
      var cb = function () { schedule(); };
      model.on("change:" + name, cb);
      return ["change:" + name, cb];
    });
    handlers.push(["change:answered", onAnswered]);
    model.on("change:answered", onAnswered);

    // ---- drawing ---------------------------------------------------------------------------
    function schedule() {
      if (ui.scheduled || ui.dead) return;
      ui.scheduled = true;
      Promise.resolve().then(function () {
        ui.scheduled = false;
        if (!ui.dead) draw();
      });
    }

    function drawOptions() {
      var key = JSON.stringify([models().map(function (m) { return [m.id, m.label]; }), model.get("temperatures"),
                                model.get("strings")]);
      if (key !== ui.optionsKey) {
        ui.optionsKey = key;
        clear(modelSelect);
        models().forEach(function (m) {
          modelSelect.appendChild(h("option", { value: m.id, text: m.label }));
        });
        clear(tempSelect);
        (model.get("temperatures") || [0]).forEach(function (t) {
          tempSelect.appendChild(h("option", { value: String(t), text: t ? S("sample", { t: t }) : S("greedy") }));
        });
      }
      if (modelSelect.value !== model.get("model_key")) modelSelect.value = model.get("model_key");
      if (parseFloat(tempSelect.value) !== (model.get("temperature") || 0)) tempSelect.value = String(model.get("temperature") || 0);
      if (doc.activeElement !== seedInput) seedInput.value = String(model.get("seed") || 0);
      modelSelect.disabled = models().length < 2;
      var exKey = JSON.stringify(model.get("examples") || []);
      if (exKey !== ui.examplesKey) {
        ui.examplesKey = exKey;
        clear(examples);
        examples.appendChild(h("span", { className: "s2s-label-text", text: S("examples") }));
        (model.get("examples") || []).forEach(function (ex) {
          var b = h("button", { className: "s2s-example", type: "button", testid: "explorer-example", text: ex });
          b.addEventListener("click", function () { translateText(ex); });
          examples.appendChild(b);
        });
      }
      var text = model.get("text") || "";
      if (ui.shownText === null || (text !== ui.shownText && doc.activeElement !== input)) {
        input.value = text;
        ui.shownText = text;
      }
    }

    function drawLabels() {
      root.setAttribute("aria-label", S("title"));
      setText(modelLabel, S("model"));
      setText(choiceLabel, S("choice"));
      setText(seedLabel, S("seed"));
      input.setAttribute("placeholder", S("placeholder"));
      input.setAttribute("aria-label", S("placeholder"));
      setText(translate, S("translate"));
      setText(inputLabel, S("input"));
      setText(outputLabel, S("output"));
      setText(finalLabel, S("final"));
      setText(prev, S("prev"));
      setText(next, S("next"));
      setText(play, ui.playing ? S("pause") : S("play"));
      play.setAttribute("aria-pressed", ui.playing ? "true" : "false");
      slider.setAttribute("aria-label", S("slider"));
    }

    function draw() {
      drawOptions();
      drawLabels();
      var tr = trace();
      var inf = info();
      var n = nSteps();
      var busy = !!model.get("busy") || !!ui.intent;
      var v = stepView(tr, model.get("step") || 0, inf, strings());
      root.classList.toggle("s2s-busy", busy);

      setText(source, v.input);
      // The output so far: plain text, then the new token in a <mark>.
      clear(output);
      if (v.output.length > v.new.length) output.appendChild(doc.createTextNode(v.output.slice(0, v.output.length - v.new.length)));
      if (v.new) {
        var mark = h("mark", { className: "s2s-new" + (v.forced ? " s2s-forced" : ""), testid: "explorer-new-token",
                               text: v.new });
        output.appendChild(mark);
      }
      setText(endBadge, v.end ? tokenLabel(inf.end) : "");
      endBadge.className = "s2s-end-badge" + (v.end ? " s2s-new" + (v.forced ? " s2s-forced" : "") : "");
      setText(finalText, tr.output || "");

      prev.disabled = !n || v.step <= 0;
      next.disabled = !n || v.step >= n - 1;
      play.disabled = n < 2;
      slider.max = String(Math.max(0, n - 1));
      slider.value = String(v.step);
      slider.disabled = n < 2;
      setText(counter, n ? S("step", { i: v.step + 1, n: n }) : S("no_step"));

      setText(candHead, n ? S("candidates", { k: (tr.steps[v.step].candidates || []).length }) : "");
      clear(candList);
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
        b.addEventListener("click", function () { forceToken(v.step, c.token); });
        candList.appendChild(b);
      });

      var err = model.get("error") || "";
      setText(message, err || v.message);
      message.className = "s2s-message" + (err ? " s2s-error" : v.message ? " s2s-stop" : "");

      var lines = [];
      if (busy) lines.push(S("decoding"));
      else if (ui.changed && tr.output === ui.changed.after) {
        lines.push(S("forced_note", { token: tokenLabel(ui.changed.token), i: ui.changed.step + 1 }));
        lines.push(S("before", { text: ui.changed.before || "" }));
      }
      clear(note);
      lines.forEach(function (l) { note.appendChild(h("div", { text: l })); });
    }

    draw();
    if (nSteps() && !model.get("error")) {
      // show the first step; the reader presses play (or Translate) to watch
      setStep(model.get("step") || 0);
    }

    return function cleanup() {
      ui.dead = true;
      stop();
      handlers.forEach(function (hd) { if (model.off) model.off(hd[0], hd[1]); });
      if (root.parentNode) root.parentNode.removeChild(root);
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

  /* A trace dict from widgets.pack's compact form; steps before `f` come from `base`.
   * `join`: the model's joining rule (sentences.join_rule, in the model's info). */
  function unpack(packed, join, end, base) {
    var start = packed.f || 0;
    var steps = start ? clone(base.steps.slice(0, start)) : [];
    var tokens = steps.filter(function (st) { return st.token !== end; }).map(function (st) { return st.token; });
    var prefixes = packed.p || {};
    packed.t.forEach(function (row, k) {
      var i = start + k, flat = row[1], cands = [];
      for (var j = 0; j < flat.length; j += 2) cands.push([flat[j], flat[j + 1] / PROB_SCALE]);
      var chosen = typeof row[0] === "number" ? cands[row[0]] : [row[0][0], row[0][1] / PROB_SCALE];
      steps.push({
        prefix: Object.prototype.hasOwnProperty.call(prefixes, String(i)) ? prefixes[String(i)] : rules().joinTokens(join, tokens),
        token: chosen[0], prob: chosen[1], candidates: cands, forced: row.length > 2 && !!row[2],
      });
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

    function answer(req, trace, error) {
      if (req !== state.request) return; // a newer request is on its way
      state.trace = trace;
      state.error = error || "";
      state.busy = false;
      state.answered = req;
      fire(["trace", "error", "busy", "answered"]);
    }

    function handle(req) {
      if (!globalThis.Seq2SeqDecoder) return answer(req, {}, fill(S.no_live, { why: S.why_script }));
      var mid = state.model_key, text = rules().strip(String(state.text || ""));
      var force = clone(state.force || {}), temperature = +state.temperature || 0, seed = state.seed | 0;
      var inf = info(mid);
      if (!inf) return answer(req, {}, S.no_models);
      var problem = inputProblem(inf, text, S, cfg.hangul);
      if (problem) return answer(req, {}, problem);
      var found = lookup(cfg, mid, text, force, temperature, seed);
      if (found) return answer(req, found, "");
      state.busy = true;
      fire(["busy"]);
      var keep = state.trace && state.trace.source === text ? state.trace : null;
      liveDecoder(mid).then(function (dec) {
        return Promise.resolve().then(function () {
          var c = typeof dec.check === "function" ? dec.check(text) : null;
          if (c && c.ok === false) throw new Error(c.error);
          return dec.trace(text, { topK: cfg.top_k, force: force, temperature: temperature || null, seed: seed });
        }).then(function (tr) {
          answer(req, tr, "");
        }, function (e) { // the decoder refused the input (or a forced token)
          answer(req, {}, fill(S.refused, { detail: String((e && e.message) || e) }));
        });
      }, function (e) { // no decoder here: say so, keep what is shown when it is the same sentence
        var why = e && e.why ? S[e.why] : String((e && e.message) || e);
        if (keep) answer(req, keep, fill(S.no_live_change, { why: why }));
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
