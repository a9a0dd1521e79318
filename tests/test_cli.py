"""The command line, run as a user runs it: `python -m seq2seq_lib …` in a subprocess."""

import subprocess
import sys

import pytest

from seq2seq_lib import checkpoints


def run(*args, stdin=None, timeout=300):
    return subprocess.run(
        [sys.executable, "-m", "seq2seq_lib", *args], input=stdin, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def tiny_path(tmp_path_factory, tiny_lstm):
    return str(checkpoints.save(tiny_lstm, tmp_path_factory.mktemp("ckpt") / "tiny.keras"))


def test_help():
    for cmd in ([], ["translate"], ["train"], ["evaluate"], ["download"]):
        r = run(*cmd, "--help")
        assert r.returncode == 0 and "usage:" in r.stdout


def test_translate_arguments_with_shipped_model():
    r = run("translate", "Be nice.", "Go.")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 2 and all(lines)
    assert r.stderr == ""


def test_translate_stdin_one_line_per_input(tiny_path):
    r = run("translate", "--model", tiny_path, stdin="Be nice.\n\n안녕하세요\nGo.\n")
    assert r.returncode == 1
    lines = r.stdout.split("\n")
    assert lines[-1] == "" and len(lines) == 5  # four output lines, then the final newline
    assert lines[0] and lines[3] and lines[1] == "" and lines[2] == ""
    errors = r.stderr.splitlines()
    assert len(errors) == 2 and errors[0].startswith("error: line 2: empty") and "line 3" in errors[1]
    assert "Traceback" not in r.stderr


def test_translate_bad_argument_exits_nonzero_with_one_line(tiny_path):
    r = run("translate", "--model", tiny_path, "Hi 😀")
    assert r.returncode == 1 and r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and "never saw" in r.stderr


def test_translate_trace_table(tiny_path):
    r = run("translate", "--model", tiny_path, "--trace", "--top-k", "3", "Go.")
    assert r.returncode == 0
    assert "top-3" in r.stdout and "stop: " in r.stdout


def test_translate_beam_arguments_and_stdin():
    """`--beam 5` on the shipped default: the same outputs as Translator's beam search, from
    arguments and from stdin (one line per input line, refused lines empty)."""
    from seq2seq_lib import decoding

    expected = decoding.Translator(checkpoints.load(checkpoints.DEFAULT_CHECKPOINT)).translate(
        ["Be nice.", "Where is Tom?"], beam_size=5, alpha=0.6)
    r = run("translate", "--beam", "5", "--alpha", "0.6", "Be nice.", "Where is Tom?")
    assert r.returncode == 0 and r.stdout.splitlines() == expected, r.stderr
    r = run("translate", "--beam", "5", "--alpha", "0.6", stdin="Be nice.\n\nWhere is Tom?\n")
    assert r.returncode == 1 and r.stdout.split("\n") == [expected[0], "", expected[1], ""]
    assert r.stderr.startswith("error: line 2: empty") and "Traceback" not in r.stderr
    r = run("translate", "--beam", "3", "--n-best", "3", "Be nice.")
    block = r.stdout.splitlines()
    assert r.returncode == 0 and block[0] == "Be nice." and [b.split("\t")[0] for b in block[1:4]] == ["1", "2", "3"]


@pytest.mark.parametrize("args, message", [
    (["--beam", "0"], "from 1 to 50"), (["--beam", "five"], "not a whole number"), (["--alpha", "-1"], "from 0 to 2"),
    (["--n-best", "3"], "needs --beam 3"), (["--beam", "3", "--trace"], "--trace shows greedy"),
])
def test_translate_bad_beam_options(args, message):
    r = run("translate", *args, "Be nice.")
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr and r.stdout == ""


def test_bad_checkpoint_is_one_line(tmp_path):
    bad = tmp_path / "bad.keras"
    bad.write_bytes(b"not a zip")
    r = run("translate", "--model", str(bad), "Go.")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "bad.keras" in r.stderr


def test_train_bad_data_is_one_line(tmp_path):
    f = tmp_path / "broken.txt"
    f.write_text("Go.\tVa !\nno tab\n")
    r = run("train", "--data", str(f), "--output", str(tmp_path / "m.keras"))
    assert r.returncode == 2 and "broken.txt, line 2" in r.stderr and "Traceback" not in r.stderr


def test_train_then_translate(tmp_path):
    out = tmp_path / "m.keras"
    r = run("train", "--data", "bundled", "--num-samples", "300", "--epochs", "2", "--latent-dim", "32", "--output", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    assert out.is_file()
    info = checkpoints.load(out).info
    assert info["epochs_run"] == 2 and info["data"]["num_pairs"] == 300
    # The recorded command names no folder of this machine.
    assert info["command"].endswith("--output m.keras") and str(tmp_path) not in info["command"]
    # An existing model is never overwritten by accident.
    r = run("train", "--num-samples", "50", "--epochs", "1", "--output", str(out))
    assert r.returncode == 2 and "--overwrite" in r.stderr
    r = run("translate", "--model", str(out), "Go.")
    assert r.returncode == 0
    # Continue training it: the new checkpoint records the run it started from.
    more = tmp_path / "more.keras"
    r = run("train", "--data", "bundled", "--num-samples", "300", "--epochs", "1", "--latent-dim", "32",
            "--learning-rate", "1e-4", "--init-from", str(out), "--output", str(more))
    assert r.returncode == 0, r.stderr[-2000:]
    info = checkpoints.load(more).info
    assert info["previous_runs"][0]["epochs_run"] == 2 and info["recipe"]["learning_rate"] == 1e-4
    # Other data: one line, no traceback.
    r = run("train", "--data", "bundled", "--num-samples", "40", "--epochs", "1", "--latent-dim", "32",
            "--init-from", str(out), "--output", str(tmp_path / "other.keras"))
    assert r.returncode == 2 and "other data" in r.stderr and "Traceback" not in r.stderr


def train_until_epoch_3(out, *options):
    """A long `train` run in a child process, once two epochs have finished: (process, its output)."""
    import time

    import signal

    # As from a terminal: SIGINT at its default.  A child inherits an ignored SIGINT (pytest
    # started with `&` by a non-interactive shell has it ignored), and Python then installs no
    # KeyboardInterrupt handler, so Ctrl-C would never reach the run.
    proc = subprocess.Popen(
        [sys.executable, "-m", "seq2seq_lib", "train", "--num-samples", "300", "--epochs", "500",
         "--latent-dim", "16", *options, "--output", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 240
    seen = ""
    while time.time() < deadline:
        line = proc.stdout.readline()
        seen += line
        if "Epoch 3/" in line or not line:
            break
    return proc, seen


def test_ctrl_c_keeps_best_weights(tmp_path):
    import signal

    out = tmp_path / "interrupted.keras"
    proc, seen = train_until_epoch_3(out)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert "Epoch 3/" in seen, seen[-500:]
    assert proc.returncode == 130, err[-1000:]
    assert "interrupted: saved the best epoch so far" in err and "Traceback" not in err
    info = checkpoints.load(out).info
    assert info["interrupted"] and info["epochs_run"] >= 2 and info["best_epoch"] >= 1


def test_sigterm_stops_like_ctrl_c_and_best_epoch_is_on_disk_meanwhile(tmp_path):
    """`kill PID` reaches a background run that ignores SIGINT; the best epoch so far is
    already saved while training goes on."""
    import signal

    out = tmp_path / "terminated.keras"
    proc, seen = train_until_epoch_3(out, "--recipe", "full", "--holdout", "0.1")
    assert "Epoch 3/" in seen, seen[-500:]
    mid = checkpoints.load(out).info  # written by the run itself, before any signal
    assert mid["interrupted"] and mid["best_epoch"] >= 1 and mid["data"]["heldout_pairs"] > 0
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-1000:]
    assert "interrupted: saved the best epoch so far" in err and "Traceback" not in err
    info = checkpoints.load(out).info
    assert info["interrupted"] and info["epochs_run"] >= 2 and info["recipe"]["reverse_source"]


def test_evaluate_heldout_rebuilds_the_training_split(tmp_path, tiny_path):
    import json

    out = tmp_path / "held.keras"
    r = run("train", "--data", "bundled", "--num-samples", "400", "--epochs", "1", "--latent-dim", "16",
            "--holdout", "0.2", "--output", str(out))
    assert r.returncode == 0, r.stderr
    info = checkpoints.load(out).info
    r = run("evaluate", str(out), "bundled", "--heldout")
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["pairs"] == info["data"]["heldout_pairs"] > 0
    assert scores["pairs"] + info["data"]["num_pairs"] == 400
    r = run("evaluate", str(out), "bundled", "--heldout", "--beam", "3", "--alpha", "0.6")
    assert r.returncode == 0 and json.loads(r.stdout)["pairs"] == scores["pairs"], r.stderr
    r = run("evaluate", tiny_path, "bundled", "--heldout")
    assert r.returncode == 2 and "without a held-out split" in r.stderr and "Traceback" not in r.stderr


def test_train_options_change_the_recipe():
    from seq2seq_lib import cli

    args = cli._parser().parse_args(["train", "--recipe", "attention", "--dropout", "0.3", "--learning-rate", "5e-4"])
    cfg = cli.train_config(args)
    assert (cfg.dropout, cfg.learning_rate, cfg.architecture) == (0.3, 5e-4, "attention")
    assert cli.train_config(cli._parser().parse_args(["train", "--recipe", "attention"])).dropout == 0.1
