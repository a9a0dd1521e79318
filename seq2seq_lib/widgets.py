"""The decoding explorer: type an English sentence and watch a model decode it token by token.

One front-end, `resources/web/explorer.js` (`book/_static/explorer.js` links to it), serves two
back-ends through the same small model interface (`get`, `set`, `save_changes`, `on`):

* in JupyterLab, `Explorer` is an anywidget: the script's `render({model, el})` talks to this
  Python object, which decodes with `decoding.Translator` whenever the page bumps `request`;
* in the built book there is no kernel: the `text/html` part of the explorer's display is a
  `<div class="s2s-explorer">` holding a JSON configuration with pre-decoded traces (the greedy
  trace of each example sentence, every one-token change of it, a few sampled traces), and the
  same script, loaded by the page, answers the requests from that data or from the live
  in-browser decoder (`book/_static/decoder.js`) when one is available.

Every message the reader sees comes from `STRINGS` (English and Korean) and is shown with
`textContent` in the page, so nothing the reader types is ever read as HTML.

    from seq2seq_lib.widgets import explorer
    explorer()                      # the shipped models that exist, labels in the chapter's language
    explorer({"tiny": s2s})         # any Seq2Seq or checkpoint path, e.g. in tests
"""

from __future__ import annotations

import html
import json
import math
import os
import unicodedata
from pathlib import Path

import anywidget
import traitlets as t

from . import checkpoints, config, data, decoding, sentences, shipped

WEB_DIR = Path(__file__).resolve().parent / "resources" / "web"
DEFAULT_MODELS = shipped.EXPLORER_MODELS
DEFAULT_EXAMPLES = ("Be nice.", "I'm cold.", "Help me!")
# Sampling choices offered in the widget (0 = greedy) and the seeds pre-decoded for the book.
TEMPERATURES = (0.0, 0.5, 1.0, 1.5)
STATIC_SEEDS = (0, 1)
LANG_ENV = "SEQ2SEQ_LANG"

LABELS = {
    "en": {
        "char_lstm_full": "Character LSTM, all fra-eng pairs (default)",
        "char_lstm": "Character LSTM",
        "char_gru": "Character GRU",
        "word_lstm": "Word-level LSTM",
        "char_lstm_free": "Character LSTM, trained without teacher forcing",
        "char_lstm_scheduled": "Character LSTM, scheduled sampling",
    },
    "ko": {
        "char_lstm_full": "문자 단위 LSTM, fra-eng 전체로 학습 (기본)",
        "char_lstm": "문자 단위 LSTM",
        "char_gru": "문자 단위 GRU",
        "word_lstm": "단어 단위 LSTM",
        "char_lstm_free": "교사 강요 없이 학습한 문자 단위 LSTM",
        "char_lstm_scheduled": "스케줄 샘플링으로 학습한 문자 단위 LSTM",
    },
}

# Everything the explorer writes on the page.  `{name}` fields are filled in by Python and by
# explorer.js with the same rules (see `fill`).
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
        "pause": "⏸ Pause",
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
    },
    "ko": {
        "title": "디코딩 탐색기",
        "model": "모델",
        "placeholder": "영어 문장을 입력하세요",
        "translate": "번역",
        "examples": "예문:",
        "choice": "다음 토큰",
        "greedy": "탐욕적 선택 (argmax)",
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
        "pause": "⏸ 일시 정지",
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
    },
}

# Hangul jamo, compatibility jamo, jamo extensions and syllables.
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF))


# --------------------------------------------------------------------------------------------
# Front-end files
# --------------------------------------------------------------------------------------------


def web_file(name: str) -> str:
    """The text of a shipped front-end file (`explorer.js`, `explorer.css`)."""
    return (WEB_DIR / name).read_text(encoding="utf-8")


def esm_source() -> str:
    """The explorer as an ES module for anywidget: decoder.js (the text rules explorer.js uses),
    then explorer.js, both classic scripts, plus a default export."""
    return web_file("decoder.js") + "\n" + web_file("explorer.js") + "\nexport default { render: globalThis.Seq2SeqExplorer.render };\n"


# --------------------------------------------------------------------------------------------
# Language, messages, input checks (explorer.js follows the same rules)
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
    """Replace `{name}` fields; unknown fields stay as they are (as in explorer.js)."""
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


def token_label(token: str) -> str:
    """How a token is shown on a candidate bar: END as ⏎, a space as ␣."""
    return decoding.show_token(token)


