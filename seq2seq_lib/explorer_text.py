"""What the decoding explorer says and shows: its words in English and Korean, the reader's
input problems, and the view at one step of a trace.  explorer_steps.js computes the same (the text
rules themselves are `sentences.py`'s, which decoder.js shares; tests/test_text_rules.py and
tests/browser/ compare the two sides).

Every message the reader sees comes from `STRINGS` and is shown with `textContent` in the
page, so nothing the reader types is ever read as HTML.
"""

from __future__ import annotations

import math
import os
import unicodedata
from pathlib import Path

from . import hangul, sentences
from .config import end_token
from .explorer_attention import attention_view

LANG_ENV = "SEQ2SEQ_LANG"

LABELS = {
    "en": {
        "char_attention_full": "Character LSTM with attention, all fra-eng pairs (default)",
        "char_lstm_full": "Character LSTM, all fra-eng pairs",
        "char_lstm": "Character LSTM",
        "char_gru": "Character GRU",
        "word_lstm": "Word-level LSTM",
        "char_lstm_free": "Character LSTM, trained without teacher forcing",
        "char_lstm_scheduled": "Character LSTM, scheduled sampling",
        "char_lstm_15": "Character LSTM, 15 epochs (chapter 6)",
        "char_lstm_softmax": "Character LSTM, the post's model: softmax fed back (chapter 6)",
        "char_lstm_post": "Character LSTM, the post's recipe (RMSprop, 100 epochs)",
        "kor_attention": "English→Korean: LSTM with attention, kor-eng (chapter 9)",
    },
    "ko": {
        "char_attention_full": "어텐션을 더한 문자 수준 LSTM, fra-eng 전체로 학습 (기본)",
        "char_lstm_full": "문자 수준 LSTM, fra-eng 전체로 학습",
        "char_lstm": "문자 수준 LSTM",
        "char_gru": "문자 수준 GRU",
        "word_lstm": "단어 수준 LSTM",
        "char_lstm_free": "교사 강요 없이 학습한 문자 수준 LSTM",
        "char_lstm_scheduled": "스케줄드 샘플링으로 학습한 문자 수준 LSTM",
        "char_lstm_15": "문자 수준 LSTM, 15 에포크 (6장)",
        "char_lstm_softmax": "문자 수준 LSTM, 원래 글의 모델: 소프트맥스 출력을 다음 입력으로 (6장)",
        "char_lstm_post": "문자 수준 LSTM, 원래 글의 레시피 (RMSprop, 100 에포크)",
        "kor_attention": "영어→한국어: 어텐션을 더한 LSTM, kor-eng로 학습 (9장)",
    },
}

# The shapes the explorer's buttons may use besides letters: each is in DejaVu Sans and Noto
# Sans CJK KR (JupyterLab's and the book's fonts), where ⏸ (U+23F8) is in neither and is drawn
# as an empty box.  tests/test_explorer_jamo.py checks the button labels against this set.
BUTTON_SHAPES = "▶◀‖"  # U+25B6, U+25C0, U+2016

