/* decoder_cells.js: the arithmetic and the step cores of the in-browser decoder (decoder.js).
 *
 * The JavaScript side of `seq2seq_lib.cells`: the same cell equations as Keras (one
 * vector-matrix product, the LSTM and GRU steps, softmax) over the weights exported by
 * `python -m seq2seq_lib export`, and one step core per architecture (CORES).  The seeded
 * generator the search samples with (mulberry32) is here too.  A new architecture adds one
 * step core to CORES (see "Step cores" below); decoder.js's search is shared.
 *
 * No framework, no imports; a classic <script> or Node's require() (decoder.js requires it under
 * Node).  Defines globalThis.Seq2SeqDecoderCells = { matVec, lstmStep, gruStep, softmax,
 * mulberry32, CORES }; decoder.js looks it up when called (the book loads its scripts in no fixed
 * order) and Seq2SeqDecoder forwards these names, which are the stable API.
 */
(function (root) {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // The arithmetic: a vector-matrix product, the two recurrent cells, softmax, a seeded generator
  // ---------------------------------------------------------------------------------------

  // out = v @ M, for a row-major matrix M with `cols` columns (a Keras kernel is (in, out)):
  // out[j] = sum over i of v[i] * M[i][j].  Rows are taken four at a time (2-3x faster in V8:
  // `out` is read and written a quarter as often); the last loop handles leftover rows.
  function matVec(v, M, cols, out) {
    out = out || new Float64Array(cols);
    out.fill(0);
    let i = 0;
    for (; i + 4 <= v.length; i += 4) {
      const a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3];
      const r0 = i * cols, r1 = r0 + cols, r2 = r1 + cols, r3 = r2 + cols;
      for (let j = 0; j < cols; j++) out[j] += a * M[r0 + j] + b * M[r1 + j] + c * M[r2 + j] + d * M[r3 + j];
    }
    for (; i < v.length; i++) {
      const a = v[i], r = i * cols;
      for (let j = 0; j < cols; j++) out[j] += a * M[r + j];
    }
    return out;
  }

  const sigmoid = (x) => 1 / (1 + Math.exp(-x));

  // One LSTM step as Keras computes it.  xProj = input @ kernel (a row of a lookup table).
  //   z = xProj + h @ R + b, split into gates i (input), f (forget), g (candidate), o (output)
  //   c' = sigmoid(f) * c + sigmoid(i) * tanh(g)
  //   h' = sigmoid(o) * tanh(c')
  function lstmStep(xProj, h, c, R, b) {
    const n = h.length;
    const z = matVec(h, R, 4 * n);
    const hNew = new Float64Array(n), cNew = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = sigmoid(xProj[k] + z[k] + b[k]);
      const f = sigmoid(xProj[n + k] + z[n + k] + b[n + k]);
      const g = Math.tanh(xProj[2 * n + k] + z[2 * n + k] + b[2 * n + k]);
      const o = sigmoid(xProj[3 * n + k] + z[3 * n + k] + b[3 * n + k]);
      cNew[k] = f * c[k] + i * g;
      hNew[k] = o * Math.tanh(cNew[k]);
    }
    return [hNew, cNew];
  }

  // One GRU step as Keras computes it (reset_after=True: the reset gate multiplies h @ R + b_rec).
  // b holds two rows: b[0..3n) is added to the input part, b[3n..6n) to the recurrent part.
  //   z = sigmoid(x_z + r_z)     update gate
  //   r = sigmoid(x_r + r_r)     reset gate
  //   candidate = tanh(x_h + r * r_h)
  //   h' = z * h + (1 - z) * candidate
  function gruStep(xProj, h, R, b) {
    const n = h.length;
    const rec = matVec(h, R, 3 * n);
    const hNew = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const x_z = xProj[k] + b[k], x_r = xProj[n + k] + b[n + k], x_h = xProj[2 * n + k] + b[2 * n + k];
      const r_z = rec[k] + b[3 * n + k], r_r = rec[n + k] + b[4 * n + k], r_h = rec[2 * n + k] + b[5 * n + k];
      const z = sigmoid(x_z + r_z);
      const r = sigmoid(x_r + r_r);
      const candidate = Math.tanh(x_h + r * r_h);
      hNew[k] = z * h[k] + (1 - z) * candidate;
    }
    return [hNew];
  }

  function softmax(logits) {
    let max = -Infinity, sum = 0;
    for (const x of logits) max = Math.max(max, x);
    const p = logits.map((x) => Math.exp(x - max));
    for (const x of p) sum += x;
    return p.map((x) => x / sum);
  }

  // A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for a seed.
  function mulberry32(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // ---------------------------------------------------------------------------------------
  // Step cores: one per architecture, the contract of seq2seq_lib/cells.py
  //   encode(model, ids)            -> state (the decoder's first state)
  //   step(model, tokenId, state)   -> {logits, state, extras} (extras: e.g. {attention: [...]})
  // ---------------------------------------------------------------------------------------

  // The input part of a recurrent cell step for token `id`.  Character models look up a row
  // of the table (one-hot @ kernel picks a row); word models multiply the word's embedding by
  // the kernel.  The id just past the vocabulary is the padding: all zeros.
  function inputProjection(model, side, id) {
    const w = model.w, G = model.gates;
    const table = w[side + "_table"];
    if (table) return table.subarray(id * G, (id + 1) * G);
    if (side === "enc" && id === model.inputTokens.length) return new Float64Array(G);
    const E = w[side + "_embedding"], dim = model.shapes[side + "_embedding"][1];
    return matVec(E.subarray(id * dim, (id + 1) * dim), w[side + "_kernel"], G);
  }

  function recurrentCell(model, side, xProj, states) {
    const R = model.w[side + "_recurrent"], b = model.w[side + "_bias"];
    return model.cell === "lstm" ? lstmStep(xProj, states[0], states[1], R, b) : gruStep(xProj, states[0], R, b);
  }

  // cells.RecurrentCore: the tutorial's encoder-decoder, LSTM or GRU, characters or words.
  const recurrentCore = {
    // Called once when a model is loaded: what its steps need besides the arrays.
    prepare(model) {
      model.gates = (model.cell === "lstm" ? 4 : 3) * model.units;
    },
    // The encoder's final state starts the decoder.  The tutorial's model (mask_encoder
    // false) keeps reading zero padding up to the longest training sentence.
    encode(model, ids) {
      const u = model.units, pad = model.inputTokens.length;
      let rnn = model.cell === "lstm" ? [new Float64Array(u), new Float64Array(u)] : [new Float64Array(u)];
      const steps = model.header.mask_encoder ? ids.length : model.header.max_encoder_seq_length;
      for (let t = 0; t < steps; t++) rnn = recurrentCell(model, "enc", inputProjection(model, "enc", t < ids.length ? ids[t] : pad), rnn);
      return { rnn };
    },
    // One decoder step, then the output layer: logits = h @ dense_kernel + dense_bias.
    step(model, tokenId, state) {
      const rnn = recurrentCell(model, "dec", inputProjection(model, "dec", tokenId), state.rnn);
      const V = model.targetTokens.length, logits = matVec(rnn[0], model.w.dense_kernel, V);
      for (let j = 0; j < V; j++) logits[j] += model.w.dense_bias[j];
      return { logits, state: { rnn }, extras: {} };
    },
  };

  // cells.AttentionCore: chapter 7's model.  Model ids are vocabulary index + 1 (0 = padding,
  // never fed here); each table row is that id's embedding times the cell's input kernel.
  //   encoder: a forward and a backward LSTM over the sentence; h_s = [h_fwd(s); h_bwd(s)]
  //   step:    h_t = LSTM(previous token); score_s = h_t . (W h_s); a = softmax(score)
  //            context = sum_s a_s h_s; logits = tanh([context; h_t] W_c + b_c) W_s + b_s
  const attentionCore = {
    prepare(model) {
      model.encUnits = model.shapes.enc_f_recurrent[0];
      model.keyDim = model.shapes.keys_kernel[1];
    },
    encode(model, ids) {
      const w = model.w, u = model.encUnits, L = ids.length;
      const run = (side, order) => {
        const G = 4 * u, table = w[`enc_${side}_table`], out = new Array(L);
        let h = new Float64Array(u), c = new Float64Array(u);
        for (const t of order) {
          [h, c] = lstmStep(table.subarray((ids[t] + 1) * G, (ids[t] + 2) * G), h, c, w[`enc_${side}_recurrent`], w[`enc_${side}_bias`]);
          out[t] = h;
        }
        return { out, h, c };
      };
      const steps = [...Array(L).keys()];
      const f = run("f", steps), b = run("b", steps.slice().reverse());
      const join = (x, y) => { const z = new Float64Array(x.length + y.length); z.set(x); z.set(y, x.length); return z; };
      const outputs = f.out.map((x, t) => join(x, b.out[t]));
      const keys = outputs.map((x) => matVec(x, w.keys_kernel, model.keyDim));
      return { rnn: [join(f.h, b.h), join(f.c, b.c)], outputs, keys };
    },
    step(model, tokenId, state) {
      const w = model.w, n = model.units, G = 4 * n;
      const [h, c] = lstmStep(w.dec_table.subarray((tokenId + 1) * G, (tokenId + 2) * G), state.rnn[0], state.rnn[1], w.dec_recurrent, w.dec_bias);
      const weights = softmax(state.keys.map((k) => k.reduce((acc, x, j) => acc + x * h[j], 0)));
      const context = new Float64Array(state.outputs[0].length);
      state.outputs.forEach((o, s) => { for (let j = 0; j < o.length; j++) context[j] += weights[s] * o[j]; });
      const joined = new Float64Array(context.length + n);
      joined.set(context);
      joined.set(h, context.length);
      const H = w.hidden_bias.length, hidden = matVec(joined, w.hidden_kernel, H);
      for (let j = 0; j < H; j++) hidden[j] = Math.tanh(hidden[j] + w.hidden_bias[j]);
      const V = model.targetTokens.length, logits = matVec(hidden, w.dense_kernel, V);
      for (let j = 0; j < V; j++) logits[j] += w.dense_bias[j];
      return { logits, state: { ...state, rnn: [h, c] }, extras: { attention: Array.from(weights) } };
    },
  };

  // A model's kind (header.core: its `cell`, or "attention") -> its step core (cells.CORES):
  // {prepare(model) (optional), encode, step}.
  const CORES = { lstm: recurrentCore, gru: recurrentCore, attention: attentionCore };

  const api = { matVec, lstmStep, gruStep, softmax, mulberry32, CORES };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.Seq2SeqDecoderCells = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
