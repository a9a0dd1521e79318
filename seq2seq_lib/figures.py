"""The book's figures, labelled in the page's language (Korean pages with a Korean font).

    fig = figures.bottleneck(curves, lang)                  # chrF against source length
    fig = figures.attention_map(source, output, weights, lang)  # one sentence's weights

`curves` maps a model's label to `metrics.chrf_by_length` rows; `weights` is the matrix of the
attention weights of a decoding (one row an output token, one column a source token), as the
decoding core's trace records them (`step["extras"]["attention"]`).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.figure import Figure

from . import metrics

# The figures are `Figure`s outside pyplot: a cell shows one by ending with it (or by
# `display(fig)`), exactly once, and nothing is left open in pyplot to be shown again.


def _png(fig) -> bytes:
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def _register_png_display() -> None:
    """In IPython, show a `Figure` as a PNG image (the inline backend does so only for pyplot's)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, _png)


_register_png_display()

# Fonts with Hangul, most wanted first (Debian's fonts-noto-cjk names them so).
KOREAN_FONTS = ("Noto Sans CJK KR", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Serif CJK KR",
                "Noto Serif CJK JP", "NanumGothic", "Malgun Gothic", "AppleGothic")

TEXT = {
    "en": {
        "length": "English sentence length (characters)",
        "chrf": "held-out chrF",
        "bottleneck": "Translation quality against sentence length",
        "source": "English input (characters)",
        "output": "French output (characters)",
        "weight": "attention weight",
        "epoch": "epoch",
        "ce": "cross-entropy per character",
        "train": "training",
        "val": "validation",
        "vocab": "vocabulary size (words, special tokens included)",
        "unk": "held-out words read as <unk> (%)",
        "english": "English",
        "french": "French",
        "column": "column of the sum (most significant first)",
        "digit_acc": "held-out digits right (%)",
        "places": ["thousands", "hundreds", "tens", "units"],
        "minutes": "training time (minutes, 2-core CPU)",
        "heldout_ce": "held-out cross-entropy per character",
        "baseline": "the post's recipe",
        "fast": "fast recipe",
        "baseline_best": "the post's recipe: its best",
        "per_step_lsb": "per-step LSTM, least significant first",
        "per_step_msb": "per-step LSTM, most significant first",
        "encdec_msb": "encoder-decoder, most significant first",
        "position": "position in the target (characters)",
        "ce_truth": "cross-entropy, reading the truth (nats)",
        "by_position": "Where each model is unsure",
        "distance": "characters after one mistake of its own",
        "extra": "extra cross-entropy (nats)",
        "after_mistake": "What one wrong input character costs",
    },
    "ko": {
        "length": "영어 문장 길이 (문자 수)",
        "chrf": "보류 데이터 chrF",
        "bottleneck": "문장 길이에 따른 번역 품질",
        "source": "영어 입력 (문자)",
        "output": "프랑스어 출력 (문자)",
        "weight": "어텐션 가중치",
        "epoch": "에포크",
        "ce": "문자당 교차 엔트로피",
        "train": "학습",
        "val": "검증",
        "vocab": "어휘 크기 (단어 수, 특수 토큰 포함)",
        "unk": "<unk>가 되는 보류 데이터 단어 (%)",
        "english": "영어",
        "french": "프랑스어",
        "column": "합의 자리 (높은 자리부터)",
        "digit_acc": "맞힌 보류 데이터 숫자 (%)",
        "places": ["천의 자리", "백의 자리", "십의 자리", "일의 자리"],
        "minutes": "학습 시간 (분, 2코어 CPU)",
        "heldout_ce": "보류 데이터의 문자당 교차 엔트로피",
        "baseline": "원래 글의 레시피",
        "fast": "빠른 레시피",
        "baseline_best": "원래 글의 레시피: 최저값",
        "per_step_lsb": "단계별 LSTM, 낮은 자리부터",
        "per_step_msb": "단계별 LSTM, 높은 자리부터",
        "encdec_msb": "인코더-디코더, 높은 자리부터",
        "position": "정답 안의 위치 (문자)",
        "ce_truth": "정답을 읽을 때의 교차 엔트로피 (nat)",
        "by_position": "모델이 어디에서 확신하지 못하는가",
        "distance": "자기 실수 하나 뒤의 문자 수",
        "extra": "늘어난 교차 엔트로피 (nat)",
        "after_mistake": "잘못된 입력 글자 하나의 대가",
    },
}


def korean_font() -> str | None:
    """The family name of an installed font with Hangul, or None."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in KOREAN_FONTS if name in installed), None)


def use_language(lang: str) -> None:
    """Set matplotlib's font for `lang`: a Korean font first for Korean pages (error if none)."""
    if lang == "ko":
        font = korean_font()
        if font is None:
            raise RuntimeError("no Korean font found: install fonts-noto-cjk (see README, Install)")
        plt.rcParams["font.family"] = [font, "DejaVu Sans"]
    else:
        plt.rcParams["font.family"] = ["DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False


def bottleneck(curves: dict, lang: str = "en"):
    """chrF by source-length bucket, one line a model; returns the figure."""
    use_language(lang)
    t = TEXT[lang]
    fig = Figure(figsize=(6.4, 3.6), layout="tight")
    ax = fig.subplots()
    for name, rows in curves.items():
        ax.plot([metrics.length_label(r) for r in rows], [r["chrf"] for r in rows], marker="o", label=name)
    ax.set_xlabel(t["length"])
    ax.set_ylabel(t["chrf"])
    ax.set_title(t["bottleneck"])
    ax.set_ylim(0, 100)
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def training_curves(histories: dict, lang: str = "en"):
    """Loss by epoch, one colour a model: validation (solid, dots) and training (dashed).

    `histories` maps a label to a Keras history dict (`loss`, and `val_loss` if measured), e.g.
    a checkpoint's `info["history"]`; returns the figure."""
    use_language(lang)
    t = TEXT[lang]
    fig = Figure(figsize=(6.4, 3.6), layout="tight")
    ax = fig.subplots()
    for i, (name, h) in enumerate(histories.items()):
        colour = f"C{i}"
        if h.get("val_loss"):
            ax.plot(range(1, len(h["val_loss"]) + 1), h["val_loss"], "o-", ms=3, color=colour,
                    label=f"{name} {t['val']}".strip())
        ax.plot(range(1, len(h["loss"]) + 1), h["loss"], "--", color=colour, label=f"{name} {t['train']}".strip())
    ax.set_xlabel(t["epoch"])
    ax.set_ylabel(t["ce"])
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def unk_rates(rows, lang: str = "en"):
    """The share of held-out words outside the vocabulary against the vocabulary's size.

    `rows`: [(English vocabulary size, French vocabulary size, English share, French share)],
    shares between 0 and 1; returns the figure."""
    use_language(lang)
    t = TEXT[lang]
    fig = Figure(figsize=(6.4, 3.6), layout="tight")
    ax = fig.subplots()
    for (size, share), key, style in (((0, 2), "english", "o-"), ((1, 3), "french", "s-")):
        points = sorted((r[size], 100 * r[share]) for r in rows)
        ax.plot([p[0] for p in points], [p[1] for p in points], style, label=t[key])
    ax.set_xlabel(t["vocab"])
    ax.set_ylabel(t["unk"])
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def recipe_race(curves: dict, best: float, lang: str = "en"):
    """Chapter 2: held-out cross-entropy against training time, one line a recipe.

    `curves` maps a recipe ("baseline", "fast") to [(training seconds so far, held-out CE)] per
    epoch (benchmarks/train_recipe.py); `best` is the baseline's lowest CE, drawn as a line."""
    use_language(lang)
    t = TEXT[lang]
    fig = Figure(figsize=(6.4, 3.6), layout="tight")
    ax = fig.subplots()
    for name, points in curves.items():
        ax.plot([s / 60 for s, _ in points], [ce for _, ce in points], label=t[name])
    ax.axhline(best, color="gray", ls=":", label=t["baseline_best"])
    ax.set_xlabel(t["minutes"])
    ax.set_ylabel(t["heldout_ce"])
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def column_accuracy(per_column: dict, lang: str = "en"):
    """Chapter 1: the accuracy of each column of the sum, one line a model.

    `per_column` maps a label to accuracies (0 to 1) by column, most significant first (so
    models that wrote the columns in different orders line up); returns the figure."""
    use_language(lang)
    t = TEXT[lang]
    width = len(next(iter(per_column.values())))
    names = t["places"][-width:] if width <= len(t["places"]) else [f"10^{k}" for k in range(width - 1, -1, -1)]
    fig = Figure(figsize=(6.4, 3.6), layout="tight")
    ax = fig.subplots()
    # Markers shrink from line to line, so lines that coincide (two models at 100 %) stay visible.
    for i, ((label, accs), marker) in enumerate(zip(per_column.items(), "osd^v")):
        ax.plot(names, [100 * a for a in accs], marker + "-", ms=11 - 3 * i, lw=3 - 0.8 * i, label=label)
    ax.set_xlabel(t["column"])
    ax.set_ylabel(t["digit_acc"])
    ax.set_ylim(0, 105)
    ax.grid(alpha=0.3)
    ax.legend()
    return fig


def _shown(token: str) -> str:
    return {" ": "␣", "\n": "⏎", "\t": "⇥"}.get(token, token)


def attention_map(source_tokens, output_tokens, weights, lang: str = "en", title: str | None = None):
    """A heat map of attention weights: rows the output tokens, columns the source tokens."""
    use_language(lang)
    t = TEXT[lang]
    w = np.asarray(weights, dtype=float)
    if w.shape != (len(output_tokens), len(source_tokens)):
        raise ValueError(f"weights {w.shape} do not match {len(output_tokens)} outputs x {len(source_tokens)} sources")
    fig = Figure(figsize=(0.28 * len(source_tokens) + 1.8, 0.28 * len(output_tokens) + 1.4), layout="tight")
    ax = fig.subplots()
    image = ax.imshow(w, cmap="Blues", vmin=0.0, vmax=1.0, aspect="equal")
    ax.set_xticks(range(len(source_tokens)), [_shown(s) for s in source_tokens])
    ax.set_yticks(range(len(output_tokens)), [_shown(s) for s in output_tokens])
    ax.tick_params(length=0, labelsize=9)
    ax.set_xlabel(t["source"])
    ax.set_ylabel(t["output"])
    if title:
        ax.set_title(title, fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02, label=t["weight"])
    return fig



def exposure(measured: dict, lang: str = "en", min_count: int = 30):
    """Chapter 6: cross-entropy by target position (left) and the extra cross-entropy after one
    wrong input character (right), one line a model.  `measured` maps a label to
    `exposure.measure`'s result; positions reached by fewer than `min_count` sentences are left out."""
    use_language(lang)
    t = TEXT[lang]
    fig = Figure(figsize=(10, 3.8), layout="tight")
    left, right = fig.subplots(1, 2)
    for (label, m), marker in zip(measured.items(), "osd^v"):
        keep = [i for i, c in enumerate(m["count"]) if c >= min_count]
        left.plot(keep, [m["by_position"][i] for i in keep], marker + "-", ms=3, lw=1.5, label=label)
        extra = m["after_mistake"]["extra"]
        right.plot(range(1, len(extra) + 1), extra, marker + "-", ms=5, lw=1.5, label=label)
    left.set(xlabel=t["position"], ylabel=t["ce_truth"], title=t["by_position"])
    right.set(xlabel=t["distance"], ylabel=t["extra"], title=t["after_mistake"])
    right.axhline(0, color="grey", lw=0.8)
    for ax in (left, right):
        ax.grid(alpha=0.3)
    left.legend(fontsize=8)
    return fig


# Chapters 2, 3 and 6 call the diagrams through this module (they live in diagrams.py).
from .diagrams import encoder_decoder, free_running, inference_loop  # noqa: E402, F401
