import numpy as np

from seq2seq_lib import config, data, train


def test_batches_bucket_and_weights(corpus_pairs):
    pairs = corpus_pairs[:300]
    iv, tv = data.char_vocabs(pairs)
    src, tgt = train.encode_pairs(pairs, iv, tv, "char")
    b = train.Batches(src, tgt, len(iv), len(tv), "char", batch_size=32, bucket=True)
    (enc, dec_in), y, w = b[0]
    assert enc.shape[2] == len(iv) and dec_in.shape == y.shape
    assert w.shape == y.shape[:2]
    # Weights are 1 exactly where the target has a character.
    np.testing.assert_array_equal(w, y.sum(-1))
    # The first two batches are the shortest and the longest (Keras reads their shapes).
    assert b[0][1].shape[1] <= b[1][1].shape[1]
    lengths = sorted({b[i][1].shape[1] for i in range(len(b))})
    assert all(n % 8 == 0 for n in lengths)
    assert sum(b[i][2].sum() for i in range(len(b))) == sum(len(t) - 1 for t in tgt)


def test_fit_records_history(corpus_pairs):
    cfg = config.fast().replace(latent_dim=16, epochs=2, patience=0)
    s2s, hist = train.fit(corpus_pairs[:200], cfg, verbose=0)
    assert len(hist["loss"]) == 2 and "val_loss" in hist
    assert s2s.info["epochs_run"] == 2 and s2s.info["recipe"]["optimizer"] == "adam"
    assert s2s.mask_encoder


def test_recipes():
    b = config.baseline()
    assert (b.latent_dim, b.batch_size, b.epochs, b.optimizer, b.validation_split) == (256, 64, 100, "rmsprop", 0.2)
    assert not (b.bucket or b.mask_loss or b.mask_encoder)
    assert config.TrainConfig.from_dict(config.fast().to_dict()) == config.fast()
    f = config.full()
    assert f.num_samples == 0 and f.reverse_source and f.lr_schedule == "cosine" and f.benchmark_holdout
    assert config.TrainConfig.from_dict(f.to_dict()) == f


def test_cosine_schedule_falls_to_five_percent():
    cfg = config.fast().replace(lr_schedule="cosine", learning_rate=2e-3)
    opt = train.optimizer(cfg, total_steps=100)
    schedule = opt._learning_rate
    assert np.isclose(float(schedule(0)), 2e-3)
    assert float(schedule(50)) < 2e-3 and np.isclose(float(schedule(100)), 1e-4)
    assert np.isclose(float(train.optimizer(config.fast(), 100).learning_rate), 2e-3)
    try:
        train.optimizer(cfg.replace(lr_schedule="step"), 100)
    except ValueError as e:
        assert "cosine" in str(e)
    else:
        raise AssertionError("an unknown schedule must be refused")


def test_on_best_gets_each_new_best_model(corpus_pairs):
    cfg = config.fast().replace(latent_dim=16, epochs=3, patience=0, lr_schedule="cosine")
    seen = []
    s2s, hist = train.fit(corpus_pairs[:200], cfg, verbose=0, on_best=lambda m: seen.append(dict(m.info)))
    improving = [i for i, v in enumerate(hist["val_loss"]) if v == min(hist["val_loss"][: i + 1])]
    assert [info["best_epoch"] for info in seen] == [i + 1 for i in improving]
    assert all(info["interrupted"] for info in seen)  # saved mid-run: not a finished model yet
    assert seen[0]["epochs_run"] == 1 and not s2s.info["interrupted"]


def test_init_continues_from_a_checkpoint_and_refuses_one_that_does_not_fit(corpus_pairs):
    import pytest

    from seq2seq_lib.checkpoints import CheckpointError

    pairs = corpus_pairs[:200]
    cfg = config.fast().replace(latent_dim=16, epochs=3, patience=0)
    first, hist = train.fit(pairs, cfg, verbose=0)
    more, hist2 = train.fit(pairs, cfg.replace(epochs=1, learning_rate=1e-4), verbose=0, init=first)
    # Starting from trained weights with a small step: already better than the first run's first epoch.
    assert hist2["val_loss"][0] < hist["val_loss"][0]
    assert [r["epochs_run"] for r in more.info["previous_runs"]] == [3]
    assert more.info["recipe"]["learning_rate"] == 1e-4
    with pytest.raises(CheckpointError, match="other data"):
        train.fit(corpus_pairs[200:400], cfg, verbose=0, init=first)
    with pytest.raises(CheckpointError, match="another shape"):
        train.fit(pairs, cfg.replace(latent_dim=8), verbose=0, init=first)


def test_validation_by_sentence_keeps_every_translation_of_a_sentence_on_one_side(corpus_pairs):
    pairs = corpus_pairs[:400]
    assert len({en for en, _ in pairs}) < len(pairs)  # some sentences have several translations
    cfg = config.fast().replace(validation_split=0.2, random_validation=True)
    rows, val = train.split_rows(pairs, cfg)
    by_rows = {en for en, _ in val} & {en for en, _ in rows}  # the default split by rows shares them
    rows_s, val_s = train.split_rows(pairs, cfg.replace(validation_by_sentence=True))
    assert not {en for en, _ in val_s} & {en for en, _ in rows_s}
    assert sorted(rows_s + val_s) == sorted(pairs)
    assert 80 <= len(val_s) < 80 + max(sum(en == e for en, _ in pairs) for e, _ in pairs)
    assert by_rows, "the corpus's first 400 pairs no longer show what a split by rows shares"
    assert train.split_rows(pairs, cfg.replace(validation_by_sentence=True)) == (rows_s, val_s)  # seeded


def test_label_smoothing_loss_matches_keras_on_one_hot_targets():
    import keras
    import pytest

    rng = np.random.default_rng(0)
    y_pred = rng.random((2, 3, 5)).astype("float32")
    y_pred /= y_pred.sum(-1, keepdims=True)
    y_true = np.array([[1, 4, 0], [2, 2, 3]])
    cfg = config.TrainConfig(label_smoothing=0.2)
    sparse = train.loss_for(cfg, sparse=True, n_out=5)
    smoothed = keras.losses.CategoricalCrossentropy(label_smoothing=0.2, reduction=None)
    expected = np.asarray(smoothed(np.eye(5)[y_true], y_pred))
    assert np.allclose(np.asarray(sparse(y_true, y_pred)), expected, atol=1e-6)
    plain = keras.losses.SparseCategoricalCrossentropy(reduction=None)(y_true, y_pred)
    assert (expected > np.asarray(plain)).any()  # smoothing changes the loss: it is not the plain one
    dense = train.loss_for(cfg, sparse=False, n_out=5)  # one-hot targets (the tutorial's models)
    assert np.isclose(float(dense(np.eye(5)[y_true], y_pred)), expected.mean(), atol=1e-6)
    assert train.loss_for(config.TrainConfig(), sparse=True, n_out=5) == "sparse_categorical_crossentropy"
    with pytest.raises(ValueError, match="between 0 and 1"):
        train.loss_for(config.TrainConfig(label_smoothing=1.5), sparse=True, n_out=5)
