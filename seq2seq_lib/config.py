"""Hyperparameters shared by the book's chapters, the CLI and the benchmarks.

One place, commented, so a chapter that says "latent size 256" and the command that trained
the shipped checkpoint cannot drift apart.  Every value here is either the tutorial's own
(marked *tutorial*) or a choice of this project (marked *ours*, with the reason).
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, replace

# Special characters of the character-level models (*tutorial*): the decoder reads START as
# its first input and learns to emit END when the sentence is over.
START_CHAR = "\t"
END_CHAR = "\n"

# Special tokens of the word-level model (*ours*): index 0 is padding (Keras's `mask_zero`
# convention), index 1 stands for every word the vocabulary does not know.
PAD_WORD = "<pad>"
OOV_WORD = "<unk>"
START_WORD = "<s>"
END_WORD = "</s>"


def start_token(level: str) -> str:
    """The decoder's first input for a `level` ("char" or "word") model."""
    return START_CHAR if level == "char" else START_WORD


def end_token(level: str) -> str:
    """The token a `level` model emits when the sentence is over."""
    return END_CHAR if level == "char" else END_WORD


# Environment variable that points at a fra-eng file (for example ../shared/data/fra-eng/fra.txt).
# Nothing in the library assumes that such a file exists: without it, the bundled corpus is used.
DATA_ENV = "SEQ2SEQ_DATA"

# Environment variable that the notebooks read to train briefly under test (`pytest --nbval`).
QUICK_ENV = "SEQ2SEQ_QUICK"


@dataclass(frozen=True)
class TrainConfig:
    """One training recipe.  `baseline()` is the tutorial's, `fast()` is this project's."""

    architecture: str = "seq2seq"  # "seq2seq" (the tutorial's, chapters 2-6) or "attention" (chapter 7)
    cell: str = "lstm"  # "lstm" or "gru" (chapter 4)
    latent_dim: int = 256  # *tutorial*: size of the encoder/decoder state
    num_samples: int = 10_000  # *tutorial*: the first 10,000 pairs of the file
    batch_size: int = 64  # *tutorial*
    epochs: int = 100  # *tutorial*
    optimizer: str = "rmsprop"  # *tutorial*
    learning_rate: float = 1e-3  # Keras's default for rmsprop and adam
    lr_schedule: str = "constant"  # or "cosine": decay to 5 % of learning_rate over all epochs
    validation_split: float = 0.2  # *tutorial*: last 20 % of the rows for val_loss
    # --- this project's additions; all off in the tutorial's recipe --------------------------
    mask_encoder: bool = False  # skip the zero padding after the English sentence
    mask_loss: bool = False  # padded target positions get weight 0 in the loss
    bucket: bool = False  # batches of similar length: less padding, less work per epoch
    reverse_source: bool = False  # feed the English characters backwards (Sutskever et al.)
    dropout: float = 0.0  # dropout on the LSTM/GRU inputs (attention model: on its attentional hidden state)
    rnn_dropout: float = 0.0  # attention model only: dropout on its two LSTMs' inputs (character vectors)
    # Label smoothing (Szegedy et al. 2016): the training target keeps 1 - s of its probability and
    # spreads s evenly over the whole output alphabet.  val_loss is then smoothed too.
    label_smoothing: float = 0.0
    # --- word level (chapter 5) and the attention model's characters (0 there = one-hot) ------
    embedding_dim: int = 128  # size of each word vector
    max_words: int | None = None  # vocabulary cap per language (rarer words become <unk>)
    patience: int = 0  # early stopping on val_loss; 0 = off
    random_validation: bool = False  # validation rows drawn at random, not the file's last rows
    # Validation rows = whole English sentences with all their translations.  A split by rows
    # leaves most validation sentences in training with another translation (57 % of the
    # attention recipe's), so val_loss then also rewards remembering them.
    validation_by_sentence: bool = False
    holdout: float = 0.0  # share of English sentences (with all their translations) kept out
    benchmark_holdout: bool = False  # also keep out benchmarks/train_recipe.py's held-out sentences
    normalize_spaces: bool = True  # U+202F / U+00A0 / U+2009 → plain space before ! ? : ;
    # Korean targets (`hangul.py`): "chars" = one token per character as written (a syllable);
    # "jamo" = the target in Unicode NFD, one token per letter.  Output is composed back (NFC).
    target_units: str = "chars"
    seed: int = 1337

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def replace(self, **changes) -> "TrainConfig":
        return replace(self, **changes)


def baseline() -> TrainConfig:
    """Exactly the tutorial's recipe: LSTM 256, rmsprop, batch 64, 100 epochs, 20 % validation."""
    return TrainConfig()


def fast() -> TrainConfig:
    """This project's recipe: same model, far less wasted work per epoch and a better optimizer.

    * `bucket` + `mask_loss`: French targets are 59 steps padded but 21 long on average, so
      sorting batches by length removes about two thirds of the decoder's steps, and masking
      keeps the padding out of the gradient.
    * `mask_encoder`: the encoder's final state is the state after the last real character.
    * Adam at 2e-3 with a larger batch: fewer, better steps on a 2-core CPU.
    * early stopping on the validation split, keeping the best weights.
    """
    return TrainConfig(
        optimizer="adam",
        learning_rate=2e-3,
        batch_size=128,
        epochs=40,
        mask_encoder=True,
        mask_loss=True,
        bucket=True,
        patience=4,
    )


