/* The decoding explorer's beam view (explorer_page.js calls it in beam mode).
 *
 * It draws a beam search result (the shape of Python's BeamResult.to_dict(), from beam.js in
 * the page or from decoding.Translator.beam in the kernel):
 *   - the controls: beam size (1-10) and the length normalization alpha (0, 0.6, 1);
 *   - the beam as a tree, one column per step: every node the search looked at is a
 *     <button data-testid="explorer-beam-node"> with its token and cumulative log-probability,
 *     linked to its parent; kept nodes are solid, dropped ones faded, finished ones (END) marked,
 *     the best hypothesis's path highlighted.  Clicking a node forces its prefix (its path from
 *     step 0) and runs the beam search again from it;
 *   - the n-best list, best score first.
 * A classic script: defines globalThis.Seq2SeqBeamView = { draw, prefixForce, pathTo }.
 * Everything shown is set with textContent or attribute values, never innerHTML.
 */
(function () {
  "use strict";

  var LABELS = { "\n": "\u23CE", " ": "\u2423", "\t": "\u21E5" }; // sentences.show_token
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_SIZE = 10, ALPHAS = [0, 0.6, 1];

  function label(token) {
    return Object.prototype.hasOwnProperty.call(LABELS, token) ? LABELS[token] : token;
  }

  /* The nodes from step 0 to node `id`, in order. */
  function pathTo(nodes, id) {
    var path = [];
    while (id != null && nodes[id]) {
      path.unshift(nodes[id]);
      id = nodes[id].parent;
    }
    return path;
  }

  /* {step: token} forcing the prefix that ends at node `id` (as `force` is sent to the search). */
  function prefixForce(nodes, id) {
    var force = {};
    pathTo(nodes, id).forEach(function (n) { force[String(n.step)] = n.token; });
    return force;
  }

  /* A prefix's tokens as text: the model's joining rule, the END token shown by its label. */
  function prefixText(tokens, info) {
    var D = globalThis.Seq2SeqDecoder, end = info.end;
    var words = tokens.filter(function (t) { return t !== end; });
    var text = D && info.join ? D.joinTokens(info.join, words) : words.join(info.level === "word" ? " " : "");
    return tokens.length && tokens[tokens.length - 1] === end ? text + label(end) : text;
  }

  function fixed(x, digits) {
    return (+x).toFixed(digits).replace(/^-(0\.0+)$/, "$1");
  }

  /* The controls, built once per box. */
  function controls(box, o) {
    if (box.s2sBeam) return box.s2sBeam;
    var h = o.h, stop = function (e) { e.stopPropagation(); };
    var c = {
      size: h("input", { className: "s2s-beam-size", type: "number", min: "1", max: String(MAX_SIZE), step: "1",
                         testid: "explorer-beam-size" }),
      alpha: h("select", { className: "s2s-beam-alpha", testid: "explorer-beam-alpha" }),
      sizeLabel: h("span", { className: "s2s-label-text" }),
      alphaLabel: h("span", { className: "s2s-label-text" }),
      help: h("div", { className: "s2s-beam-help" }),
      tree: h("div", { className: "s2s-beam-tree", testid: "explorer-beam-tree", role: "group" }),
      note: h("div", { className: "s2s-beam-note", testid: "explorer-beam-note" }),
      nbestHead: h("div", { className: "s2s-cand-head" }),
      nbest: h("ol", { className: "s2s-beam-nbest", testid: "explorer-beam-nbest" }),
      shown: null,
    };
    ALPHAS.forEach(function (a) { c.alpha.appendChild(h("option", { value: String(a), text: String(a) })); });
    box.appendChild(h("div", { className: "s2s-row s2s-beam-controls" }, [
      h("label", { className: "s2s-field" }, [c.sizeLabel, c.size]),
      h("label", { className: "s2s-field" }, [c.alphaLabel, c.alpha]),
    ]));
    [c.help, c.tree, c.note, c.nbestHead, c.nbest].forEach(function (n) { box.appendChild(n); });
    c.size.addEventListener("keydown", stop);
    c.size.addEventListener("change", function () {
      var k = Math.max(1, Math.min(MAX_SIZE, parseInt(c.size.value, 10) || 1));
      c.size.value = String(k);
      c.ask({ beam_size: k, force: {} });
    });
    c.alpha.addEventListener("change", function () { c.ask({ alpha: parseFloat(c.alpha.value) || 0, force: {} }); });
    box.s2sBeam = c;
    return c;
  }

  /* The lines from each node to its parent, in an SVG laid over the tree (needs layout). */
  function drawLinks(tree, buttons, nodes) {
    var old = tree.querySelector("svg");
    if (old) tree.removeChild(old);
    if (!tree.offsetWidth) return false;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "s2s-beam-links");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("width", String(tree.scrollWidth));
    svg.setAttribute("height", String(tree.scrollHeight));
    nodes.forEach(function (n) {
      if (n.parent == null) return;
      var a = buttons[n.parent], b = buttons[n.id];
      var line = document.createElementNS(SVG, "line");
      line.setAttribute("x1", String(a.offsetLeft + a.offsetWidth));
      line.setAttribute("y1", String(a.offsetTop + a.offsetHeight / 2));
      line.setAttribute("x2", String(b.offsetLeft));
      line.setAttribute("y2", String(b.offsetTop + b.offsetHeight / 2));
      line.setAttribute("class", n.kept ? "s2s-beam-link s2s-kept" : "s2s-beam-link s2s-dropped");
      svg.appendChild(line);
    });
    tree.insertBefore(svg, tree.firstChild);
    return true;
  }

  /* The tree, the note and the n-best list of `beam` (redrawn when the result changes). */
  function drawResult(c, beam, o) {
    var h = o.h, S = o.S, nodes = beam.nodes || [], buttons = [], columns = [];
    o.clear(c.tree);
    o.clear(c.nbest);
    var best = {};
    if (beam.nbest && beam.nbest.length) pathTo(nodes, beam.nbest[0].node).forEach(function (n) { best[n.id] = true; });
    var row = h("div", { className: "s2s-beam-cols" });
    nodes.forEach(function (n) {
      if (!columns[n.step]) {
        columns[n.step] = h("div", { className: "s2s-beam-col" }, [
          h("div", { className: "s2s-beam-head", text: S("beam_step", { i: n.step + 1 }) })]);
        row.appendChild(columns[n.step]);
      }
      var tokens = pathTo(nodes, n.id).map(function (p) { return p.token; });
      var prefix = prefixText(tokens, o.info);
      var state = n.finished ? S("beam_finished") : n.kept ? S("beam_kept") : S("beam_dropped");
      var aria = S("beam_node", { prefix: prefix, logp: fixed(n.logp, 3), state: state });
      var b = h("button", {
        className: "s2s-beam-node " + (n.kept ? "s2s-kept" : "s2s-dropped") + (n.finished ? " s2s-finished" : "") +
                   (best[n.id] ? " s2s-best" : ""),
        type: "button", testid: "explorer-beam-node", "data-node": n.id, "data-step": n.step,
        "data-kept": n.kept ? "true" : "false", "data-prefix": prefixText(tokens.filter(function (t) { return t !== o.info.end; }), o.info),
        "aria-label": aria, title: aria,
      }, [h("span", { className: "s2s-beam-token", text: label(n.token) }),
          h("span", { className: "s2s-beam-logp", text: fixed(n.logp, 2) })]);
      b.addEventListener("click", function () { c.ask({ force: prefixForce(nodes, n.id) }); });
      buttons[n.id] = b;
      columns[n.step].appendChild(b);
    });
    c.tree.appendChild(row);
    c.buttons = buttons;
    if (!drawLinks(c.tree, buttons, nodes) && typeof requestAnimationFrame === "function") {
      requestAnimationFrame(function () { if (c.shown === beam) drawLinks(c.tree, buttons, nodes); });
    }
    (beam.nbest || []).forEach(function (hyp, i) {
      c.nbest.appendChild(h("li", { className: "s2s-beam-hyp" + (i === 0 ? " s2s-best" : ""), testid: "explorer-beam-hyp",
                                    "data-score": hyp.score, "data-finished": hyp.finished ? "true" : "false" }, [
        h("span", { className: "s2s-beam-out", testid: "explorer-beam-output", text: hyp.output }),
        h("span", { className: "s2s-beam-score", text: S("beam_hyp", { score: fixed(hyp.score, 3), logp: fixed(hyp.logp, 3) }) }),
        hyp.finished ? null : h("span", { className: "s2s-beam-unfinished", text: S("beam_unfinished") }),
      ]));
    });
  }

  /* Draw beam mode into `box` (hidden when `o.active` is false).
   * o: {active, beam, info, busy, beamSize, alpha, force, ask(changes), h, clear, S} */
  function draw(box, o) {
    box.hidden = !o.active;
    if (!o.active) return;
    var S = o.S, c = controls(box, o);
    c.ask = o.ask;
    box.setAttribute("aria-label", S("search_beam"));
    c.sizeLabel.textContent = S("beam_size");
    c.alphaLabel.textContent = S("beam_alpha");
    c.help.textContent = S("beam_tree");
    c.tree.setAttribute("aria-label", S("beam_tree"));
    if (document.activeElement !== c.size) c.size.value = String(o.beamSize);
    if (parseFloat(c.alpha.value) !== o.alpha) c.alpha.value = String(o.alpha);
    var beam = o.beam || {};
    if (c.shown !== beam) {
      c.shown = beam;
      drawResult(c, beam, o);
    }
    (c.buttons || []).forEach(function (b) { if (b) b.disabled = !!o.busy; });
    var steps = Object.keys(o.force || {}).map(Number).sort(function (a, b) { return a - b; });
    var forced = steps.map(function (s) { return o.force[String(s)]; });
    c.note.textContent = forced.length && (beam.nodes || []).length ? S("beam_forced", { prefix: prefixText(forced, o.info) }) : "";
    c.nbestHead.textContent = (beam.nbest || []).length ? S("beam_nbest") : "";
  }

  globalThis.Seq2SeqBeamView = { draw: draw, prefixForce: prefixForce, pathTo: pathTo, prefixText: prefixText };
})();
