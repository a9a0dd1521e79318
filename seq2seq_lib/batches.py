"""Token-id batches of sentence pairs, for training (`train.fit`) and evaluation (`metrics`).

`encode_pairs` turns pairs into token ids; `Batches` feeds them to Keras: one-hot for the
character models, ids for the word model, with per-position weights that zero the padding.
"""

from __future__ import annotations

import math

import keras
import numpy as np

from . import config, data


def encode_pairs(pairs, input_vocab, target_vocab, level, reverse_source=False):
    """Token ids of every pair: (sources, targets), targets wrapped in START … END."""
    start, end = target_vocab.index[config.start_token(level)], target_vocab.index[config.end_token(level)]
    src = [data.token_ids(level, en, input_vocab) for en, _ in pairs]
    tgt = [[start, *data.token_ids(level, fr, target_vocab), end] for _, fr in pairs]
    if reverse_source:
        src = [s[::-1] for s in src]
    return src, tgt


class Batches(keras.utils.PyDataset):
    """Batches of (encoder input, decoder input) → decoder target, with per-position weights.

    `bucket=True` sorts the rows by target length into batches and shuffles the batch order each
    epoch; every batch is padded only as far as it needs.
    """

    def __init__(self, src, tgt, n_in, n_out, level, batch_size, bucket=True, mask_loss=True, seed=0, pad_to=None):
        super().__init__()
        self.src, self.tgt, self.n_in, self.n_out, self.level = src, tgt, n_in, n_out, level
        self.mask_loss, self.pad_to = mask_loss, pad_to
        self.max_src = pad_to[0] if pad_to else max(map(len, src))
        self.rng = np.random.default_rng(seed)
        order = np.argsort([len(t) for t in tgt], kind="stable") if bucket else np.arange(len(tgt))
        self.batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        self.on_epoch_end()

    def __len__(self):
        return len(self.batches)

    def on_epoch_end(self):
        self.rng.shuffle(self.batches)
        # Keras reads the shapes of batches 0 and 1 to fix the input signature: put the shortest
        # and the longest batch there, so the time axis is left free (None) when lengths vary.
        lengths = [max(len(self.tgt[r]) for r in b) for b in self.batches]
        lo, hi = int(np.argmin(lengths)), int(np.argmax(lengths))
        order = [lo, hi] + [i for i in range(len(self.batches)) if i not in (lo, hi)]
        self.batches = [self.batches[i] for i in order]

    def _pad(self, seqs, length):
        out = np.zeros((len(seqs), length), dtype="int32") - 1  # -1 = padding
        for i, s in enumerate(seqs):
            out[i, : len(s)] = s[:length]
        return out

    def _one_hot(self, ids, n):
        eye = np.vstack([np.eye(n, dtype="float32"), np.zeros((1, n), dtype="float32")])
        return eye[ids]  # index -1 picks the all-zero row

    def __getitem__(self, i):
        rows = self.batches[i]
        src = [self.src[r] for r in rows]
        tgt = [self.tgt[r] for r in rows]
        round8 = lambda n: int(math.ceil(n / 8) * 8)  # noqa: E731
        te = self.max_src  # every batch's encoder input has one length (see on_epoch_end)
        td = self.pad_to[1] if self.pad_to else round8(max(map(len, tgt)) - 1)
        enc = self._pad(src, te)
        dec_in = self._pad([t[:-1] for t in tgt], td)
        dec_out = self._pad([t[1:] for t in tgt], td)
        weights = (dec_out >= 0).astype("float32") if self.mask_loss else np.ones(dec_out.shape, "float32")
        if self.level == "char":
            x = (self._one_hot(enc, self.n_in), self._one_hot(dec_in, self.n_out))
            y = self._one_hot(dec_out, self.n_out)
        else:  # word ids: padding is index 0
            x = (np.maximum(enc, 0), np.maximum(dec_in, 0))
            y = np.maximum(dec_out, 0)
        return x, y, weights
