"""Importing TensorFlow without its start-up lines.

Importing TensorFlow 2.21 can write lines like these to the process's standard error, from C++,
before Python's logging exists (on CPUs where TensorFlow turns oneDNN's custom operations on,
for example an AMD EPYC with AVX-512, or anywhere with TF_ENABLE_ONEDNN_OPTS=1), and no
environment variable silences them:

    WARNING: All log messages before absl::InitializeLog() is called are written to STDERR
    I0000 00:00:… port.cc:153] oneDNN custom operations are on. You may see slightly …

They would land before every answer of `python -m seq2seq_lib translate` and in the notebooks'
outputs.  Because they are written by C++ straight to file descriptor 2, `sys.stderr` cannot
catch them: `filtered_stderr()` points descriptor 2 at a temporary file for the length of the
import, then puts it back and writes out again every line that is not one of these known
informational lines.  A real failure (an error or warning line, a traceback) still reaches the
user, just after the import instead of during it.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile

# Informational start-up lines of TensorFlow's C++ runtime (absl logging), and nothing else.
NOISE = (
    # absl's banner before its logging is initialised
    re.compile(r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$"),
    # INFO-level lines ("I" + MMDD + time + thread + file:line]): the oneDNN notice, the CPU
    # feature guard; warnings (W), errors (E) and fatal lines (F) are kept
    re.compile(r"^I\d{4} [\d:.]+ +\d+ [\w./-]+:\d+\] "),
    # the second line of the CPU feature guard's notice
    re.compile(r"^To enable the following instructions: .*rebuild TensorFlow with the appropriate compiler flags\.$"),
)


def is_noise(line: str) -> bool:
    """True for TensorFlow's informational start-up lines (see NOISE)."""
    return any(p.match(line) for p in NOISE)


def keep(text: str) -> str:
    """The lines of `text` that are not start-up noise, in order."""
    return "".join(line for line in text.splitlines(keepends=True) if not is_noise(line.rstrip("\r\n")))


@contextlib.contextmanager
def filtered_stderr():
    """Capture what is written to file descriptor 2 inside the block; replay all but the noise."""
    try:
        fd = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
        saved = os.dup(fd)
    except (OSError, ValueError, AttributeError):  # no usable descriptor 2: nothing to filter
        yield
        return
    with tempfile.TemporaryFile(mode="w+b") as tmp:
        for stream in (sys.stderr, sys.__stderr__):
            with contextlib.suppress(Exception):
                stream.flush()
        os.dup2(tmp.fileno(), fd)
        try:
            yield
        finally:
            for stream in (sys.stderr, sys.__stderr__):
                with contextlib.suppress(Exception):
                    stream.flush()
            os.dup2(saved, fd)
            os.close(saved)
            tmp.seek(0)
            rest = keep(tmp.read().decode("utf-8", errors="replace"))
            if rest:
                os.write(fd, rest.encode("utf-8"))


def import_tensorflow():
    """Import TensorFlow (and so Keras's backend) with its start-up noise filtered out."""
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    with filtered_stderr():
        import tensorflow

    return tensorflow
