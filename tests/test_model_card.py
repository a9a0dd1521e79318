"""tools/model_card.py on a tiny checkpoint and the bundled corpus: the card's held-out pairs,
scores, sample translations and the facts it states are computed, not written in."""

import importlib.util
from pathlib import Path

from seq2seq_lib import checkpoints, data, decoding, metrics

ROOT = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("model_card", ROOT / "tools" / "model_card.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_card_of_a_chapter_style_checkpoint(tiny_lstm, tmp_path):
    tool = load_tool()
    ckpt = checkpoints.save(tiny_lstm, tmp_path / "tiny.keras")
    start, count = 300, 400
    card, scores = tool.write_card(ckpt, data.BUNDLED_CORPUS, title="A tiny model", start=start, count=count)
    text = card.read_text(encoding="utf-8")

    pairs = data.read_pairs(data.BUNDLED_CORPUS)
    first = {en for en, _ in pairs[:start]}
    max_len = max(map(len, first))
    held = [(en, fr) for en, fr in pairs[start:start + count] if en not in first and len(en) <= max_len]
    assert held and scores == metrics.evaluate(tiny_lstm, held)
    assert f"pairs {start}–{start + count - 1} whose English sentence is not in the first {start} pairs" in text
    assert f"({max_len} characters)" in text and "A tiny model" in text
    assert f"| parameters | {tiny_lstm.model.count_params():,} |" in text

    stored = checkpoints.model_card(ckpt)
    assert stored["heldout"] == scores
    samples = stored["samples"]
    assert len(tool.SAMPLES) < len(samples) <= 20 and list(samples)[: len(tool.SAMPLES)] == tool.SAMPLES
    outputs = decoding.Translator(tiny_lstm).translate(list(samples))
    assert list(samples.values()) == [o if isinstance(o, str) else f"(refused: {o})" for o in outputs]


def test_card_samples_stand_next_to_this_projects_references(tiny_lstm, tmp_path):
    from seq2seq_lib import examples

    tool = load_tool()
    ckpt = checkpoints.save(tiny_lstm, tmp_path / "tiny.keras")
    card, _ = tool.write_card(ckpt, data.BUNDLED_CORPUS, title="A tiny model", start=300, count=400)
    text = card.read_text(encoding="utf-8")
    assert "| English | model output | | references |" in text
    for sentence, output in checkpoints.model_card(ckpt)["samples"].items():
        refs = examples.references(sentence)
        row = f"| {sentence} | {output} | {examples.mark(output, refs)} | {' · '.join(refs) or '—'} |"
        assert row in text
