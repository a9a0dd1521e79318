"""Training speed of the attention recipe: seconds per epoch, FLOPs per epoch, effective GFLOP/s.

Trains the `attention` recipe's model (config.attention) on N pairs drawn at random from the
recipe's training side (same held-out split as the real run, so the same length distribution)
for a few epochs with the real input pipeline (`batching.TokenBatches`), and reports:

* `s_per_epoch`: the best epoch's wall time (the first epoch also traces the step; it is
  reported separately as `first_epoch_s`), and `s_per_epoch_all_pairs`, that time scaled
  linearly to all the recipe's training pairs (the batches are a random sample, so an epoch's
  work grows with the number of pairs).
* `flops_per_epoch`: the matrix multiplications of one epoch counted analytically from the layer
  shapes and the batches' *padded* lengths (what the model actually computes): per batch of B rows,
  source length S and target length T (padded), forward
    encoder BiLSTM   2 · B·S · 2·4u·(e_in + u)       (input vector times the kernel, recurrent)
    attention keys   B·S · 2·2u·U                      (W h_s)
    decoder LSTM     B·T · 2·4U·(e_out + U)
    scores, context  B·T·S · 2·U  +  B·T·S · 2·2u
    W_c, W_s         B·T · 2·(2u+U)·A  +  B·T · 2·A·n_out
  where e_in, e_out are the embedding size (or n+1 for one-hot inputs: Keras multiplies the
  one-hot vector by the kernel), and training = 3 × forward (the backward pass costs about twice the forward).  Gates,
  softmaxes and the loss are element-wise and left out.
* `gflops_per_s`: flops_per_epoch / s_per_epoch / 1e9; and per second of CPU time of this
  process (`cpu_s_per_epoch`, `gflops_per_cpu_s`), which other programs sharing the CPU disturb
  less than the wall time (the 1-minute load average is recorded with the result).

The last line printed is one JSON object.

    python benchmarks/train_speed.py --data ../shared/data/fra-eng/fra.txt --pairs 8000 --epochs 2
"""

import argparse
import json
import math
import os
import platform
import time

import keras
import numpy as np

from seq2seq_lib import attention, batching, config, data, train
from seq2seq_lib.batching import TokenBatches


def forward_flops(shape, e_in, e_out, u, U, A, n_out):
    """Forward matmul FLOPs of one padded batch (see the module's docstring)."""
    b, s, t = shape
    enc = 2 * b * s * 2 * 4 * u * (e_in + u)
    keys = b * s * 2 * 2 * u * U
    dec = b * t * 2 * 4 * U * (e_out + U)
    attend = b * t * s * 2 * U + b * t * s * 2 * 2 * u
    out = b * t * 2 * (2 * u + U) * A + b * t * 2 * A * n_out
    return enc + keys + dec + attend + out


