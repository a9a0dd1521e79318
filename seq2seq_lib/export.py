"""Export a trained model for the in-browser decoder (`book/_static/decoder.js`).

A model becomes two files:

* `<name>.json`, the header: vocabularies, maximum lengths, input handling, special tokens,
  and an `arrays` list of `{name, shape, offset, length}` (offset and length in bytes) into
* `<name>.bin`: the weight arrays as little-endian float32, row-major, one after the other.

The arrays are the ones `cells.RecurrentCore` computes with, so the JavaScript forward pass
mirrors the NumPy one step for step:

    enc_table      (input tokens + 1, G)  row t = one-hot(t) @ encoder kernel; last row = padding (zeros)
    enc_recurrent  (units, G)             enc_bias  (G,) for LSTM, (2, G) for GRU (reset_after)
    dec_table      (target tokens, G)     dec_recurrent (units, G)    dec_bias
    dense_kernel   (units, target tokens) dense_bias (target tokens,)

where G = 4 * units for an LSTM (gates i, f, g, o) and 3 * units for a GRU (z, r, h).

Word-level models are the one exception: `E @ W` (vocabulary x G) would be G / embedding_dim
times the size of the embedding (vocabulary x embedding_dim; 768 / 64 = 12 times for the shipped
word model), so their files keep `enc_embedding` + `enc_kernel`
and `dec_embedding` + `dec_kernel`, and the decoder multiplies one embedding row by the kernel
at each step (the header says `"input": "embedding"` instead of `"table"`).

Nothing in the files depends on when or where they were written (the tables are summed in
float64 and rounded to float32, `cells._table`, because float32 sums differ in their last bits
from one CPU to another): exporting the same checkpoint twice gives the same bytes, which is how
the tests check that the files in `book/_static/models/` are in step with the shipped checkpoints.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

from . import cells, checkpoints, config, sentences, shipped

FORMAT = "seq2seq-web"
FORMAT_VERSION = 3  # 2: input rules, messages and the joining rule travel in the header;
# 3: the joining rule says how joined text is composed (`compose`: "NFC" for characters, so
# the letters of a Korean jamo model become syllables in the browser as in Python)
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "book" / "_static" / "models"
SHIPPED = shipped.WEB_MODELS  # the others are only loaded by notebooks
# Training facts worth showing next to a model in the browser (the full history stays out).
INFO_KEYS = ("recipe", "decoder", "num_pairs", "epochs_run", "best_epoch", "wall_time_s", "data")


def web_arrays(s2s) -> dict:
    """{name: float32 array} in file order: what the model's step core computes with
    (`cells.core_for(s2s).web_arrays()`; the JavaScript core of the same name reads them)."""
    return {k: np.ascontiguousarray(np.asarray(a, dtype="<f4")) for k, a in cells.core_for(s2s).web_arrays().items()}


def _special_tokens(level):
    tokens = {"start": config.start_token(level), "end": config.end_token(level)}
    return tokens if level == "char" else {**tokens, "pad": config.PAD_WORD, "unk": config.OOV_WORD}


def _info(s2s) -> dict:
    info = {k: s2s.info[k] for k in INFO_KEYS if k in s2s.info}
    val = (s2s.info.get("history") or {}).get("val_loss")
    if val:
        info["best_val_loss"] = min(val)
    return info


def web_header_and_bytes(s2s, name: str, checkpoint=None):
    """(header dict, bytes of the .bin) for `s2s`; `checkpoint` is the file it came from, if any."""
    arrays = web_arrays(s2s)
    blobs, entries, offset = [], [], 0
    for key, a in arrays.items():
        b = a.tobytes()
        entries.append({"name": key, "shape": list(a.shape), "offset": offset, "length": len(b)})
        blobs.append(b)
        offset += len(b)
    payload = b"".join(blobs)
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "name": name,
        "level": s2s.level,
        "cell": s2s.cell,
        "core": cells.core_kind(s2s),
        "units": int(cells.core_for(s2s).units),
        "input": "embedding" if s2s.level == "word" else "table",
        "input_tokens": list(s2s.input_vocab.tokens),
        "target_tokens": list(s2s.target_vocab.tokens),
        "max_encoder_seq_length": int(s2s.max_encoder_seq_length),
        "max_decoder_seq_length": int(s2s.max_decoder_seq_length),
        "reverse_source": bool(s2s.reverse_source),
        "mask_encoder": bool(s2s.mask_encoder),
        "special_tokens": _special_tokens(s2s.level),
        "join": sentences.join_rule(s2s.level),
        "messages": sentences.MESSAGES,
        "max_listed": sentences.MAX_LISTED,
        "top_k": config.TOP_K,
        "dtype": "float32",
        "byte_order": "little",
        "bin_bytes": len(payload),
        "bin_sha256": hashlib.sha256(payload).hexdigest(),
        "checkpoint": Path(checkpoint).name if checkpoint is not None else None,
        "info": _info(s2s),
        "arrays": entries,
    }
    return header, payload


def header_text(header: dict) -> str:
    """The header as JSON with one key per line (and one line per array): small, diffable."""
    dump = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    lines = [f" {dump(k)}: {dump(v)}" for k, v in header.items() if k != "arrays"]
    lines.append(' "arrays": [\n' + ",\n".join(f"  {dump(a)}" for a in header["arrays"]) + "\n ]")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _write(path: Path, data: bytes):
    """Write next to the destination, then rename: never a half-written model file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _good_name(name) -> bool:
    return bool(name) and all(c.isascii() and (c.isalnum() or c in "_-") for c in name)


