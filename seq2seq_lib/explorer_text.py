"""What the decoding explorer says and shows: its words in English and Korean filled in, the
reader's input problems, and the view at one step of a trace.  explorer_steps.js computes the same (the text
rules themselves are `sentences.py`'s, which decoder.js shares; tests/test_text_rules.py and
tests/browser/ compare the two sides).

Every message the reader sees comes from `STRINGS` (explorer_strings.py) and is shown with
`textContent` in the page, so nothing the reader types is ever read as HTML.
"""

from __future__ import annotations

import math
import os
import unicodedata
from pathlib import Path

from . import hangul, sentences
from .config import end_token
from .explorer_attention import attention_view
from .explorer_strings import BUTTON_SHAPES, LABELS, STRINGS  # noqa: F401  (explorer_text.STRINGS …)

LANG_ENV = "SEQ2SEQ_LANG"

# Hangul jamo, compatibility jamo, jamo extensions and syllables.
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF))


# --------------------------------------------------------------------------------------------
# Language, messages, input checks, the view at a step (explorer_steps.js follows the same rules)
# --------------------------------------------------------------------------------------------


def detect_lang(cwd=None) -> str:
    """"ko" or "en": `$SEQ2SEQ_LANG` if set, else the book folder the notebook runs in.

    A kernel started for book/ko/ch03.ipynb has book/ko as its working directory, so the
    Korean and English notebooks can share identical code cells.
    """
    env = os.environ.get(LANG_ENV, "").strip().lower()
    if env in STRINGS:
        return env
    path = Path(cwd) if cwd is not None else Path.cwd()
    for p in (path, *path.parents):
        if p.name in STRINGS and p.parent.name == "book":
            return p.name
    return path.name if path.name in STRINGS else "en"


def fill(template: str, **fields) -> str:
    """Replace `{name}` fields; unknown fields stay as they are (as in explorer_steps.js)."""
    out, i = [], 0
    while i < len(template):
        j = template.find("{", i)
        k = template.find("}", j + 1) if j >= 0 else -1
        if j < 0 or k < 0:
            out.append(template[i:])
            break
        name = template[j + 1 : k]
        out.append(template[i:j])
        out.append(str(fields[name]) if name.isidentifier() and name in fields else template[j : k + 1])
        i = k + 1
    return "".join(out)


def is_hangul(ch: str) -> bool:
    return any(a <= ord(ch) <= b for a, b in _HANGUL)


def show_char(ch: str) -> str:
    """A character quoted for a message; invisible ones as U+XXXX."""
    if unicodedata.category(ch)[0] in "LMNPS":
        return f"“{ch}”"
    return f"U+{ord(ch):04X}"


def token_label(token: str, info: dict | None = None) -> str:
    """How a token is shown on a candidate bar: END as ⏎, a space as ␣, and a Korean letter
    of a jamo model as the model's `info["labels"]` say (`hangul.jamo_label`: 'ᆫ' → '-ㄴ')."""
    labels = (info or {}).get("labels") or {}
    return labels[token] if token in labels else sentences.show_token(token)


def model_info(model, model_id: str, lang: str) -> dict:
    """What the page needs to know about a model (a `Seq2Seq`, or the `seq2seq.json` of a
    checkpoint, `checkpoints.read_meta`): label, level, input alphabet, length limits."""
    meta = model if isinstance(model, dict) else model.meta()
    level = meta["level"]
    info = {
        "id": model_id,
        "label": LABELS.get(lang, LABELS["en"]).get(model_id, model_id),
        "level": level,
        "max_input": meta["max_encoder_seq_length"],
        "max_output": meta["max_decoder_seq_length"],
        "end": end_token(level),
        "join": sentences.join_rule(level),
    }
    labels = hangul.jamo_labels(meta["target_tokens"]) if level == "char" else {}
    if labels:  # a jamo model: its candidates are letters, shown as `hangul.jamo_label` says
        info["labels"] = labels
    if level == "char":
        info["input_chars"] = "".join(meta["input_tokens"])
    if meta.get("architecture") == "attention":  # the attention view turns reversed sources round
        info["reverse_source"] = bool(meta.get("reverse_source", False))
    return info


