"""Training recipes: the tutorial's (`baseline`) and this project's (`fast`), one code path.

`fit(pairs, cfg)` builds the model the config names, trains it and returns a `Seq2Seq`
ready to save or decode.  With `cfg.bucket`, batches are drawn from rows of similar target
length and padded only to their own longest sentence (rounded up to a multiple of 8 so that
TensorFlow traces few shapes); with `cfg.mask_loss`, padded positions weigh nothing.
"""

from __future__ import annotations

import collections
import math
import signal
import threading
import time

import keras
import numpy as np

from . import attention, config, data, hangul, models
from .batches import Batches, encode_pairs  # noqa: F401  (train.Batches, train.encode_pairs)
from .batching import TokenBatches, fit_args as endless_fit_args
from .checkpoints import Seq2Seq


class BestWeights(keras.callbacks.Callback):
    """Remembers the weights of the best epoch so far, so that a stopped run still keeps them.

    During `fit`, Ctrl-C (SIGINT) and `kill` (SIGTERM) ask training to stop at the end of the
    current batch instead of raising inside TensorFlow; the unfinished epoch is not counted.
    A second signal raises `KeyboardInterrupt` at once.  (Only in the main thread, and a SIGINT
    that was ignored, as in a shell's background job, stays ignored.)"""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, monitor="val_loss", on_best=None):
        super().__init__()
        self.monitor, self.best, self.weights, self.epoch = monitor, math.inf, None, None
        self.on_best = on_best  # called after each new best epoch (the CLI saves a checkpoint)
        self.history = {}  # the epochs finished so far, also when fit() never returns
        self.stopped = False  # a signal asked training to stop
        self._previous = {}

    def _stop(self, signum, frame):
        if self.stopped:
            raise KeyboardInterrupt
        self.stopped = True
        self.model.stop_training = True

    def on_train_begin(self, logs=None):
        if threading.current_thread() is not threading.main_thread():
            return
        for sig in self.SIGNALS:
            previous = signal.getsignal(sig)
            if previous is not signal.SIG_IGN:
                self._previous[sig] = signal.signal(sig, self._stop)

    def on_train_end(self, logs=None):
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous = {}

    def on_epoch_end(self, epoch, logs=None):
        if self.stopped:  # stopped inside this epoch: its numbers describe part of an epoch
            return
        for k, v in (logs or {}).items():
            self.history.setdefault(k, []).append(float(v))
        value = (logs or {}).get(self.monitor, (logs or {}).get("loss"))
        if value is not None and value < self.best:
            self.best, self.weights, self.epoch = value, self.model.get_weights(), epoch
            if self.on_best is not None:
                self.on_best(self)

    def restore(self):
        if self.weights is not None:
            self.model.set_weights(self.weights)


class TeacherProbSchedule(keras.callbacks.Callback):
    """Scheduled sampling: the chance of feeding the true previous token falls linearly from
    `start` to `end` over `epochs` epochs (Bengio et al. 2015 use other decays; linear is the
    easiest to read)."""

    def __init__(self, start=1.0, end=0.0, epochs=10):
        super().__init__()
        self.start, self.end, self.epochs = start, end, epochs

    def on_epoch_begin(self, epoch, logs=None):
        p = self.start + (self.end - self.start) * min(1.0, epoch / max(1, self.epochs - 1))
        self.model.get_layer("feedback").teacher_prob.assign(p)


def build_model(cfg: config.TrainConfig, n_in, n_out, level="char", decoder="teacher", max_decoder_seq_length=None):
    if cfg.architecture == "attention":
        return attention.build_attention_model(n_in, n_out, cfg.latent_dim // 2, cfg.latent_dim, cfg.latent_dim,
                                               embedding_dim=cfg.embedding_dim, dropout=cfg.dropout,
                                               rnn_dropout=cfg.rnn_dropout)
    if level == "word":
        return models.build_word_model(n_in, n_out, cfg.embedding_dim, cfg.latent_dim, dropout=cfg.dropout)
    if decoder in ("free", "scheduled", "softmax"):
        prob = 1.0 if decoder == "scheduled" else 0.0
        feedback = "softmax" if decoder == "softmax" else "argmax"
        return models.build_free_running_model(n_in, n_out, max_decoder_seq_length, cfg.latent_dim, prob, cfg.mask_encoder,
                                               feedback)
    builder = models.build_gru_model if cfg.cell == "gru" else models.build_lstm_model
    return builder(n_in, n_out, cfg.latent_dim, mask_encoder=cfg.mask_encoder, dropout=cfg.dropout)


def optimizer(cfg, total_steps=None):
    lr = cfg.learning_rate
    if cfg.lr_schedule == "cosine":
        lr = keras.optimizers.schedules.CosineDecay(lr, decay_steps=max(1, total_steps), alpha=config.COSINE_FINAL_FRACTION)
    elif cfg.lr_schedule != "constant":
        raise ValueError(f"lr_schedule must be 'constant' or 'cosine', not {cfg.lr_schedule!r}")
    return keras.optimizers.get({"class_name": cfg.optimizer, "config": {"learning_rate": lr}})