def export_web(s2s, out_dir, name: str, checkpoint=None):
    """Write `<out_dir>/<name>.json` and `<name>.bin`; returns the two paths (.json, .bin)."""
    if not _good_name(name):
        raise ValueError(f"bad model name {name!r}: use letters, digits, '_' or '-'")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    header, payload = web_header_and_bytes(s2s, name, checkpoint)
    text = header_text(header)
    json_path, bin_path = out / f"{name}.json", out / f"{name}.bin"
    _write(bin_path, payload)  # the .bin first: a header never points at a missing binary
    _write(json_path, text.encode("utf-8"))
    return json_path, bin_path


def shipped_checkpoints() -> dict:
    """{name: path} of the shipped checkpoints that exist, in `SHIPPED` order."""
    return checkpoints.shipped_files(SHIPPED)


def export_checkpoint(path, out_dir=DEFAULT_OUT, name=None):
    """Load a `.keras` checkpoint and export it (name: the file's stem unless given)."""
    path = Path(path)
    return export_web(checkpoints.load(path), out_dir, name or path.stem, checkpoint=path)


def export_all(out_dir=DEFAULT_OUT) -> dict:
    """Export every shipped checkpoint that exists; {name: (json path, bin path)}."""
    return {name: export_checkpoint(path, out_dir, name) for name, path in shipped_checkpoints().items()}


def main_export(args) -> int:
    """`python -m seq2seq_lib export [--checkpoint PATH] [--name NAME] [--out DIR]`.

    Without --checkpoint: every shipped checkpoint that exists.  Prints one line per model.
    """
    out = Path(args.out) if getattr(args, "out", None) else DEFAULT_OUT
    if getattr(args, "name", None) and not _good_name(args.name):
        print(f"error: bad --name {args.name!r}: use letters, digits, '_' or '-'", file=sys.stderr)
        return 2
    if getattr(args, "checkpoint", None):
        done = {args.name or Path(args.checkpoint).stem: export_checkpoint(args.checkpoint, out, args.name)}
    else:
        if getattr(args, "name", None):
            raise FileNotFoundError("--name needs --checkpoint (without it, every shipped model is exported under its own name)")
        done = export_all(out)
        if not done:
            raise FileNotFoundError(f"no shipped checkpoints in {checkpoints.CHECKPOINT_DIR}")
    for name, (j, b) in done.items():
        print(f"{name}: {j} + {b.name} ({b.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0
