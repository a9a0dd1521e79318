"""Fetching the full fra-eng data set: the one place in the library that touches the network,
and only when the user asks (`python -m seq2seq_lib download`)."""

from __future__ import annotations

import socket
import urllib.error
from pathlib import Path

# The copy of manythings.org/anki's fra-eng.zip that TensorFlow hosts for the Keras examples.
FRA_ENG_URL = "http://storage.googleapis.com/download.tensorflow.org/data/fra-eng.zip"

MANUAL_HINT = (
    "To use the data offline, download fra-eng.zip by hand (manythings.org/anki), unzip it and "
    "pass the path of fra.txt with --data PATH (or set SEQ2SEQ_DATA=PATH)."
)


class DownloadError(RuntimeError):
    """The data could not be fetched; the message says where to put the file by hand."""


def download_fra_eng(origin: str = FRA_ENG_URL, cache_dir=None, file_hash: str | None = None, timeout: float = 10.0) -> Path:
    """Download and unzip fra-eng.zip with `keras.utils.get_file`; return the path of fra.txt.

    The archive is cached (in `cache_dir`, default ~/.keras/datasets) and reused on the next
    call.  With `file_hash` (sha256 hex), a cached or downloaded archive whose hash differs is
    refused.  With no network the call fails within `timeout` seconds with `DownloadError`.
    """
    import keras

    if cache_dir is not None:
        # get_file falls back to /tmp/.keras when the directory is missing (not writable).
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        path = keras.utils.get_file(
            fname="fra-eng.zip",
            origin=origin,
            file_hash=file_hash,
            hash_algorithm="sha256",
            cache_dir=None if cache_dir is None else str(cache_dir),
            extract=True,
        )
    except (OSError, urllib.error.URLError, ValueError, Exception) as e:  # get_file wraps errors in Exception
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DownloadError(f"could not download {origin}: {reason}. {MANUAL_HINT}") from None
    finally:
        socket.setdefaulttimeout(old)
    root = Path(path)
    candidates = [root] if root.is_file() and root.name == "fra.txt" else []
    for base in (root, root.parent):
        if base.is_dir():
            candidates += sorted(base.rglob("fra.txt"))
    if not candidates:
        raise DownloadError(f"{origin}: the archive holds no fra.txt. {MANUAL_HINT}")
    return candidates[0]