class EpochTimes(keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.times = []

        self.cpu_times = []

    def on_epoch_begin(self, epoch, logs=None):
        self.t0, self.c0 = time.perf_counter(), time.process_time()

    def on_epoch_end(self, epoch, logs=None):
        self.times.append(time.perf_counter() - self.t0)
        self.cpu_times.append(time.process_time() - self.c0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="fra-eng file (default: $SEQ2SEQ_DATA, else the bundled corpus)")
    ap.add_argument("--pairs", type=int, default=8000, help="training pairs to time on (0 = all)")
    ap.add_argument("--epochs", type=int, default=2, help="0 = count the FLOPs only, train nothing")
    ap.add_argument("--latent-dim", type=int, default=None, help="default: the recipe's")
    ap.add_argument("--batch-size", type=int, default=None, help="default: the recipe's")
    ap.add_argument("--embedding-dim", type=int, default=None, help="default: the recipe's (0 = one-hot)")
    ap.add_argument("--val-pairs", type=int, default=0, help="also report val_loss on this many other pairs (a "
                    "quick quality comparison of settings; the epoch times then include validation)")
    ap.add_argument("--output", default=None, help="also write the JSON here (benchmarks/results/train_speed.json)")
    args = ap.parse_args()

    cfg = config.attention()
    cfg = cfg.replace(**{k: v for k, v in {"latent_dim": args.latent_dim, "batch_size": args.batch_size,
                                         "embedding_dim": args.embedding_dim}.items() if v is not None})
    path = data.resolve_data_path(args.data)
    pairs, held = data.heldout_split(data.read_pairs(path, None, cfg.normalize_spaces), cfg)
    all_train = len(pairs) - int(len(pairs) * cfg.validation_split)  # what one real epoch trains on
    rng = np.random.default_rng(0)
    val_pairs = []
    if args.pairs and args.pairs + args.val_pairs <= len(pairs):
        chosen = rng.choice(len(pairs), args.pairs + args.val_pairs, replace=False)
        val_pairs = [pairs[i] for i in sorted(chosen[args.pairs :])]
        pairs = [pairs[i] for i in sorted(chosen[: args.pairs])]
    input_vocab, target_vocab = data.char_vocabs(pairs)
    src, tgt = train.encode_pairs(pairs, input_vocab, target_vocab, "char")
    val_pairs = [(en, fr) for en, fr in val_pairs if set(en) <= set(input_vocab.tokens) and set(fr) <= set(target_vocab.tokens)]
    val = None
    if val_pairs:
        val = TokenBatches(*train.encode_pairs(val_pairs, input_vocab, target_vocab, "char"), cfg.batch_size, shuffle=False,
                           endless=True)
    n_in, n_out = len(input_vocab), len(target_vocab)
    u, U = cfg.latent_dim // 2, cfg.latent_dim

    keras.utils.set_random_seed(cfg.seed)
    model = train.build_model(cfg, n_in, n_out)
    model.compile(optimizer=train.optimizer(cfg, 1000), loss="sparse_categorical_crossentropy")
    batches = TokenBatches(src, tgt, cfg.batch_size, seed=cfg.seed, endless=True)  # as train.fit feeds them
    e_in = cfg.embedding_dim or n_in + 1  # what the LSTMs read: learned vectors or one-hot ids
    e_out = cfg.embedding_dim or n_out + 1
    flops = 3 * sum(forward_flops(batches.shape(i), e_in, e_out, u, U, U, n_out) for i in range(len(batches)))
    if args.epochs == 0:
        print(json.dumps({"benchmark": "train_speed", "recipe": "attention", "pairs": len(pairs), "batch_size": cfg.batch_size,
                          "embedding_dim": cfg.embedding_dim, "params": model.count_params(), **batches.token_counts(),
                          "flops_per_epoch": flops}))
        return
    timer = EpochTimes()
    history = model.fit(**batching.fit_args(batches, val), epochs=args.epochs, verbose=0, callbacks=[timer]).history
    best = min(timer.times[1:] or timer.times)
    best_cpu = min(timer.cpu_times[1:] or timer.cpu_times)
    result = {
        "benchmark": "train_speed",
        "recipe": "attention",
        "data": path.name,
        "pairs": len(pairs),
        "all_training_pairs": all_train,
        "batch_size": cfg.batch_size,
        "embedding_dim": cfg.embedding_dim,
        "params": model.count_params(),
        "epochs": args.epochs,
        "epoch_times_s": [round(t, 2) for t in timer.times],
        "first_epoch_s": round(timer.times[0], 2),
        "s_per_epoch": round(best, 2),
        "s_per_epoch_all_pairs": round(best * all_train / len(pairs), 1),
        **batches.token_counts(),
        "flops_per_epoch": flops,
        "flops_per_epoch_all_pairs": round(flops * all_train / len(pairs)),
        "gflops_per_s": round(flops / best / 1e9, 3),
        "cpu_s_per_epoch": round(best_cpu, 2),  # CPU time of this process, all its threads
        "gflops_per_cpu_s": round(flops / best_cpu / 1e9, 3),
        "loss": [round(v, 4) for v in history["loss"]],
        **({"val_pairs": len(val_pairs), "val_loss": [round(v, 4) for v in history["val_loss"]]} if val else {}),
        "cpu": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2),
    }
    line = json.dumps(result)
    if args.output:
        with open(args.output, "w") as f:
            f.write(json.dumps(result, indent=1) + "\n")
    print(line)


if __name__ == "__main__":
    main()
