import keras
import numpy as np

from seq2seq_lib import models


def test_lstm_model_shapes():
    m = models.build_lstm_model(10, 12, latent_dim=16)
    out = m.predict([np.zeros((3, 7, 10)), np.zeros((3, 5, 12))], verbose=0)
    assert out.shape == (3, 5, 12)
    np.testing.assert_allclose(out.sum(-1), 1.0, rtol=1e-5)  # softmax over the French characters
    assert m.get_layer("encoder").return_state and m.get_layer("decoder").return_sequences
    enc, dec = models.build_inference_models(m)
    states = enc.predict(np.zeros((3, 7, 10)), verbose=0)
    assert [s.shape for s in states] == [(3, 16), (3, 16)]  # h and c
    probs, h, c = dec.predict([np.zeros((3, 1, 12)), *states], verbose=0)
    assert probs.shape == (3, 1, 12) and h.shape == c.shape == (3, 16)


def test_gru_model_has_one_state():
    m = models.build_gru_model(10, 12, latent_dim=16, mask_encoder=True)
    assert m.predict([np.zeros((2, 7, 10)), np.zeros((2, 4, 12))], verbose=0).shape == (2, 4, 12)
    enc, dec = models.build_inference_models(m)
    state = enc.predict(np.zeros((2, 7, 10)), verbose=0)
    assert np.asarray(state).shape == (2, 16)
    outs = dec.predict([np.zeros((2, 1, 12)), state], verbose=0)
    assert len(outs) == 2 and outs[0].shape == (2, 1, 12)


def test_word_model_shapes():
    m = models.build_word_model(50, 60, embedding_dim=8, latent_dim=16)
    out = m.predict([np.ones((4, 6), "int32"), np.ones((4, 9), "int32")], verbose=0)
    assert out.shape == (4, 9, 60)
    enc, dec = models.build_inference_models(m)
    states = enc.predict(np.ones((4, 6), "int32"), verbose=0)
    probs, *_ = dec.predict([np.ones((4, 1), "int32"), *states], verbose=0)
    assert probs.shape == (4, 1, 60)


def test_masked_encoder_ignores_padding():
    m = models.build_lstm_model(5, 6, latent_dim=8, mask_encoder=True)
    enc, _ = models.build_inference_models(m)
    x = np.zeros((1, 3, 5), "float32")
    x[0, 0, 1] = x[0, 1, 2] = 1
    padded = np.concatenate([x, np.zeros((1, 4, 5), "float32")], axis=1)
    for a, b in zip(enc.predict(x, verbose=0), enc.predict(padded, verbose=0)):
        np.testing.assert_allclose(a, b, atol=1e-6)


def test_free_running_model_feeds_back_its_argmax():
    m = models.build_free_running_model(5, 6, max_decoder_seq_length=4, latent_dim=8)
    out = m.predict([np.zeros((2, 3, 5)), np.zeros((2, 4, 6))], verbose=0)
    assert out.shape == (2, 4, 6)
    # Same layers and names as the teacher-forced model: the inference models build from it.
    enc, dec = models.build_inference_models(m)
    assert len(enc.outputs) == 2
    # Teacher inputs after the first step do not change the output: the decoder reads its own guesses.
    teacher = np.zeros((2, 4, 6))
    teacher[:, 1:, 3] = 1
    np.testing.assert_allclose(m.predict([np.zeros((2, 3, 5)), teacher], verbose=0), out, atol=1e-6)


def test_greedy_feedback_scheduled_sampling():
    layer = models.GreedyFeedback(teacher_prob=1.0, seed=0)
    probs = keras.ops.convert_to_tensor(np.array([[[0.1, 0.9]]] * 64, "float32"))
    teacher = keras.ops.convert_to_tensor(np.array([[[1.0, 0.0]]] * 64, "float32"))
    assert np.asarray(layer(probs, teacher, training=True))[:, 0, 0].all()  # always the teacher
    assert not np.asarray(layer(probs, teacher, training=False))[:, 0, 0].any()  # inference: own argmax
    layer.teacher_prob.assign(0.5)
    mixed = np.asarray(layer(probs, teacher, training=True))[:, 0, 0].mean()
    assert 0.2 < mixed < 0.8
