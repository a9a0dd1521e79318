"""Integer batches padded only to their own length: the fast input pipeline of the attention model.

`train.Batches` (chapters 2–6) pads every encoder input to the longest English sentence of the
whole data set and builds one-hot arrays in Python.  `TokenBatches` instead

* sorts the rows by (target length, source length) and cuts the sorted list into batches, so
  sentences of similar length travel together;
* pads each batch's source and target only to *that batch's* longest, rounded up to a multiple
  of `round_to` (few distinct shapes);
* hands the model int32 ids (0 = padding, see `attention.token_ids`): the one-hot happens inside
  the model, and each batch is a few kilobytes instead of megabytes;
* puts first in every epoch the batch with the shortest target and then a long batch whose
  padded source *and* target lengths both differ from it: Keras reads the first two batches to
  fix the input signature, so both time axes stay `None` and the training step is traced once
  for all shapes.

The targets are vocabulary indices (the softmax's classes); padded positions get weight 0.

`endless=True` makes the batches one stream without end, batch `i` being batch `i % len` of
epoch `i // len` (each epoch's order drawn from the seed and the epoch's number); `fit_args`
gives `model.fit` the `steps_per_epoch=len(batches)` it then needs, and Keras keeps one input
iterator for the whole run.  With a
finite PyDataset, Keras replaces its TensorFlow iterator at every epoch's end, and on this
machine some epochs then waited 20–50 s before their first batch (see train.fit).
"""

from __future__ import annotations

import math

import keras
import numpy as np

from .attention import PAD_ID, pad_ids, token_ids


def fit_args(train, val=None, steps_per_epoch=None) -> dict:
    """`model.fit` arguments for endless `TokenBatches`: an epoch is `len(train)` steps (or
    `steps_per_epoch`), validation `len(val)`, and the order is the stream's own.  Without
    `steps_per_epoch` Keras would never end the first epoch of an endless stream."""
    if not train.endless or (val is not None and not val.endless):
        raise ValueError("fit_args is for endless TokenBatches (endless=True)")
    return dict(x=train, validation_data=val, steps_per_epoch=steps_per_epoch or len(train),
                validation_steps=len(val) if val is not None else None, shuffle=False)


def round_up(n, multiple):
    return int(math.ceil(n / multiple) * multiple)


class TokenBatches(keras.utils.PyDataset):
    """((source ids, decoder input ids), target indices, weights) for `model.fit`.

    `src`: lists of vocabulary indices of the English sentences; `tgt`: lists of indices of the
    French sentences wrapped in START … END.  The batch order is shuffled every epoch (with the
    shortest and longest first, see the module's docstring).
    """

    def __init__(self, src, tgt, batch_size, seed=0, round_to=1, shuffle=True, endless=False):
        super().__init__()
        if len(src) != len(tgt) or not src:
            raise ValueError(f"need as many sources as targets, and at least one: got {len(src)} and {len(tgt)}")
        self.src = [token_ids(s) for s in src]
        self.dec_in = [token_ids(t[:-1]) for t in tgt]
        self.dec_out = [list(t[1:]) for t in tgt]
        self.round_to, self.shuffle, self.seed, self.endless = round_to, shuffle, seed, endless
        order = np.lexsort(([len(s) for s in src], [len(t) for t in tgt]))  # by target, then source
        self.groups = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        self.epoch = None
        self._arrange(0)

    def __len__(self):
        """Batches in one epoch (also when the stream is endless)."""
        return len(self.groups)

    @property
    def num_batches(self):
        return None if self.endless else len(self.groups)

    def on_epoch_end(self):
        if not self.endless:  # an endless stream's order follows from the batch's index alone
            self._arrange(self.epoch + 1)

    def _arrange(self, epoch):
        """Set `self.batches` to epoch `epoch`'s order of the row groups."""
        if epoch == self.epoch:
            return
        self.epoch = epoch
        order = np.random.default_rng([self.seed, epoch]).permutation(len(self.groups)) if self.shuffle else range(len(self.groups))
        batches = [self.groups[i] for i in order]
        # Keras fixes the input signature from batches 0 and 1: any axis on which they agree
        # becomes a fixed size.  Put first the batch with the shortest target and second the
        # longest batch that differs from it in *both* padded lengths.
        shapes = [self._own_shape(b) for b in batches]
        first = min(range(len(shapes)), key=lambda i: (shapes[i][2], shapes[i][1]))
        differ = [i for i, s in enumerate(shapes) if s[1] != shapes[first][1] and s[2] != shapes[first][2]]
        if differ:
            second = max(differ, key=lambda i: (shapes[i][2], shapes[i][1]))
            self.fixed = None
        else:  # too few batches to free both axes (tiny data): pad every batch to the largest
            second = None
            self.fixed = (max(s[1] for s in shapes), max(s[2] for s in shapes))
        head = [first] + ([second] if second is not None else [])
        self.batches = [batches[i] for i in head + [i for i in range(len(shapes)) if i not in head]]

    def _own_shape(self, rows):
        return (len(rows), round_up(max(len(self.src[r]) for r in rows), self.round_to),
                round_up(max(len(self.dec_in[r]) for r in rows), self.round_to))

    def shape(self, i):
        """(rows, padded source length, padded target length) of batch `i`."""
        n, ts, td = self._own_shape(self.batches[i])
        return (n, *self.fixed) if self.fixed else (n, ts, td)

    def __getitem__(self, i):
        if self.endless:
            epoch, i = divmod(i, len(self.groups))
            self._arrange(epoch)
        rows = self.batches[i]
        _, ts, td = self.shape(i)
        enc = pad_ids([self.src[r] for r in rows], ts)
        dec_in = pad_ids([self.dec_in[r] for r in rows], td)
        dec_out = pad_ids([self.dec_out[r] for r in rows], td)  # index 0 is a real class: use the weights
        weights = (dec_in != PAD_ID).astype("float32")
        return (enc, dec_in), dec_out, weights

    def token_counts(self):
        """Real and padded (source, target) tokens over one epoch: what the model computes on."""
        real_s = sum(map(len, self.src))
        real_t = sum(map(len, self.dec_in))
        pad_s = pad_t = 0
        for i in range(len(self)):
            n, ts, td = self.shape(i)
            pad_s += n * ts
            pad_t += n * td
        return {"source_tokens": real_s, "target_tokens": real_t, "padded_source_tokens": pad_s,
                "padded_target_tokens": pad_t, "batches": len(self)}
