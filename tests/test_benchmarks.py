"""The benchmark scripts run end to end (on tiny settings) and end with one JSON line.
Their timings are not asserted: speed is measured by running them, not by tests."""

import json
import subprocess
import sys
from pathlib import Path

from seq2seq_lib import config, data

ROOT = Path(__file__).resolve().parents[1]


def last_json(cmd):
    r = subprocess.run([sys.executable, *cmd], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_decode_speed_runs():
    out = last_json(["benchmarks/decode_speed.py", "--loop-sentences", "2", "--batch", "50"])
    assert out["identical"] is True
    for k in ("loop_s_per_sentence", "fast_single_ms", "fast_batch_sentences_per_s", "speedup_batch",
              "beam_single_ms", "beam_batch_sentences_per_s"):
        assert out[k] > 0


def test_page_decode_speed_runs():
    """In headless Chromium, on the exported default model: the page's outputs are Python's."""
    from seq2seq_lib import checkpoints, decoding

    out = last_json(["benchmarks/page_decode_speed.py", "--repeats", "2", "--beam", "3"])
    translator = decoding.Translator(checkpoints.load())
    assert out["greedy_output"] == translator.translate([out["text"]])[0]
    assert out["beam_output"] == translator.translate([out["text"]], beam_size=3)[0]
    assert out["greedy_trace_ms"] > 0 and out["beam_ms"] > 0 and out["text_chars"] == 30


def test_train_recipe_runs(tmp_path):
    out = last_json(["benchmarks/train_recipe.py", "--data", "bundled", "--num-samples", "300",
                     "--baseline-epochs", "2", "--fast-epochs", "2", "--latent-dim", "16",
                     "--output", str(tmp_path / "r.json")])
    assert json.loads((tmp_path / "r.json").read_text()) == out
    # The held-out pairs are benchmark_split's, computed here on their own.
    train_pairs, held = data.benchmark_split(data.load_pairs("bundled", 300), 300, config.BENCHMARK_HOLDOUT)
    assert out["data"].endswith(f"{len(train_pairs)} train, {len(held)} held-out pairs (no English sentence on both sides)")
    for name in ("baseline", "fast"):
        curve, final = out[f"{name}_curve"], out[f"{name}_final"]
        assert out[f"{name}_epochs"] == len(curve) == 2
        assert final["pairs"] == len(held) and out[f"{name}_chrf"] == final["chrf"]
        assert [s for s, _ in curve] == sorted(s for s, _ in curve)  # training time only grows
    # The summary numbers are read off the curves as the script's docstring says.
    best_s, best_ce = min(out["baseline_curve"], key=lambda p: p[1])
    assert (out["baseline_s_to_best"], out["baseline_best_masked_ce"]) == (best_s, best_ce)
    reach = next((s for s, ce in out["fast_curve"] if ce <= best_ce), None)
    assert out["fast_s_to_baseline_best"] == reach
    assert out["ratio"] == (None if reach is None else round(reach / best_s, 3))


def test_train_speed_runs(tmp_path):
    out = last_json(["benchmarks/train_speed.py", "--data", "bundled", "--pairs", "200", "--epochs", "1",
                     "--latent-dim", "8", "--embedding-dim", "4", "--output", str(tmp_path / "s.json")])
    assert out["pairs"] == 200 and out["recipe"] == "attention" and out["embedding_dim"] == 4
    assert out["flops_per_epoch"] > 0 and out["s_per_epoch"] > 0 and out["gflops_per_s"] > 0
    assert out["padded_target_tokens"] >= out["target_tokens"] and out["padded_source_tokens"] >= out["source_tokens"]
    assert json.loads((tmp_path / "s.json").read_text())["flops_per_epoch"] == out["flops_per_epoch"]


def test_train_reproduction_runs(tmp_path):
    from seq2seq_lib import checkpoints, train

    pairs = data.load_pairs("bundled", 300)
    cfg = config.fast().replace(num_samples=300, latent_dim=16, epochs=1, patience=0)
    s2s, _ = train.fit(pairs, cfg, verbose=0)
    model = checkpoints.save(s2s, tmp_path / "tiny.keras")
    out = last_json(["benchmarks/train_reproduction.py", "--data", "bundled", "--models", str(model),
                     "--sentences", "5", "--output", str(tmp_path / "r.json")])
    assert json.loads((tmp_path / "r.json").read_text()) == out
    result = out["models"]["tiny"]
    rows = train.split_rows(pairs, cfg)[0]  # the validation rows are not training rows
    assert result["training_rows"] == len(rows) == 240 and result["heldout"] is None
    sample = result["training_sample"]
    assert sample["sentences"] == 5 and sample["refused"] == 0 and 0 <= sample["exact_match"] <= 1
    # Without --output a candidate's figures would replace the shipped models' in benchmarks/results/.
    before = (ROOT / "benchmarks" / "results" / "train_reproduction.json").read_bytes()
    r = subprocess.run([sys.executable, "benchmarks/train_reproduction.py", "--data", "bundled", "--models", str(model)],
                       capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 2 and "not a shipped checkpoint" in r.stderr and "Traceback" not in r.stderr
    assert (ROOT / "benchmarks" / "results" / "train_reproduction.json").read_bytes() == before


def test_split_rows_is_fits_validation_split():
    from seq2seq_lib import train

    pairs = [(str(i), "x") for i in range(10)]
    assert train.split_rows(pairs, config.fast().replace(validation_split=0.2)) == (pairs[:8], pairs[8:])
    shuffled = train.split_rows(pairs, config.fast().replace(validation_split=0.3, random_validation=True))
    assert len(shuffled[1]) == 3 and sorted(shuffled[0] + shuffled[1]) == sorted(pairs) and shuffled[0] != pairs[:7]


def test_beam_sizes_runs(tmp_path):
    out = last_json(["benchmarks/beam_sizes.py", "--data", "bundled", "--num-samples", "300",
                     "--models", "char_attention_full", "--beams", "1", "2", "--alphas", "0", "0.6",
                     "--sentences", "6", "--repeats", "1", "--output", str(tmp_path / "b.json")])
    assert json.loads((tmp_path / "b.json").read_text()) == out
    result = out["models"]["char_attention_full"]
    assert result["sentences"] == 6 and out["reduced"] == "only the first 6 sentences"
    assert [(r["beam_size"], r["alpha"]) for r in result["rows"]] == [(1, 0.0), (2, 0.0), (1, 0.6), (2, 0.6)]
    for row in result["rows"]:
        assert row["correct"] + row["model_errors"] + row["search_errors"] == row["reachable"]
        assert row["reachable"] == result["sentences_with_reachable_reference"]
        assert 0 <= row["exact_match"] <= 1 and row["mean_output_chars"] > 0 and row["decode_s"] > 0


def test_reference_logp_is_the_forced_greedy_trace():
    """The benchmark's reference score is the sum of log step probabilities of a forced decode."""
    import importlib.util

    import numpy as np

    from seq2seq_lib import checkpoints, decoding, search

    spec = importlib.util.spec_from_file_location("beam_sizes", ROOT / "benchmarks" / "beam_sizes.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    translator = decoding.Translator(checkpoints.load())
    sentence, reference = "Be nice.", "Sois gentil !"
    steps = list(reference) + [config.end_token("char")]
    trace = search.decode(translator.core, [sentence], trace=True, force=dict(enumerate(steps)))[0]
    assert trace.output == reference and trace.stop_reason == "end"
    expected = float(np.sum(np.log([st.prob for st in trace.steps])))
    assert abs(bench.reference_logp(translator.core, sentence, reference) - expected) < 1e-4


def test_seen_vs_heldout_runs(tmp_path):
    out = last_json(["benchmarks/seen_vs_heldout.py", "--data", "bundled", "--output", str(tmp_path / "s.json")])
    assert json.loads((tmp_path / "s.json").read_text()) == out
    held, seen = out["heldout"], out["seen"]
    assert seen["sentences"] == held["sentences"] > 0  # as many seen sentences as held-out ones
    assert 0 <= seen["chrf"] <= 100 and 0 <= held["exact_match"] <= 1


def test_everyday_runs(tmp_path):
    """benchmarks/everyday.py keeps the bundled sentences absent from the data file given."""
    bundled = data.read_pairs(data.resolve_data_path("bundled"), None)
    fra = tmp_path / "fra.txt"  # a stand-in for fra.txt holding 200 of the bundled pairs, one upper-cased
    fra.write_text("".join(f"{en.upper() if i == 0 else en}\t{fr}\n" for i, (en, fr) in enumerate(bundled[:200])),
                   encoding="utf-8")
    out = last_json(["benchmarks/everyday.py", "--data", str(fra), "char_lstm", "--output", str(tmp_path / "e.json")])
    assert json.loads((tmp_path / "e.json").read_text()) == out
    present = {en.lower() for en, _ in bundled[:200]}
    assert out["absent_pairs"] == sum(en.lower() not in present for en, _ in bundled) < len(bundled)
    assert out["models"]["char_lstm"]["pairs"] == out["absent_pairs"]
    assert 0 <= out["models"]["char_lstm"]["chrf"] <= 100


def test_kor_unseen_runs(tmp_path):
    """benchmarks/kor_unseen.py on a tiny jamo model of the bundled English→Korean corpus."""
    model, result = tmp_path / "ko.keras", tmp_path / "unseen.json"
    r = subprocess.run([sys.executable, "-m", "seq2seq_lib", "train", "--data", "bundled-ko", "--holdout", "0.2",
                        "--target-units", "jamo", "--epochs", "1", "--latent-dim", "16", "--output", str(model)],
                       capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    out = last_json(["benchmarks/kor_unseen.py", "--data", str(data.BUNDLED_KOREAN), "--output", str(result),
                     f"jamo={model}"])
    assert json.loads(result.read_text(encoding="utf-8")) == out
    m = out["models"]["jamo"]
    refs, outs = m["heldout_references"], m["heldout_outputs"]
    assert m["target_units"] == "jamo" and m["syllables_in_output_vocab"] == 0 and m["training_target_syllables"] > 0
    assert 0 <= refs["unseen_syllables"] <= refs["reference_syllables"] and refs["reference_pairs"] > 0
    assert refs["pairs_with_unseen"] <= refs["reference_pairs"] and refs["sentences_every_reference_unseen"] <= refs["sentences"]
    assert outs["outputs"] == refs["sentences"] and outs["of_them_in_data_file"] <= outs["words_with_novel_syllable"]
    assert len(m["bundled_examples"]) <= 8
