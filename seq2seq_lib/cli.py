"""`python -m seq2seq_lib {train,translate,evaluate,download}`.

Errors the user can fix (bad data file, bad checkpoint, bad sentence, no network) end with one
line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import sys
from pathlib import Path

from . import beam, config

# Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as a shell reports it).
INTERRUPTED = 130

EXAMPLES = """examples:
  python -m seq2seq_lib translate "Be nice." "I'm tired."
  echo "Go away." | python -m seq2seq_lib translate
  python -m seq2seq_lib translate --trace "Be nice."
  python -m seq2seq_lib translate --beam 5 --alpha 0.6 --n-best 3 "Be nice."
  python -m seq2seq_lib train --epochs 3 --output my_model.keras
  python -m seq2seq_lib train --data ../shared/data/fra-eng/fra.txt --recipe fast --output m.keras
  python -m seq2seq_lib train --data ../shared/data/fra-eng/fra.txt --recipe attention --output a.keras
"""


def _parser():
    p = argparse.ArgumentParser(
        prog="python -m seq2seq_lib",
        description="Character- and word-level sequence-to-sequence translation (English→French) in Keras 3.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("train", help="train a model and save it as a .keras checkpoint",
                       description="Train an encoder-decoder on fra-eng pairs. Ctrl-C stops and keeps the best weights so far.")
    t.add_argument("--data", default=None, help="fra-eng file (English<TAB>French per line); 'bundled' = the corpus "
                   f"shipped with the library, 'bundled-ko' = its English→Korean one (default: ${config.DATA_ENV} "
                   "if set, else bundled)")
    t.add_argument("--target-units", choices=["chars", "jamo"], default=None, help="Korean targets: one token per "
                   "character (default) or per jamo letter (Unicode NFD; the output is composed back)")
    t.add_argument("--num-samples", type=int, default=None,
                   help="use the first N pairs (default: the recipe's, 10000 as the tutorial; 0 = all)")
    t.add_argument("--holdout", type=float, default=None, help="keep this share of English sentences (with all "
                   "their translations) out of training, for `evaluate` (default: the recipe's, 0 but for full)")
    t.add_argument("--benchmark-holdout", action="store_true", help="also keep out the held-out English sentences "
                   "of benchmarks/train_recipe.py's split of DATA's first 10,000 pairs (as the recipes full and "
                   "attention do; default: the recipe's)")
    t.add_argument("--extra-pairs", metavar="FILE", default=None, help="more training pairs from FILE ('bundled-ko' "
                   "= the bundled English→Korean corpus), added after the held-out split; pairs whose English is "
                   "held out, or already in training, are dropped")
    t.add_argument("--random-validation", action="store_true", help="draw the validation rows at random "
                   "(default: the last rows, as the tutorial's validation_split)")
    t.add_argument("--validation-by-sentence", action="store_true", help="validate on whole English sentences "
                   "(all their translations), none of which training sees (default: split by rows)")
    t.add_argument("--recipe", choices=sorted(config.RECIPES), default="fast",
                   help="baseline = the tutorial's recipe; fast = bucketing, masked loss, Adam, early stopping "
                   "(default); full = the default model's: fast + reversed source + cosine schedule, all pairs; "
                   "attention = chapter 7's character model with Luong attention, all pairs, full's held-out split")
    t.add_argument("--level", choices=["char", "word"], default="char", help="character- or word-level model")
    t.add_argument("--cell", choices=["lstm", "gru"], default="lstm")
    t.add_argument("--decoder", choices=["teacher", "free", "scheduled", "softmax"], default="teacher",
                   help="teacher forcing (default); free running fed its own argmax (free) or, as the post's model, "
                   "its whole softmax output (softmax); or scheduled sampling")
    t.add_argument("--epochs", type=int, help="number of epochs (default: the recipe's)")
    t.add_argument("--latent-dim", type=int, help="state size (default 256)")
    t.add_argument("--batch-size", type=int, help="batch size (default: the recipe's)")
    t.add_argument("--validation-split", type=float, help="share of the training rows used for val_loss (default: the recipe's)")
    t.add_argument("--patience", type=int, help="early stopping patience in epochs, 0 = off (default: the recipe's)")
    t.add_argument("--embedding-dim", type=int, help="word vectors' size (word level; default 128), or the attention "
                   "model's character vectors (default 32; 0 = one-hot)")
    t.add_argument("--max-words", type=int, help="vocabulary cap per language (word level)")
    t.add_argument("--reverse-source", action="store_true", help="read the English sentence backwards")
    t.add_argument("--learning-rate", type=float, help="initial learning rate (default: the recipe's)")
    t.add_argument("--dropout", type=float, help="dropout rate (default: the recipe's; the attention model drops "
                   "units of its attentional hidden state, the others the recurrent layers' inputs)")
    t.add_argument("--rnn-dropout", type=float, help="attention model: dropout on its LSTMs' inputs (default: the "
                   "recipe's, 0)")
    t.add_argument("--label-smoothing", type=float, help="share of each target's probability spread over the whole "
                   "alphabet in the loss (default: the recipe's, 0)")
    t.add_argument("--init-from", metavar="CHECKPOINT", help="continue training this checkpoint (same data and "
                   "recipe; the optimizer starts afresh, the schedule runs over --epochs)")
    t.add_argument("--output", "-o", default="model.keras", help="where to save the checkpoint (default model.keras)")
    t.add_argument("--overwrite", action="store_true", help="replace --output if it exists")

    tr = sub.add_parser("translate", help="translate English sentences to French",
                        description="Translate sentences given as arguments, or one per line on stdin "
                        "(then exactly one output line per input line; refused lines print empty, the reason goes to stderr).")
    tr.add_argument("sentences", nargs="*", help="English sentences (default: read lines from stdin)")
    tr.add_argument("--model", "-m", default=None, help="a .keras checkpoint or a shipped model's name (e.g. char_lstm_full); "
                    "default: the shipped default model, char_attention_full")
    tr.add_argument("--trace", action="store_true", help="print each decoding step with its top-k candidates")
    tr.add_argument("--top-k", type=int, default=config.TOP_K, help="candidates shown per step with --trace")
    _beam_options(tr)
    tr.add_argument("--n-best", type=int, default=1, help="print the N best translations of each sentence with their "
                    "scores, a block per sentence (needs --beam N or wider)")

    ev = sub.add_parser("evaluate", help="held-out metrics of a checkpoint on a fra-eng file")
    ev.add_argument("checkpoint", help="a .keras checkpoint or a shipped model's name")
    ev.add_argument("data", help="fra-eng file of held-out pairs ('bundled' = the bundled corpus)")
    ev.add_argument("--num-samples", type=int, default=None, help="only the first N pairs")
    ev.add_argument("--heldout", action="store_true", help="only the pairs the checkpoint's training held out "
                    "(rebuilt from the recipe stored in it; DATA must be the file it was trained on)")
    ev.add_argument("--benchmark", action="store_true", help="only the held-out pairs of benchmarks/train_recipe.py "
                    "(data.benchmark_split of DATA's first 10,000 pairs: 993 pairs of fra.txt), which the recipes "
                    "full and attention also keep out of training")

    _beam_options(ev)

    ex = sub.add_parser("export", help="export checkpoints for the book's in-browser decoder",
                        description="Write <name>.json + <name>.bin (float32 weights) for book/_static/decoder.js. "
                        "Without --checkpoint, every shipped checkpoint that exists is exported under its own name.")
    ex.add_argument("--checkpoint", "-c", default=None, help="a .keras checkpoint (default: all shipped checkpoints)")
    ex.add_argument("--name", default=None, help="file name stem (default: the checkpoint's, e.g. char_lstm)")
    ex.add_argument("--out", default=None, help="output folder (default: book/_static/models in this repository)")

    d = sub.add_parser("download", help="download the full fra-eng data set (the only network access)")
    d.add_argument("--origin", default=None, help="URL of fra-eng.zip")
    d.add_argument("--cache-dir", default=None, help="where to keep it (default ~/.keras)")
    d.add_argument("--sha256", default=None, help="expected sha256 of the zip; a mismatch is refused")
    return p


def run() -> None:
    """The command line's entry point: `main`, then exit with its code."""
    code = main()
    if code == INTERRUPTED:
        # Stopped by Ctrl-C or kill with the checkpoint already written and closed: leave at
        # once.  An interrupted fit() can leave TensorFlow's input pipeline waiting on a batch
        # generator that will never run again, and a normal shutdown could wait for it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    from .checkpoints import CheckpointError
    from .data import DataFormatError
    from .download import DownloadError

    try:
        commands = {"train": _train, "translate": _translate, "evaluate": _evaluate, "export": _export, "download": _download}
        return commands[args.command](args)
    except (CheckpointError, DataFormatError, DownloadError, FileNotFoundError, FileExistsError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C outside training (training handles its own, see _train)
        print("interrupted", file=sys.stderr)
        return INTERRUPTED


def train_config(args) -> config.TrainConfig:
    """The recipe `train` uses: `--recipe`, changed by the options given."""
    cfg = config.RECIPES[args.recipe]().replace(cell=args.cell)
    changes = {"epochs": args.epochs, "latent_dim": args.latent_dim, "batch_size": args.batch_size,
               "embedding_dim": args.embedding_dim, "max_words": args.max_words, "num_samples": args.num_samples,
               "validation_split": args.validation_split, "patience": args.patience, "holdout": args.holdout,
               "learning_rate": args.learning_rate, "target_units": args.target_units, "dropout": args.dropout,
               "rnn_dropout": args.rnn_dropout, "label_smoothing": args.label_smoothing}
    cfg = cfg.replace(**{k: v for k, v in changes.items() if v is not None})
    return cfg.replace(reverse_source=args.reverse_source or cfg.reverse_source,
                       random_validation=args.random_validation or cfg.random_validation,
                       validation_by_sentence=args.validation_by_sentence or cfg.validation_by_sentence,
                       benchmark_holdout=getattr(args, "benchmark_holdout", False) or cfg.benchmark_holdout)


def _train(args) -> int:
    from . import checkpoints, data, train

    out = Path(args.output)
    if out.exists() and not args.overwrite:
        raise FileExistsError(f"{out} exists; pass --overwrite to replace it or choose another --output")
    cfg = train_config(args)
    init = checkpoints.load(args.init_from) if args.init_from else None
    path = data.resolve_data_path(args.data)
    pairs = data.read_pairs(path, cfg.num_samples or None, cfg.normalize_spaces)
    pairs, held = data.heldout_split(pairs, cfg)
    extra = None
    if args.extra_pairs:
        extra_path = data.resolve_data_path(args.extra_pairs)
        pairs, extra = data.with_extra_pairs(pairs, held, data.read_pairs(extra_path, None, cfg.normalize_spaces))
        extra = {"file": args.extra_pairs if args.extra_pairs in data.BUNDLED else extra_path.name, **extra}
        print(f"added {extra['added']} pairs of {extra_path} ({extra['dropped_heldout']} dropped: English held out; "
              f"{extra['dropped_duplicate']} already in training)", file=sys.stderr)
    print(f"training a {args.level}-level {cfg.cell.upper()} ({args.decoder} decoder, {args.recipe} recipe) "
          f"on {len(pairs)} pairs of {path} ({len(held)} held out)", file=sys.stderr)
    # Recorded without this machine's folders: checkpoints and their model cards are shared.
    command = (checkpoints.portable_command("python -m seq2seq_lib " + shlex.join(sys.argv[1:]))
               if sys.argv[1:2] == ["train"] else None)

    def save(s2s):
        s2s.info["data"] = {"file": path.name, "num_pairs": len(pairs), "heldout_pairs": len(held),
                            "heldout": "data.heldout_split(pairs, recipe)" if held else None}
        if extra is not None:
            s2s.info["data"]["extra_pairs"] = extra
        s2s.info["command"] = command
        checkpoints.save(s2s, out)

    # Ctrl-C or `kill PID` (SIGTERM) stops training after the current batch (train.BestWeights);
    # the best epoch so far is kept and saved.  (A job started in the background by a shell
    # ignores SIGINT, so only `kill` reaches it.)
    s2s, _ = train.fit(pairs, cfg, level=args.level, decoder=args.decoder, on_best=save, init=init)
    info = s2s.info
    if info["interrupted"]:
        # A second Ctrl-C or kill must not cut the save short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        save(s2s)
        print(f"interrupted: saved the best epoch so far ({info['best_epoch']}) to {out}", file=sys.stderr)
        return INTERRUPTED
    save(s2s)
    print(f"saved {out} ({info['epochs_run']} epochs, {info['wall_time_s']} s)", file=sys.stderr)
    return 0


def _beam_options(parser):
    parser.add_argument("--beam", type=_checked(int, lambda v: beam.check_options(v, 0.0)), default=1, metavar="K",
                        help=f"beam search keeping K prefixes (1-{beam.MAX_BEAM}; default 1 = greedy decoding)")
    parser.add_argument("--alpha", type=_checked(float, lambda v: beam.check_options(1, v)), default=0.0, metavar="A",
                        help="length normalization of beam search: scores are logp / ((5 + L) / 6) ** A (0-2; default 0)")


def _checked(kind, check):
    """An argparse type: `kind(text)`, then `check` (a ValueError becomes argparse's message)."""
    def parse(text):
        try:
            value = kind(text)
            check(value)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e) if "must be" in str(e) else f"not a {'whole ' if kind is int else ''}number: {text!r}")
        return value
    return parse


