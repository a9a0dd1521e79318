import numpy as np
import pytest

from seq2seq_lib import data, metrics


def test_scores_against_several_references():
    refs = [["Va !", "Pars !"], ["Bonjour."]]
    perfect = metrics.score_translations(["Pars !", "Bonjour."], refs)
    assert perfect["exact_match"] == 1.0 and perfect["cer"] == 0.0 and perfect["chrf"] == 100.0
    wrong = metrics.score_translations(["Vas !", "Bonsoir."], refs)
    assert wrong["exact_match"] == 0.0
    # Edits to the nearest reference: "Vas !"→"Va !" is 1 of 4, "Bonsoir."→"Bonjour." is 2 of 8.
    assert wrong["cer"] == pytest.approx(3 / 12)
    assert wrong["chrf"] < perfect["chrf"]
    assert metrics.nearest_reference("Vas !", ["Va !", "Pars !"]) == (1, "Va !")



def test_sentence_chrf_best_reference_and_corpus_settings():
    import sacrebleu

    refs = ["Sois gentil !", "Soyez gentil !"]
    assert metrics.sentence_chrf("Soyez gentil !", refs) == 100.0
    half = metrics.sentence_chrf("Soyez calme !", refs)
    assert 0 < half < 100
    # one sentence: the corpus chrF of score_translations is the sentence chrF (same settings)
    assert metrics.score_translations(["Soyez calme !"], [refs])["chrf"] == half
    assert half == round(sacrebleu.CHRF(char_order=6, word_order=0, beta=2).sentence_score("Soyez calme !", refs).score, 2)


def test_sacrebleu_settings_are_the_ones_stated_in_the_book():
    settings = metrics.sacrebleu_settings()
    assert settings["chrF"] == "character n-grams 1-6, word n-grams 0, beta 2, spaces ignored"
    assert settings["BLEU"].startswith("word n-grams 1-4, tokenizer 13a")

def test_masked_ce_matches_unpadded_computation(tiny_lstm, corpus_pairs):
    """Bucketed, padded, masked batches give the same number as one unpadded pair at a time."""
    pairs = corpus_pairs[:40]
    fast = metrics.masked_cross_entropy(tiny_lstm, pairs)
    total = count = 0.0
    for en, fr in pairs:
        d = data.prepare_char_data([(en, fr)], tiny_lstm.input_vocab, tiny_lstm.target_vocab)
        p = np.asarray(tiny_lstm.model([d.encoder_input_data, d.decoder_input_data], training=False))[0]
        y = d.decoder_target_data[0]
        real = y.sum(-1) > 0  # the last decoder input (END) has no next character
        total += -np.log((p * y).sum(-1)[real]).sum()
        count += y.sum()
    assert fast == pytest.approx(total / count, rel=1e-4)


def test_evaluate_reports_everything(tiny_lstm, corpus_pairs):
    pairs = corpus_pairs[:60] + [("Hi 😀", "Salut !")]
    r = metrics.evaluate(tiny_lstm, pairs)
    assert r["refused"] == 1 and r["sentences"] == len(data.references(pairs))
    for k in ("masked_ce", "chrf", "bleu", "exact_match", "cer", "distinct_outputs_per_100"):
        assert np.isfinite(r[k])


def test_masked_ce_of_free_running_model(corpus_pairs):
    from seq2seq_lib import config, train
    s2s, _ = train.fit(corpus_pairs[:80], config.fast().replace(latent_dim=8, epochs=1, patience=0), decoder="free", verbose=0)
    assert np.isfinite(metrics.masked_cross_entropy(s2s, corpus_pairs[:80]))


def test_chrf_by_length_buckets_by_source_characters():
    sources = ["Hi.", "Go now.", "I am very tired today.", "x" * 70]
    hyps = ["Salut.", "Pars.", "Je suis très fatigué aujourd'hui.", "rien"]
    refs = [["Salut."], ["Va-t'en."], ["Je suis très fatigué aujourd'hui."], ["tout"]]
    rows = metrics.chrf_by_length(sources, hyps, refs, edges=(5, 20))
    assert [(r["lo"], r["hi"], r["sentences"]) for r in rows] == [(0, 5, 1), (5, 20, 1), (20, None, 2)]
    assert rows[0]["chrf"] == 100.0
    assert rows[1]["chrf"] < 50
    # a bucket's score is the corpus chrF of its sentences alone
    assert rows[2]["chrf"] == metrics.score_translations(hyps[2:], refs[2:])["chrf"]


def test_evaluate_fills_by_length(tiny_lstm, corpus_pairs):
    rows = []
    scores = metrics.evaluate(tiny_lstm, corpus_pairs[:30], by_length=rows)
    assert sum(r["sentences"] for r in rows) == scores["sentences"]
