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
    },
    "ko": {
        "length": "영어 문장 길이 (문자 수)",
        "chrf": "보류 데이터 chrF",
        "bottleneck": "문장 길이에 따른 번역 품질",
        "source": "영어 입력 (문자)",
        "output": "프랑스어 출력 (문자)",
        "weight": "어텐션 가중치",
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
