"""Decoder steps in NumPy: one small object per architecture, all with the same contract.

A *step core* holds a trained model's weights as NumPy arrays and answers two questions:

    core.encode(id_lists) -> state
        a batch of source token-id lists (already checked, reversed if the model wants it)
        into the decoder's first state: a dict of arrays whose first axis is the batch.
        Recurrent cores keep `{"rnn": [h, c]}` (LSTM) or `{"rnn": [h]}` (GRU); a core with
        attention adds its per-position encoder outputs and their mask to the same dict.
    core.step(token_ids, state) -> (logits, new state, extras)
        one decoder step for the whole batch: `logits` (batch, target vocabulary) before the
        softmax, the next state, and a dict of per-sentence arrays the step can show (an
        attention core returns {"attention": (batch, source positions)}; these cores, {}).

plus `core.vocab` (the target vocabulary) and `core.start_id` / `core.end_id`.  The searches
in `search.py` (greedy, forced tokens, seeded sampling, the top-k trace) are written once over
this contract; `select_rows` keeps the rows of a state whose sentences are still decoding.

`CORES` maps a model's kind (its `cell`, or "attention") to its core class: a new architecture
adds one class here (and one JavaScript step in `resources/web/decoder_cells.js`).
"""

from __future__ import annotations

import numpy as np

from .config import end_token, start_token


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softmax(logits):
    e = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def lstm_step(x_proj, h, c, recurrent_kernel, bias):
    """One LSTM step as Keras computes it; `x_proj` is the input already multiplied by the
    input kernel.  Gates in Keras's order: input i, forget f, candidate g, output o."""
    z = x_proj + h @ recurrent_kernel + bias
    i, f, g, o = np.split(z, 4, axis=-1)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
    h = sigmoid(o) * np.tanh(c)
    return h, c


def gru_step(x_proj, h, recurrent_kernel, bias):
    """One GRU step as Keras computes it (`reset_after=True`): gates update z, reset r, candidate."""
    x_z, x_r, x_h = np.split(x_proj + bias[0], 3, axis=-1)
    r_z, r_r, r_h = np.split(h @ recurrent_kernel + bias[1], 3, axis=-1)
    z = sigmoid(x_z + r_z)
    r = sigmoid(x_r + r_r)
    candidate = np.tanh(x_h + r * r_h)
    return z * h + (1.0 - z) * candidate


def select_rows(state, rows):
    """`state` (a dict, list or array, batch first) with only `rows` of every array kept."""
    if isinstance(state, dict):
        return {k: select_rows(v, rows) for k, v in state.items()}
    if isinstance(state, (list, tuple)):
        return [select_rows(v, rows) for v in state]
    return state[rows]


def _array(v):
    return np.asarray(v.numpy() if hasattr(v, "numpy") else v, dtype="float32")


def _table(embeddings, kernel):
    """`embeddings @ kernel` (one row per input id), summed in float64 and rounded to float32:
    float32 sums differ in their last bits from one CPU's BLAS kernels to another's, and the
    exported files must not depend on the machine that wrote them."""
    return (_array(embeddings).astype("float64") @ _array(kernel).astype("float64")).astype("float32")


