"""tools/make_corpus.py (the generator) and tools/corpus/hand_written.txt (its text) reproduce
the bundled corpus byte for byte."""

import importlib.util
from pathlib import Path

from seq2seq_lib import data

ROOT = Path(__file__).resolve().parent.parent


def test_generator_reproduces_the_shipped_corpus(tmp_path):
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "tools" / "make_corpus.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "corpus.txt"
    pairs = tool.write(out)
    assert out.read_bytes() == data.BUNDLED_CORPUS.read_bytes()
    assert pairs == data.read_pairs(data.BUNDLED_CORPUS)
    # Both parts of the generator contribute: hand-written pairs and the adjective template.
    hand = tool.parse_hand_written(tool.HAND_WRITTEN)
    assert ("Go.", "Va !") in hand and set(tool.adjective_pairs()) - set(hand)
