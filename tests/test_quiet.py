"""TensorFlow's start-up lines stay out of everything the user sees; real errors do not.

TF_ENABLE_ONEDNN_OPTS=1 makes TensorFlow print its oneDNN notice on any x86 CPU, as it does by
default on CPUs with AVX-512; the first test proves that it does print here, so the others
cannot pass only because this machine is quiet.
"""

import os
import subprocess
import sys
import textwrap

import nbformat
import pytest

from seq2seq_lib import quiet

NOISY = {**os.environ, "TF_ENABLE_ONEDNN_OPTS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"}


def child(code, env=NOISY, args=()):
    return subprocess.run([sys.executable, *args, "-c", textwrap.dedent(code)] if code else [sys.executable, *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_tensorflow_prints_its_startup_lines_here_without_the_filter():
    r = child("import tensorflow")
    assert r.returncode == 0
    assert "oneDNN custom operations are on" in r.stderr
    assert "absl::InitializeLog" in r.stderr
    assert all(quiet.is_noise(line) for line in r.stderr.splitlines()), r.stderr


def test_importing_the_library_prints_nothing():
    r = child("import seq2seq_lib, keras, tensorflow; print(keras.__version__)")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert r.stdout.strip().startswith("3.")


def test_translate_prints_only_the_translation():
    r = subprocess.run([sys.executable, "-m", "seq2seq_lib", "translate", "Be nice."],
                       capture_output=True, text=True, env=NOISY, timeout=300)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert len(r.stdout.splitlines()) == 1 and r.stdout.strip()


def test_a_refused_sentence_is_one_line_on_stderr():
    r = subprocess.run([sys.executable, "-m", "seq2seq_lib", "translate", "안녕"],
                       capture_output=True, text=True, env=NOISY, timeout=300)
    assert r.returncode != 0
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("error:"), r.stderr


def test_real_errors_written_during_the_import_still_reach_the_user():
    # A stand-in for TensorFlow: writes to descriptor 2 from "C++" (os.write), noise and not.
    r = child("""
        import os, sys
        from seq2seq_lib.quiet import filtered_stderr
        with filtered_stderr():
            os.write(2, b"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\\n")
            os.write(2, b"I0000 00:00:1796244950.393869    3081 port.cc:153] oneDNN custom operations are on.\\n")
            os.write(2, b"E0000 00:00:1796244950.393869    3081 cuda.cc:1] a real failure\\n")
            print("python-level warning", file=sys.stderr)
            os.write(2, b"Illegal instruction in libtensorflow\\n")
        print("after", file=sys.stderr)
    """)
    assert r.returncode == 0
    assert r.stderr.splitlines() == [
        "E0000 00:00:1796244950.393869    3081 cuda.cc:1] a real failure",
        "python-level warning",
        "Illegal instruction in libtensorflow",
        "after",
    ]


def test_an_import_that_fails_restores_stderr_and_shows_why():
    r = child("""
        import os
        from seq2seq_lib.quiet import filtered_stderr
        try:
            with filtered_stderr():
                os.write(2, b"F0000 00:00:1.0 1 loader.cc:9] cannot load libtensorflow.so\\n")
                raise ImportError("broken install")
        except ImportError as e:
            os.write(2, f"caught: {e}\\n".encode())
    """)
    assert r.stderr.splitlines() == ["F0000 00:00:1.0 1 loader.cc:9] cannot load libtensorflow.so", "caught: broken install"]


def test_a_notebook_kernel_shows_no_startup_lines(monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "1")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import seq2seq_lib\nimport keras\nprint(keras.__version__)")]
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert [o.get("name") for o in outputs] == ["stdout"], outputs
    assert outputs[0]["text"].startswith("3.")


@pytest.mark.parametrize("line, noise", [
    ("WARNING: All log messages before absl::InitializeLog() is called are written to STDERR", True),
    ("I0000 00:00:1796244950.393869    3081 port.cc:153] oneDNN custom operations are on.", True),
    ("I0000 00:00:1796245164.706189    4902 cpu_feature_guard.cc:227] This TensorFlow binary is optimized", True),
    ("W0000 00:00:1796245164.706189    4902 port.cc:153] a warning", False),
    ("E0000 00:00:1796245164.706189    4902 port.cc:153] an error", False),
    ("Traceback (most recent call last):", False),
    ("Information: I0000 is not at the start", False),
])
def test_noise_is_only_informational_lines(line, noise):
    assert quiet.is_noise(line) is noise