class RecurrentCore:
    """The tutorial's encoder-decoder (LSTM or GRU, characters or words) as a step core.

    The input kernels are turned into lookup tables (a one-hot input times a kernel is a row of
    the kernel; an embedding times a kernel is a row of `E @ W`), so a step costs one
    `state @ recurrent_kernel` per layer and one output projection.
    """

    def __init__(self, s2s):
        self.s2s = s2s
        m = s2s.model
        self.cell = s2s.cell
        enc, dec = m.get_layer("encoder").cell, m.get_layer("decoder").cell
        dense = m.get_layer("decoder_dense")
        enc_in, dec_in = _array(enc.kernel), _array(dec.kernel)
        if s2s.level == "word":
            enc_in = _table(m.get_layer("encoder_embedding").embeddings, enc_in)
            dec_in = _table(m.get_layer("decoder_embedding").embeddings, dec_in)
        pad = np.zeros((1, enc_in.shape[1]), dtype="float32")
        self.enc_table = np.vstack([enc_in, pad])  # last row: the all-zero padding input
        self.dec_table = dec_in
        self.enc_recurrent, self.dec_recurrent = _array(enc.recurrent_kernel), _array(dec.recurrent_kernel)
        self.enc_bias, self.dec_bias = _array(enc.bias), _array(dec.bias)
        self.dense_kernel, self.dense_bias = _array(dense.kernel), _array(dense.bias)
        self.units = dec.units
        self.vocab = s2s.target_vocab
        self.start_id = self.vocab.index[start_token(s2s.level)]
        self.end_id = self.vocab.index[end_token(s2s.level)]

    def _cell(self, x_proj, states, recurrent, bias):
        if self.cell == "lstm":
            return list(lstm_step(x_proj, *states, recurrent, bias))
        return [gru_step(x_proj, states[0], recurrent, bias)]

    def encode(self, id_lists) -> dict:
        """{"rnn": the encoder's final states} for a batch of token-id lists."""
        s2s, n = self.s2s, len(id_lists)
        lengths = np.array([len(x) for x in id_lists])
        # The tutorial's model reads the zero padding up to the longest training sentence;
        # a masked encoder stops at each sentence's end.  Longest sentences first, so that at
        # step t the sentences still reading are the first k rows.
        order = np.argsort(-lengths, kind="stable")
        steps = s2s.max_encoder_seq_length if not s2s.mask_encoder else int(lengths.max())
        ids = np.full((n, steps), len(self.enc_table) - 1)  # last table row: zero padding
        for row, i in enumerate(order):
            ids[row, : lengths[i]] = id_lists[i]
        states = [np.zeros((n, self.units), "float32") for _ in range(2 if self.cell == "lstm" else 1)]
        for t in range(steps):
            k = int((lengths[order] > t).sum()) if s2s.mask_encoder else n
            new = self._cell(self.enc_table[ids[:k, t]], [st[:k] for st in states], self.enc_recurrent, self.enc_bias)
            for st, value in zip(states, new):
                st[:k] = value
        back = np.empty(n, dtype=int)
        back[order] = np.arange(n)
        return {"rnn": [st[back] for st in states]}

    def step(self, token_ids, state):
        """(logits, new state, {}) after feeding `token_ids` (one per sentence)."""
        rnn = self._cell(self.dec_table[token_ids], state["rnn"], self.dec_recurrent, self.dec_bias)
        logits = rnn[0] @ self.dense_kernel + self.dense_bias
        return logits, {"rnn": rnn}, {}

    def web_arrays(self) -> dict:
        """The arrays `step` and `encode` multiply, by name, for the web export (decoder_cells.js's
        recurrent core reads the same names).  Word models keep the two factors of each input
        table (embedding, kernel) instead of the much larger table."""
        m, w = self.s2s.model, _array
        if self.s2s.level == "word":
            enc_input = {"enc_embedding": w(m.get_layer("encoder_embedding").embeddings),
                         "enc_kernel": w(m.get_layer("encoder").cell.kernel)}
            dec_input = {"dec_embedding": w(m.get_layer("decoder_embedding").embeddings),
                         "dec_kernel": w(m.get_layer("decoder").cell.kernel)}
        else:
            enc_input, dec_input = {"enc_table": self.enc_table}, {"dec_table": self.dec_table}
        return {
            **enc_input, "enc_recurrent": self.enc_recurrent, "enc_bias": self.enc_bias,
            **dec_input, "dec_recurrent": self.dec_recurrent, "dec_bias": self.dec_bias,
            "dense_kernel": self.dense_kernel, "dense_bias": self.dense_bias,
        }

    def decode(self, sentences, **options):
        """`search.decode` with this core (kept for the chapters and benchmarks)."""
        from . import search

        return search.decode(self, sentences, **options)


