"""The book's figures: Korean labels drawn with a real Korean font, shapes checked."""

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from seq2seq_lib import diagrams, figures  # noqa: E402

ROWS = [{"lo": 0, "hi": 10, "sentences": 5, "chrf": 60.0}, {"lo": 10, "hi": None, "sentences": 3, "chrf": 30.0}]


def drawn_without_missing_glyphs(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
    plt.close(fig)
    return [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]


def test_a_korean_font_is_installed():
    assert figures.korean_font() is not None, "install fonts-noto-cjk (README, Install)"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_figures_draw_their_labels_in_the_page_language(lang):
    fig = figures.bottleneck({"a": ROWS}, lang)
    assert fig.axes[0].get_xlabel() == figures.TEXT[lang]["length"]
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.attention_map(list("Hi."), list("Salut"), [[0.2, 0.3, 0.5]] * 5, lang, title="Hi. → Salut")
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.training_curves({"LSTM": {"loss": [2.0, 1.5], "val_loss": [2.1, 1.8]}, "GRU": {"loss": [1.9]}}, lang)
    ax = fig.axes[0]
    assert ax.get_xlabel() == figures.TEXT[lang]["epoch"] and len(ax.get_lines()) == 3
    assert ax.get_legend().get_texts()[0].get_text() == f"LSTM {figures.TEXT[lang]['val']}"
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.column_accuracy({"a": [0.5, 0.6, 0.7, 1.0], "b": [0.9, 0.9, 1.0, 1.0]}, lang)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == figures.TEXT[lang]["places"]
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.recipe_race({"baseline": [(60, 2.0), (120, 1.5)], "fast": [(30, 1.8)]}, 1.5, lang)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        figures.TEXT[lang][k] for k in ("baseline", "fast", "baseline_best")]
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.encoder_decoder("Hi.", "Salut.", lang)
    shown = {t.get_text() for t in fig.axes[0].texts}
    assert {diagrams.TEXT[lang]["encoder"], diagrams.TEXT[lang]["decoder"], "⇥", "⏎", "H"} <= shown
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.inference_loop("Hi.", "Salut.", lang)
    assert diagrams.TEXT[lang]["dec_in_inf"] in {t.get_text() for t in fig.axes[0].texts}
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.free_running("Hi.", "Salut.", lang)
    assert diagrams.TEXT[lang]["dec_in_free"] in {t.get_text() for t in fig.axes[0].texts}
    assert drawn_without_missing_glyphs(fig) == []
    measured = {"a": {"by_position": [1.0, 0.5, 2.0], "count": [40, 35, 10], "after_mistake": {"extra": [3.0, 1.0, 0.2]}},
                "b": {"by_position": [2.0, 2.0, 2.0], "count": [40, 35, 10], "after_mistake": {"extra": [0.0, 0.0, 0.0]}}}
    fig = figures.exposure(measured, lang)
    left, right = fig.axes
    assert [list(line.get_xdata()) for line in left.get_lines()] == [[0, 1], [0, 1]]  # position 2: too few sentences
    assert list(right.get_lines()[0].get_xdata()) == [1, 2, 3]
    assert right.get_xlabel() == figures.TEXT[lang]["distance"]
    assert drawn_without_missing_glyphs(fig) == []
    fig = figures.unk_rates([(104, 120, 0.3, 0.4), (54, 60, 0.45, 0.5)], lang)
    (en, fr) = fig.axes[0].get_lines()
    assert list(en.get_xdata()) == [54, 104] and list(fr.get_ydata()) == [50.0, 40.0]
    assert drawn_without_missing_glyphs(fig) == []


def test_korean_text_with_a_latin_only_font_would_be_caught():
    """The check above can fail: Hangul drawn with DejaVu Sans reports missing glyphs."""
    plt.rcParams["font.family"] = ["DejaVu Sans"]
    fig, ax = plt.subplots()
    ax.set_title("한국어")
    assert drawn_without_missing_glyphs(fig) != []


def test_attention_map_checks_the_shape():
    with pytest.raises(ValueError, match="do not match"):
        figures.attention_map(list("ab"), list("xyz"), [[0.5, 0.5]] * 2)
