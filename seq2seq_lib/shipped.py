"""The models the book ships: one registry read by the export, the explorer, the model cards and
`tools/train_checkpoints.sh`.

Each entry names a checkpoint in `resources/checkpoints/` and the `python -m seq2seq_lib train`
arguments that trained it (the recipe itself, and the values the chapters' models change
from it, are in `config.py`: `config.CHAPTER_WORD_MODEL` for the word-level model).

    python -m seq2seq_lib.shipped                 # the names trained by default, one a line
    python -m seq2seq_lib.shipped args char_gru   # the training arguments of one, one a line
    python -m seq2seq_lib.shipped continue NAME   # the arguments of its warm restart, if any
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from . import config


@dataclass(frozen=True)
class ShippedModel:
    name: str
    args: tuple  # `train` arguments besides the data file and the output
    explorer: bool = True  # offered by the explorer (chapters 3-6) without being named
    trained_by_default: bool = True  # trained by tools/train_checkpoints.sh without names
    continue_args: tuple = ()  # a second `train --init-from` run continuing the first, if any
    web: bool = True  # exported for the built pages (`export`); False for models only notebooks load


def _flags(values: dict) -> tuple:
    return tuple(a for k, v in values.items() for a in (f"--{k.replace('_', '-')}", str(v)))


# The chapters' models: the tutorial's first 10,000 pairs, the fast recipe.
_CHAPTER = ("--num-samples", str(config.CHAPTER_NUM_SAMPLES), "--recipe", "fast", "--overwrite")

# Chapter 9's English→Korean model (data: ../shared/data/kor-eng/kor.txt).
KOR_ARGS = ("--recipe", "attention", "--num-samples", "3400", "--holdout", "0.1", "--target-units", "jamo", "--epochs", "20",
            "--overwrite")

MODELS = (
    # The default model (chapter 7): a character LSTM with attention, all pairs, recipe
    # `attention` with input dropout and validation on whole held-out sentences; trained from
    # scratch in three runs, each continuing the last (training/README.md: 30 epochs planned,
    # stopped at 27; 12 epochs from 6e-4; 10 from 2e-4).  continue_args are those of the last
    # run, the one whose recipe the file records.
    ShippedModel("char_attention_full", ("--num-samples", "0", "--recipe", "attention", "--rnn-dropout", "0.25",
                                         "--validation-by-sentence", "--epochs", "30", "--overwrite"),
                 trained_by_default=False,
                 continue_args=("--epochs", "10", "--learning-rate", "2e-4")),
    # The tutorial's architecture on all pairs, the default before chapter 7's model (about three hours here): all pairs, then a warm restart because
    # val_loss was still falling at epoch 22.
    ShippedModel("char_lstm_full", ("--num-samples", "0", "--recipe", "full", "--overwrite"), trained_by_default=False,
                 continue_args=("--epochs", "12", "--learning-rate", "1e-3")),
    ShippedModel("char_lstm", (*_CHAPTER, "--epochs", "40")),
    ShippedModel("char_gru", (*_CHAPTER, "--cell", "gru", "--epochs", "40")),
    ShippedModel("word_lstm", (*_CHAPTER, "--level", "word", *_flags(config.CHAPTER_WORD_MODEL), "--epochs", "40")),
    # Chapter 6 compares four ways of training the decoder with the same budget, 15 epochs each:
    # teacher forcing (char_lstm's recipe stopped at 15), the post's model (its softmax output
    # fed back), its argmax fed back, and scheduled sampling.
    ShippedModel("char_lstm_15", (*_CHAPTER, "--epochs", "15"), explorer=False, web=False),
    ShippedModel("char_lstm_softmax", (*_CHAPTER, "--decoder", "softmax", "--epochs", "15"), explorer=False, web=False),
    ShippedModel("char_lstm_free", (*_CHAPTER, "--decoder", "free", "--epochs", "15")),
    # No early stopping: val_loss is measured free-running, and it rises while the schedule
    # moves from teacher forcing to the model's own predictions (measured: it stopped at epoch 5).
    ShippedModel("char_lstm_scheduled", (*_CHAPTER, "--decoder", "scheduled", "--epochs", "15", "--patience", "0"),
                 explorer=False),
    # The post's own recipe (RMSprop, batch 64, 100 epochs, the first 10,000 pairs, no masks):
    # chapter 3 shows the post's three examples with it.
    ShippedModel("char_lstm_post", ("--num-samples", str(config.CHAPTER_NUM_SAMPLES), "--recipe", "baseline", "--overwrite"),
                 explorer=False, web=False),
    # Chapter 9's English→Korean model: the attention recipe on the 3,400 shortest pairs of
    # kor-eng `kor.txt` (not fra.txt: tools/train_checkpoints.sh does not train it) with jamo
    # targets, 20 epochs then a warm restart of 16.  The syllable model of the same split scored
    # chrF 6.14 against 5.18, but its browser file is 7.0 MB (849 output tokens), over the 5 MB
    # the book allows; this one is better on BLEU, CER and distinct outputs
    # (benchmarks/kor_tokenizations.py, its model card).
    ShippedModel("kor_attention", KOR_ARGS, explorer=False, trained_by_default=False,
                 continue_args=("--epochs", "16", "--learning-rate", "1e-3")),
)
BY_NAME = {m.name: m for m in MODELS}
NAMES = tuple(BY_NAME)
EXPLORER_MODELS = tuple(m.name for m in MODELS if m.explorer)
WEB_MODELS = tuple(m.name for m in MODELS if m.web)


def main(argv) -> int:
    if not argv:
        print("\n".join(m.name for m in MODELS if m.trained_by_default))
        return 0
    if len(argv) == 2 and argv[0] in ("args", "continue") and argv[1] in BY_NAME:
        m = BY_NAME[argv[1]]
        print("\n".join(m.args if argv[0] == "args" else m.continue_args))
        return 0
    print(f"usage: python -m seq2seq_lib.shipped [args|continue NAME]; names: {', '.join(NAMES)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
