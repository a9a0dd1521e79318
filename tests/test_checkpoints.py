import zipfile
from pathlib import Path

import keras
import pytest

from seq2seq_lib import checkpoints, decoding


def test_save_load_identical_decoding(tiny_lstm, tiny_word, tmp_path, corpus_pairs):
    sents = [en for en, _ in corpus_pairs[:200:10]]
    for s2s in (tiny_lstm, tiny_word):
        path = checkpoints.save(s2s, tmp_path / f"{s2s.level}.keras")
        back = checkpoints.load(path)
        assert back.input_vocab.tokens == s2s.input_vocab.tokens
        assert back.target_vocab.tokens == s2s.target_vocab.tokens
        assert (back.level, back.cell, back.mask_encoder) == (s2s.level, s2s.cell, s2s.mask_encoder)
        assert decoding.Translator(back).translate(sents) == decoding.Translator(s2s).translate(sents)


def test_checkpoint_has_no_optimizer_state(tiny_lstm, tmp_path):
    path = checkpoints.save(tiny_lstm, tmp_path / "m.keras")
    with zipfile.ZipFile(path) as z:
        assert "seq2seq.json" in z.namelist()
        import h5py
        with z.open("model.weights.h5") as f, h5py.File(f) as h5:
            assert "optimizer" not in h5


def test_free_running_model_round_trips_with_safe_mode(corpus_pairs, tmp_path):
    from seq2seq_lib import config, train
    cfg = config.fast().replace(latent_dim=8, epochs=1, patience=0)
    s2s, _ = train.fit(corpus_pairs[:100], cfg, decoder="scheduled", verbose=0)
    back = checkpoints.load(checkpoints.save(s2s, tmp_path / "ss.keras"))
    assert back.model.get_layer("feedback").initial_teacher_prob == 1.0
    assert decoding.Translator(back).translate(["Go."]) == decoding.Translator(s2s).translate(["Go."])


def test_missing_file(tmp_path):
    with pytest.raises(checkpoints.CheckpointError, match="no such checkpoint"):
        checkpoints.load(tmp_path / "nope.keras")


def test_a_shipped_name_resolves_to_its_file_and_loads():
    assert checkpoints.resolve("char_lstm") == checkpoints.CHECKPOINT_DIR / "char_lstm.keras"
    assert checkpoints.load("char_lstm").info == checkpoints.load(checkpoints.CHECKPOINT_DIR / "char_lstm.keras").info


def test_paths_are_not_taken_for_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "char_lstm").write_text("a file named like a shipped model")
    assert checkpoints.resolve("char_lstm") == Path("char_lstm")  # a file here wins over the name
    assert checkpoints.resolve("x/char_lstm") == Path("x/char_lstm")
    assert checkpoints.resolve("char_lstm.keras") == Path("char_lstm.keras")


def test_shipped_files_lists_the_present_ones_in_the_order_asked(monkeypatch, tmp_path):
    (tmp_path / "b.keras").write_bytes(b"")
    (tmp_path / "a.keras").write_bytes(b"")
    monkeypatch.setattr(checkpoints, "CHECKPOINT_DIR", tmp_path)
    assert checkpoints.shipped_files(["b", "missing", "a"]) == {"b": tmp_path / "b.keras", "a": tmp_path / "a.keras"}


def test_unknown_name_lists_the_shipped_models():
    with pytest.raises(checkpoints.CheckpointError, match=r"neither a checkpoint file nor a shipped model \(.*char_lstm_full"):
        checkpoints.load("char_lstn")


def test_truncated_file(tiny_lstm, tmp_path):
    path = checkpoints.save(tiny_lstm, tmp_path / "m.keras")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(checkpoints.CheckpointError, match="truncated"):
        checkpoints.load(path)


def test_corrupted_member(tiny_lstm, tmp_path):
    path = checkpoints.save(tiny_lstm, tmp_path / "m.keras")
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0xFF  # flip bits inside the weights
    path.write_bytes(bytes(data))
    with pytest.raises(checkpoints.CheckpointError, match=str(path.name)):
        checkpoints.load(path)


def test_plain_keras_file_is_not_a_checkpoint(tmp_path):
    m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    m.save(tmp_path / "plain.keras")
    with pytest.raises(checkpoints.CheckpointError, match="not a seq2seq_lib checkpoint"):
        checkpoints.load(tmp_path / "plain.keras")


