"""Character-level encoder-decoder with Luong attention (chapter 7), in Keras 3 built-in layers.

The training model reads integer token ids (0 = padding; character `i` of a vocabulary is id
`i + 1`), turns them into vectors with an `Embedding` (learned, or a frozen identity matrix,
which is the tutorial's one-hot input fed as integers), and

* encodes the English characters with a bidirectional LSTM (`encoder_units` per direction),
  keeping every output: the encoder outputs `h_s` the decoder attends over;
* starts the decoder LSTM from the two directions' final states, concatenated;
* scores each decoder output `h_t` against every encoder output with Luong's *general* score
  `h_t · W h_s` (`attention_keys` = `W h_s`, then `keras.layers.Attention`, a dot product and a
  softmax over the source positions; padded positions are masked out, weight 0);
* forms the attentional hidden state `tanh(W_c [c_t; h_t])` (`attention_hidden`) and the next
  character's probabilities `softmax(W_s · that)` (`decoder_dense`).

No `Lambda` and no custom layer: the file loads with `safe_mode=True`.
`build_inference_models` returns the encoder and a one-step decoder sharing the trained layers,
and `GreedyDecoder` decodes whole batches of sentences with them: the reference that the NumPy
step core (`cells.AttentionCore`, which `decoding.Translator` uses) is tested against.
"""

from __future__ import annotations

import numpy as np
from keras import layers

import keras

ARCHITECTURE = "attention"
PAD_ID = 0  # the id of padding in every integer input of this model


def token_ids(ids):
    """Vocabulary indices → this model's input ids (0 is kept for padding)."""
    return [i + 1 for i in ids]


def _embedding(n_tokens, embedding_dim, name):
    if not embedding_dim:
        # A frozen identity matrix: id i (1 … n) → one-hot vector e_i, id 0 (padding) → e_0, masked.
        return layers.Embedding(n_tokens + 1, n_tokens + 1, embeddings_initializer="identity",
                                trainable=False, mask_zero=True, name=name)
    return layers.Embedding(n_tokens + 1, embedding_dim, mask_zero=True, name=name)  # learned vectors


def build_attention_model(num_encoder_tokens, num_decoder_tokens, encoder_units=128, decoder_units=256,
                          attention_units=256, embedding_dim=0, dropout=0.0, rnn_dropout=0.0):
    """The training model: (English ids, French ids shifted right) → next-character probabilities.

    `embedding_dim=0` feeds the LSTMs one-hot characters (a frozen identity `Embedding`); a
    positive value learns vectors of that size instead (fewer multiply-adds per step).
    `dropout` drops units of the attentional hidden state, `rnn_dropout` the LSTMs' inputs
    (Keras's `LSTM(dropout=...)`: one mask per sequence); both only while training.
    """
    if 2 * encoder_units != decoder_units:
        raise ValueError(f"the decoder starts from both encoder directions' states: decoder_units must be "
                         f"2 × encoder_units, got {decoder_units} and {encoder_units}")
    encoder_inputs = keras.Input(shape=(None,), dtype="int32", name="encoder_inputs")
    x = _embedding(num_encoder_tokens, embedding_dim, "encoder_embedding")(encoder_inputs)
    encoder = layers.Bidirectional(
        layers.LSTM(encoder_units, return_sequences=True, return_state=True, dropout=rnn_dropout,
                    name="encoder_lstm"), name="encoder")
    encoder_outputs, fh, fc, bh, bc = encoder(x)  # outputs (batch, source, 2 × encoder_units)
    state_h = layers.Concatenate(name="encoder_state_h")([fh, bh])
    state_c = layers.Concatenate(name="encoder_state_c")([fc, bc])

    decoder_inputs = keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
    y = _embedding(num_decoder_tokens, embedding_dim, "decoder_embedding")(decoder_inputs)
    decoder = layers.LSTM(decoder_units, return_sequences=True, return_state=True, dropout=rnn_dropout, name="decoder")
    decoder_outputs, _, _ = decoder(y, initial_state=[state_h, state_c])

    probabilities, _ = _attend_and_predict(encoder_outputs, decoder_outputs, None, num_decoder_tokens,
                                           attention_units, dropout, layers_from=None)
    return keras.Model([encoder_inputs, decoder_inputs], probabilities, name="char_attention")


def _attend_and_predict(encoder_outputs, decoder_outputs, source_mask, num_decoder_tokens, attention_units,
                        dropout, layers_from):
    """Attention, attentional hidden state and output layer; new layers, or those of `layers_from`."""
    if layers_from is None:
        keys_layer = layers.Dense(decoder_outputs.shape[-1], use_bias=False, name="attention_keys")  # W (general)
        attention = layers.Attention(name="attention")
        concat = layers.Concatenate(name="attention_concat")
        hidden = layers.Dense(attention_units, activation="tanh", name="attention_hidden")  # W_c
        drop = layers.Dropout(dropout, name="attention_dropout")
        dense = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")  # W_s
    else:
        keys_layer, attention, concat, hidden, drop, dense = (layers_from.get_layer(n) for n in (
            "attention_keys", "attention", "attention_concat", "attention_hidden", "attention_dropout", "decoder_dense"))
    keys = keys_layer(encoder_outputs)
    if source_mask is None:  # training model: the masks travel with the tensors
        context, weights = attention([decoder_outputs, encoder_outputs, keys], return_attention_scores=True)
    else:
        context, weights = attention([decoder_outputs, encoder_outputs, keys], mask=[None, source_mask],
                                     return_attention_scores=True)
    h = hidden(concat([context, decoder_outputs]))
    return dense(drop(h)), weights


