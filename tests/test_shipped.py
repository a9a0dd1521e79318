"""The checkpoints the repository ships: they load without ../shared, and still decode the
sample sentences to the translations their model cards record."""

import os
from pathlib import Path

import pytest

from seq2seq_lib import checkpoints, config, data, decoding, metrics

SHIPPED = sorted(checkpoints.CHECKPOINT_DIR.glob("*.keras"))


def card_samples(path):
    return checkpoints.model_card(path)["samples"]


def test_default_checkpoint_is_shipped():
    assert checkpoints.DEFAULT_CHECKPOINT in SHIPPED


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_model_card_translations(path):
    assert path.with_suffix(".md").is_file(), f"{path.name} needs a model card"
    s2s = checkpoints.load(path)
    samples = card_samples(path)
    assert len(samples) == 20
    got = decoding.Translator(s2s).translate(list(samples))
    for (sentence, recorded), out in zip(samples.items(), got):
        expected = out if isinstance(out, str) else f"(refused: {out})"
        assert expected == recorded, f"{path.stem}: {sentence!r} now gives {expected!r}, card says {recorded!r}"


TEACHER_FORCED = [p for p in SHIPPED if checkpoints.read_meta(p)["info"].get("decoder", "teacher") == "teacher"]


def test_teacher_forced_checkpoints_present():
    assert {p.stem for p in TEACHER_FORCED} >= {"char_lstm", "char_gru", "word_lstm"}


@pytest.mark.parametrize("path", TEACHER_FORCED, ids=lambda p: p.stem)
def test_different_sentences_get_different_translations(path):
    """The known failure of the tutorial's Keras 3 port: every input decoded to one sentence.

    (Only for the teacher-forced models: the model trained without teacher forcing does
    collapse to a few outputs after its 15 epochs, which is what chapter 6 shows.)"""
    s2s = checkpoints.load(path)
    outs = decoding.Translator(s2s).translate(list(card_samples(path)))
    assert len({o for o in outs if isinstance(o, str)}) >= 12


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_checkpoint_is_small(path):
    assert path.stat().st_size < 6_000_000


def test_default_model_beats_the_tutorial_recipe_on_its_card():
    """The default model's card compares it with the tutorial's recipe on the same held-out
    sentences (the issue's target: at least 15 chrF points), and fits the browser (<= 5 MB)."""
    vs = checkpoints.model_card(checkpoints.DEFAULT_CHECKPOINT)["vs_tutorial"]
    assert vs["this_model"]["pairs"] == vs["tutorial_recipe"]["pairs"] > 0
    assert vs["this_model"]["chrf"] - vs["tutorial_recipe"]["chrf"] >= 15
    s2s = checkpoints.load()
    assert s2s.info["data"]["heldout_pairs"] > 0 and s2s.info["num_pairs"] > 60_000
    assert s2s.model.count_params() * 4 <= 5_000_000


FRA = Path(os.environ.get(config.DATA_ENV) or Path(__file__).resolve().parents[2] / "shared" / "data" / "fra-eng" / "fra.txt")


@pytest.mark.skipif(not FRA.is_file(), reason="needs the fra-eng file ($SEQ2SEQ_DATA or ../shared/data/fra-eng/fra.txt)")
def test_default_model_card_scores_are_the_models():
    """The card's scores on the benchmark's held-out sentences are what the shipped checkpoint
    scores now (measured again, not read back)."""
    s2s = checkpoints.load()
    recipe = config.TrainConfig.from_dict(s2s.info["recipe"])
    everything = data.read_pairs(FRA, recipe.num_samples or None, recipe.normalize_spaces)
    held = data.benchmark_split(everything)[1]
    card = checkpoints.model_card(checkpoints.DEFAULT_CHECKPOINT)["vs_tutorial"]["this_model"]
    now = metrics.evaluate(s2s, held)
    assert now.keys() == card.keys()
    for key, value in card.items():
        assert now[key] == pytest.approx(value, abs=0.011), key
