"""The searches over a step core (`cells.py`): greedy, forced tokens, seeded sampling, traces.

`decode(core, sentences, ...)` decodes checked sentences together, one `core.step` per output
position for the whole batch; sentences that chose the end token leave the batch
(`cells.select_rows`).  It returns one `Trace` per sentence: the output, and with
`trace=True` every step's chosen token, its probability, the top-k candidates and whatever the
step reported (`extras`, e.g. attention weights).  Beam search belongs here too, over the same
contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from . import config
from .cells import select_rows, softmax
from .sentences import join_tokens, refuse, source_ids


@dataclass
class Step:
    prefix: str  # the output before this step
    token: str  # the token chosen at this step (END included)
    prob: float  # its probability
    candidates: list  # [(token, probability)], most likely first
    forced: bool = False
    extras: dict = field(default_factory=dict)  # what the step showed, e.g. {"attention": [...]}


@dataclass
class Trace:
    source: str
    output: str = ""
    steps: list = field(default_factory=list)
    stop_reason: str = ""  # "end" (END token) or "max_length"

    def to_dict(self):
        """A plain dict; a step's `extras` appear only when the step reported some."""
        d = asdict(self)
        for st in d["steps"]:
            if not st["extras"]:
                del st["extras"]
        return d


def forced_ids(vocab, force) -> dict:
    """{step: token id} of `force` ({step: token}), refusing tokens outside the vocabulary."""
    for step, token in (force or {}).items():
        if token not in vocab:
            raise refuse("bad_force", token=token, step=step)
    return {step: vocab.index[token] for step, token in (force or {}).items()}


def choose(logits, probs, step, forced, temperature, rng):
    """The token id chosen for each row: forced, sampled from softmax(logits / T), or argmax."""
    if step in forced:
        return np.full(len(logits), forced[step])
    if temperature:
        p = softmax(logits / temperature).astype("float64")
        p /= p.sum(axis=1, keepdims=True)
        return np.array([rng.choice(p.shape[1], p=row) for row in p])
    return probs.argmax(axis=1)


def decode(core, sentences, trace=False, top_k=config.TOP_K, force=None, temperature=None, seed=None):
    """Decode checked `sentences` together with `core`.  Returns `Trace`s (steps filled if `trace`).

    `force={step: token}` overrides the choice at those steps (for every sentence);
    `temperature` samples from softmax(logits / temperature) with `seed` instead of argmax.
    """
    s2s, vocab = core.s2s, core.vocab
    forced = forced_ids(vocab, force)
    rng = np.random.default_rng(seed) if temperature else None
    n, max_len = len(sentences), s2s.max_decoder_seq_length
    state = core.encode([source_ids(s2s, s) for s in sentences])
    chosen = np.full((n, max_len + 1), -1)  # token ids chosen at each step
    lengths = np.zeros(n, dtype=int)  # output tokens before END
    stops = np.array(["max_length"] * n, dtype=object)
    traces = [Trace(source=s) for s in sentences]
    alive = np.arange(n)  # sentences still decoding; finished ones leave the batch
    token_ids = np.full(n, core.start_id)
    for step in range(max_len):
        logits, state, extras = core.step(token_ids, state)
        probs = softmax(logits)
        choice = choose(logits, probs, step, forced, temperature, rng)
        if trace:
            _record(s2s.level, vocab, traces, alive, chosen, step, choice, probs, extras, top_k, step in forced)
        chosen[alive, step] = choice
        ended = choice == core.end_id
        stops[alive[ended]] = "end"
        lengths[alive[~ended]] += 1
        keep = ~ended
        alive, token_ids = alive[keep], choice[keep]
        state = select_rows(state, keep)
        if not len(alive):
            break
    for i, tr in enumerate(traces):
        tr.output = join_tokens(s2s.level, [vocab.tokens[j] for j in chosen[i, : lengths[i]]])
        tr.stop_reason = stops[i]
    return traces


def _record(level, vocab, traces, alive, chosen, step, choice, probs, extras, top_k, forced):
    """Append this step's `Step` to the trace of every sentence still decoding."""
    best = np.argsort(-probs, axis=1, kind="stable")[:, :top_k]
    for row, i in enumerate(alive):
        traces[i].steps.append(Step(
            prefix=join_tokens(level, [vocab.tokens[j] for j in chosen[i, :step]]),
            token=vocab.tokens[choice[row]], prob=float(probs[row, choice[row]]),
            candidates=[(vocab.tokens[j], float(probs[row, j])) for j in best[row]],
            forced=forced, extras={k: np.asarray(v[row]).tolist() for k, v in extras.items()},
        ))
