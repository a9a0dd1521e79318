"""The registry of shipped models (`seq2seq_lib/shipped.py`) is how they were trained: its
arguments, read by the CLI's parser, give each checkpoint's stored recipe, level, cell and
decoder; and every reader of the list (export, explorer, training script) takes it from there."""

import subprocess
import sys
from pathlib import Path

import pytest

from seq2seq_lib import checkpoints, cli, config, export, shipped, widgets

ROOT = Path(__file__).resolve().parent.parent


def test_every_shipped_checkpoint_is_registered_and_back():
    on_disk = {p.stem for p in checkpoints.CHECKPOINT_DIR.glob("*.keras")}
    assert on_disk == set(shipped.NAMES)
    assert checkpoints.DEFAULT_CHECKPOINT.stem == shipped.NAMES[0]
    assert tuple(export.shipped_checkpoints()) == shipped.WEB_MODELS
    assert set(shipped.EXPLORER_MODELS) <= set(shipped.WEB_MODELS)  # the built pages offer them
    assert widgets.DEFAULT_MODELS == shipped.EXPLORER_MODELS
    for lang in widgets.LABELS:
        assert set(widgets.LABELS[lang]) == set(shipped.NAMES), lang


@pytest.mark.parametrize("model", shipped.MODELS, ids=lambda m: m.name)
def test_registry_arguments_give_the_stored_recipe(model):
    meta = checkpoints.read_meta(checkpoints.CHECKPOINT_DIR / f"{model.name}.keras")
    args = cli._parser().parse_args(["train", "--output", "x.keras", *model.args, *model.continue_args])
    assert cli.train_config(args) == config.TrainConfig.from_dict(meta["info"]["recipe"])
    assert (args.level, args.cell, args.decoder) == (meta["level"], meta["cell"], meta["info"].get("decoder", "teacher"))


def test_training_script_reads_the_registry():
    names = subprocess.run([sys.executable, "-m", "seq2seq_lib.shipped"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert names.stdout.split() == [m.name for m in shipped.MODELS if m.trained_by_default]
    args = subprocess.run([sys.executable, "-m", "seq2seq_lib.shipped", "args", "word_lstm"], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert args.stdout.split("\n")[:-1] == list(shipped.BY_NAME["word_lstm"].args)
    assert "--embedding-dim" in args.stdout and "64" in args.stdout
    bad = subprocess.run([sys.executable, "-m", "seq2seq_lib.shipped", "args", "nope"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "names:" in bad.stderr
    script = (ROOT / "tools" / "train_checkpoints.sh").read_text()
    assert "seq2seq_lib.shipped" in script and "--epochs" not in script