def build_inference_models(model):
    """(encoder_model, step_model) sharing the trained layers of an attention `model`.

    * `encoder_model`: source ids (batch, source) → [encoder outputs (batch, source, 2u),
      h (batch, 2u), c (batch, 2u)].
    * `step_model`: [previous token id (batch, 1), h, c, encoder outputs, source mask (batch,
      source) bool] → [probabilities (batch, 1, target vocab), new h, new c, attention weights
      (batch, 1, source)].
    """
    encoder_outputs, fh, fc, bh, bc = model.get_layer("encoder").output
    h = model.get_layer("encoder_state_h").output
    c = model.get_layer("encoder_state_c").output
    encoder_model = keras.Model(model.inputs[0], [encoder_outputs, h, c], name="attention_encoder")

    decoder = model.get_layer("decoder")
    units = decoder.units
    token = keras.Input(shape=(1,), dtype="int32", name="step_token")
    h_in = keras.Input(shape=(units,), name="step_h")
    c_in = keras.Input(shape=(units,), name="step_c")
    enc_in = keras.Input(shape=(None, encoder_outputs.shape[-1]), name="step_encoder_outputs")
    mask_in = keras.Input(shape=(None,), dtype="bool", name="step_source_mask")
    y = model.get_layer("decoder_embedding")(token)
    out, h_new, c_new = decoder(y, initial_state=[h_in, c_in])
    n_out = model.get_layer("decoder_dense").units
    probs, weights = _attend_and_predict(enc_in, out, mask_in, n_out, None, 0.0, layers_from=model)
    step_model = keras.Model([token, h_in, c_in, enc_in, mask_in], [probs, h_new, c_new, weights],
                             name="attention_step")
    return encoder_model, step_model


def pad_ids(seqs, length=None):
    """Integer matrix (len(seqs), length) of the sequences, right-padded with `PAD_ID`."""
    length = length or max(map(len, seqs))
    out = np.full((len(seqs), length), PAD_ID, dtype="int32")
    for i, s in enumerate(seqs):
        out[i, : len(s)] = s[:length]
    return out


class GreedyDecoder:
    """Batched greedy decoding of an attention checkpoint with its Keras inference models.

    One `predict_on_batch` of the step model per output character, for a whole batch of
    sentences at once: the reference that a faster NumPy step must reproduce.  `decode` has the
    signature of `decoding.FastDecoder.decode` (sampling with a temperature is not offered yet).
    """

    def __init__(self, s2s, batch_size=512):
        from . import config

        self.s2s, self.batch_size = s2s, batch_size
        self.encoder_model, self.step_model = build_inference_models(s2s.model)
        self.start = s2s.target_vocab.index[config.START_CHAR]
        self.end = s2s.target_vocab.index[config.END_CHAR]

    def decode(self, sentences, trace=False, top_k=5, force=None, temperature=None, seed=None):
        """`decoding.Trace`s of already checked `sentences` (steps filled if `trace`); each trace
        also gets `attention`: its weights, one row per output step (END included) over the
        source characters."""
        from .decoding import InputError, Step, Trace

        if temperature:
            raise InputError("sampling is not available for the attention model yet: decode greedily")
        vocab = self.s2s.target_vocab
        for step, token in (force or {}).items():
            if token not in vocab:
                raise InputError(f"cannot force {token!r} at step {step}: not in the model's output vocabulary")
        force = {step: vocab.index[token] for step, token in (force or {}).items()}
        traces = []
        for i in range(0, len(sentences), self.batch_size):
            batch = sentences[i : i + self.batch_size]
            chosen, lengths, weights, probs = self._decode_batch(batch, force)
            for j, sentence in enumerate(batch):
                n = min(lengths[j] + 1, chosen.shape[1])  # steps taken, END included
                tokens = [vocab.tokens[k] for k in chosen[j, :n]]
                tr = Trace(source=sentence, output="".join(tokens[: lengths[j]]),
                           stop_reason="end" if lengths[j] < chosen.shape[1] else "max_length")
                tr.attention = weights[j, :n, : len(sentence)]
                if trace:
                    for t in range(n):
                        best = np.argsort(-probs[t][j], kind="stable")[:top_k]
                        tr.steps.append(Step(prefix="".join(tokens[:t]), token=tokens[t],
                                             prob=float(probs[t][j, chosen[j, t]]),
                                             candidates=[(vocab.tokens[k], float(probs[t][j, k])) for k in best],
                                             forced=t in force))
                traces.append(tr)
        return traces

    def _decode_batch(self, sentences, force):
        from .decoding import source_ids

        src = pad_ids([token_ids(source_ids(self.s2s, s)) for s in sentences])
        enc, h, c = self.encoder_model.predict_on_batch(src)
        mask = src != PAD_ID
        n, max_len = len(sentences), self.s2s.max_decoder_seq_length
        token = np.full((n, 1), self.start + 1, dtype="int32")
        chosen = np.zeros((n, max_len), dtype="int64")
        weights = np.zeros((n, max_len, src.shape[1]), dtype="float32")
        lengths = np.full(n, max_len)  # characters before END (max_len: never ended)
        alive = np.ones(n, dtype=bool)
        all_probs = []
        for t in range(max_len):
            probs, h, c, w = self.step_model.predict_on_batch([token, h, c, enc, mask])
            probs = np.asarray(probs)[:, 0]
            all_probs.append(probs)
            best = np.full(n, force[t]) if t in force else probs.argmax(-1)
            chosen[:, t], weights[:, t] = best, np.asarray(w)[:, 0]
            ended = alive & (best == self.end)
            lengths[ended] = t
            alive &= ~ended
            if not alive.any():
                break
            token = (best + 1).astype("int32")[:, None]
        return chosen, lengths, weights, all_probs