def _translate(args) -> int:
    from . import checkpoints
    from .decoding import InputError, Translator, show_token

    translator = Translator(checkpoints.load(args.model))
    from_stdin = not args.sentences
    sentences = [line.rstrip("\r\n") for line in sys.stdin] if from_stdin else args.sentences
    failed = 0
    if args.n_best > args.beam:
        print(f"error: --n-best {args.n_best} needs --beam {args.n_best} or wider", file=sys.stderr)
        return 2
    if args.trace:
        if args.beam > 1:
            print("error: --trace shows greedy decoding; the beam's tree is in the explorer (chapter 8)", file=sys.stderr)
            return 2
        for s in sentences:
            try:
                tr = translator.trace(s, top_k=args.top_k)
            except InputError as e:
                print(f"error: {s!r}: {e}", file=sys.stderr)
                failed += 1
                continue
            print(f"{tr.source} → {tr.output}")
            print(f"{'step':>4}  {'chosen':<8} {'p':>6}  top-{args.top_k}")
            for i, st in enumerate(tr.steps):
                cands = "  ".join(f"{show_token(t)} {p:.2f}" for t, p in st.candidates)
                print(f"{i:>4}  {show_token(st.token):<8} {st.prob:6.3f}  {cands}")
            print(f"stop: {tr.stop_reason}\n")
        return 1 if failed else 0
    results = translator.translate(sentences, beam_size=args.beam, alpha=args.alpha, n_best=args.n_best)
    for i, result in enumerate(results, start=1):
        if isinstance(result, InputError):
            where = f"line {i}" if from_stdin else repr(sentences[i - 1])
            print(f"error: {where}: {result}", file=sys.stderr)
            failed += 1
            if from_stdin and args.n_best == 1:
                print()  # keep one output line per input line
        elif args.n_best > 1:  # a block per sentence: rank, score, log-probability, translation
            print(sentences[i - 1])
            for rank, h in enumerate(result, start=1):
                print(f"{rank}\t{h.score:.3f}\t{h.logp:.3f}\t{h.output}" + ("" if h.finished else "\t(unfinished)"))
            print()
        else:
            print(result)
    return 1 if failed else 0