def full() -> TrainConfig:
    """The recipe of the default model (`translate`, the explorer): all 76,036 pairs.

    `fast` plus what pays off once the data is seven times larger:
    * `num_samples=0`: every pair of the file, minus the held-out sentences below.
    * `reverse_source`: the encoder reads the English backwards, so the first words of the
      sentence are the last it saw when the decoder starts (Sutskever et al. 2014).
    * `lr_schedule="cosine"`: the learning rate falls smoothly to 5 % by the last epoch; with a
      fixed number of epochs it ends on a well-settled model instead of a noisy one.
    * `random_validation` with 3 %: the file is sorted by length, so its last rows would be
      only the longest sentences.
    * `holdout` 2 % of the English sentences, plus `benchmark_holdout`: the sentences that
      benchmarks/train_recipe.py held out, so this model and the tutorial's recipe can be
      scored on the same unseen sentences (tools/model_card.py does).
    """
    return fast().replace(
        num_samples=0,
        batch_size=256,  # measured: 1.3× the pairs per second of batch 128 on this 2-core CPU
        epochs=22,  # about 5 minutes each here: under two hours in all
        reverse_source=True,
        lr_schedule="cosine",
        random_validation=True,
        validation_split=0.03,
        holdout=0.02,
        benchmark_holdout=True,
        patience=0,
    )


def attention() -> TrainConfig:
    """The recipe of the character-level attention model (chapter 7, `attention.py`).

    Same data and split as `full` (all pairs but the held-out English sentences, the
    benchmark's included; 3 % random validation rows), so the two models are scored on the same
    unseen sentences.  What differs:
    * `architecture="attention"`: a bidirectional LSTM encoder (latent_dim / 2 = 128 units per
      direction, so its concatenated final states start the 256-unit decoder), Luong's
      *general* attention over its outputs, the attentional hidden state tanh(W_c[c;h]).
      The bidirectional 2 × 128 encoder has fewer parameters and FLOPs than one 256-unit LSTM
      (212k against 343k weights) and reads each character with both its left and right context.
    * batches of integer ids padded only to their own length (`batching.TokenBatches`): the
      speed that makes all pairs affordable on this CPU (benchmarks/train_speed.py).
    * `reverse_source=False`: attention looks at every source position, so there is no far
      first word to bring closer (Luong et al. 2015 also read the source forwards).
    * `embedding_dim=32`: learned 32-dim character vectors instead of one-hot inputs (80 English,
      104 French ids): about 20 % fewer multiply-adds per step in both LSTMs, the cost that
      decides the epoch time here (benchmarks/train_speed.py counts them).
    * Adam 2e-3 with batch 128, cosine decay to 5 % over the run (as `full`).
    * `dropout` 0.1 on the attentional hidden state: the cheap regularizer (no recurrent
      dropout, which would slow every step).
    """
    return full().replace(
        architecture="attention",
        batch_size=128,
        learning_rate=2e-3,
        # 40 epochs: about 1.5 hours at the ~130 s an epoch the FLOP count predicts on an idle 2-core
        # CPU; the first run, sharing it with three test-running sessions, took 477 s for epoch 1
        # and is continued with --init-from (tools/train_checkpoints.sh char_attention_full).
        epochs=40,
        reverse_source=False,
        dropout=0.1,
        embedding_dim=32,
        mask_encoder=True,
    )


RECIPES = {"baseline": baseline, "fast": fast, "full": full, "attention": attention}

# The split of benchmarks/train_recipe.py (kept here so the default model can hold out the same
# sentences): 10 % of the English sentences of the first 10,000 pairs, shuffled with seed 0.
BENCHMARK_NUM_SAMPLES = 10_000
BENCHMARK_HOLDOUT = 0.1
BENCHMARK_SEED = 0

# Training details that are not a field of a recipe (*ours*): the cosine schedule ends at 5 % of
# `learning_rate` (Keras's `alpha`); scheduled sampling moves from teacher forcing to the
# model's own predictions over the first 75 % of the epochs, then stays there.
COSINE_FINAL_FRACTION = 0.05
SCHEDULED_SAMPLING_SPAN = 0.75

# The chapters' shipped models (`shipped.py`): the tutorial's first 10,000 pairs; the word-level
# model is smaller than `fast()`'s defaults so that its file stays small for the browser.
CHAPTER_NUM_SAMPLES = 10_000
CHAPTER_WORD_MODEL = {"embedding_dim": 64, "latent_dim": 192, "max_words": 2000}
# Their model cards' held-out pairs (tools/model_card.py): the next 3,000 pairs of the file.
CARD_HELDOUT_COUNT = 3_000


def quick_mode() -> bool:
    """True when the notebooks run under test: they then train for a token number of steps."""
    return os.environ.get(QUICK_ENV, "") not in ("", "0", "false", "False")


# Decoding defaults (*ours*): how many candidates a trace keeps per step.
TOP_K = 5