def model_info(s2s, model_id: str, lang: str) -> dict:
    """What the page needs to know about a model: label, level, input alphabet, length limits."""
    info = {
        "id": model_id,
        "label": LABELS.get(lang, LABELS["en"]).get(model_id, model_id),
        "level": s2s.level,
        "max_input": s2s.max_encoder_seq_length,
        "max_output": s2s.max_decoder_seq_length,
        "end": decoding.end_token(s2s.level),
        "join": sentences.join_rule(s2s.level),
    }
    if s2s.level == "char":
        info["input_chars"] = "".join(s2s.input_vocab.tokens)
    return info


def problem_text(error: sentences.InputError, lang: str = "en") -> str:
    """A refusal of `sentences.check_text` worded for the reader (explorer.js: `problemText`)."""
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
    """A probability in tenths of a percent, rounded half up (as explorer.js does)."""
    n = int(math.floor(float(p) * 1000 + 0.5))
    return f"{n // 10}.{n % 10}%" if n > 0 else "<0.1%"


def step_view(trace: dict, step: int, info: dict, lang: str = "en") -> dict:
    """What the explorer shows at `step` of `trace`; explorer.js computes exactly this.

    `output` is the decoded text so far, ending with `new` (the highlighted new token, empty
    at the END step, where `end` is True instead).
    """
    steps = trace.get("steps") or []
    if not steps:
        return {"step": 0, "steps": 0, "input": trace.get("source", ""), "output": "", "new": "", "end": False,
                "candidates": [], "message": "", "forced": False}
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
    else:
        prefix, new = after, ""
    candidates = [(token_label(tok), percent(p), tok == st["token"]) for tok, p in st["candidates"]]
    if not any(c[2] for c in candidates):  # a sampled or forced token outside the top k
        candidates.append((token_label(st["token"]), percent(st["prob"]), True))
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
    }


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------

_TRANSLATORS: dict = {}


def _translator(source) -> decoding.Translator:
    """A cached Translator for a checkpoint path (or a fresh one for a Seq2Seq object)."""
    if isinstance(source, decoding.Translator):
        return source
    if isinstance(source, checkpoints.Seq2Seq):
        key = id(source)
        if key not in _TRANSLATORS:
            _TRANSLATORS[key] = (source, decoding.Translator(source))  # keep `source` alive
        return _TRANSLATORS[key][1]
    path = Path(source).resolve()
    key = (str(path), path.stat().st_mtime_ns)
    if key not in _TRANSLATORS:
        _TRANSLATORS[key] = (None, decoding.Translator(checkpoints.load(path)))
    return _TRANSLATORS[key][1]


def available_models(models=DEFAULT_MODELS) -> dict:
    """{id: checkpoint path or Seq2Seq}: shipped ids whose file exists, or the given dict."""
    if isinstance(models, dict):
        return dict(models)
    if isinstance(models, str):
        models = (models,)
    found = {}
    for m in models:
        path = checkpoints.CHECKPOINT_DIR / f"{m}.keras"
        if path.is_file():
            found[m] = path
    return found




PROB_SCALE = 10_000  # packed probabilities are integers in units of 1/10,000


def _scaled(p) -> int:
    return int(math.floor(float(p) * PROB_SCALE + 0.5))


def pack(trace: dict, level: str, end: str, start: int = 0) -> dict:
    """A compact form of `trace` (a `Trace.to_dict()`) for the book's pages, from step `start` on.

    Each step becomes `[choice, tok1, p1, tok2, p2, ...]` (+ `1` if forced): the candidates
    flattened, `choice` the index of the chosen token among them (or `[token, prob]` when it is
    not one of them).  Prefixes are left out where joining the earlier tokens gives them back
    (`p` keeps the others).  Probabilities are integers in units of 1/PROB_SCALE (the bars show
    tenths of a percent).  explorer.js's `unpack` (and `unpack` here) reverse this.
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
    return out


def unpack(packed: dict, level: str, end: str, base: dict | None = None) -> dict:
    """The trace dict of `pack`'s output; steps before `f` come from `base` (the greedy trace)."""
    start = packed.get("f", 0)
    steps = [dict(st) for st in (base["steps"][:start] if start else [])]
    tokens = [st["token"] for st in steps if st["token"] != end]
    prefixes = packed.get("p", {})
    for k, row in enumerate(packed["t"]):
        i = start + k
        choice, flat = row[0], row[1]
        cands = [[flat[j], flat[j + 1] / PROB_SCALE] for j in range(0, len(flat), 2)]
        token, prob = cands[choice] if isinstance(choice, int) else (choice[0], choice[1] / PROB_SCALE)
        steps.append({"prefix": prefixes.get(str(i), sentences.join_tokens(level, tokens)), "token": token, "prob": prob,
                      "candidates": cands, "forced": len(row) > 2 and bool(row[2])})
        if token != end:
            tokens.append(token)
    return {"source": packed["s"], "output": packed["o"], "steps": steps, "stop_reason": packed["r"]}


