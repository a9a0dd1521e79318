"""The models of the tutorial, as plain Keras 3 functional builders.

Layer names are part of the contract: `encoder`, `decoder`, `decoder_dense` (and
`encoder_embedding` / `decoder_embedding` for the word-level model).  The inference models,
the NumPy decoder and the web export find the trained layers by these names.
"""

from __future__ import annotations

import keras
from keras import layers, ops


def build_lstm_model(num_encoder_tokens, num_decoder_tokens, latent_dim=256, mask_encoder=False, dropout=0.0):
    """Character-level LSTM encoder-decoder, trained with teacher forcing (chapter 2)."""
    # Encoder: read the one-hot English sentence, keep only the final states h and c.
    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    x = layers.Masking(name="encoder_mask")(encoder_inputs) if mask_encoder else encoder_inputs
    encoder = layers.LSTM(latent_dim, return_state=True, dropout=dropout, name="encoder")
    encoder_outputs, state_h, state_c = encoder(x)
    encoder_states = [state_h, state_c]  # the "thought vector" handed to the decoder

    # Decoder: start from the encoder's states, read the French sentence shifted one step
    # (teacher forcing) and return its output at every step.
    decoder_inputs = keras.Input(shape=(None, num_decoder_tokens), name="decoder_inputs")
    decoder = layers.LSTM(latent_dim, return_sequences=True, return_state=True, dropout=dropout, name="decoder")
    decoder_outputs, _, _ = decoder(decoder_inputs, initial_state=encoder_states)
    decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")
    decoder_outputs = decoder_dense(decoder_outputs)

    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="char_lstm")


def build_gru_model(num_encoder_tokens, num_decoder_tokens, latent_dim=256, mask_encoder=False, dropout=0.0):
    """The same with GRU (chapter 4): one state instead of two.

    The decoder needs `return_state=True` even though training ignores it: the inference
    decoder must hand its new state to the next step.
    """
    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    x = layers.Masking(name="encoder_mask")(encoder_inputs) if mask_encoder else encoder_inputs
    encoder = layers.GRU(latent_dim, return_state=True, dropout=dropout, name="encoder")
    encoder_outputs, state_h = encoder(x)

    decoder_inputs = keras.Input(shape=(None, num_decoder_tokens), name="decoder_inputs")
    decoder = layers.GRU(latent_dim, return_sequences=True, return_state=True, dropout=dropout, name="decoder")
    decoder_outputs, _ = decoder(decoder_inputs, initial_state=state_h)
    decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")
    decoder_outputs = decoder_dense(decoder_outputs)

    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="char_gru")


def build_word_model(num_encoder_words, num_decoder_words, embedding_dim=128, latent_dim=256, dropout=0.0):
    """Word-level LSTM encoder-decoder over integer sequences (chapter 5).

    `Embedding(mask_zero=True)` turns word indices into dense vectors and tells the LSTMs to
    skip the padding (index 0).  The targets are integers too: train it with
    `sparse_categorical_crossentropy`, not one-hot vectors over the whole vocabulary.
    """
    encoder_inputs = keras.Input(shape=(None,), dtype="int32", name="encoder_inputs")
    x = layers.Embedding(num_encoder_words, embedding_dim, mask_zero=True, name="encoder_embedding")(encoder_inputs)
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, dropout=dropout, name="encoder")(x)

    decoder_inputs = keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
    y = layers.Embedding(num_decoder_words, embedding_dim, mask_zero=True, name="decoder_embedding")(decoder_inputs)
    decoder = layers.LSTM(latent_dim, return_sequences=True, return_state=True, dropout=dropout, name="decoder")
    y, _, _ = decoder(y, initial_state=[state_h, state_c])
    outputs = layers.Dense(num_decoder_words, activation="softmax", name="decoder_dense")(y)

    return keras.Model([encoder_inputs, decoder_inputs], outputs, name="word_lstm")


def build_inference_models(model):
    """The tutorial's two inference models, sharing the trained layers of `model`.

    * `encoder_model`: English sentence → the encoder's final states.
    * `decoder_model`: (one decoder input step, states) → (next-token probabilities, new states).
    """
    encoder_states = model.get_layer("encoder").output[1:]
    encoder_model = keras.Model(model.inputs[0], encoder_states, name="inference_encoder")

    decoder = model.get_layer("decoder")
    state_inputs = [
        keras.Input(shape=(decoder.units,), name=f"decoder_state_input_{i}") for i in range(len(encoder_states))
    ]
    # A fresh input of any length (the unrolled models of chapter 6 fix it in training).
    train_inputs = model.inputs[1]
    decoder_inputs = keras.Input(shape=(None, *train_inputs.shape[2:]), dtype=train_inputs.dtype, name="decoder_inputs")
    x = decoder_inputs
    if any(layer.name == "decoder_embedding" for layer in model.layers):
        x = model.get_layer("decoder_embedding")(x)
    x, *decoder_states = decoder(x, initial_state=state_inputs)
    probabilities = model.get_layer("decoder_dense")(x)
    decoder_model = keras.Model(
        [decoder_inputs, *state_inputs], [probabilities, *decoder_states], name="inference_decoder"
    )
    return encoder_model, decoder_model


