"""A trained model with its vocabularies and settings, saved as one `.keras` file.

The file is an ordinary Keras 3 archive (`model.save`) of the model without optimizer state,
plus one extra member, `seq2seq.json`, with what decoding needs: vocabularies, maximum
lengths, input handling, and how the model was trained.  Loading uses
`keras.saving.load_model(safe_mode=True)`, which refuses any code stored in the file.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import keras

from . import attention, models  # noqa: F401  (registers the custom layers before any load)
from .data import Vocab

META_NAME = "seq2seq.json"
FORMAT_VERSION = 1
CHECKPOINT_DIR = Path(__file__).resolve().parent / "resources" / "checkpoints"
# The default model of `translate` and of the explorer: chapter 7's character-level LSTM with
# attention, trained on all the fra-eng pairs but a held-out set (`config.attention`).  The
# chapters' own checkpoints (char_lstm, char_gru, ...) were trained on the tutorial's first
# 10,000 pairs; char_lstm_full is the tutorial's architecture on all pairs.
DEFAULT_CHECKPOINT = CHECKPOINT_DIR / "char_attention_full.keras"


class CheckpointError(ValueError):
    """A checkpoint file that cannot be used; the message says what is wrong with it."""


@dataclass
class Seq2Seq:
    """A trained encoder-decoder and everything needed to feed it and read its output."""

    model: keras.Model
    level: str  # "char" or "word"
    input_vocab: Vocab
    target_vocab: Vocab
    max_encoder_seq_length: int
    max_decoder_seq_length: int
    reverse_source: bool = False
    mask_encoder: bool = False
    info: dict = field(default_factory=dict)  # training recipe, data, history, metrics
    architecture: str = "seq2seq"  # "seq2seq" (models.py) or "attention" (attention.py)

    @property
    def cell(self) -> str:
        return "gru" if isinstance(self.model.get_layer("decoder"), keras.layers.GRU) else "lstm"

    def meta(self) -> dict:
        return {
            "format_version": FORMAT_VERSION,
            "level": self.level,
            "cell": self.cell,
            "architecture": self.architecture,
            "input_tokens": self.input_vocab.tokens,
            "target_tokens": self.target_vocab.tokens,
            "max_encoder_seq_length": self.max_encoder_seq_length,
            "max_decoder_seq_length": self.max_decoder_seq_length,
            "reverse_source": self.reverse_source,
            "mask_encoder": self.mask_encoder,
            "info": self.info,
        }


def save(s2s: Seq2Seq, path) -> Path:
    """Write `s2s` to `path` (a `.keras` file): weights and architecture, no optimizer state.

    The file is written next to its destination and renamed into place, so an interrupted save
    never leaves a half-written checkpoint where a good one was.
    """
    path = Path(path)
    if path.suffix != ".keras":
        raise CheckpointError(f"{path}: checkpoint files end in .keras")
    path.parent.mkdir(parents=True, exist_ok=True)
    # A fresh, uncompiled copy carries no optimizer state: the file holds what inference needs.
    # (clone_model would copy the compile state too; from_config builds the bare architecture.)
    bare = s2s.model.__class__.from_config(s2s.model.get_config())
    bare.set_weights(s2s.model.get_weights())
    fd, tmp = tempfile.mkstemp(suffix=".keras", dir=path.parent)
    os.close(fd)
    try:
        bare.save(tmp)
        with zipfile.ZipFile(tmp, "a", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr(META_NAME, json.dumps(s2s.meta(), ensure_ascii=False, indent=1))
        os.chmod(tmp, 0o644)  # mkstemp makes files private; a checkpoint is meant to be shared
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


# The `train` options whose value is a path on the machine that ran the command.
PATH_OPTIONS = ("--data", "--output", "--init-from")
# The repository this library sits in (when it runs from a checkout).
_REPO = Path(__file__).resolve().parent.parent


def portable_command(command: str | None) -> str | None:
    """A recorded `python -m seq2seq_lib train ...` command without the folders of the machine
    that ran it.  The value of each path option (`PATH_OPTIONS`) that is absolute becomes
    relative to the repository when it lies in this checkout; a path through a folder named
    `shared` becomes `../shared/...` from there, as the README's commands write the data
    (`/any/machine/shared/data/fra-eng/fra.txt` -> `../shared/data/fra-eng/fra.txt`, the same
    on every machine); any other path keeps its bare file name (`/tmp/x/m.keras` -> `m.keras`).  Relative paths and every other word are kept as
    recorded; `None` (no command recorded) stays `None`."""
    if command is None:
        return None
    words = shlex.split(command)
    out = []
    for i, word in enumerate(words):
        option, eq, value = word.partition("=")
        if eq and option in PATH_OPTIONS:
            word = f"{option}={_portable_path(value)}"
        elif i > 0 and words[i - 1] in PATH_OPTIONS:
            word = _portable_path(word)
        out.append(word)
    return shlex.join(out)


def _portable_path(value: str) -> str:
    if not os.path.isabs(value):
        return value
    path = Path(os.path.normpath(value))
    if path.is_relative_to(_REPO):  # in this checkout
        return os.path.relpath(path, _REPO)
    if "shared" in path.parts[:-1]:  # the data folder beside a checkout, wherever that was
        last = len(path.parts) - 1 - path.parts[::-1].index("shared")
        return str(Path("..", *path.parts[last:]))
    return path.name or value


def shipped_path(name: str) -> Path:
    """Where the shipped checkpoint `name` (e.g. "char_lstm") lives, whether or not it exists."""
    return CHECKPOINT_DIR / f"{name}.keras"


def shipped_files(names) -> dict:
    """{name: path} of the shipped checkpoints among `names` whose file exists, in that order."""
    found = {n: shipped_path(n) for n in names}
    return {n: p for n, p in found.items() if p.is_file()}


def resolve(name_or_path) -> Path:
    """A checkpoint file from a path, or from the bare name of a shipped checkpoint: a name
    without folder or suffix (e.g. "char_lstm_full") that is not a file here."""
    path = Path(name_or_path)
    if path.suffix or len(path.parts) != 1 or path.exists():
        return path
    shipped = shipped_path(path.name)
    if not shipped.is_file():
        names = ", ".join(sorted(p.stem for p in CHECKPOINT_DIR.glob("*.keras")))
        raise CheckpointError(f"{name_or_path}: neither a checkpoint file nor a shipped model ({names})")
    return shipped


RESULTS_HELP = "where to write the JSON ('-' = nowhere; default benchmarks/results/, for shipped checkpoints only)"


def results_path(output, default: Path, models) -> Path | None:
    """Where a benchmark writes its JSON: `output` when given ('-' = nowhere: None), else `default`
    (benchmarks/results/, whose figures the book and README quote), but only when every checkpoint
    in `models` (names or paths) is a shipped one, so that measuring a candidate cannot overwrite
    the shipped models' figures.  (`RESULTS_HELP` says so in the scripts' --help.)"""
    if output is not None:
        return None if output == "-" else Path(output)
    others = [str(m) for m in models if resolve(m).resolve().parent != CHECKPOINT_DIR]
    if others:
        raise ValueError(f"{', '.join(others)}: not a shipped checkpoint; {default.name} holds the shipped models' "
                         f"figures, so give --output for these")
    return default


def read_meta(path) -> dict:
    """The `seq2seq.json` member of a checkpoint, with clear errors for damaged files."""
    path = resolve(path)
    if not path.is_file():
        raise CheckpointError(f"{path}: no such checkpoint file")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if META_NAME not in names:
                raise CheckpointError(f"{path}: a Keras file without {META_NAME}; not a seq2seq_lib checkpoint")
            if z.testzip() is not None:
                raise CheckpointError(f"{path}: damaged archive (a member fails its CRC check)")
            meta = json.loads(z.read(META_NAME).decode("utf-8"))
    except (zipfile.BadZipFile, EOFError, OSError) as e:
        raise CheckpointError(f"{path}: not a complete .keras archive (truncated or not a zip file: {e})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CheckpointError(f"{path}: {META_NAME} is not valid JSON ({e})") from None
    if meta.get("format_version") != FORMAT_VERSION:
        raise CheckpointError(f"{path}: checkpoint format {meta.get('format_version')!r}, this library reads {FORMAT_VERSION}")
    return meta


def model_card(path) -> dict:
    """The JSON block of a checkpoint's model card (`<name>.md` beside it, written by
    tools/model_card.py): its sample translations and held-out scores."""
    card = resolve(path).with_suffix(".md")
    if not card.is_file():
        raise CheckpointError(f"{card}: no model card beside the checkpoint")
    block = re.search(r"```json\n(.*?)\n```", card.read_text(encoding="utf-8"), re.S)
    if not block:
        raise CheckpointError(f"{card}: the model card has no JSON block")
    return json.loads(block.group(1))


def load(path=None) -> Seq2Seq:
    """Load a checkpoint, a path or a shipped model's name (default: `DEFAULT_CHECKPOINT`), with
    `safe_mode=True`."""
    path = resolve(path) if path is not None else DEFAULT_CHECKPOINT
    meta = read_meta(path)
    try:
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
    except Exception as e:  # Keras raises many types for damaged files; name the file and cause
        raise CheckpointError(f"{path}: Keras could not load the model ({type(e).__name__}: {str(e)[:200]})") from None
    s2s = Seq2Seq(
        model=model,
        level=meta["level"],
        input_vocab=Vocab(meta["input_tokens"]),
        target_vocab=Vocab(meta["target_tokens"]),
        max_encoder_seq_length=meta["max_encoder_seq_length"],
        max_decoder_seq_length=meta["max_decoder_seq_length"],
        reverse_source=meta.get("reverse_source", False),
        mask_encoder=meta.get("mask_encoder", False),
        info=meta.get("info", {}),
        architecture=meta.get("architecture", "seq2seq"),
    )
    _check_consistent(s2s, path)
    return s2s


def _check_consistent(s2s: Seq2Seq, path):
    """The vocabularies in seq2seq.json must fit the model's input and output layers."""
    try:
        dense = s2s.model.get_layer("decoder_dense")
        s2s.model.get_layer("encoder")
    except ValueError as e:
        raise CheckpointError(f"{path}: the model lacks a layer this library needs ({e})") from None
    if dense.units != len(s2s.target_vocab):
        raise CheckpointError(
            f"{path}: mismatched checkpoint: {len(s2s.target_vocab)} target tokens in {META_NAME} "
            f"but the output layer has {dense.units}"
        )
    if s2s.architecture not in ("seq2seq", "attention"):
        raise CheckpointError(f"{path}: unknown architecture {s2s.architecture!r} (this library reads seq2seq, attention)")
    if s2s.architecture == "attention":
        n_in = s2s.model.get_layer("encoder_embedding").input_dim - 1  # id 0 is padding
    elif s2s.level == "char":
        n_in = s2s.model.inputs[0].shape[-1]
    else:
        n_in = s2s.model.get_layer("encoder_embedding").input_dim
    if n_in != len(s2s.input_vocab):
        raise CheckpointError(
            f"{path}: mismatched checkpoint: {len(s2s.input_vocab)} input tokens in {META_NAME} but the model reads {n_in}"
        )