def _evaluate(args) -> int:
    import json

    from . import checkpoints, data, metrics

    s2s = checkpoints.load(args.checkpoint)
    if args.benchmark:
        recipe = config.TrainConfig.from_dict(s2s.info.get("recipe", {}))
        pairs = data.read_pairs(data.resolve_data_path(args.data), config.BENCHMARK_NUM_SAMPLES, recipe.normalize_spaces)
        pairs = data.benchmark_split(pairs)[1][: args.num_samples or None]
    elif args.heldout:
        recipe = config.TrainConfig.from_dict(s2s.info.get("recipe", {}))
        if not (recipe.holdout or recipe.benchmark_holdout):
            print(f"error: {args.checkpoint}: trained without a held-out split; drop --heldout", file=sys.stderr)
            return 2
        pairs = data.read_pairs(data.resolve_data_path(args.data), recipe.num_samples or None, recipe.normalize_spaces)
        pairs = data.heldout_split(pairs, recipe)[1]
        if args.num_samples:
            pairs = pairs[: args.num_samples]
    else:
        pairs = data.read_pairs(data.resolve_data_path(args.data), args.num_samples)
    result = metrics.evaluate(s2s, pairs, beam_size=args.beam, alpha=args.alpha)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


def _download(args) -> int:
    from .download import FRA_ENG_URL, download_fra_eng

    path = download_fra_eng(args.origin or FRA_ENG_URL, args.cache_dir, args.sha256)
    print(path)
    return 0


def _export(args) -> int:
    from .export import main_export

    return main_export(args)
