"""The searches of `search.py` over the step-core contract of `cells.py`, with a core that is not
a recurrent network: it copies its source one character a step and "attends" to the position it
copies.  This is the shape an attention core has (per-position encoder outputs and a mask in the
state, attention weights in the step's extras), so the contract is tested for it today."""

from types import SimpleNamespace

import numpy as np
import pytest

from seq2seq_lib import cells, config, data, search
from seq2seq_lib.sentences import InputError


class CopyCore:
    """Step t puts most probability on source character t (then END): a known answer."""

    def __init__(self, s2s):
        self.s2s, self.vocab = s2s, s2s.target_vocab
        self.start_id = self.vocab.index[config.START_CHAR]
        self.end_id = self.vocab.index[config.END_CHAR]

    def encode(self, id_lists):
        width = max(map(len, id_lists))
        src = np.full((len(id_lists), width), -1)
        for i, ids in enumerate(id_lists):
            src[i, : len(ids)] = ids
        return {"encoder_outputs": src, "mask": src >= 0, "position": np.zeros(len(id_lists), dtype=int)}

    def step(self, token_ids, state):
        src, pos = state["encoder_outputs"], state["position"]
        n, width = src.shape
        logits = np.zeros((n, len(self.vocab)))
        attention = np.zeros((n, width))
        for row in range(n):
            p = pos[row]
            if p < width and state["mask"][row, p]:
                ch = self.s2s.input_vocab.tokens[src[row, p]]
                logits[row, self.vocab.index[ch]] = 5.0
                attention[row, p] = 1.0
            else:
                logits[row, self.end_id] = 5.0
        return logits, {**state, "position": pos + 1}, {"attention": attention}


@pytest.fixture
def copy_model():
    chars = list("abc ")
    s2s = SimpleNamespace(level="char", input_vocab=data.Vocab(chars), reverse_source=False,
                          target_vocab=data.Vocab([config.START_CHAR, config.END_CHAR, *chars]),
                          max_decoder_seq_length=6)
    return CopyCore(s2s)


def test_greedy_batch_over_any_core(copy_model):
    traces = search.decode(copy_model, ["abc", "b", "cab a", "aaaaaaaa"], trace=True, top_k=2)
    assert [t.output for t in traces] == ["abc", "b", "cab a", "aaaaaa"]
    assert [t.stop_reason for t in traces] == ["end", "end", "end", "max_length"]
    first = traces[0]
    assert [st.token for st in first.steps] == ["a", "b", "c", config.END_CHAR]
    assert [st.prefix for st in first.steps] == ["", "a", "ab", "abc"]
    # Each step's extras are that sentence's row, though finished sentences left the batch.
    assert [st.extras["attention"] for st in first.steps[:3]] == [[1, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0],
                                                                [0, 0, 1, 0, 0, 0, 0, 0]]
    assert traces[2].steps[4].extras["attention"][4] == 1
    assert "extras" in first.to_dict()["steps"][0]


def test_forcing_and_sampling_over_any_core(copy_model):
    forced = search.decode(copy_model, ["abc"], trace=True, force={1: "c"})[0]
    assert forced.output == "acc" and [st.forced for st in forced.steps] == [False, True, False, False]
    with pytest.raises(InputError, match="cannot force 'z' at step 0"):
        search.decode(copy_model, ["abc"], force={0: "z"})
    a = search.decode(copy_model, ["abc"] * 3, temperature=5.0, seed=3)
    b = search.decode(copy_model, ["abc"] * 3, temperature=5.0, seed=3)
    assert [t.output for t in a] == [t.output for t in b]
    many = {t.output for t in search.decode(copy_model, ["abc"] * 40, temperature=5.0, seed=1)}
    assert len(many) > 1


def test_select_rows_keeps_nested_state():
    state = {"rnn": [np.arange(6).reshape(3, 2), np.arange(3)], "mask": np.array([[1, 0], [1, 1], [0, 0]])}
    kept = cells.select_rows(state, np.array([True, False, True]))
    np.testing.assert_array_equal(kept["rnn"][0], [[0, 1], [4, 5]])
    np.testing.assert_array_equal(kept["rnn"][1], [0, 2])
    np.testing.assert_array_equal(kept["mask"], [[1, 0], [0, 0]])


def test_recurrent_core_is_registered_for_every_cell(tiny_lstm, tiny_gru, tiny_word):
    for s2s in (tiny_lstm, tiny_gru, tiny_word):
        core = cells.core_for(s2s)
        state = core.encode([[1, 2, 3], [2]])
        logits, new, extras = core.step(np.array([core.start_id] * 2), state)
        assert logits.shape == (2, len(s2s.target_vocab)) and extras == {}
        assert [a.shape for a in new["rnn"]] == [a.shape for a in state["rnn"]]
