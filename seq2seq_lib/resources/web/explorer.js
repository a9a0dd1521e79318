/* The decoding explorer of seq2seq-book: one front-end for JupyterLab and for the static book.
 *
 * A classic script (no import/export), so that it runs from any page, file:// included, and
 * defines `globalThis.Seq2SeqExplorer = { render, mountStatic, ... }`.  This file holds render
 * (what the model holds, what the buttons ask for, the page's events, one redraw per tick) and
 * the static book's mounting; the rest are classic scripts of their own, loaded with it:
 *   explorer_steps.js  what the explorer says and shows, computed without a page (Python's rules)
 *   explorer_page.js   the page's elements, and how they are drawn from the model
 *   explorer_static.js the static book's model object
 *   explorer_attention.js, explorer_beam.js  the attention and beam views
 *
 * - In JupyterLab, seq2seq_lib.widgets.Explorer (an anywidget) ships these files, concatenated
 *   in widgets.FRONT_END_SCRIPTS order, as its module with
 *   `export default { render: globalThis.Seq2SeqExplorer.render }` appended; `model` is
 *   then anywidget's model, backed by the Python kernel.
 * - In the built book, every page loads these scripts; on DOMContentLoaded this one mounts each
 *   `<div class="s2s-explorer">` with a small model object (explorer_static.js) that answers from
 *   the pre-decoded traces in the div's JSON configuration, or from the in-browser decoder
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

  // explorer_steps.js's helpers, looked up when called: the book loads its scripts in no fixed
  // order (Jupyter Book adds every _static/*.js), so no script may need another one at load time.
  function T() { return globalThis.Seq2SeqExplorerText; }
  function P() { return globalThis.Seq2SeqExplorerPage; } // explorer_page.js, looked up alike

  // ------------------------------------------------------------------------------------------
  // The view: render({model, el}), built from the pieces below
  //   buildPage   the elements, once          reader     what the model holds, as the page needs it
  //   controller  what the buttons ask for    wireEvents the page's events -> controller
  //   draw        the page from the model     render     puts them together, redraws once per tick
  // (buildPage and draw are explorer_page.js's)
  // ------------------------------------------------------------------------------------------

  /* What the model holds, as the page needs it. */
  function reader(model) {
    var read = {
      strings: function () { return model.get("strings") || {}; },
      S: function (key, fields) {
        var s = read.strings()[key];
        if (s == null) s = key;
        return fields ? T().fill(s, fields) : s;
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

  function render(ctx) {
    var model = ctx.model;
    var ui = { playing: false, timer: null, intent: null, changed: null, scheduled: false, dead: false,
               shownText: null, optionsKey: null, examplesKey: null };
    var el = P().buildPage(model.get("lang") || "en");
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
      P().draw(model, el, ui, read, act);
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
  // The static book: each explorer div, mounted with explorer_static.js's model object
  // ------------------------------------------------------------------------------------------

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
      var model = globalThis.Seq2SeqExplorerStatic.createStaticModel(cfg);
      render({ model: model, el: el });
      mounted.push(model);
    });
    return mounted;
  }

  // The names this object has always had; those now in other files are looked up when called.
  function forward(global, name) {
    return function () { return globalThis[global][name].apply(null, arguments); };
  }

  globalThis.Seq2SeqExplorer = {
    version: 1,
    render: render,
    mountStatic: mountStatic,
    createStaticModel: forward("Seq2SeqExplorerStatic", "createStaticModel"),
    stepView: forward("Seq2SeqExplorerText", "stepView"),
    inputProblem: forward("Seq2SeqExplorerText", "inputProblem"),
    unpack: forward("Seq2SeqExplorerText", "unpack"),
    lookup: forward("Seq2SeqExplorerText", "lookup"),
    fill: forward("Seq2SeqExplorerText", "fill"),
    showChar: forward("Seq2SeqExplorerText", "showChar"),
    problemText: forward("Seq2SeqExplorerText", "problemText"),
  };

  if (SCRIPT) {
    if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", function () { mountStatic(); });
    else mountStatic();
  }
})();