def loss_for(cfg, sparse: bool, n_out: int):
    """The training loss: cross-entropy against the true next token, given as an index (`sparse`)
    or one-hot; with `cfg.label_smoothing`, Keras's smoothed categorical cross-entropy, the
    index turned one-hot first (Keras's sparse loss has no smoothing)."""
    if not cfg.label_smoothing:
        return "sparse_categorical_crossentropy" if sparse else "categorical_crossentropy"
    if not 0 < cfg.label_smoothing < 1:
        raise ValueError(f"label_smoothing must lie between 0 and 1, not {cfg.label_smoothing}")
    if not sparse:
        return keras.losses.CategoricalCrossentropy(label_smoothing=cfg.label_smoothing)
    smoothed = keras.losses.CategoricalCrossentropy(label_smoothing=cfg.label_smoothing, reduction=None)

    def smoothed_sparse(y_true, y_pred):
        return smoothed(keras.ops.one_hot(keras.ops.cast(y_true, "int32"), n_out), y_pred)

    return smoothed_sparse


def start_from(model, init, input_vocab, target_vocab, level, cfg):
    """Copy the weights of checkpoint `init` into `model`, or say why they do not fit."""
    from .checkpoints import CheckpointError

    if init.level != level or init.input_vocab.tokens != input_vocab.tokens or init.target_vocab.tokens != target_vocab.tokens:
        raise CheckpointError("the checkpoint to continue from was trained on other data (its level or vocabulary "
                              "differs from these pairs'): continue it on the same file and --num-samples")
    if init.reverse_source != cfg.reverse_source:
        raise CheckpointError(f"the checkpoint was trained with reverse_source={init.reverse_source}; use the same recipe")
    try:
        model.set_weights(init.model.get_weights())
    except ValueError as e:
        raise CheckpointError(f"the checkpoint's model has another shape (cell, latent_dim, decoder?): {e}") from None


def previous_runs(init) -> list:
    """The training runs behind checkpoint `init`, oldest first (for the model card)."""
    earlier = list(init.info.get("previous_runs", []))
    keys = ("command", "epochs_run", "best_epoch", "wall_time_s")
    return earlier + [{k: init.info.get(k) for k in keys} | {"recipe": init.info.get("recipe")}]


def split_rows(pairs, cfg: config.TrainConfig):
    """(training rows, validation rows) of `pairs` as `fit` splits them: the validation rows are
    the last `cfg.validation_split` of the pairs, after shuffling them when
    `cfg.random_validation`; with `cfg.validation_by_sentence`, English sentences drawn at random
    with all their translations, until they make that share of the pairs.  The model's weights
    learn from the training rows only."""
    if cfg.validation_by_sentence:
        per_sentence = collections.Counter(en for en, _ in pairs)
        sentences = sorted(per_sentence)
        wanted, held = int(len(pairs) * cfg.validation_split), set()
        for i in np.random.default_rng(cfg.seed).permutation(len(sentences)):
            if wanted <= 0:
                break
            held.add(sentences[i])
            wanted -= per_sentence[sentences[i]]
        return [p for p in pairs if p[0] not in held], [p for p in pairs if p[0] in held]
    if cfg.random_validation:
        # The file is sorted by length: its last rows are its longest sentences.  Shuffle so the
        # validation rows are a fair sample and training sees long sentences too.
        pairs = [pairs[i] for i in np.random.default_rng(cfg.seed).permutation(len(pairs))]
    n_val = int(len(pairs) * cfg.validation_split)
    return list(pairs[: len(pairs) - n_val]), list(pairs[len(pairs) - n_val :])


