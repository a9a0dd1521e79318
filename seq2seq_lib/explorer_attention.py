"""What the explorer's attention view shows at a step (resources/web/explorer_attention.js draws
the same): for a model whose steps report `extras["attention"]` (chapter 7's, `cells.AttentionCore`),
a heat strip of the current step's weights under the input, and the matrix of every step so far.

    attention_view(trace, step, info) -> None (no attention in the trace) or
        {"source": [labels of the source tokens, in reading order],
         "rows": [label of the output token of each step 0..step],
         "weights": [[weight per source token] for each step 0..step],
         "step": step}

The strip is `weights[-1]`.  Columns are in reading order: a model that reads its source
backwards (`reverse_source`, in the model's info) has its weights turned round to match.
"""

from __future__ import annotations

from . import data, sentences


def source_tokens(source: str, level: str) -> list:
    """The source's tokens as the encoder reads them (before any reversal), for column labels."""
    return list(source) if level == "char" else data.tokenize_words(source)


def has_attention(trace: dict) -> bool:
    return _every_step_attends(trace.get("steps"))


def _every_step_attends(steps) -> bool:
    return bool(steps) and all("attention" in (st.get("extras") or {}) for st in steps)


def _units(weight, scale: int) -> int:
    """A weight in whole units of 1/`scale`, rounded half up."""
    return int(float(weight) * scale + 0.5)


def attention_view(trace: dict, step: int, info: dict) -> dict | None:
    """The attention the explorer shows at `step` of `trace`, or None (see the module doc)."""
    if not has_attention(trace):
        return None
    steps = trace["steps"]
    step = max(0, min(int(step), len(steps) - 1))
    back = bool(info.get("reverse_source"))
    weights = [[float(w) for w in st["extras"]["attention"]] for st in steps[: step + 1]]
    if back:
        weights = [row[::-1] for row in weights]
    labels = [sentences.show_token(t) for t in source_tokens(trace.get("source", ""), info.get("level", "char"))]
    n = len(weights[0])
    if len(labels) != n:  # not the text the weights were computed over: number the positions
        labels = [str(i + 1) for i in range(n)]
    return {
        "source": labels,
        "rows": [sentences.show_token(st["token"]) for st in steps[: step + 1]],
        "weights": weights,
        "step": step,
    }


def pack_attention(steps, scale: int) -> list | None:
    """The steps' weights as integers in units of 1/`scale` (trace_format.pack's `a`), or None."""
    if not _every_step_attends(steps):
        return None
    return [[_units(w, scale) for w in st["extras"]["attention"]] for st in steps]


def round_attention(step: dict, scale: int) -> dict:
    """`step` with its attention weights rounded as `pack_attention` rounds them."""
    if "attention" not in (step.get("extras") or {}):
        return step
    extras = dict(step["extras"], attention=[_units(w, scale) / scale for w in step["extras"]["attention"]])
    return {**step, "extras": extras}
