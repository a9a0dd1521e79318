"""beam.py: a toy core whose best sentence greedy decoding misses (a known answer), then every
shipped model: beam size 1 is greedy decoding, and a beam's log-probabilities are the model's."""

import math
from types import SimpleNamespace

import numpy as np
import pytest

from seq2seq_lib import beam, checkpoints, config, data, decoding, search

# Next-token probabilities of the toy model, by prefix: greedy takes "a" (0.55) and ends with
# "aa" (0.55 × 0.4 × 0.9 = 0.198); the sentence "b" is likelier (0.45 × 0.95 = 0.4275).
TOKENS = [config.START_CHAR, config.END_CHAR, "a", "b"]
P_FIRST = {"a": 0.55, "b": 0.45}
P_AFTER = {"a": {"a": 0.4, "b": 0.4, config.END_CHAR: 0.2}, "b": {config.END_CHAR: 0.95, "a": 0.025, "b": 0.025}}
P_LATER = {config.END_CHAR: 0.9, "a": 0.05, "b": 0.05}


class ToyCore:
    def __init__(self, max_len=6):
        vocab = data.Vocab(TOKENS)
        self.s2s = SimpleNamespace(level="char", input_vocab=data.Vocab(list("xyz")), reverse_source=False,
                                   target_vocab=vocab, max_decoder_seq_length=max_len)
        self.vocab, self.start_id, self.end_id = vocab, 0, 1

    def encode(self, id_lists):
        return {"pos": np.zeros(len(id_lists), dtype=int)}

    def step(self, token_ids, state):
        logits = np.full((len(token_ids), len(TOKENS)), -50.0)
        for row, (tok, pos) in enumerate(zip(token_ids, state["pos"])):
            table = P_FIRST if pos == 0 else P_AFTER.get(TOKENS[tok], P_LATER) if pos == 1 else P_LATER  # (rows without a prefix read END)
            for t, p in table.items():
                logits[row, TOKENS.index(t)] = math.log(p)
        return logits, {"pos": state["pos"] + 1}, {}


def test_beam_finds_the_sentence_greedy_misses():
    core = ToyCore()
    assert search.decode(core, ["x"])[0].output == "aa"
    assert beam.beam_search(core, ["x"], beam_size=1)[0].output == "aa"
    found = beam.beam_search(core, ["x", "y"], beam_size=2)
    for result in found:
        assert [h.output for h in result.nbest] == ["b", "aa"]
        assert [h.length for h in result.nbest] == [2, 3] and all(h.finished for h in result.nbest)
        assert result.nbest[0].logp == pytest.approx(math.log(0.45 * 0.95), abs=1e-6)
        assert result.nbest[1].logp == pytest.approx(math.log(0.55 * 0.4 * 0.9), abs=1e-6)


@pytest.mark.parametrize("alpha", [0.0, 0.6, 2.0])
def test_score_is_logp_over_the_length_penalty(alpha):
    for h in beam.beam_search(ToyCore(), ["x"], beam_size=2, alpha=alpha)[0].nbest:
        assert h.score == pytest.approx(h.logp / ((5 + h.length) / 6) ** alpha)


def test_trace_lists_kept_and_dropped_nodes_in_order():
    result = beam.beam_search(ToyCore(), ["x"], beam_size=2, trace=True)[0]
    by_step = {}
    for node in result.nodes:
        by_step.setdefault(node.step, []).append(node)
    show = [[(n.token, n.parent, n.kept, n.finished) for n in by_step[s]] for s in sorted(by_step)]
    end = config.END_CHAR
    assert show[0] == [("a", None, True, False), ("b", None, True, False)]
    # From "a" (node 0): a and b (0.4 each; END 0.2 is not among its two best); from "b": END, a.
    assert show[1] == [("a", 0, True, False), ("b", 0, False, False), (end, 1, True, True), ("a", 1, False, False)]
    assert show[2][0] == (end, 2, True, True)  # "aa" ends; the beam held one live prefix
    assert [n.id for n in result.nodes] == list(range(len(result.nodes)))
    assert result.nbest[0].node == 4 and result.nodes[4].logp == pytest.approx(result.nbest[0].logp)
    assert result.to_dict()["output"] == "b"


def test_forced_prefix_and_length_limit():
    forced = beam.beam_search(ToyCore(), ["x"], beam_size=2, force={0: "a"})[0]
    assert [h.output for h in forced.nbest] == ["aa", "ab"]
    cut = beam.beam_search(ToyCore(max_len=1), ["x"], beam_size=2)[0]
    assert [(h.output, h.finished) for h in cut.nbest] == [("a", False), ("b", False)]


@pytest.mark.parametrize("size, alpha", [(0, 0.0), (51, 0.0), (2.5, 0.0), (True, 0.0), (3, -0.1), (3, 2.5),
                                          (3, float("nan")), (3, "0.6")])
def test_bad_options_are_refused(size, alpha):
    with pytest.raises(ValueError, match="beam size|alpha"):
        beam.beam_search(ToyCore(), ["x"], beam_size=size, alpha=alpha)


def readable(s2s, pairs, n):
    out = []
    for en, _ in pairs:
        try:
            out.append(decoding.check_sentence(s2s, en))
        except decoding.InputError:
            continue
        if len(out) == n:
            break
    return out


@pytest.mark.parametrize("path", sorted(checkpoints.CHECKPOINT_DIR.glob("*.keras")), ids=lambda p: p.stem)
def test_beam_of_one_is_greedy_on_every_shipped_model(path, corpus_pairs):
    s2s = checkpoints.load(path)
    translator = decoding.Translator(s2s)
    sentences = readable(s2s, corpus_pairs[::7], 100)
    greedy = translator.translate(sentences)
    assert [r.output for r in beam.beam_search(translator.core, sentences, beam_size=1)] == greedy
    wide = beam.beam_search(translator.core, sentences[:20], beam_size=4, alpha=0.6)
    for r in wide:
        assert 1 <= len(r.nbest) <= 4
        assert [h.score for h in r.nbest] == sorted((h.score for h in r.nbest), reverse=True)


def test_beam_logp_is_the_models_own(corpus_pairs):
    """A hypothesis's log-probability equals the sum over its tokens when greedy decoding is
    forced through them (another code path: `search.decode` with `force`)."""
    s2s = checkpoints.load(checkpoints.DEFAULT_CHECKPOINT)
    translator = decoding.Translator(s2s)
    for sentence in readable(s2s, corpus_pairs[::97], 5):
        for h in translator.beam(sentence, beam_size=3).nbest:
            tokens = list(h.output) + ([config.END_CHAR] if h.finished else [])
            forced = translator.trace(sentence, force=dict(enumerate(tokens)))
            assert forced.output == h.output
            assert sum(math.log(st.prob) for st in forced.steps[: len(tokens)]) == pytest.approx(h.logp, abs=1e-4)


def test_translate_n_best():
    translator = decoding.Translator(checkpoints.load(checkpoints.DEFAULT_CHECKPOINT))
    best, refused = translator.translate(["Be nice.", ""], beam_size=3, n_best=2)
    assert len(best) == 2 and best[0].score >= best[1].score and isinstance(refused, decoding.InputError)
    with pytest.raises(ValueError, match="n_best"):
        translator.translate(["Be nice."], beam_size=2, n_best=3)
