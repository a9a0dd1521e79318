/* beam.js: beam search in the browser, over decoder_cells.js's step cores (one sentence at a time).
 *
 * The JavaScript side of `seq2seq_lib/beam.py`, with the same rules and the same result:
 *   - every step, each live prefix proposes its next tokens; of all (prefix, token) pairs the
 *     search keeps the best `width = beamSize - finished` by cumulative log-probability
 *     (log of decoder_cells.js's softmax); ties go to the earlier prefix row, then to the lower token id;
 *   - a kept pair whose token is END is a finished hypothesis; the search stops when no prefix
 *     is live or after max_decoder_seq_length steps (the live prefixes are then kept, unfinished);
 *   - the n-best list is ranked by score = logp / ((5 + L) / 6) ** alpha (L: tokens incl. END),
 *     stable (equal scores keep the finishing order);
 *   - force = {step: token} makes every prefix take that token at that step;
 *   - `nodes` lists every node looked at, in beam.py's `_trace_step` order: per step, each live
 *     prefix (best first), its beamSize likeliest tokens, marked kept or dropped.
 * tests/test_beam_js.py compares it with Python on the shipped models.
 *
 * API: Seq2SeqBeam.search(model, checkedSource, {beamSize = 5, alpha = 0, force = {}})
 *        -> {source, beam_size, alpha, nbest: [{output, logp, score, length, finished, node}],
 *            nodes: [{id, parent, step, token, logp, kept, finished}], output}
 *        (the shape of Python's BeamResult.to_dict()); decoder.js's model.beam(text, options)
 *        checks the text first.  Seq2SeqBeam.checkOptions, lengthPenalty, MAX_BEAM.
 * A classic script or Node's require(); decoder.js and decoder_cells.js must be loaded (before a
 * search is run).
 */
(function (root) {
  "use strict";

  const MAX_BEAM = 50; // beam.MAX_BEAM

  // beam.check_options: the same ValueError messages (thrown as RangeError here).
  function checkOptions(beamSize, alpha) {
    if (!Number.isInteger(beamSize) || beamSize < 1 || beamSize > MAX_BEAM)
      throw new RangeError(`beam size must be a whole number from 1 to ${MAX_BEAM}, got ${beamSize}`);
    if (typeof alpha !== "number" || !(alpha >= 0 && alpha <= 2))
      throw new RangeError(`alpha (length normalization) must be a number from 0 to 2, got ${alpha}`);
  }

  const lengthPenalty = (length, alpha) => ((5 + length) / 6) ** alpha; // Wu et al. (2016)

  // Is pair (value a, index i) ahead of (value b, index j)?  Larger first, then lower index
  // (NumPy's stable argsort of -total).
  const ahead = (a, i, b, j) => a > b || (a === b && i < j);

  // The `n` best indices of `values` (finite ones only), best first, ties by lower index.
  function best(values, n) {
    const out = [];
    if (n <= 0) return out;
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (!Number.isFinite(v)) continue;
      if (out.length === n && !ahead(v, j, values[out[n - 1]], out[n - 1])) continue;
      let at = out.length;
      while (at > 0 && ahead(v, j, values[out[at - 1]], out[at - 1])) at--;
      out.splice(at, 0, j);
      if (out.length > n) out.pop();
    }
    return out;
  }

  function search(model, source, { beamSize = 5, alpha = 0, force = {} } = {}) {
    checkOptions(beamSize, alpha);
    const D = root.Seq2SeqDecoder, header = model.header, special = header.special_tokens;
    const k = beamSize, maxLen = header.max_decoder_seq_length, V = model.targetTokens.length;
    const endId = model.targetIndex.get(special.end);
    const forced = new Map();
    for (const [step, token] of Object.entries(force || {})) {
      if (!model.targetIndex.has(token)) throw model.refuse("bad_force", { token, step });
      forced.set(Number(step), model.targetIndex.get(token));
    }
    const nodes = [], finished = []; // finished: {ids, logp, node, ended}
    // The live prefixes, best first: token ids, logp, last node, the state after them, last token.
    let rows = [{ ids: [], logp: 0, node: null, state: model.core.encode(model, model.sourceIds(source)),
                  token: model.targetIndex.get(special.start) }];
    for (let step = 0; step < maxLen && rows.length; step++) {
      const total = new Float64Array(rows.length * V).fill(-Infinity), next = [], tokenLogp = [];
      rows.forEach((r, row) => {
        const out = model.core.step(model, r.token, r.state);
        next.push(out.state);
        let lp = D.softmax(out.logits).map(Math.log);
        if (forced.has(step)) {
          const only = new Float64Array(V).fill(-Infinity), f = forced.get(step);
          only[f] = lp[f];
          lp = only;
        }
        tokenLogp.push(lp);
        for (let t = 0; t < V; t++) total[row * V + t] = r.logp + lp[t];
      });
      const picks = best(total, k - finished.length);
      // The trace: each live row's k likeliest tokens, kept or dropped (beam._trace_step).
      const picked = new Set(picks), keptNode = new Map();
      rows.forEach((r, row) => {
        for (const t of best(tokenLogp[row], k)) {
          const j = row * V + t, lp = r.logp + tokenLogp[row][t];
          if (!Number.isFinite(lp)) continue;
          const kept = picked.has(j);
          nodes.push({ id: nodes.length, parent: r.node, step, token: model.targetTokens[t], logp: lp, kept,
                       finished: kept && t === endId });
          if (kept) keptNode.set(j, nodes.length - 1);
        }
      });
      const live = [];
      for (const j of picks) {
        const row = Math.floor(j / V), t = j - row * V, ids = rows[row].ids.concat([t]);
        const node = keptNode.has(j) ? keptNode.get(j) : null;
        if (t === endId) finished.push({ ids, logp: total[j], node, ended: true });
        else live.push({ ids, logp: total[j], node, state: next[row], token: t });
      }
      rows = live;
    }
    for (const r of rows) finished.push({ ids: r.ids, logp: r.logp, node: r.node, ended: false });
    const nbest = finished.map((f) => ({
      output: model.join(f.ids.filter((t) => t !== endId)), logp: f.logp,
      score: f.logp / lengthPenalty(f.ids.length, alpha), length: f.ids.length, finished: f.ended, node: f.node,
    }));
    nbest.sort((a, b) => b.score - a.score); // stable (ES2019)
    return { source, beam_size: k, alpha, nbest, nodes, output: nbest.length ? nbest[0].output : "" };
  }

  const api = { search, checkOptions, lengthPenalty, MAX_BEAM };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.Seq2SeqBeam = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
