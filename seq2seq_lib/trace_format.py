"""The trace format of the book's static explorer: traces packed small for a page, and the
`<div>` that carries them (the HTML twin of the widget, which explorer.js mounts).

`pack` / `unpack` (explorer_steps.js has `unpack` too) and `example_traces`: the greedy trace of an
example sentence, every single-token change of it, and a few seeded samples.
"""

from __future__ import annotations

import html
import json
import math

from . import sentences
from .config import end_token
from .explorer_attention import pack_attention, round_attention

# Sampling choices offered in the explorer (0 = greedy) and the seeds pre-decoded for the book.
TEMPERATURES = (0.0, 0.5, 1.0, 1.5)
STATIC_SEEDS = (0, 1)

PROB_SCALE = 10_000  # packed probabilities are integers in units of 1/10,000


def _scaled(p) -> int:
    return int(math.floor(float(p) * PROB_SCALE + 0.5))


def pack(trace: dict, level: str, end: str, start: int = 0) -> dict:
    """A compact form of `trace` (a `Trace.to_dict()`) for the book's pages, from step `start` on.

    Each step becomes `[choice, tok1, p1, tok2, p2, ...]` (+ `1` if forced): the candidates
    flattened, `choice` the index of the chosen token among them (or `[token, prob]` when it is
    not one of them).  Prefixes are left out where joining the earlier tokens gives them back
    (`p` keeps the others).  Probabilities are integers in units of 1/PROB_SCALE (the bars show
    tenths of a percent).  Attention weights (`extras["attention"]`, attention models only) go
    to `a`, one row of integers (same units) per step.  explorer_steps.js's `unpack` (and `unpack`
    here) reverse this.
    """
    steps = trace["steps"]
    tokens = [st["token"] for st in steps[:start] if st["token"] != end]
    packed, prefixes = [], {}
    for i in range(start, len(steps)):
        st = steps[i]
        flat, choice = [], None
        for j, (tok, p) in enumerate(st["candidates"]):
            flat += [tok, _scaled(p)]
            if tok == st["token"] and choice is None:
                choice = j
        if choice is None:
            choice = [st["token"], _scaled(st["prob"])]
        row = [choice, flat] + ([1] if st.get("forced") else [])
        packed.append(row)
        if st["prefix"] != sentences.join_tokens(level, tokens):
            prefixes[str(i)] = st["prefix"]
        if st["token"] != end:
            tokens.append(st["token"])
    out = {"s": trace["source"], "o": trace["output"], "r": trace["stop_reason"], "f": start, "t": packed}
    if prefixes:
        out["p"] = prefixes
    attention = pack_attention(steps[start:], PROB_SCALE)
    if attention:
        out["a"] = attention
    return out


def unpack(packed: dict, level: str, end: str, base: dict | None = None) -> dict:
    """The trace dict of `pack`'s output; steps before `f` come from `base` (the greedy trace)."""
    start = packed.get("f", 0)
    steps = [dict(st) for st in (base["steps"][:start] if start else [])]
    tokens = [st["token"] for st in steps if st["token"] != end]
    prefixes, attention = packed.get("p", {}), packed.get("a")
    for k, row in enumerate(packed["t"]):
        i = start + k
        choice, flat = row[0], row[1]
        cands = [[flat[j], flat[j + 1] / PROB_SCALE] for j in range(0, len(flat), 2)]
        token, prob = cands[choice] if isinstance(choice, int) else (choice[0], choice[1] / PROB_SCALE)
        steps.append({"prefix": prefixes.get(str(i), sentences.join_tokens(level, tokens)), "token": token, "prob": prob,
                      "candidates": cands, "forced": len(row) > 2 and bool(row[2])})
        if attention:
            steps[-1]["extras"] = {"attention": [w / PROB_SCALE for w in attention[k]]}
        if token != end:
            tokens.append(token)
    return {"source": packed["s"], "output": packed["o"], "steps": steps, "stop_reason": packed["r"]}


def rounded(trace: dict) -> dict:
    """`trace` with its probabilities rounded as `pack` rounds them."""
    out = dict(trace)
    out["steps"] = [
        round_attention({**st, "prob": _scaled(st["prob"]) / PROB_SCALE,
                         "candidates": [[tok, _scaled(p) / PROB_SCALE] for tok, p in st["candidates"]]}, PROB_SCALE)
        for st in trace["steps"]
    ]
    return out


def plain(trace) -> dict:
    """A `Trace` as a JSON-ready dict (candidates as lists)."""
    d = trace.to_dict()
    for st in d["steps"]:
        st["candidates"] = [[tok, float(p)] for tok, p in st["candidates"]]
    return d


def example_traces(tr, text: str, top_k: int) -> dict:
    """Packed traces of `text`: greedy (`g`), every single-token change of it (`x`: step →
    token → trace from that step on), and sampled ones (`sm`: "temperature:seed" → trace)."""
    level = tr.s2s.level
    end = end_token(level)
    greedy = plain(tr.trace(text, top_k=top_k))
    forced = {}
    for i, st in enumerate(greedy["steps"]):
        for tok, _ in st["candidates"]:
            if tok != st["token"]:
                d = plain(tr.trace(text, top_k=top_k, force={i: tok}))
                forced.setdefault(str(i), {})[tok] = pack(d, level, end, start=i)
    sampled = {}
    for temp in TEMPERATURES:
        for seed in STATIC_SEEDS if temp else ():
            d = plain(tr.trace(text, top_k=top_k, temperature=temp, seed=seed))
            sampled[f"{temp:g}:{seed}"] = pack(d, level, end)
    return {"g": pack(greedy, level, end), "x": forced, "sm": sampled}


def script_json(obj) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' (so no '</script>' or '<!--'), no U+2028/9."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(a, b)
    return text


def static_html(cfg: dict) -> str:
    """The book's explorer: a div that `explorer.js` (loaded by every page of the book) mounts."""
    lang = cfg.get("lang", "en")
    fallback = {"en": "The decoding explorer needs JavaScript and the book's explorer scripts "
                      "(explorer.js and the scripts it uses).",
                "ko": "디코딩 탐색기를 보려면 JavaScript와 이 책의 탐색기 스크립트(explorer.js와 "
                      "이 파일이 쓰는 스크립트)가 필요합니다."}[lang]
    return (
        f'<div class="s2s-explorer" lang="{html.escape(lang)}">'
        f'<script type="application/json" class="s2s-explorer-config">{script_json(cfg)}</script>'
        f'<p class="s2s-explorer-fallback">{html.escape(fallback)}</p>'
        "</div>"
    )