def rounded(trace: dict) -> dict:
    """`trace` with its probabilities rounded as `pack` rounds them."""
    out = dict(trace)
    out["steps"] = [
        {**st, "prob": _scaled(st["prob"]) / PROB_SCALE,
         "candidates": [[tok, _scaled(p) / PROB_SCALE] for tok, p in st["candidates"]]}
        for st in trace["steps"]
    ]
    return out


def _plain(trace: decoding.Trace) -> dict:
    d = trace.to_dict()
    for st in d["steps"]:
        st["candidates"] = [[tok, float(p)] for tok, p in st["candidates"]]
    return d


# --------------------------------------------------------------------------------------------
# The widget
# --------------------------------------------------------------------------------------------


class Explorer(anywidget.AnyWidget):
    """The decoding explorer as a Jupyter widget (and, in its text/html form, for the book).

    The page sets `text`, `model_key`, `force`, `temperature`, `seed` and `step`, and bumps
    `request` to ask for a decoding; this object answers with `trace` (a `Trace.to_dict()`)
    or `error`, and sets `answered` to the request it answered.  (The chosen model is
    `model_key`, not `model_id`: ipywidgets already uses `model_id` for the widget's comm id.)
    """

    _esm = esm_source()
    _css = web_file("explorer.css")
    lang = t.Unicode("en").tag(sync=True)
    strings = t.Dict().tag(sync=True)
    models = t.List().tag(sync=True)  # [model_info(...)]
    model_key = t.Unicode("").tag(sync=True)
    examples = t.List().tag(sync=True)
    temperatures = t.List().tag(sync=True)
    text = t.Unicode("").tag(sync=True)
    trace = t.Dict().tag(sync=True)
    error = t.Unicode("").tag(sync=True)
    step = t.Int(0).tag(sync=True)
    force = t.Dict().tag(sync=True)  # {"step": token}; JSON keys are strings
    temperature = t.Float(0.0).tag(sync=True)
    seed = t.Int(0).tag(sync=True)
    request = t.Int(0).tag(sync=True)
    answered = t.Int(0).tag(sync=True)
    busy = t.Bool(False).tag(sync=True)

    def __init__(self, models=DEFAULT_MODELS, examples=DEFAULT_EXAMPLES, lang=None, top_k=config.TOP_K, **kwargs):
        lang = lang or detect_lang()
        if lang not in STRINGS:
            raise ValueError(f"lang must be one of {sorted(STRINGS)}, not {lang!r}")
        self._sources = available_models(models)
        self._top_k = top_k
        self._infos = {}
        for mid, src in self._sources.items():
            s2s = src if isinstance(src, checkpoints.Seq2Seq) else None
            if s2s is None:
                meta = checkpoints.read_meta(src)
                s2s = _MetaView(meta)
            self._infos[mid] = model_info(s2s, mid, lang)
        examples = [e for e in examples]
        super().__init__(
            lang=lang, strings=STRINGS[lang], models=list(self._infos.values()),
            model_key=next(iter(self._infos), ""), examples=examples,
            temperatures=list(TEMPERATURES), text=examples[0] if examples else "", **kwargs,
        )
        self._static_html = None
        if self.model_key and self.text:
            self.decode()
        elif not self.model_key:
            self.error = STRINGS[lang]["no_models"]

    # -- what the page asks for -------------------------------------------------------------

    @t.observe("request")
    def _on_request(self, change):
        self.decode()

    def info(self, model_id=None) -> dict:
        return self._infos[model_id or self.model_key]

    def translator(self, model_id=None) -> decoding.Translator:
        return _translator(self._sources[model_id or self.model_key])

    def decode(self):
        """Decode `text` with the current model and settings into `trace`, or set `error`."""
        s = STRINGS[self.lang]
        trace, error = {}, ""
        try:
            if self.model_key not in self._sources:
                error = s["no_models"]
            else:
                error = input_problem(self.info(), self.text, self.lang) or ""
                if not error:
                    self.busy = True
                    force = {int(k): v for k, v in (self.force or {}).items()}
                    tr = self.translator().trace(
                        self.text, top_k=self._top_k, force=force,
                        temperature=self.temperature or None, seed=self.seed,
                    )
                    trace = _plain(tr)
        except decoding.InputError as e:
            error = fill(s["refused"], detail=str(e))
        except Exception as e:  # noqa: BLE001  (the reader sees one line, never a traceback)
            error = fill(s["failed"], detail=f"{type(e).__name__}: {e}")
        with self.hold_sync():
            self.trace = trace
            self.error = error
            self.busy = False
            self.answered = self.request

    # -- what the buttons do (the page does the same; tests call these) ---------------------

    def press(self, text=None, model_key=None):
        """Like typing `text` and pressing Translate: forget forced tokens, start at step 0."""
        with self.hold_trait_notifications():
            if text is not None:
                self.text = text
            if model_key is not None:
                self.model_key = model_key
            self.force = {}
            self.step = 0
            self.request += 1

    def choose(self, step: int, token: str):
        """Like clicking a candidate: force `token` at `step` (earlier forced tokens stay)."""
        force = {k: v for k, v in self.force.items() if int(k) < step}
        force[str(step)] = token
        with self.hold_trait_notifications():
            self.force = force
            self.step = step
            self.request += 1

    def view(self, step=None) -> dict:
        """What the page shows at `step` (default: the current step), plus any error."""
        info = self._infos.get(self.model_key, {"end": "", "level": "char", "max_output": 0})
        v = step_view(self.trace or {}, self.step if step is None else step, info, self.lang)
        if self.error:
            v["message"] = self.error
        return v

    # -- the book: a static explorer with pre-decoded traces --------------------------------

    def static_config(self) -> dict:
        """The static page's configuration: models, strings and pre-decoded traces."""
        traces = {}
        for mid in self._sources:
            tr = self.translator(mid)
            per_text = {}
            for text in self.examples:
                if input_problem(self._infos[mid], text, self.lang):
                    continue
                per_text[text.strip()] = _example_traces(tr, text, self._top_k)
            traces[mid] = per_text
        return {
            "version": 1,
            "lang": self.lang,
            "strings": STRINGS[self.lang],
            "models": list(self._infos.values()),
            "model_key": self.model_key,
            "examples": list(self.examples),
            "temperatures": list(TEMPERATURES),
            "seeds": list(STATIC_SEEDS),
            "text": self.examples[0] if self.examples else "",
            "top_k": self._top_k,
            "hangul": [list(r) for r in _HANGUL],
            "traces": traces,
        }

    def static_html(self) -> str:
        if self._static_html is None:
            self._static_html = static_html(self.static_config())
        return self._static_html

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, meta = bundle
        data = dict(data)
        data["text/html"] = self.static_html()
        return data, meta


