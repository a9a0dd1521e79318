import keras
import numpy as np
import pytest

from seq2seq_lib import attention, checkpoints, config, decoding, models


@pytest.fixture(scope="module")
def shipped():
    """The tutorial's architecture on all pairs (the default before chapter 7)."""
    return checkpoints.load(checkpoints.CHECKPOINT_DIR / "char_lstm_full.keras")


def sentences(pairs, n):
    seen, out = set(), []
    for en, _ in pairs:
        if en not in seen:
            seen.add(en)
            out.append(en)
    return out[:: max(1, len(out) // n)][:n]


@pytest.mark.parametrize("name", ["tiny_lstm", "tiny_gru", "tiny_word", "tiny_baseline"])
def test_fast_equals_tutorial_loop(name, request, corpus_pairs):
    s2s = request.getfixturevalue(name)
    enc, dec = models.build_inference_models(s2s.model)
    sents = sentences(corpus_pairs[:300], 30)  # the tiny models saw the first 300-600 pairs
    fast = decoding.FastDecoder(s2s).decode(sents, trace=True)
    for s, f in zip(sents, fast):
        loop = decoding.decode_sequence(s2s, enc, dec, s)
        assert f.output == loop.output
        assert [st.token for st in f.steps] == [st.token for st in loop.steps]
        assert f.stop_reason == loop.stop_reason
        np.testing.assert_allclose([st.prob for st in f.steps], [st.prob for st in loop.steps], atol=1e-4)


def test_fast_equals_loop_on_100_sentences_with_shipped_model(shipped, corpus_pairs):
    enc, dec = models.build_inference_models(shipped.model)
    def readable(s):
        try:
            return decoding.check_sentence(shipped, s) == s
        except decoding.InputError:
            return False

    sents = [s for s in sentences(corpus_pairs, 200) if readable(s)][:100]
    assert len(sents) == 100
    fast = decoding.Translator(shipped).translate(sents)
    loop = [decoding.decode_sequence(shipped, enc, dec, s).output for s in sents]
    assert fast == loop


def test_default_attention_model_equals_keras_on_100_sentences(corpus_pairs):
    """The shipped default (an attention model): the NumPy core gives the Keras reference
    decoder's outputs, and attention weights within float32 tolerance."""
    s2s = checkpoints.load()
    assert s2s.architecture == "attention"
    sents = []
    for s in sentences(corpus_pairs, 200):
        try:
            sents.append(decoding.check_sentence(s2s, s))
        except decoding.InputError:
            pass
    sents = sents[:100]
    assert len(sents) == 100
    reference = attention.GreedyDecoder(s2s).decode(sents)
    translator = decoding.Translator(s2s)
    assert translator.translate(sents) == [tr.output for tr in reference]
    for s, ref in list(zip(sents, reference))[:10]:
        weights = np.array([st.extras["attention"] for st in translator.trace(s).steps])
        np.testing.assert_allclose(weights, ref.attention, atol=1e-4)


def test_numpy_steps_match_keras_cells():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, 5)).astype("float32")
    h = rng.normal(size=(3, 7)).astype("float32")
    c = rng.normal(size=(3, 7)).astype("float32")
    lstm = keras.layers.LSTMCell(7)
    lstm.build((3, 5))
    lstm.bias.assign(rng.normal(size=lstm.bias.shape).astype("float32"))
    out, (kh, kc) = lstm(x, [h, c])
    nh, nc = decoding.lstm_step(x @ lstm.kernel.numpy(), h, c, lstm.recurrent_kernel.numpy(), lstm.bias.numpy())
    np.testing.assert_allclose(nh, np.asarray(kh), atol=1e-5)
    np.testing.assert_allclose(nc, np.asarray(kc), atol=1e-5)
    gru = keras.layers.GRUCell(7)
    gru.build((3, 5))
    gru.bias.assign(rng.normal(size=gru.bias.shape).astype("float32"))
    out, kh = gru(x, h)
    nh = decoding.gru_step(x @ gru.kernel.numpy(), h, gru.recurrent_kernel.numpy(), gru.bias.numpy())
    np.testing.assert_allclose(nh, np.asarray(kh[0] if isinstance(kh, (list, tuple)) else kh), atol=1e-5)


