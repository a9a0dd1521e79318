/* The decoding explorer's page: its elements, and how they are drawn from the model.
 *
 * buildPage(lang) makes every element once (each one the tests look for has a data-testid);
 * draw(model, el, ui, read, act) sets them all from what the model holds, the step's view
 * (explorer_steps.js's stepView) and the page's own state `ui`.  The attention view
 * (explorer_attention.js) and the beam view (explorer_beam.js) draw into their own elements.
 * explorer.js's render calls both, and hands the controls' clicks to its controller (`act`).
 *
 * A classic script (like explorer.js): defines globalThis.Seq2SeqExplorerPage = { buildPage, draw }.
 * Everything shown is set with textContent or attribute values, never innerHTML.
 */
(function () {
  "use strict";

  var doc = typeof document !== "undefined" ? document : null;

  // explorer_steps.js's helpers, looked up when called: the book loads its scripts in no fixed
  // order (Jupyter Book adds every _static/*.js), so no script may need another one at load time.
  function T() { return globalThis.Seq2SeqExplorerText; }

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
  // The page: buildPage (the elements, once) and draw (the page from the model), which calls
  //   drawOptions  the menus, examples, text   drawLabels   every fixed label
  //   drawOutput   input, output, new token    drawControls prev/play/next, slider, counter
  //   drawCandidates, drawMessages, drawAttention, drawBeam
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
    setText(el.endBadge, v.end ? T().tokenLabel(inf.end) : "");
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
      lines.push(read.S("forced_note", { token: T().tokenLabel(ui.changed.token, read.info()), i: ui.changed.step + 1 }));
      lines.push(read.S("before", { text: ui.changed.before || "" }));
    }
    clear(el.note);
    lines.forEach(function (l) { el.note.appendChild(h("div", { text: l })); });
  }

  /* The attention view (explorer_attention.js), hidden for models without attention. */
  function drawAttention(el, tr, v, inf, read) {
    var A = globalThis.Seq2SeqAttention;
    if (A) A.draw(el.attention, tr, v.step, inf, { h: h, clear: clear, percent: T().percent, S: read.S });
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

  /* The whole page from the model: render calls it at most once per tick. */
  function draw(model, el, ui, read, act) {
    drawOptions(model, el, ui, read, act);
    drawLabels(el, ui, read);
    var tr = read.trace(), inf = read.info(), n = read.nSteps();
    var busy = !!model.get("busy") || !!ui.intent;
    var v = T().stepView(tr, model.get("step") || 0, inf, read.strings());
    el.root.classList.toggle("s2s-busy", busy);
    drawOutput(el, v, tr, inf);
    drawControls(el, v, n, read);
    drawCandidates(model, el, v, tr, n, busy, read, act);
    drawMessages(model, el, ui, v, tr, busy, read);
    drawAttention(el, tr, v, inf, read);
    drawBeam(model, el, inf, busy, read, act);
  }

  globalThis.Seq2SeqExplorerPage = { buildPage: buildPage, draw: draw };
})();