class _MetaView:
    """The parts of a Seq2Seq that `model_info` reads, from a checkpoint's seq2seq.json."""

    def __init__(self, meta):
        self.level = meta["level"]
        self.input_vocab = data.Vocab(meta["input_tokens"])
        self.max_encoder_seq_length = meta["max_encoder_seq_length"]
        self.max_decoder_seq_length = meta["max_decoder_seq_length"]


def _example_traces(tr: decoding.Translator, text: str, top_k: int) -> dict:
    """Packed traces of `text`: greedy (`g`), every single-token change of it (`x`: step →
    token → trace from that step on), and sampled ones (`sm`: "temperature:seed" → trace)."""
    level = tr.s2s.level
    end = decoding.end_token(level)
    greedy = _plain(tr.trace(text, top_k=top_k))
    forced = {}
    for i, st in enumerate(greedy["steps"]):
        for tok, _ in st["candidates"]:
            if tok != st["token"]:
                d = _plain(tr.trace(text, top_k=top_k, force={i: tok}))
                forced.setdefault(str(i), {})[tok] = pack(d, level, end, start=i)
    sampled = {}
    for temp in TEMPERATURES:
        for seed in STATIC_SEEDS if temp else ():
            d = _plain(tr.trace(text, top_k=top_k, temperature=temp, seed=seed))
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
    fallback = {"en": "The decoding explorer needs JavaScript and the book's explorer.js.",
                "ko": "디코딩 탐색기를 보려면 JavaScript와 이 책의 explorer.js가 필요합니다."}[lang]
    return (
        f'<div class="s2s-explorer" lang="{html.escape(lang)}">'
        f'<script type="application/json" class="s2s-explorer-config">{script_json(cfg)}</script>'
        f'<p class="s2s-explorer-fallback">{html.escape(fallback)}</p>'
        "</div>"
    )


def explorer(models=DEFAULT_MODELS, examples=DEFAULT_EXAMPLES, lang=None, **kwargs) -> Explorer:
    """The explorer used in chapters 3–6: the shipped models that exist, a few example sentences."""
    return Explorer(models=models, examples=examples, lang=lang, **kwargs)
