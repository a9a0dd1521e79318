"""Fetching the full fra-eng data set: the one place in the library that touches the network,
and only when the user asks (`python -m seq2seq_lib download`).

What is checked before the data is used: the archive is fetched over https; when a sha256 is
given (`--sha256`), an archive whose hash differs is refused; in every case the archive must
be a zip file that holds `fra.txt` and at most a short `_about.txt` beside it, as the
published fra-eng.zip does, and nothing else (no folders, links or other files); `fra.txt`
must be UTF-8 text in which every line is a pair `English<TAB>French[<TAB>attribution]`.
Only then is `fra.txt` written into the cache, and only `fra.txt`.
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
import urllib.error
import zipfile
from pathlib import Path

# The copy of manythings.org/anki's fra-eng.zip that TensorFlow hosts for the Keras examples.
FRA_ENG_URL = "https://storage.googleapis.com/download.tensorflow.org/data/fra-eng.zip"

MANUAL_HINT = (
    "To use the data offline, download fra-eng.zip by hand (manythings.org/anki), unzip it and "
    "pass the path of fra.txt with --data PATH (or set SEQ2SEQ_DATA=PATH)."
)

# What the archive may hold, and how large each member may be once unpacked.
ALLOWED_MEMBERS = {"fra.txt": 200_000_000, "_about.txt": 100_000}


class DownloadError(RuntimeError):
    """The data could not be fetched or failed a check; the message says what to do by hand."""


def download_fra_eng(origin: str = FRA_ENG_URL, cache_dir=None, file_hash: str | None = None, timeout: float = 10.0) -> Path:
    """Download fra-eng.zip with `keras.utils.get_file`, check it, unpack fra.txt; return its path.

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
        archive = keras.utils.get_file(
            fname="fra-eng.zip",
            origin=origin,
            file_hash=file_hash,
            hash_algorithm="sha256",
            cache_dir=None if cache_dir is None else str(cache_dir),
            extract=False,
        )
    except (OSError, urllib.error.URLError, ValueError, Exception) as e:  # get_file wraps errors in Exception
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DownloadError(f"could not download {origin}: {reason}. {MANUAL_HINT}") from None
    finally:
        socket.setdefaulttimeout(old)
    return unpack_fra_txt(Path(archive), Path(archive).parent / "fra-eng")


def unpack_fra_txt(archive: Path, folder: Path) -> Path:
    """Check `archive` (see the module's docstring) and write its fra.txt into `folder`."""
    target = folder / "fra.txt"
    try:
        with zipfile.ZipFile(archive) as z:
            members = z.infolist()
            for m in members:
                kind = stat.S_IFMT(m.external_attr >> 16)
                if m.filename not in ALLOWED_MEMBERS or m.is_dir() or kind not in (0, stat.S_IFREG):
                    raise DownloadError(f"{archive}: unexpected member {m.filename!r}; the archive should hold "
                                        f"only fra.txt (and _about.txt). {MANUAL_HINT}")
                if m.file_size > ALLOWED_MEMBERS[m.filename]:
                    raise DownloadError(f"{archive}: {m.filename} is {m.file_size:,} bytes unpacked, more than "
                                        f"{ALLOWED_MEMBERS[m.filename]:,}. {MANUAL_HINT}")
            if "fra.txt" not in {m.filename for m in members}:
                raise DownloadError(f"{archive}: the archive holds no fra.txt. {MANUAL_HINT}")
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".fra.txt.")
            with os.fdopen(fd, "wb") as out:
                out.write(z.read("fra.txt"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as e:
        raise DownloadError(f"{archive}: not a readable zip archive ({e}). {MANUAL_HINT}") from None
    try:
        check_pairs_file(Path(tmp))
    except DownloadError:
        os.unlink(tmp)
        raise
    os.replace(tmp, target)
    return target


def check_pairs_file(path: Path) -> int:
    """Raise DownloadError unless every line of `path` is a UTF-8 fra-eng pair; return the count."""
    from .data import DataFormatError, read_pairs

    try:
        n = len(read_pairs(path, normalize_spaces=False))
    except DataFormatError as e:
        raise DownloadError(f"the downloaded fra.txt is not a fra-eng file: {e}. {MANUAL_HINT}") from None
    if n == 0:
        raise DownloadError(f"the downloaded fra.txt holds no pairs. {MANUAL_HINT}")
    return n
