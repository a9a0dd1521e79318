/* The decoding explorer's back-end in the static book, where there is no kernel: a model
 * object with the interface render uses (get, set, save_changes, on, off; see explorer.js) that
 * answers a request from the pre-decoded traces in the explorer's JSON configuration
 * (explorer_steps.js's `lookup`), or else from the in-browser decoder (`globalThis.Seq2SeqDecoder`,
 * decoder.js, and beam.js in beam mode) when one can be loaded, or says why it cannot.
 * explorer.js's mountStatic makes one for each explorer of a page.
 *
 * A classic script (like explorer.js): defines globalThis.Seq2SeqExplorerStatic = { createStaticModel }.
 */
(function () {
  "use strict";

  var doc = typeof document !== "undefined" ? document : null;
  var SCRIPT = doc && doc.currentScript && doc.currentScript.src ? doc.currentScript : null;

  // explorer_steps.js's helpers, looked up when called: the book loads its scripts in no fixed
  // order (Jupyter Book adds every _static/*.js), so no script may need another one at load time.
  function T() { return globalThis.Seq2SeqExplorerText; }

  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  function defaultModelsBase() {
    if (SCRIPT) return new URL("models/", SCRIPT.src).href;
    return null;
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
    else if (!globalThis.Seq2SeqDecoder) state.error = T().fill(S.no_live, { why: S.why_script });
    else if (state.text) {
      var first = T().lookup(cfg, state.model_key, T().rules().strip(state.text), {}, 0, 0);
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
      if (!globalThis.Seq2SeqDecoder) return answer(req, {}, T().fill(S.no_live, { why: S.why_script }));
      var mid = state.model_key, text = T().rules().strip(String(state.text || ""));
      var force = clone(state.force || {}), temperature = +state.temperature || 0, seed = state.seed | 0;
      var inf = info(mid);
      if (!inf) return answer(req, {}, S.no_models);
      var problem = T().inputProblem(inf, text, S, cfg.hangul);
      if (problem) return answer(req, {}, problem);
      var beam = state.search === "beam", opts = { beamSize: state.beam_size | 0, alpha: +state.alpha || 0, force: force };
      var found = !beam && T().lookup(cfg, mid, text, force, temperature, seed);
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
          if (e && e.why) answer(req, {}, T().fill(S.no_live_beam, { why: S[e.why] }));
          else answer(req, {}, T().fill(S.refused, { detail: String((e && e.message) || e) }));
        });
      }, function (e) { // no decoder here: say so, keep what is shown when it is the same sentence
        var why = e && e.why ? S[e.why] : String((e && e.message) || e);
        if (beam) answer(req, {}, T().fill(S.no_live_beam, { why: why }));
        else if (keep) answer(req, keep, T().fill(S.no_live_change, { why: why }));
        else answer(req, {}, T().fill(S.no_live, { why: why }));
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

  globalThis.Seq2SeqExplorerStatic = { createStaticModel: createStaticModel };
})();