# --------------------------------------------------------------------------------------------
# Chapter 6: decoders that read their own predictions
# --------------------------------------------------------------------------------------------


@keras.saving.register_keras_serializable(package="seq2seq_lib")
class TimeStep(layers.Layer):
    """`x[:, t:t+1]`: one step of a sequence, kept 3-D."""

    def __init__(self, t, **kwargs):
        super().__init__(**kwargs)
        self.t = t

    def call(self, x):
        return x[:, self.t : self.t + 1]

    def get_config(self):
        return {**super().get_config(), "t": self.t}


@keras.saving.register_keras_serializable(package="seq2seq_lib")
class GreedyFeedback(layers.Layer):
    """The decoder's own most likely token, one-hot: the next step's input without teacher forcing.

    With `teacher_prob > 0` (scheduled sampling, Bengio et al. 2015) each sentence instead gets
    the true previous token with that probability, drawn afresh at every step while training;
    at inference the prediction is always used.  `teacher_prob` is a variable so a callback can
    lower it epoch by epoch.
    """

    def __init__(self, teacher_prob=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.initial_teacher_prob = float(teacher_prob)
        self.seed = seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def build(self, input_shape):
        self.teacher_prob = self.add_weight(
            shape=(), initializer=keras.initializers.Constant(self.initial_teacher_prob), trainable=False, name="teacher_prob"
        )

    def call(self, probabilities, teacher=None, training=False):
        predicted = ops.one_hot(ops.argmax(probabilities, axis=-1), ops.shape(probabilities)[-1])
        if teacher is None or not training:
            return predicted
        coin = keras.random.uniform((ops.shape(probabilities)[0], 1, 1), seed=self.seed_generator)
        return ops.where(coin < self.teacher_prob, teacher, predicted)

    def get_config(self):
        return {**super().get_config(), "teacher_prob": self.initial_teacher_prob, "seed": self.seed}


def build_free_running_model(num_encoder_tokens, num_decoder_tokens, max_decoder_seq_length, latent_dim=256, teacher_prob=0.0,
                             mask_encoder=True, feedback="argmax"):
    """Character LSTM whose decoder is unrolled and fed its own output (chapter 6).

    `feedback="softmax"` is the post's model: the next step reads the whole probability vector
    the last step wrote (`inputs = outputs`), so the loss of every later step reaches the earlier
    steps through it.  `feedback="argmax"` reads the one-hot vector of the most probable token
    instead (`GreedyFeedback`), the input greedy decoding gives it, through which no gradient
    flows; with `teacher_prob > 0` that is scheduled sampling.  The layers are the same kind and
    names as `build_lstm_model`, so the same inference models and decoders serve it.
    `decoder_inputs` supplies the START token and, for scheduled sampling, the true previous tokens.
    """
    if feedback not in ("argmax", "softmax"):
        raise ValueError(f"feedback must be 'argmax' or 'softmax', not {feedback!r}")
    if feedback == "softmax" and teacher_prob:
        raise ValueError("scheduled sampling mixes true one-hot tokens with argmax feedback: use feedback='argmax'")
    encoder_inputs = keras.Input(shape=(None, num_encoder_tokens), name="encoder_inputs")
    x = layers.Masking(name="encoder_mask")(encoder_inputs) if mask_encoder else encoder_inputs
    _, state_h, state_c = layers.LSTM(latent_dim, return_state=True, name="encoder")(x)
    states = [state_h, state_c]

    decoder_inputs = keras.Input(shape=(max_decoder_seq_length, num_decoder_tokens), name="decoder_inputs")
    decoder = layers.LSTM(latent_dim, return_sequences=True, return_state=True, name="decoder")
    decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax", name="decoder_dense")
    greedy = GreedyFeedback(teacher_prob, name="feedback")

    step_input = TimeStep(0, name="start_token")(decoder_inputs)
    outputs = []
    for t in range(max_decoder_seq_length):
        out, h, c = decoder(step_input, initial_state=states)
        probabilities = decoder_dense(out)  # (sentences, 1, tokens)
        outputs.append(probabilities)
        states = [h, c]
        if t + 1 < max_decoder_seq_length:
            if feedback == "softmax":
                step_input = probabilities  # the post's `inputs = outputs`
            elif teacher_prob > 0:
                teacher = TimeStep(t + 1, name=f"teacher_step_{t + 1}")(decoder_inputs)
                step_input = greedy(probabilities, teacher)
            else:
                step_input = greedy(probabilities)
    decoder_outputs = layers.Concatenate(axis=1, name="decoder_outputs")(outputs)
    name = "char_lstm_softmax" if feedback == "softmax" else "char_lstm_scheduled" if teacher_prob > 0 else "char_lstm_free"
    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name=name)