def fit(pairs, cfg: config.TrainConfig, level="char", decoder="teacher", callbacks=(), verbose="auto",
        steps_per_epoch=None, on_best=None, init=None):
    """Train on `pairs` (the validation split is their last `cfg.validation_split`).

    Returns (Seq2Seq, history dict).  Ctrl-C stops training and keeps the best epoch's weights;
    the returned info then says `"interrupted": true`.  `on_best(s2s)`, if given, is called
    with the model after every epoch that improves on the best so far (the CLI saves it then,
    so a long run that is killed still leaves its best epoch on disk).  `init`, a Seq2Seq of the
    same kind trained on the same pairs, makes this run continue from its weights (with a fresh
    optimizer); the returned info lists the earlier runs under "previous_runs".
    """
    keras.utils.set_random_seed(cfg.seed)
    if cfg.architecture not in ("seq2seq", "attention"):
        raise ValueError(f"architecture must be 'seq2seq' or 'attention', not {cfg.architecture!r}")
    if cfg.architecture == "attention" and (level != "char" or decoder != "teacher"):
        raise ValueError("the attention model is character-level with teacher forcing (level='char', decoder='teacher')")
    if cfg.rnn_dropout and cfg.architecture != "attention":
        raise ValueError("rnn_dropout is the attention model's; the tutorial's models use dropout for their LSTMs' inputs")
    if cfg.target_units not in ("chars", "jamo"):
        raise ValueError(f"target_units must be 'chars' or 'jamo', not {cfg.target_units!r}")
    if cfg.target_units == "jamo":
        if level != "char":
            raise ValueError("target_units='jamo' is for character-level models (level='char')")
        pairs = hangul.jamo_pairs(pairs)  # the decoder writes letters; its output is composed back
    if level == "char":
        input_vocab, target_vocab = data.char_vocabs(pairs)
    else:
        input_vocab, target_vocab = data.word_vocabs(pairs, cfg.max_words)
    train_rows, val_rows = split_rows(pairs, cfg)
    pairs = train_rows + val_rows
    src, tgt = encode_pairs(pairs, input_vocab, target_vocab, level, cfg.reverse_source)
    max_enc, max_dec = max(map(len, src)), max(map(len, tgt)) - 1
    n_train, n_val = len(train_rows), len(val_rows)

    model = build_model(cfg, len(input_vocab), len(target_vocab), level, decoder, max_dec)
    earlier_runs = None
    if init is not None:
        start_from(model, init, input_vocab, target_vocab, level, cfg)
        earlier_runs = previous_runs(init)
    sparse = level == "word" or cfg.architecture == "attention"
    loss = loss_for(cfg, sparse, len(target_vocab))
    batches_per_epoch = steps_per_epoch or math.ceil(n_train / cfg.batch_size)
    model.compile(optimizer=optimizer(cfg, batches_per_epoch * cfg.epochs), loss=loss)

    fixed = (max_enc, max_dec) if decoder != "teacher" else None  # the unrolled decoder has a fixed length
    bucket = cfg.bucket and fixed is None
    common = dict(n_in=len(input_vocab), n_out=len(target_vocab), level=level, mask_loss=cfg.mask_loss, pad_to=fixed)
    t0 = time.time()

    def make_s2s(hist, interrupted, best_epoch):
        info = {
            "recipe": cfg.to_dict(),
            "decoder": decoder,
            "num_pairs": len(pairs),
            "epochs_run": len(hist.get("loss", [])),
            "best_epoch": None if best_epoch is None else best_epoch + 1,
            "wall_time_s": round(time.time() - t0, 1),
            "history": {k: [round(float(v), 5) for v in vs] for k, vs in hist.items()},
            "interrupted": interrupted,
        }
        if earlier_runs is not None:
            info["previous_runs"] = earlier_runs
        return Seq2Seq(
            model, level, input_vocab, target_vocab, max_enc, max_dec,
            reverse_source=cfg.reverse_source, mask_encoder=cfg.mask_encoder or level == "word", info=info,
            architecture=cfg.architecture,
        )

    report = None
    if on_best is not None:
        def report(cb):
            on_best(make_s2s(cb.history, True, cb.epoch))  # "interrupted" until fit() returns

    best = BestWeights("val_loss" if n_val else "loss", on_best=report)
    cbs = [best, *callbacks]
    if cfg.patience:
        cbs.append(keras.callbacks.EarlyStopping(patience=cfg.patience, restore_best_weights=True))
    if decoder == "scheduled":
        cbs.append(TeacherProbSchedule(1.0, 0.0, max(1, int(cfg.epochs * config.SCHEDULED_SAMPLING_SPAN))))

    if cfg.architecture == "attention":  # integer batches padded to their own length (batching.py)
        # Endless streams, one epoch = len(batches) steps: Keras then keeps one input iterator
        # for the whole run instead of replacing it (and waiting on it) at every epoch's start.
        train = TokenBatches(src[:n_train], tgt[:n_train], cfg.batch_size, seed=cfg.seed, endless=True)
        val = TokenBatches(src[n_train:], tgt[n_train:], cfg.batch_size, shuffle=False, endless=True) if n_val else None
        fit_args = endless_fit_args(train, val, steps_per_epoch)
    elif not cfg.bucket and not cfg.mask_loss and level == "char" and decoder == "teacher":
        # The tutorial's own call: full-length arrays, Keras's validation_split and shuffling.
        d = data.prepare_char_data(pairs, input_vocab, target_vocab, cfg.reverse_source)
        fit_args = dict(
            x=[d.encoder_input_data, d.decoder_input_data], y=d.decoder_target_data,
            batch_size=cfg.batch_size, validation_split=cfg.validation_split,
        )
    else:
        train = Batches(src[:n_train], tgt[:n_train], batch_size=cfg.batch_size, bucket=bucket, seed=cfg.seed, **common)
        val = Batches(src[n_train:], tgt[n_train:], batch_size=cfg.batch_size, bucket=bucket, **common) if n_val else None
        fit_args = dict(x=train, validation_data=val)
    fit_args.setdefault("steps_per_epoch", steps_per_epoch)  # the endless batches set their own
    try:
        model.fit(**fit_args, epochs=cfg.epochs, callbacks=cbs, verbose=verbose)
        interrupted = best.stopped
    except KeyboardInterrupt:  # a second signal, or one outside the main thread's handler
        best.on_train_end()
        interrupted = True
    if interrupted:
        best.restore()
    return make_s2s(best.history, interrupted, best.epoch), best.history
