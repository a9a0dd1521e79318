"""Shared fixtures: small models trained for a moment on the bundled corpus.

Their translations are poor, but every equality the tests check (fast decoder == tutorial
loop, save → load, Keras cell == NumPy step) holds for any weights, trained or not.
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import pytest  # noqa: E402

from seq2seq_lib import config, data, train  # noqa: E402


@pytest.fixture(scope="session")
def corpus_pairs():
    return data.load_pairs("bundled", num_samples=None)


def _tiny(pairs, **kw):
    level = kw.pop("level", "char")
    decoder = kw.pop("decoder", "teacher")
    cfg = config.fast().replace(latent_dim=32, epochs=1, patience=0, batch_size=64, **kw)
    s2s, _ = train.fit(pairs[:600], cfg, level=level, decoder=decoder, verbose=0)
    return s2s


@pytest.fixture(scope="session")
def tiny_lstm(corpus_pairs):
    return _tiny(corpus_pairs)


@pytest.fixture(scope="session")
def tiny_gru(corpus_pairs):
    return _tiny(corpus_pairs, cell="gru")


@pytest.fixture(scope="session")
def tiny_word(corpus_pairs):
    return _tiny(corpus_pairs, level="word")


@pytest.fixture(scope="session")
def tiny_baseline(corpus_pairs):
    """Unmasked encoder, reversed source: the fast decoder must follow both settings."""
    cfg = config.baseline().replace(latent_dim=32, epochs=1, reverse_source=True)
    s2s, _ = train.fit(corpus_pairs[:300], cfg, verbose=0)
    return s2s


@pytest.fixture(scope="session")
def tiny_attention(corpus_pairs):
    """Chapter 7's attention model, tiny: bidirectional 2 x 8 encoder, 16-unit decoder."""
    cfg = config.attention().replace(latent_dim=16, embedding_dim=8, epochs=1, num_samples=400, holdout=0.0,
                                     benchmark_holdout=False, validation_split=0.1, batch_size=64)
    s2s, _ = train.fit(corpus_pairs[:400], cfg, verbose=0)
    return s2s


@pytest.fixture(scope="session")
def tiny_jamo():
    """An English→Korean character model that writes Korean letter by letter (jamo): 100
    bundled-ko pairs, one epoch, 16 units."""
    cfg = config.fast().replace(latent_dim=16, epochs=1, patience=0, batch_size=64, target_units="jamo")
    s2s, _ = train.fit(data.load_pairs("bundled-ko", num_samples=None)[:100], cfg, verbose=0)
    return s2s
