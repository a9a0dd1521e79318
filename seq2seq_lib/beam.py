"""Beam search over a step core (`cells.py`), batched over sentences (chapter 8).

Greedy decoding (`search.decode`) keeps one prefix and takes the likeliest next token.  Beam
search keeps the `beam_size` likeliest prefixes by their summed log-probability:

* every step, each live prefix of a sentence proposes its next tokens; of all (prefix, token)
  pairs the sentence keeps the best `width`, where `width` is `beam_size` minus the number of
  that sentence's prefixes that already ended (the beam narrows as hypotheses finish);
* a kept pair whose token is END is a finished hypothesis; the sentence stops when none is live
  or after `max_decoder_seq_length` steps (the prefixes still live then are kept, unfinished);
* the finished hypotheses are ranked by `score = logp / lp`, with Wu et al.'s (2016) length
  penalty `lp = ((5 + L) / 6) ** alpha` and L the number of tokens including END; `alpha = 0`
  ranks by the plain log-probability, which favours short outputs.

Ties go to the earlier prefix, then to the lower token id, so `beam_size=1` chooses exactly what
greedy decoding chooses (tests/test_beam.py proves it on the shipped models).  Log-probabilities
are computed as log(softmax) of the core's logits, in float64 after the float32 softmax.

With `trace=True` a result also lists every node the search looked at: per step, per live
prefix (best first), its `beam_size` likeliest next tokens, each marked kept or dropped.  The
browser's `resources/web/beam.js` follows the same rules and the same node order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .cells import select_rows, softmax
from .search import forced_ids
from .sentences import join_tokens, source_ids

MAX_BEAM = 50  # a wider beam is refused: it only costs time (chapter 8 measures up to 20)


@dataclass
class Node:
    """One (prefix, next token) pair the search looked at."""

    id: int  # position in `BeamResult.nodes`
    parent: int | None  # the node this one extends; None at step 0
    step: int
    token: str
    logp: float  # log-probability of the whole prefix, this token included
    kept: bool  # among the sentence's best `width` pairs at this step
    finished: bool  # kept and the token is END


@dataclass
class Hypothesis:
    output: str  # the tokens joined, END excluded
    logp: float
    score: float  # logp / length penalty (the n-best order)
    length: int  # tokens including END (the L of the length penalty)
    finished: bool  # False: still live when the length limit was reached
    node: int | None = None  # its last node in `BeamResult.nodes` (traced results only)


@dataclass
class BeamResult:
    source: str
    beam_size: int
    alpha: float
    nbest: list = field(default_factory=list)  # Hypothesis, best score first
    nodes: list = field(default_factory=list)  # Node, only with trace=True

    @property
    def output(self) -> str:
        return self.nbest[0].output if self.nbest else ""

    def to_dict(self):
        return {**asdict(self), "output": self.output}


def length_penalty(length, alpha: float):
    """Wu et al. (2016): ((5 + length) / 6) ** alpha; 1 when alpha is 0."""
    return ((5.0 + np.asarray(length, dtype="float64")) / 6.0) ** alpha


def check_options(beam_size, alpha) -> None:
    """A clear `ValueError` for a beam size outside 1..MAX_BEAM or an alpha outside 0..2."""
    if isinstance(beam_size, bool) or not isinstance(beam_size, (int, np.integer)) or not 1 <= beam_size <= MAX_BEAM:
        raise ValueError(f"beam size must be a whole number from 1 to {MAX_BEAM}, got {beam_size!r}")
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float, np.floating)) or not 0.0 <= alpha <= 2.0:
        raise ValueError(f"alpha (length normalization) must be a number from 0 to 2, got {alpha!r}")


def beam_search(core, sentences, beam_size=5, alpha=0.0, force=None, trace=False) -> list:
    """Beam search of checked `sentences` with `core`: one `BeamResult` each, n-best inside.

    `force={step: token}` makes every prefix take that token at that step (a forced prefix
    is {0: t0, 1: t1, ...}); its log-probability still counts.
    """
    check_options(beam_size, alpha)
    s2s, vocab, k = core.s2s, core.vocab, int(beam_size)
    forced = forced_ids(vocab, force)
    n, max_len = len(sentences), s2s.max_decoder_seq_length
    results = [BeamResult(source=s, beam_size=k, alpha=float(alpha)) for s in sentences]
    finished = [[] for _ in range(n)]  # (token ids, logp, last node, ended) per sentence

    # k rows per sentence, the sentence's group; a row whose logp is -inf holds no prefix.  A
    # sentence whose prefixes all ended stays in the batch (`active` False) until a third of the
    # groups have ended, then those groups' rows are dropped at once: copying the encoder's
    # outputs of every row at every step would cost more than the decoder steps themselves.
    state = select_rows(core.encode([source_ids(s2s, s) for s in sentences]), np.repeat(np.arange(n), k))
    sent = np.arange(n)  # the sentence of each group
    active = np.ones(n, dtype=bool)
    logp = np.full((n, k), -np.inf)
    logp[:, 0] = 0.0
    prefixes = [[[] for _ in range(k)] for _ in range(n)]  # token ids per row, by sentence
    nodes = [[None] * k for _ in range(n)]  # each row's last node id (traced), by sentence
    token_ids = np.full(n * k, core.start_id)

    for step in range(max_len):
        logits, new_state, _ = core.step(token_ids, state)
        with np.errstate(divide="ignore"):
            token_logp = np.log(softmax(logits).astype("float64"))
        if step in forced:
            only = np.full_like(token_logp, -np.inf)
            only[:, forced[step]] = token_logp[:, forced[step]]
            token_logp = only
        vocab_size = token_logp.shape[1]
        total = (logp.reshape(-1, 1) + token_logp).reshape(len(sent), k * vocab_size)
        best = _best_pairs(total, k)
        new_logp = np.full((len(sent), k), -np.inf)
        parents = np.zeros((len(sent), k), dtype=int)
        new_tokens = np.full((len(sent), k), core.end_id)
        for g in np.flatnonzero(active):
            i = sent[g]
            width = k - len(finished[i])
            picks = best[g][:width]
            kept_nodes = _trace_step(results[i], step, logp[g], token_logp[g * k:(g + 1) * k], nodes[i],
                                     picks, vocab_size, k, core.end_id, vocab) if trace else {}
            pref, nd = [], []
            for j in picks:
                row, tok = divmod(int(j), vocab_size)
                ids = prefixes[i][row] + [tok]
                if tok == core.end_id:
                    finished[i].append((ids, float(total[g, j]), kept_nodes.get(j), True))
                else:
                    new_logp[g, len(pref)], parents[g, len(pref)], new_tokens[g, len(pref)] = total[g, j], row, tok
                    pref.append(ids)
                    nd.append(kept_nodes.get(j))
            prefixes[i] = pref + [[]] * (k - len(pref))
            nodes[i] = nd + [None] * (k - len(nd))
        active = np.isfinite(new_logp[:, 0])
        state = _follow_parents(new_state, state, (np.arange(len(sent))[:, None] * k + parents).reshape(-1))
        logp, token_ids = new_logp, new_tokens.reshape(-1)
        if not active.any():
            break
        if active.mean() < 2 / 3:
            rows = (np.flatnonzero(active)[:, None] * k + np.arange(k)).reshape(-1)
            state, token_ids = select_rows(state, rows), token_ids[rows]
            sent, logp, active = sent[active], logp[active], active[active]
    for g in np.flatnonzero(active):  # still live after max_len steps: unfinished hypotheses
        i = sent[g]
        for r in range(k):
            if np.isfinite(logp[g, r]):
                finished[i].append((prefixes[i][r], float(logp[g, r]), nodes[i][r], False))
    for i, res in enumerate(results):
        res.nbest = _rank(finished[i], s2s.level, vocab, core.end_id, float(alpha))
    return results


def _best_pairs(total, k):
    """For each group (row of `total`), the flat indices of its finite entries among the `k`
    largest, best first; ties (and any entry equal to the k-th largest) in index order, so the
    earlier prefix, then the lower token id, wins.  Same as a stable argsort cut to k, faster."""
    k = min(k, total.shape[1])
    kth = -np.partition(-total, k - 1, axis=1)[:, k - 1]
    rows, cols = np.nonzero((total >= kth[:, None]) & np.isfinite(total))
    order = np.lexsort((cols, -total[rows, cols], rows))  # by group, then value (best first), then index
    rows, cols = rows[order], cols[order]
    starts = np.searchsorted(rows, np.arange(len(total) + 1))
    return [cols[a:b][:k].tolist() for a, b in zip(starts, starts[1:])]


def _follow_parents(state, before, rows):
    """`state` with each row replaced by its parent's (`rows`, always inside the row's group).

    An array the step passed on unchanged (the same object as in `before`, e.g. the encoder's
    outputs) holds the same values in every row of a group, so it needs no copy."""
    if not isinstance(state, dict):
        return select_rows(state, rows)
    return {key: value if isinstance(before, dict) and value is before.get(key) else select_rows(value, rows)
            for key, value in state.items()}


def _rank(done, level, vocab, end_id, alpha):
    hyps = []
    for ids, lp, node, ended in done:
        length = len(ids)
        text = join_tokens(level, [vocab.tokens[t] for t in ids if t != end_id])
        hyps.append(Hypothesis(text, lp, float(lp / length_penalty(length, alpha)), length, ended, node))
    return sorted(hyps, key=lambda h: -h.score)  # stable: equal scores keep finishing order


def _trace_step(result, step, row_logp, token_logp, row_nodes, picks, vocab_size, k, end_id, vocab):
    """Append this step's nodes (each live row's k likeliest tokens) to `result.nodes`;
    return {flat pair index: node id} of the kept pairs."""
    picked = {int(j) for j in picks}
    kept = {}
    for row in range(k):
        if not np.isfinite(row_logp[row]):
            continue
        best = np.argsort(-token_logp[row], kind="stable")[:k]
        for tok in best:
            lp = float(row_logp[row] + token_logp[row, tok])
            if not np.isfinite(lp):
                continue
            j = row * vocab_size + int(tok)
            kept_pair = j in picked
            node = Node(len(result.nodes), row_nodes[row], step, vocab.tokens[tok], lp,
                        kept_pair, kept_pair and int(tok) == end_id)  # plain bools: to_dict() is JSON
            result.nodes.append(node)
            if node.kept:
                kept[j] = node.id
    return kept