def test_mismatched_vocabulary(tiny_lstm, tmp_path):
    s2s = checkpoints.Seq2Seq(**{**tiny_lstm.__dict__})
    s2s.target_vocab = type(tiny_lstm.target_vocab)(tiny_lstm.target_vocab.tokens[:-1])
    path = checkpoints.save(s2s, tmp_path / "bad.keras")
    with pytest.raises(checkpoints.CheckpointError, match="mismatched"):
        checkpoints.load(path)


def test_lambda_layers_are_refused(tmp_path):
    inp = keras.Input((3,))
    m = keras.Model(inp, keras.layers.Lambda(lambda x: x * 2)(inp))
    m.save(tmp_path / "lam.keras")
    with zipfile.ZipFile(tmp_path / "lam.keras", "a") as z:
        z.writestr("seq2seq.json", '{"format_version": 1, "level": "char"}')
    with pytest.raises(checkpoints.CheckpointError, match="could not load"):
        checkpoints.load(tmp_path / "lam.keras")


def test_save_refuses_other_suffix(tiny_lstm, tmp_path):
    with pytest.raises(checkpoints.CheckpointError, match=".keras"):
        checkpoints.save(tiny_lstm, tmp_path / "m.h5")


def test_model_card_reads_the_json_block(tiny_lstm, tmp_path):
    path = checkpoints.save(tiny_lstm, tmp_path / "m.keras")
    with pytest.raises(checkpoints.CheckpointError, match="no model card"):
        checkpoints.model_card(path)
    path.with_suffix(".md").write_text("# card\n\nno block here\n", encoding="utf-8")
    with pytest.raises(checkpoints.CheckpointError, match="no JSON block"):
        checkpoints.model_card(path)
    path.with_suffix(".md").write_text('# card\n\n```json\n{"samples": {"Go.": "Va !"}}\n```\n', encoding="utf-8")
    assert checkpoints.model_card(path) == {"samples": {"Go.": "Va !"}}


def test_portable_command_keeps_no_folder_of_the_training_machine():
    repo, shared = checkpoints._REPO, checkpoints._REPO.parent / "shared"
    recorded = (f"python -m seq2seq_lib train --data {shared}/data/fra-eng/fra.txt --num-samples 10000 "
                f"--init-from={repo}/seq2seq_lib/resources/checkpoints/a.keras --output /tmp/ckpt/char_lstm.keras")
    assert checkpoints.portable_command(recorded) == (
        "python -m seq2seq_lib train --data ../shared/data/fra-eng/fra.txt --num-samples 10000 "
        "--init-from=seq2seq_lib/resources/checkpoints/a.keras --output char_lstm.keras")
    # Recorded on another machine, whose checkout and ../shared lie elsewhere: the same words.
    elsewhere = "python -m seq2seq_lib train --data /elsewhere/x/shared/data/fra-eng/fra.txt --output /elsewhere/x/main/m.keras"
    assert checkpoints.portable_command(elsewhere) == (
        "python -m seq2seq_lib train --data ../shared/data/fra-eng/fra.txt --output m.keras")
    relative = "python -m seq2seq_lib train --data bundled --epochs 2 --output out/m.keras"
    assert checkpoints.portable_command(relative) == relative
    assert checkpoints.portable_command(None) is None


@pytest.mark.parametrize("path", sorted(checkpoints.CHECKPOINT_DIR.glob("*.keras")), ids=lambda p: p.stem)
def test_shipped_commands_are_portable(path):
    info = checkpoints.read_meta(path)["info"]
    for command in [info.get("command")] + [r.get("command") for r in info.get("previous_runs", [])]:
        if command:
            words = checkpoints.portable_command(command).split()
            assert not any(w.startswith("/") or "=/" in w for w in words), command


@pytest.mark.parametrize("path", sorted(checkpoints.CHECKPOINT_DIR.glob("*.md")), ids=lambda p: p.stem)
def test_model_cards_name_no_folder_of_the_training_machine(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("| command |", "| continues run")):
            assert " /" not in line and "=/" not in line, line


def test_benchmark_results_default_only_for_shipped_checkpoints(tiny_lstm, tmp_path):
    default = tmp_path / "results" / "x.json"
    assert checkpoints.results_path(None, default, ["char_lstm", checkpoints.DEFAULT_CHECKPOINT]) == default
    candidate = checkpoints.save(tiny_lstm, tmp_path / "candidate.keras")
    with pytest.raises(ValueError, match="candidate.keras: not a shipped checkpoint.*--output"):
        checkpoints.results_path(None, default, ["char_lstm", str(candidate)])
    assert checkpoints.results_path(str(tmp_path / "c.json"), default, [candidate]) == tmp_path / "c.json"
    assert checkpoints.results_path("-", default, [candidate]) is None