# Everything the explorer writes on the page.  `{name}` fields are filled in by Python and by
# explorer_steps.js with the same rules (see `fill`).
STRINGS = {
    "en": {
        "title": "Decoding explorer",
        "model": "Model",
        "placeholder": "Type an English sentence",
        "translate": "Translate",
        "examples": "Examples:",
        "choice": "Next token",
        "greedy": "greedy (argmax)",
        "sample": "sample, T = {t}",
        "seed": "seed",
        "input": "Input",
        "output": "Output so far",
        "final": "Full translation",
        "step": "Step {i} of {n}",
        "no_step": "No steps yet",
        "prev": "◀ Previous",
        "next": "Next ▶",
        "play": "▶ Play",
        "pause": "‖ Pause",
        "slider": "Step",
        "candidates": "Top {k} candidates at this step: click one to force it",
        "chosen": "chosen",
        "forced": "forced",
        "sampled": "sampled",
        "stop_end": "Stopped: the model chose the end token ({end}).",
        "stop_max": "Stopped at the length limit: {n} tokens without an end token.",
        "forced_note": "Forced {token} at step {i}; the rest was decoded again from there.",
        "before": "Before the change: {text}",
        "empty": "Type an English sentence first, for example “Be nice.”",
        "korean": "This model reads English only: it cannot translate Korean text. Try an English sentence such as “Be nice.”",
        "unknown": "The model never saw these characters in training: {chars}. Use the letters and punctuation of plain English sentences.",
        "more": " and {n} more",
        "too_long_char": "Too long: {n} characters; this model was trained on sentences of at most {max} characters.",
        "too_long_word": "Too long: {n} words; this model was trained on sentences of at most {max} words.",
        "refused": "Cannot translate this input: {detail}",
        "failed": "Decoding failed: {detail}",
        "no_models": "No trained model is available yet.",
        "decoding": "Decoding…",
        "no_live": "Live decoding is not available on this page ({why}), so only the pre-decoded examples can be explored: pick one above.",
        "no_live_change": "Live decoding is not available on this page ({why}): only one change per example sentence was pre-decoded.",
        "why_file": "the page was opened from a file, not from a web server",
        "why_script": "the decoder script is missing",
        "why_model": "the model file could not be loaded",
        "attention": "Attention",
        "attention_label": "Attention weights: how much each output token looks at each input token",
        "attention_matrix": "Rows: the output tokens so far; columns: the input tokens",
        "attention_cell": "output {out}, input {src}: {w}",
        "search": "Search",
        "search_greedy": "greedy, step by step",
        "search_sample": "sampling, step by step",
        "search_beam": "beam search",
        "beam_size": "Beam size",
        "beam_alpha": "Length normalization α",
        "beam_tree": "The beam, one column per step: kept hypotheses are linked to their parents, dropped ones are faded. Click a node to force its prefix and search again from there.",
        "beam_step": "step {i}",
        "beam_node": "prefix “{prefix}”, log-probability {logp}, {state}",
        "beam_kept": "kept",
        "beam_dropped": "dropped",
        "beam_finished": "finished",
        "beam_nbest": "Best hypotheses, best first (score = log-probability / length penalty)",
        "beam_hyp": "score {score}, log-probability {logp}",
        "beam_unfinished": "no end token: cut at the length limit",
        "beam_forced": "Forced prefix “{prefix}”; the beam search ran again from there.",
        "no_live_beam": "Beam search runs in the live decoder, which is not available on this page ({why}).",
    },
    "ko": {
        "title": "디코딩 탐색기",
        "model": "모델",
        "placeholder": "영어 문장을 입력하세요",
        "translate": "번역",
        "examples": "예문:",
        "choice": "다음 토큰",
        "greedy": "그리디 선택 (argmax)",
        "sample": "샘플링, T = {t}",
        "seed": "시드",
        "input": "입력",
        "output": "지금까지의 출력",
        "final": "전체 번역",
        "step": "{n}단계 중 {i}단계",
        "no_step": "아직 단계가 없습니다",
        "prev": "◀ 이전",
        "next": "다음 ▶",
        "play": "▶ 재생",
        "pause": "‖ 일시 정지",
        "slider": "단계",
        "candidates": "이 단계의 상위 {k}개 후보: 클릭하면 그 토큰을 강제로 고릅니다",
        "chosen": "선택",
        "forced": "강제",
        "sampled": "샘플링",
        "stop_end": "멈춤: 모델이 끝 토큰({end})을 골랐습니다.",
        "stop_max": "멈춤: 끝 토큰 없이 길이 제한({n}개 토큰)에 도달했습니다.",
        "forced_note": "{i}단계에서 {token} 토큰을 강제로 고르고, 나머지는 거기서부터 다시 디코딩했습니다.",
        "before": "바꾸기 전: {text}",
        "empty": "먼저 영어 문장을 입력하세요. 예: “Be nice.”",
        "korean": "이 모델은 영어만 읽습니다. 한국어 문장은 번역할 수 없으니 “Be nice.” 같은 영어 문장을 입력해 보세요.",
        "unknown": "모델이 학습 때 본 적 없는 문자가 있습니다: {chars}. 평범한 영어 문장의 글자와 문장 부호만 써 주세요.",
        "more": " 외 {n}개",
        "too_long_char": "너무 깁니다: {n}자. 이 모델은 최대 {max}자의 문장으로 학습했습니다.",
        "too_long_word": "너무 깁니다: {n}단어. 이 모델은 최대 {max}단어의 문장으로 학습했습니다.",
        "refused": "번역할 수 없는 입력입니다: {detail}",
        "failed": "디코딩에 실패했습니다: {detail}",
        "no_models": "아직 학습된 모델이 없습니다.",
        "decoding": "디코딩 중…",
        "no_live": "이 페이지에서는 실시간 디코딩을 쓸 수 없어({why}) 미리 디코딩한 예문만 살펴볼 수 있습니다. 위의 예문을 골라 보세요.",
        "no_live_change": "이 페이지에서는 실시간 디코딩을 쓸 수 없어({why}) 예문마다 한 번 바꾼 결과까지만 미리 디코딩해 두었습니다.",
        "why_file": "웹 서버가 아니라 파일로 연 페이지입니다",
        "why_script": "디코더 스크립트가 없습니다",
        "why_model": "모델 파일을 불러오지 못했습니다",
        "attention": "어텐션",
        "attention_label": "어텐션 가중치: 각 출력 토큰이 입력 토큰을 얼마나 참고하는지",
        "attention_matrix": "행: 지금까지의 출력 토큰, 열: 입력 토큰",
        "attention_cell": "출력 {out}, 입력 {src}: {w}",
        "search": "탐색 방법",
        "search_greedy": "그리디, 한 단계씩",
        "search_sample": "샘플링, 한 단계씩",
        "search_beam": "빔 탐색",
        "beam_size": "빔 크기",
        "beam_alpha": "길이 정규화 α",
        "beam_tree": "단계마다 한 열로 그린 빔입니다. 남은 가설은 부모와 선으로 이어지고, 버려진 가설은 흐리게 보입니다. 노드를 클릭하면 그 접두어를 강제로 고정하고 거기서부터 다시 탐색합니다.",
        "beam_step": "{i}단계",
        "beam_node": "접두어 “{prefix}”, 로그 확률 {logp}, {state}",
        "beam_kept": "유지",
        "beam_dropped": "버림",
        "beam_finished": "완료",
        "beam_nbest": "가장 좋은 가설부터 (점수 = 로그 확률 / 길이 벌점)",
        "beam_hyp": "점수 {score}, 로그 확률 {logp}",
        "beam_unfinished": "끝 토큰 없음: 길이 제한에서 잘림",
        "beam_forced": "접두어 “{prefix}”까지 강제로 고정하고, 거기서부터 빔 탐색을 다시 실행했습니다.",
        "no_live_beam": "빔 탐색은 실시간 디코더에서 실행되는데, 이 페이지에서는 실시간 디코더를 쓸 수 없습니다({why}).",
    },
}

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
