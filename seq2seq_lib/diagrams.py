"""The book's diagrams of the encoder-decoder unrolled over time, labelled in the page's language.

    fig = diagrams.encoder_decoder("Hi.", "Salut.", lang)  # chapter 2: training with teacher forcing
    fig = diagrams.inference_loop("Hi.", "Salut.", lang)   # chapter 3: the greedy loop
    fig = diagrams.free_running("Hi.", "Salut.", lang)     # chapter 6: training on its own outputs

(`figures.encoder_decoder` etc. are the same functions.)
"""

from __future__ import annotations

from matplotlib.figure import Figure

TEXT = {
    "en": {
        "encoder": "encoder LSTM",
        "decoder": "decoder LSTM",
        "states": "states h, c",
        "enc_in": "English, one character a step",
        "dec_in": "decoder input: the French sentence, one step behind",
        "dec_out": "target: the next character (Dense + softmax)",
        "dec_in_inf": "decoder input: the character it chose at the step before",
        "dec_out_inf": "chosen: the most likely next character (argmax)",
        "dec_in_free": "decoder input: its own output of the step before (the post: the whole softmax vector)",
        "dec_out_free": "output ŷ of every step, scored against the true next character: {target}",
    },
    "ko": {
        "encoder": "인코더 LSTM",
        "decoder": "디코더 LSTM",
        "states": "상태 h, c",
        "enc_in": "영어, 한 단계에 한 글자",
        "dec_in": "디코더 입력: 한 단계 늦은 프랑스어 문장",
        "dec_out": "정답: 다음 글자 (Dense + 소프트맥스)",
        "dec_in_inf": "디코더 입력: 바로 전 단계에서 고른 글자",
        "dec_out_inf": "선택: 확률이 가장 높은 다음 글자 (argmax)",
        "dec_in_free": "디코더 입력: 바로 전 단계의 자기 출력 (원래 글: 소프트맥스 벡터 전체)",
        "dec_out_free": "단계마다 출력 ŷ를 실제 다음 글자와 비교해 손실을 계산: {target}",
    },
}


def encoder_decoder(source="Hi.", target="Salut.", lang: str = "en"):
    """Chapter 2's model unrolled over one training pair: the encoder reads `source`, its final
    states start the decoder, which reads START + `target` and learns `target` + END."""
    t = TEXT[lang]
    return _unrolled(source, ["⇥", *target], [*target, "⏎"], lang, t["dec_in"], t["dec_out"], feedback=False)


def inference_loop(source="Hi.", output="Salut.", lang: str = "en"):
    """Chapter 3's greedy loop unrolled: the decoder reads START, then at every step the character
    it chose at the step before (dashed arrows), until it chooses END."""
    t = TEXT[lang]
    return _unrolled(source, ["⇥", *output], [*output, "⏎"], lang, t["dec_in_inf"], t["dec_out_inf"], feedback=True)


def _unrolled(source, dec_in, dec_out, lang, in_label, out_label, feedback):
    from .figures import _shown, use_language  # figures.py re-exports this module's diagrams

    use_language(lang)
    t = TEXT[lang]
    n_enc, n_dec = len(source), len(dec_in)
    fig = Figure(figsize=(0.8 * (n_enc + n_dec) + 1.6, 3.4), layout="tight")
    ax = fig.subplots()
    ax.set_xlim(-0.7, n_enc + n_dec + 0.5)
    ax.set_ylim(-1.3, 2.3)
    ax.axis("off")
    box = {"boxstyle": "round,pad=0.3", "lw": 1}

    def arrow(x0, y0, x1, y1, **kw):
        ax.annotate("", (x1, y1), (x0, y0), arrowprops={"arrowstyle": "->", "lw": 1, **kw})

    def column(x, colour, below, above=None):
        ax.text(x, 0.5, "LSTM", ha="center", va="center", fontsize=9, bbox={**box, "fc": colour})
        ax.text(x, -0.8, _shown(below), ha="center", va="center", fontsize=11, family="monospace")
        arrow(x, -0.6, x, 0.25)
        if above is not None:
            ax.text(x, 1.75, _shown(above), ha="center", va="center", fontsize=11, family="monospace")
            arrow(x, 0.75, x, 1.5)

    for i, ch in enumerate(source):  # the encoder: characters in, states along
        column(i, "#dbe9f6", ch)
        if i:
            arrow(i - 0.62, 0.5, i - 0.38, 0.5)
    first = n_enc + 0.6
    for j in range(n_dec):  # the decoder
        x = first + j
        column(x, "#fde4cf", dec_in[j], dec_out[j])
        if j:
            arrow(x - 0.62, 0.5, x - 0.38, 0.5)
        if feedback and j + 1 < n_dec:  # what it chose becomes its next input
            arrow(x + 0.12, 1.6, x + 0.88, -0.65, ls="--", color="C2", connectionstyle="arc3,rad=-0.25")
    arrow(n_enc - 0.62, 0.5, n_enc + 0.22, 0.5, color="C3", lw=2)
    ax.text(n_enc - 0.2, 0.95, t["states"], ha="center", fontsize=9, color="C3")
    middle = first + (n_dec - 1) / 2
    ax.text((n_enc - 1) / 2, 2.2, t["encoder"], ha="center", fontsize=10, weight="bold")
    ax.text(middle, 2.2, t["decoder"], ha="center", fontsize=10, weight="bold")
    ax.text((n_enc - 1) / 2, -1.25, t["enc_in"], ha="center", fontsize=8)
    ax.text(middle, -1.25, in_label, ha="center", fontsize=8)
    ax.text(middle, 1.98, out_label, ha="center", fontsize=8)
    return fig


def free_running(source="Hi.", target="Salut.", lang: str = "en"):
    """Chapter 6's training without teacher forcing: the decoder reads START, then its own output
    of the step before (dashed arrows), and every step is scored against the true next character."""
    from .figures import _shown  # figures.py re-exports this module's diagrams

    t = TEXT[lang]
    outputs = [f"ŷ{str(i).translate(_SUBSCRIPTS)}" for i in range(1, len(target) + 2)]
    truth = " ".join(_shown(c) for c in [*target, "⏎"])
    return _unrolled(source, ["⇥", *outputs[:-1]], outputs, lang, t["dec_in_free"],
                     t["dec_out_free"].replace("{target}", truth), feedback=True)


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