class AttentionCore:
    """The attention model of `attention.py` (chapter 7) as a step core, in NumPy.

    `encode` runs the bidirectional encoder (each direction stops at each sentence's end, as
    Keras's masked LSTM does) and keeps, beside the decoder's first state, the encoder outputs,
    their keys `W h_s` (Luong's general score) and the source mask; `step` runs one decoder LSTM
    step, scores every source position, and returns the weights as `extras["attention"]`.
    """

    def __init__(self, s2s):
        m, w = s2s.model, _array
        self.s2s, self.vocab = s2s, s2s.target_vocab
        self.start_id = self.vocab.index[start_token(s2s.level)]
        self.end_id = self.vocab.index[end_token(s2s.level)]
        bi = m.get_layer("encoder")
        self.directions = [
            (_table(m.get_layer("encoder_embedding").embeddings, layer.cell.kernel), w(layer.cell.recurrent_kernel),
             w(layer.cell.bias)) for layer in (bi.forward_layer, bi.backward_layer)]
        dec = m.get_layer("decoder").cell
        self.dec_table = _table(m.get_layer("decoder_embedding").embeddings, dec.kernel)  # row = input id
        self.dec_recurrent, self.dec_bias, self.units = w(dec.recurrent_kernel), w(dec.bias), dec.units
        self.keys_kernel = w(m.get_layer("attention_keys").kernel)
        hidden, dense = m.get_layer("attention_hidden"), m.get_layer("decoder_dense")
        self.hidden_kernel, self.hidden_bias = w(hidden.kernel), w(hidden.bias)
        self.dense_kernel, self.dense_bias = w(dense.kernel), w(dense.bias)

    def encode(self, id_lists) -> dict:
        n, lengths = len(id_lists), np.array([len(x) for x in id_lists])
        steps = int(lengths.max())
        ids = np.zeros((n, steps), dtype=int)  # model ids: vocabulary index + 1, 0 = padding
        for i, x in enumerate(id_lists):
            ids[i, : len(x)] = np.asarray(x) + 1
        mask = ids != 0
        outputs, finals = [], []
        for (table, recurrent, bias), order in zip(self.directions, (range(steps), reversed(range(steps)))):
            h = np.zeros((n, recurrent.shape[0]), "float32")
            c = np.zeros_like(h)
            out = np.zeros((n, steps, h.shape[1]), "float32")
            for t in order:  # a padded position leaves the state as it was
                h_new, c_new = lstm_step(table[ids[:, t]], h, c, recurrent, bias)
                m_t = mask[:, t : t + 1]
                h, c = np.where(m_t, h_new, h), np.where(m_t, c_new, c)
                out[:, t] = h
            outputs.append(out)
            finals.append((h, c))
        enc = np.concatenate(outputs, axis=-1)
        (fh, fc), (bh, bc) = finals
        return {"rnn": [np.concatenate([fh, bh], -1), np.concatenate([fc, bc], -1)],
                "outputs": enc, "keys": enc @ self.keys_kernel, "mask": mask}

    def step(self, token_ids, state):
        h, c = lstm_step(self.dec_table[np.asarray(token_ids) + 1], *state["rnn"], self.dec_recurrent, self.dec_bias)
        scores = np.einsum("bd,bsd->bs", h, state["keys"])
        weights = softmax(np.where(state["mask"], scores, -1e9))  # padding: weight 0
        context = np.einsum("bs,bsd->bd", weights, state["outputs"])
        attentional = np.tanh(np.concatenate([context, h], -1) @ self.hidden_kernel + self.hidden_bias)
        logits = attentional @ self.dense_kernel + self.dense_bias
        return logits, {**state, "rnn": [h, c]}, {"attention": weights}

    def web_arrays(self) -> dict:
        """The arrays `encode` and `step` multiply, by name (decoder_cells.js's attention core)."""
        (ft, fr, fb), (bt, br, bb) = self.directions
        return {"enc_f_table": ft, "enc_f_recurrent": fr, "enc_f_bias": fb,
                "enc_b_table": bt, "enc_b_recurrent": br, "enc_b_bias": bb,
                "dec_table": self.dec_table, "dec_recurrent": self.dec_recurrent, "dec_bias": self.dec_bias,
                "keys_kernel": self.keys_kernel, "hidden_kernel": self.hidden_kernel, "hidden_bias": self.hidden_bias,
                "dense_kernel": self.dense_kernel, "dense_bias": self.dense_bias}


# A model's kind -> its step core: the tutorial's encoder-decoder by its `cell`, the attention
# model (chapter 7) by its architecture.
CORES = {"lstm": RecurrentCore, "gru": RecurrentCore, "attention": AttentionCore}


def core_kind(s2s) -> str:
    """The key of `s2s`'s step core in `CORES` (and in decoder_cells.js's CORES)."""
    return "attention" if getattr(s2s, "architecture", "seq2seq") == "attention" else s2s.cell


def core_for(s2s):
    """The step core of a loaded `Seq2Seq`."""
    return CORES[core_kind(s2s)](s2s)