def problem_text(error: sentences.InputError, lang: str = "en") -> str:
    """A refusal of `sentences.check_text` worded for the reader (explorer_steps.js: `problemText`)."""
    s = STRINGS[lang]
    if error.key != "unknown":
        return fill(s[error.key], **error.fields)
    chars = error.fields["chars"]
    more = fill(s["more"], n=len(chars) - sentences.MAX_LISTED) if len(chars) > sentences.MAX_LISTED else ""
    return fill(s["unknown"], chars=", ".join(show_char(c) for c in chars[: sentences.MAX_LISTED]) + more)


def input_problem(info: dict, text: str, lang: str = "en") -> str | None:
    """The message explaining why `text` cannot be decoded by the model `info`, or None.

    The checks of `sentences.check_text`, worded for the reader, plus one of our own: Hangul
    gets its own message (the word-level model would otherwise read it as unknown words).
    """
    text = (text or "").strip()
    if not text:
        return STRINGS[lang]["empty"]
    if any(is_hangul(ch) for ch in text):
        return STRINGS[lang]["korean"]
    try:
        sentences.check_text(text, info["level"], set(info.get("input_chars", "")), info["max_input"])
    except sentences.InputError as e:
        return problem_text(e, lang)
    return None


def stop_message(trace: dict, info: dict, lang: str) -> str:
    s = STRINGS[lang]
    if trace.get("stop_reason") == "end":
        return fill(s["stop_end"], end=token_label(info["end"]))
    if trace.get("stop_reason") == "max_length":
        return fill(s["stop_max"], n=info["max_output"])
    return ""


def percent(p: float) -> str:
    """A probability in tenths of a percent, rounded half up (as explorer_steps.js does)."""
    n = int(math.floor(float(p) * 1000 + 0.5))
    return f"{n // 10}.{n % 10}%" if n > 0 else "<0.1%"


def step_view(trace: dict, step: int, info: dict, lang: str = "en") -> dict:
    """What the explorer shows at `step` of `trace`; explorer_steps.js computes exactly this.

    `output` is the decoded text so far, ending with `new` (the highlighted new token, empty
    at the END step, where `end` is True instead).  For a jamo model the text is composed
    (`hangul.pending_syllable`), so `new` is the part that changed: the syllable the letter
    joined (하 + ᆫ: new = '한'), or the letter itself when it starts a new one.  `attention`: the attention view
    (`explorer_attention.attention_view`), None for models without attention.
    """
    steps = trace.get("steps") or []
    if not steps:
        return {"step": 0, "steps": 0, "input": trace.get("source", ""), "output": "", "new": "", "end": False,
                "candidates": [], "message": "", "forced": False, "attention": None}
    step = max(0, min(int(step), len(steps) - 1))
    st = steps[step]
    end = st["token"] == info["end"]
    if end:
        after = st["prefix"]
    elif step + 1 < len(steps):
        after = steps[step + 1]["prefix"]
    else:
        after = trace.get("output", "")
    prefix = st["prefix"]
    if after.startswith(prefix):
        new = after[len(prefix):]
        if info["level"] == "word":  # the space before a word belongs to the text, not the token
            stripped = new.lstrip()
            prefix, new = prefix + new[: len(new) - len(stripped)], stripped
    else:  # composed text changed before its end (a jamo model's syllable grew: 하 → 한)
        k = 0
        while k < min(len(prefix), len(after)) and prefix[k] == after[k]:
            k += 1
        prefix, new = after[:k], after[k:]
    candidates = [(token_label(tok, info), percent(p), tok == st["token"]) for tok, p in st["candidates"]]
    if not any(c[2] for c in candidates):  # a sampled or forced token outside the top k
        candidates.append((token_label(st["token"], info), percent(st["prob"]), True))
    return {
        "step": step,
        "steps": len(steps),
        "input": trace.get("source", ""),
        "output": prefix + new,
        "new": new,
        "end": end,
        "candidates": candidates,
        "message": stop_message(trace, info, lang) if step == len(steps) - 1 else "",
        "forced": bool(st.get("forced")),
        "attention": attention_view(trace, step, info),
    }