def test_trace_structure(tiny_lstm):
    tr = decoding.Translator(tiny_lstm).trace("Be nice.", top_k=3)
    assert tr.source == "Be nice." and tr.stop_reason in ("end", "max_length")
    assert tr.steps and all(len(st.candidates) == 3 for st in tr.steps)
    text = ""
    for st in tr.steps:
        assert st.prefix == text
        assert st.candidates[0][1] >= st.candidates[1][1] >= st.candidates[2][1]
        assert st.token == st.candidates[0][0]  # greedy
        if st.token != config.END_CHAR:
            text += st.token
    assert text == tr.output
    assert len(tr.steps) <= tiny_lstm.max_decoder_seq_length + 1


def test_forced_token_changes_the_rest(tiny_lstm):
    t = decoding.Translator(tiny_lstm)
    base = t.trace("Be nice.")
    alt = base.steps[0].candidates[1][0]
    forced = t.trace("Be nice.", force={0: alt})
    assert forced.steps[0].token == alt and forced.steps[0].forced
    assert not any(st.forced for st in forced.steps[1:])
    assert forced.output.startswith(alt) or alt == config.END_CHAR
    # The tutorial loop forces the same way.
    enc, dec = models.build_inference_models(tiny_lstm.model)
    assert decoding.decode_sequence(tiny_lstm, enc, dec, "Be nice.", force={0: alt}).output == forced.output
    with pytest.raises(decoding.InputError, match="not in the model's output vocabulary"):
        t.trace("Be nice.", force={0: "ж"})


def test_temperature_sampling_is_seeded(tiny_lstm):
    t = decoding.Translator(tiny_lstm)
    a = t.trace("Be nice.", temperature=1.5, seed=7).output
    assert a == t.trace("Be nice.", temperature=1.5, seed=7).output
    outs = {t.trace("Be nice.", temperature=1.5, seed=s).output for s in range(6)}
    assert len(outs) > 1


@pytest.mark.parametrize("text, message", [
    ("", "empty sentence"),
    ("   \t ", "empty sentence"),
    ("안녕하세요", "never saw"),
    ("Hi 😀", "never saw"),
    ("Hi\x07", r"U\+0007"),
])
def test_bad_input_is_refused_clearly(tiny_lstm, text, message):
    with pytest.raises(decoding.InputError, match=message):
        decoding.check_sentence(tiny_lstm, text)


def test_too_long_is_refused(tiny_lstm):
    with pytest.raises(decoding.InputError, match="too long"):
        decoding.check_sentence(tiny_lstm, "a" * (tiny_lstm.max_encoder_seq_length + 1))


def test_unknown_characters_listed(tiny_lstm):
    with pytest.raises(decoding.InputError) as e:
        decoding.check_sentence(tiny_lstm, "Hi 한국")
    assert "'한'" in str(e.value) and "'국'" in str(e.value)


def test_word_model_maps_unknown_words(tiny_word):
    assert decoding.check_sentence(tiny_word, "  Zyxwv qqq.  ") == "Zyxwv qqq."
    out = decoding.Translator(tiny_word).translate(["Zyxwv qqq."])
    assert isinstance(out[0], str)


def test_batch_mixing_good_and_bad(tiny_lstm):
    t = decoding.Translator(tiny_lstm)
    results = t.translate(["Be nice.", "", "안녕", "Go."])
    assert isinstance(results[0], str) and isinstance(results[3], str)
    assert isinstance(results[1], decoding.InputError) and isinstance(results[2], decoding.InputError)
    assert results[0] == t.translate(["Be nice."])[0]
