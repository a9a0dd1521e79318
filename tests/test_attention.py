"""The character-level attention model (chapter 7): builder, masking, inference pieces, fast
batches, checkpoints, the reference greedy decoder and the `attention` recipe's CLI path.

Tiny models on the bundled corpus: every equality below holds for any weights."""

import json

import keras
import numpy as np
import pytest

from seq2seq_lib import attention, batching, checkpoints, cli, config, data, decoding, metrics, train
from seq2seq_lib.batching import TokenBatches

N_IN, N_OUT = 11, 13


def tiny_model(embedding_dim=0, units=8):
    keras.utils.set_random_seed(0)
    return attention.build_attention_model(N_IN, N_OUT, units // 2, units, units, embedding_dim=embedding_dim)


def random_ids(rng, lengths, n):
    """Batch of id rows (1 … n) right-padded with 0 to the longest."""
    return attention.pad_ids([list(rng.integers(1, n + 1, size=k)) for k in lengths])


@pytest.mark.parametrize("embedding_dim", [0, 5])
def test_shapes_and_parameters(embedding_dim):
    m = tiny_model(embedding_dim)
    rng = np.random.default_rng(0)
    src, dec = random_ids(rng, [4, 7], N_IN), random_ids(rng, [5, 3], N_OUT)
    p = np.asarray(m([src, dec]))
    assert p.shape == (2, 5, N_OUT)
    np.testing.assert_allclose(p.sum(-1), 1.0, rtol=1e-5)
    enc_model, step = attention.build_inference_models(m)
    enc, h, c = enc_model.predict_on_batch(src)
    assert enc.shape == (2, 7, 8) and h.shape == (2, 8) and c.shape == (2, 8)
    probs, h2, c2, w = step.predict_on_batch([dec[:, :1], h, c, enc, src != 0])
    assert probs.shape == (2, 1, N_OUT) and h2.shape == (2, 8) and w.shape == (2, 1, 7)
    if embedding_dim == 0:  # frozen one-hot
        assert not m.get_layer("encoder_embedding").trainable


def test_default_model_fits_the_browser_budget():
    m = train.build_model(config.attention(), 78, 102)  # all fra-eng characters
    assert m.count_params() * 4 <= 5_000_000  # float32 weights


def test_padded_source_positions_get_weight_zero():
    m = tiny_model()
    rng = np.random.default_rng(1)
    src, dec = random_ids(rng, [3, 6], N_IN), random_ids(rng, [4, 4], N_OUT)
    # The training graph: the attention layer's weights read from the model itself.
    probe = keras.Model(m.inputs, m.get_layer("attention").output[1])
    w = np.asarray(probe([src, dec]))
    assert w.shape == (2, 4, 6)
    assert np.all(w[0, :, 3:] == 0.0) and np.all(w[0, :, :3] > 0)
    np.testing.assert_allclose(w.sum(-1), 1.0, rtol=1e-5)
    # The one-step model: the mask is an input.
    enc_model, step = attention.build_inference_models(m)
    enc, h, c = enc_model.predict_on_batch(src)
    _, _, _, ws = step.predict_on_batch([dec[:, :1], h, c, enc, src != 0])
    assert np.all(ws[0, 0, 3:] == 0.0)
    np.testing.assert_allclose(ws[:, 0], w[:, 0], atol=1e-6)
    # What the encoder outputs sit at padded positions does not change the weights on the real ones.
    enc2 = enc.copy()
    enc2[0, 3:] = rng.normal(size=enc2[0, 3:].shape)
    _, _, _, ws2 = step.predict_on_batch([dec[:, :1], h, c, enc2, src != 0])
    np.testing.assert_allclose(ws2[0, 0, :3], ws[0, 0, :3], atol=1e-6)


def test_step_model_reproduces_the_training_model():
    m = tiny_model(embedding_dim=4)
    rng = np.random.default_rng(2)
    src, dec = random_ids(rng, [5, 2, 4], N_IN), random_ids(rng, [6, 6, 6], N_OUT)
    full = np.asarray(m([src, dec]))
    enc_model, step = attention.build_inference_models(m)
    enc, h, c = enc_model.predict_on_batch(src)
    for t in range(dec.shape[1]):
        p, h, c, _ = step.predict_on_batch([dec[:, t : t + 1], h, c, enc, src != 0])
        np.testing.assert_allclose(p[:, 0], full[:, t], atol=1e-5)


def test_architecture_checks():
    with pytest.raises(ValueError, match="2 × encoder_units"):
        attention.build_attention_model(5, 5, 8, 8, 8)
    with pytest.raises(ValueError, match="character-level"):
        train.fit([("a", "b")] * 4, config.attention(), level="word", verbose=0)


def test_rnn_dropout_drops_the_lstm_inputs_only_while_training():
    keras.utils.set_random_seed(0)
    m = attention.build_attention_model(N_IN, N_OUT, 4, 8, 8, embedding_dim=5, rnn_dropout=0.5)
    plain = tiny_model(5)
    plain.set_weights(m.get_weights())  # dropout adds no weights
    assert m.get_layer("decoder").dropout == 0.5 and plain.get_layer("decoder").dropout == 0
    rng = np.random.default_rng(0)
    src, dec = random_ids(rng, [4, 7], N_IN), random_ids(rng, [5, 3], N_OUT)
    np.testing.assert_allclose(np.asarray(m([src, dec])), np.asarray(plain([src, dec])), rtol=1e-6)
    assert not np.allclose(np.asarray(m([src, dec], training=True)), np.asarray(plain([src, dec])))
    with pytest.raises(ValueError, match="rnn_dropout is the attention model's"):
        train.fit([("a", "b")] * 4, config.fast().replace(rnn_dropout=0.2), verbose=0)


def test_batches_are_padded_to_their_own_lengths():
    rng = np.random.default_rng(3)
    src = [list(rng.integers(0, 9, size=k)) for k in rng.integers(1, 40, size=300)]
    tgt = [[0, *rng.integers(2, 9, size=k), 1] for k in rng.integers(1, 50, size=300)]
    b = TokenBatches(src, tgt, 32, round_to=1)
    lengths = set()
    for i in range(len(b)):
        (enc, dec_in), y, w = b[i]
        assert enc.dtype == np.int32 and dec_in.dtype == np.int32
        rows = b.batches[i]
        assert enc.shape[1] == max(len(src[r]) for r in rows)  # this batch's own longest source
        assert dec_in.shape[1] == max(len(tgt[r]) - 1 for r in rows)
        assert y.shape == dec_in.shape == w.shape
        np.testing.assert_array_equal(w, (dec_in != 0).astype("float32"))  # padding weighs nothing
        lengths.add(dec_in.shape[1])
        r = rows[0]
        assert list(enc[0, : len(src[r])]) == [i + 1 for i in src[r]] and not enc[0, len(src[r]):].any()
        assert list(y[0, : len(tgt[r]) - 1]) == tgt[r][1:]
    assert len(lengths) > 3
    counts = b.token_counts()
    assert counts["padded_target_tokens"] < 300 * 50  # far below padding all to the longest
    # Batches 0 and 1 differ in both padded lengths (Keras then leaves both time axes free).
    for _ in range(3):
        (s0, d0), (s1, d1) = b.shape(0)[1:], b.shape(1)[1:]
        assert s0 != s1 and d0 != d1
        b.on_epoch_end()


def test_endless_batches_run_epoch_after_epoch_from_the_index_alone():
    rng = np.random.default_rng(4)
    src = [list(rng.integers(0, 9, size=k)) for k in rng.integers(1, 30, size=200)]
    tgt = [[0, *rng.integers(2, 9, size=k), 1] for k in rng.integers(1, 30, size=200)]
    b = TokenBatches(src, tgt, 16, seed=5, endless=True)
    n = len(b)
    assert n == 13 and b.num_batches is None  # Keras treats it as a stream without end
    assert TokenBatches(src, tgt, 16).num_batches == n
    enc_rows = lambda i: sorted(tuple(r[r != 0]) for r in b[i][0][0])  # noqa: E731
    epochs = [[enc_rows(e * n + i) for i in range(n)] for e in range(3)]
    everything = sorted(tuple(i + 1 for i in s) for s in src)
    for rows in epochs:  # each epoch is every row once
        assert sorted(r for batch in rows for r in batch) == everything
    assert epochs[0] != epochs[1] != epochs[2]  # in a new order each epoch
    again = TokenBatches(src, tgt, 16, seed=5, endless=True)
    assert [sorted(tuple(r[r != 0]) for r in again[n + i][0][0]) for i in range(n)] == epochs[1]  # the index decides
    b.on_epoch_end()  # Keras's call does not move the stream
    assert enc_rows(n) == epochs[1][0]
    for e in range(3):  # every epoch opens with two batches that differ in both padded lengths
        (s0, d0), (s1, d1) = (x.shape[1] for x in b[e * n][0]), (x.shape[1] for x in b[e * n + 1][0])
        assert s0 != s1 and d0 != d1


def test_batches_of_tiny_data_share_one_shape():
    b = TokenBatches([[1], [2, 3]], [[0, 4, 1], [0, 4, 1]], 1)
    assert b.shape(0)[1:] == b.shape(1)[1:] == (2, 2)


def test_fit_save_load_round_trip(tiny_attention, tmp_path):
    s2s = tiny_attention
    assert s2s.architecture == "attention" and s2s.info["recipe"]["architecture"] == "attention"
    path = checkpoints.save(s2s, tmp_path / "att.keras")
    back = checkpoints.load(path)  # safe_mode=True
    assert back.architecture == "attention" and back.input_vocab.tokens == s2s.input_vocab.tokens
    rng = np.random.default_rng(4)
    src = random_ids(rng, [6, 9], len(s2s.input_vocab))
    dec = random_ids(rng, [5, 5], len(s2s.target_vocab))
    np.testing.assert_allclose(np.asarray(back.model([src, dec])), np.asarray(s2s.model([src, dec])), atol=1e-6)
    assert checkpoints.read_meta(path)["architecture"] == "attention"


def test_greedy_decoder_matches_rerunning_the_training_model(tiny_attention):
    s2s = tiny_attention
    s2s = checkpoints.Seq2Seq(**{**s2s.__dict__, "max_decoder_seq_length": 12})
    sentences = ["Go.", "Be nice.", "I won!"]
    traces = attention.GreedyDecoder(s2s).decode(sentences, trace=True, top_k=3)
    start = s2s.target_vocab.index[config.START_CHAR]
    end = s2s.target_vocab.index[config.END_CHAR]
    for sentence, tr in zip(sentences, traces):
        src = attention.pad_ids([attention.token_ids(decoding.source_ids(s2s, sentence))])
        out = [start]
        for _ in range(12):  # greedy by re-reading the whole prefix with the training model
            p = np.asarray(s2s.model([src, np.array([attention.token_ids(out)], "int32")]))[0, -1]
            out.append(int(p.argmax()))
            if out[-1] == end:
                break
        expected = "".join(s2s.target_vocab.tokens[i] for i in out[1:] if i != end)
        assert tr.output == expected
        assert len(tr.steps) == len(out) - 1 and tr.attention.shape == (len(out) - 1, len(sentence))
        np.testing.assert_allclose(tr.attention.sum(-1), 1.0, rtol=1e-5)
    # One sentence at a time gives the same as the batch.
    single = [attention.GreedyDecoder(s2s).decode([s])[0].output for s in sentences]
    assert single == [t.output for t in traces]


def test_translator_and_metrics_serve_attention(tiny_attention, corpus_pairs):
    tr = decoding.Translator(tiny_attention)
    out = tr.translate(["Go.", "", "Hi 😀"])
    assert isinstance(out[0], str) and isinstance(out[1], decoding.InputError) and isinstance(out[2], decoding.InputError)
    m = metrics.evaluate(tiny_attention, corpus_pairs[400:430])
    assert m["sentences"] > 0 and 0 < m["masked_ce"] < 10


def test_recipe_cli_train_continue_and_evaluate(tmp_path, capsys):
    """The CLI's code path, called in-process (tests/test_cli.py runs the command itself)."""
    out = tmp_path / "a.keras"
    common = ["train", "--data", "bundled", "--recipe", "attention", "--num-samples", "300", "--latent-dim", "8",
              "--embedding-dim", "4", "--batch-size", "64", "--holdout", "0.1", "--epochs", "1"]
    assert cli.main([*common, "--output", str(out)]) == 0
    meta = checkpoints.read_meta(out)
    assert meta["architecture"] == "attention" and meta["info"]["recipe"]["embedding_dim"] == 4
    assert meta["info"]["data"]["heldout_pairs"] > 0
    assert cli.main([*common, "--init-from", str(out), "--output", str(out), "--overwrite"]) == 0
    assert len(checkpoints.read_meta(out)["info"]["previous_runs"]) == 1
    capsys.readouterr()
    assert cli.main(["evaluate", str(out), "bundled", "--heldout"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["sentences"] > 0 and "chrf" in scores
    assert cli.main(["evaluate", str(out), "bundled", "--benchmark", "--num-samples", "20"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == 20
    assert cli.main(["translate", "--model", str(out), "--trace", "Go."]) == 0
    assert "stop: " in capsys.readouterr().out


def test_numpy_core_matches_the_keras_decoder(tiny_attention):
    """cells.AttentionCore (NumPy) against attention.GreedyDecoder (Keras), whole batches of
    sentences of different lengths: the same outputs, probabilities and attention weights."""
    from seq2seq_lib import cells, search

    s2s = checkpoints.Seq2Seq(**{**tiny_attention.__dict__, "max_decoder_seq_length": 15})
    sentences = ["Go.", "Be nice.", "I won!", "Where is the cat?", "Hi."]
    keras_traces = attention.GreedyDecoder(s2s).decode(sentences, trace=True, top_k=3)
    numpy_traces = search.decode(cells.AttentionCore(s2s), sentences, trace=True, top_k=3)
    for k, n in zip(keras_traces, numpy_traces):
        assert n.output == k.output and n.stop_reason == k.stop_reason
        assert [st.token for st in n.steps] == [st.token for st in k.steps]
        np.testing.assert_allclose([st.prob for st in n.steps], [st.prob for st in k.steps], atol=1e-5)
        weights = np.array([st.extras["attention"] for st in n.steps])  # over the batch's longest source
        np.testing.assert_allclose(weights[:, : len(k.source)], k.attention, atol=1e-5)
        assert not weights[:, len(k.source):].any()  # this sentence's padding: weight 0
    # Forcing a token steers both the same way.
    forced = {1: s2s.target_vocab.tokens[5]}
    k = attention.GreedyDecoder(s2s).decode(["Be nice."], force=forced)[0]
    n = search.decode(cells.AttentionCore(s2s), ["Be nice."], force=forced)[0]
    assert n.output == k.output


def test_fit_args_end_every_epoch_of_an_endless_stream():
    src, tgt = [[1], [2, 3], [4, 5, 6]] * 10, [[0, 4, 1], [0, 4, 5, 1], [0, 6, 1]] * 10
    train, val = TokenBatches(src, tgt, 4, endless=True), TokenBatches(src[:8], tgt[:8], 4, shuffle=False, endless=True)
    args = batching.fit_args(train, val)
    assert (args["steps_per_epoch"], args["validation_steps"], args["shuffle"]) == (len(train), len(val), False)
    assert batching.fit_args(train, None, steps_per_epoch=3)["steps_per_epoch"] == 3
    with pytest.raises(ValueError, match="endless"):
        batching.fit_args(TokenBatches(src, tgt, 4), None)  # a finite one would end on its own
