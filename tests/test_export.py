"""The web export and `book/_static/decoder.js` against the NumPy decoder.

Every model kind (character LSTM, GRU, word-level, the tutorial's unmasked encoder with a
reversed source) and every shipped checkpoint is exported, decoded by Node over 200+
sentences of the bundled corpus, and compared with `decoding.Translator`: identical outputs
and tokens, probabilities within 1e-4, identical refusals of bad input.
"""

import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from seq2seq_lib import config, data, decoding, export, sentences

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "js" / "run_decoder.js"
MODELS_DIR = ROOT / "book" / "_static" / "models"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="needs Node.js (node) on PATH")
MAX_BIN_BYTES = 5_000_000
SHIPPED = export.shipped_checkpoints()


def node_traces(base, requests):
    done = subprocess.run([NODE, str(RUNNER), str(base)], input=json.dumps(requests), capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def corpus_sentences(s2s, pairs, n=200):
    """n distinct English sentences of the bundled corpus that the model accepts, spread evenly."""
    seen, ok = set(), []
    for en, _ in pairs:
        if en in seen:
            continue
        seen.add(en)
        try:
            ok.append(decoding.check_sentence(s2s, en))
        except decoding.InputError:
            pass
    assert len(ok) >= n, f"only {len(ok)} usable sentences"
    return [ok[i * len(ok) // n] for i in range(n)]


def bad_inputs(s2s):
    long_text = " ".join(["Go."] * (s2s.max_encoder_seq_length + 1))
    return ["", "   \t ", "안녕하세요", "I love you 😀.", "Be\u00a0nice.", "a\u200bb", "x\u0007y", "\u00e9\u00e8\u00ef!",
            "Tom's \"cat\" \\ ok", long_text, "Go. " * 80, None, 42, "  Go.  "]


def python_result(translator, text, **kw):
    try:
        return {"ok": True, "trace": translator.trace(text, **kw).to_dict()}
    except decoding.InputError as e:
        return {"ok": False, "error": str(e)}


def assert_same_trace(py, js, where):
    assert js["source"] == py["source"], where
    assert js["output"] == py["output"], where
    assert js["stop_reason"] == py["stop_reason"], where
    assert [s["token"] for s in js["steps"]] == [s["token"] for s in py["steps"]], where
    assert [s["prefix"] for s in js["steps"]] == [s["prefix"] for s in py["steps"]], where
    assert [s["forced"] for s in js["steps"]] == [s["forced"] for s in py["steps"]], where
    np.testing.assert_allclose([s["prob"] for s in js["steps"]], [s["prob"] for s in py["steps"]], atol=1e-4, err_msg=where)
    for a, b in zip(py["steps"], js["steps"]):
        pa, pb = [p for _, p in a["candidates"]], [p for _, p in b["candidates"]]
        np.testing.assert_allclose(pb, pa, atol=1e-4, err_msg=where)
        for i, ((ta, p), (tb, _)) in enumerate(zip(a["candidates"], b["candidates"])):
            near = [q for j, q in enumerate(pa) if j != i and abs(q - p) < 1e-5]
            if not near:  # the order of near-equal candidates may differ in the last float bits
                assert ta == tb, where
        assert set(b.get("extras", {})) == set(a.get("extras", {})), where
        for key, value in a.get("extras", {}).items():  # e.g. attention weights over the source
            np.testing.assert_allclose(b["extras"][key], value, atol=1e-4, err_msg=where)


def check_against_python(s2s, base, pairs, extra_requests=()):
    translator = decoding.Translator(s2s)
    sentences = corpus_sentences(s2s, pairs)
    requests = [{"text": s} for s in sentences] + [{"text": t} for t in bad_inputs(s2s)]
    requests += list(extra_requests)
    js = node_traces(base, requests)
    for req, got in zip(requests, js):
        opts = req.get("options", {})
        kw = {"top_k": opts.get("topK", 5), "force": {int(k): v for k, v in opts.get("force", {}).items()}}
        want = python_result(translator, req["text"], **kw)
        assert got["ok"] == want["ok"], (req, got, want)
        if want["ok"]:
            assert_same_trace(want["trace"], got["trace"], repr(req))
        else:
            assert got["error"] == want["error"], req
    # The batched path gives the same strings as the one-at-a-time traces.
    outputs = translator.translate(sentences)
    assert outputs == [r["trace"]["output"] for r in js[: len(sentences)]]
    return js


def forced_requests(s2s, pairs):
    sents = corpus_sentences(s2s, pairs, 20)
    tokens = [t for t in s2s.target_vocab.tokens if t not in ("<pad>", "<unk>", "<s>", "\t")]
    reqs = [{"text": s, "options": {"force": {str(i % 3): tokens[(7 * i) % len(tokens)]}, "topK": 3}} for i, s in enumerate(sents)]
    reqs.append({"text": sents[0], "options": {"force": {"1": "§§"}}})  # not in the vocabulary: refused
    return reqs


@needs_node
@pytest.mark.parametrize("name", ["tiny_lstm", "tiny_gru", "tiny_word", "tiny_baseline", "tiny_attention"])
def test_js_equals_numpy_on_tiny_models(name, request, corpus_pairs, tmp_path):
    s2s = request.getfixturevalue(name)
    json_path, bin_path = export.export_web(s2s, tmp_path, name)
    header = json.loads(json_path.read_text(encoding="utf-8"))
    assert header["level"] == s2s.level and header["cell"] == s2s.cell
    assert header["bin_bytes"] == bin_path.stat().st_size
    assert hashlib.sha256(bin_path.read_bytes()).hexdigest() == header["bin_sha256"]
    check_against_python(s2s, tmp_path / name, corpus_pairs, forced_requests(s2s, corpus_pairs))


def test_arrays_are_the_fast_decoders(tiny_lstm, tiny_gru, tiny_word):
    for s2s in (tiny_lstm, tiny_gru):
        fast, arrays = decoding.FastDecoder(s2s), export.web_arrays(s2s)
        assert list(arrays) == ["enc_table", "enc_recurrent", "enc_bias", "dec_table", "dec_recurrent", "dec_bias",
                                "dense_kernel", "dense_bias"]
        for k, a in arrays.items():
            np.testing.assert_array_equal(a, getattr(fast, k))
        assert not arrays["enc_table"][-1].any()  # the padding row
    fast, arrays = decoding.FastDecoder(tiny_word), export.web_arrays(tiny_word)
    np.testing.assert_allclose(arrays["dec_embedding"] @ arrays["dec_kernel"], fast.dec_table, atol=1e-5)
    np.testing.assert_allclose(arrays["enc_embedding"] @ arrays["enc_kernel"], fast.enc_table[:-1], atol=1e-5)


def test_export_is_deterministic(tiny_gru, tmp_path):
    a = export.export_web(tiny_gru, tmp_path / "a", "m")
    b = export.export_web(tiny_gru, tmp_path / "b", "m")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    with pytest.raises(ValueError):
        export.export_web(tiny_gru, tmp_path, "../escape")


@needs_node
def test_temperature_sampling_is_seeded(tiny_lstm, tmp_path):
    export.export_web(tiny_lstm, tmp_path, "m")
    req = [{"text": "Be nice.", "options": {"temperature": 1.5, "seed": s}} for s in (1, 1, 2, 3, 4)]
    out = [r["trace"] for r in node_traces(tmp_path / "m", req)]
    assert out[0] == out[1]
    assert len({json.dumps(t) for t in out[1:]}) > 1  # different seeds, different samples
    for t in out:
        assert t["stop_reason"] in ("end", "max_length")
        for st in t["steps"]:
            cands = dict(st["candidates"])
            assert len(cands) == 5  # the model file's top_k
            if st["token"] in cands:  # a sampled token's probability is its candidate's
                assert cands[st["token"]] == pytest.approx(st["prob"])
            else:  # or below every candidate's (they are the top k)
                assert 0 < st["prob"] <= min(cands.values()) + 1e-9


@needs_node
def test_unicode_classes_match_python():
    """decoder.js's whitespace, word characters and printability agree with Python's on every
    code point Python's Unicode tables assign (Node's tables may be newer)."""
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "unicode_classes.js")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    js = done.stdout.strip()
    bad = []
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        tokens = data.tokenize_words("a" + ch)
        kind = 2 if len(tokens) == 2 else 4 if tokens == ["a"] else 0
        if int(js[cp]) != (1 if ch.isprintable() else 0) + kind:
            bad.append(f"U+{cp:04X}")
    assert not bad, f"{len(bad)} code points differ: {bad[:20]}"


@needs_node
@pytest.mark.skipif(not SHIPPED, reason="no shipped checkpoints yet")
@pytest.mark.parametrize("name", list(SHIPPED))
def test_js_equals_numpy_on_shipped(name, corpus_pairs, tmp_path):
    from seq2seq_lib import checkpoints

    s2s = checkpoints.load(SHIPPED[name])
    export.export_web(s2s, tmp_path, name, checkpoint=SHIPPED[name])
    check_against_python(s2s, tmp_path / name, corpus_pairs, forced_requests(s2s, corpus_pairs))
    # The committed files are this export, byte for byte: re-export after retraining.
    for ext in (".json", ".bin"):
        committed = MODELS_DIR / f"{name}{ext}"
        assert committed.is_file(), f"{committed} missing: run python -m seq2seq_lib export"
        assert committed.read_bytes() == (tmp_path / f"{name}{ext}").read_bytes(), (
            f"{committed} is out of step with {SHIPPED[name].name}: run python -m seq2seq_lib export"
        )


def test_committed_model_files_are_small_and_whole():
    for header_path in sorted(MODELS_DIR.glob("*.json")):
        header = json.loads(header_path.read_text(encoding="utf-8"))
        payload = header_path.with_suffix(".bin").read_bytes()
        assert len(payload) < MAX_BIN_BYTES, f"{header_path.stem}.bin is {len(payload) / 1e6:.1f} MB"
        assert len(payload) == header["bin_bytes"]
        assert hashlib.sha256(payload).hexdigest() == header["bin_sha256"]
        assert header["name"] == header_path.stem
        assert header["checkpoint"] and header_path.stem in SHIPPED, f"{header_path.name}: no shipped checkpoint behind it"


@needs_node
def test_cli_entry_and_browser_loader(tiny_lstm, tmp_path):
    from argparse import Namespace

    from seq2seq_lib import checkpoints

    ckpt = checkpoints.save(tiny_lstm, tmp_path / "tiny.keras")
    assert export.main_export(Namespace(checkpoint=str(ckpt), name=None, out=str(tmp_path / "web"))) == 0
    header = json.loads((tmp_path / "web" / "tiny.json").read_text(encoding="utf-8"))
    assert header["checkpoint"] == "tiny.keras" and header["name"] == "tiny"
    assert export.main_export(Namespace(checkpoint=str(ckpt), name="../x", out=str(tmp_path))) == 2
    # Seq2SeqDecoder.load(urlBase) fetches <urlBase>.json and .bin (fetch stubbed to read files).
    done = subprocess.run([NODE, str(RUNNER), str(tmp_path / "web" / "tiny"), "--load", "Be nice."],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["output"] == decoding.Translator(tiny_lstm).translate(["Be nice."])[0]


@needs_node
def test_decoder_js_works_as_a_classic_script():
    """In a page there is no `module`: the file must define globalThis.Seq2SeqDecoder."""
    script = ("const vm = require('vm'), fs = require('fs'); const ctx = {}; vm.createContext(ctx);"
              "vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), ctx);"
              "console.log(typeof ctx.Seq2SeqDecoder.load, typeof ctx.Seq2SeqDecoder.fromBuffers)")
    done = subprocess.run([NODE, "-e", script, str(ROOT / "book" / "_static" / "decoder.js")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["function", "function"]


@needs_node
def test_describe_matches_python():
    """How refused characters are named: Python's `_describe`, for printable characters, controls
    and the invisible characters decoder.js knows by name."""
    chars = [chr(c) for c in [*range(0x20), 0x7F, 0x85, 0xA0, 0xAD, 0x1680, 0x180E, *range(0x2000, 0x2010),
                              *range(0x2028, 0x2030), 0x205F, 0x2060, *range(0x2066, 0x206A), 0x3000, 0xFEFF]]
    chars += list("aé'\"\\안😀€") + ["\u0301", "\U000E0041"]
    script = ("const D = require(process.argv[1]); const chars = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(chars.map(D.describe)))")
    done = subprocess.run([NODE, "-e", script, str(ROOT / "book" / "_static" / "decoder.js")], input=json.dumps(chars),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    want = [decoding.describe(c) for c in chars]
    got = json.loads(done.stdout)
    assert got[:-1] == want[:-1]
    assert got[-1] == "U+E0041"  # a tag character: Python adds its name, decoder.js has no table for it


@needs_node
def test_top_k_and_messages_come_from_the_model_file(tiny_word, tmp_path, monkeypatch):
    """decoder.js writes no rule of its own: change top_k, a message or the joining rule in the
    header and the browser follows."""
    json_path, _ = export.export_web(tiny_word, tmp_path, "m")
    header = json.loads(json_path.read_text(encoding="utf-8"))
    assert header["top_k"] == config.TOP_K and header["messages"] == sentences.MESSAGES
    header["top_k"] = 2
    header["messages"] = {**header["messages"], "empty": "nothing to read"}
    header["join"] = {"separator": "_", "tight_before": ""}
    json_path.write_text(json.dumps(header), encoding="utf-8")
    got = node_traces(tmp_path / "m", [{"text": "Go."}, {"text": "  "}])
    steps = got[0]["trace"]["steps"]
    assert all(len(st["candidates"]) == 2 for st in steps)
    words = [st["token"] for st in steps if st["token"] != config.END_WORD]
    assert got[0]["trace"]["output"] == "_".join(words)
    assert got[1] == {"ok": False, "error": "nothing to read"}


@needs_node
def test_js_search_over_a_core_that_is_not_recurrent(tmp_path):
    """decoder.js's one search runs any step core registered in CORES, and a trace step carries
    what the core reported (here attention weights), as search.decode does in Python."""
    chars = list("abc ")
    header = {"format": export.FORMAT, "format_version": export.FORMAT_VERSION, "name": "copy", "level": "char",
              "cell": "copy", "units": 0, "input_tokens": chars,
              "target_tokens": [config.START_CHAR, config.END_CHAR, *chars], "max_encoder_seq_length": 20,
              "max_decoder_seq_length": 6, "reverse_source": False,
              "special_tokens": {"start": config.START_CHAR, "end": config.END_CHAR}, "join": sentences.join_rule("char"),
              "messages": sentences.MESSAGES, "max_listed": sentences.MAX_LISTED, "top_k": 2, "bin_bytes": 0,
              "arrays": []}
    requests = [{"text": "abc"}, {"text": "aaaaaaaa"}, {"text": "abc", "options": {"force": {"1": "c"}}}]
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "copy_core.js")],
                          input=json.dumps({"header": header, "requests": requests}), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    first, long, forced = json.loads(done.stdout)
    assert (first["output"], first["stop_reason"]) == ("abc", "end")
    assert (long["output"], long["stop_reason"]) == ("aaaaaa", "max_length")
    assert forced["output"] == "acc" and [s["forced"] for s in forced["steps"]] == [False, True, False, False]
    assert [s["extras"]["attention"] for s in first["steps"][:3]] == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert all(len(s["candidates"]) == 2 for s in first["steps"])  # the header's top_k


@needs_node
def test_a_jamo_model_writes_the_same_korean_in_the_browser(tiny_jamo, tmp_path):
    """A model that writes Korean letter by letter: decoder.js composes its output with the
    rule of the model file (`join.compose`), so prefixes and output are Python's syllables;
    a file of the format before the rule carried `compose` is refused."""
    json_path, _ = export.export_web(tiny_jamo, tmp_path, "ko")
    header = json.loads(json_path.read_text(encoding="utf-8"))
    assert header["join"] == sentences.join_rule("char") and header["join"]["compose"] == "NFC"
    tr = decoding.Translator(tiny_jamo)
    texts = ["Hi.", "Go now."]
    force = dict(enumerate(unicodedata.normalize("NFD", "한국")))
    got = node_traces(tmp_path / "ko", [{"text": t} for t in texts] + [{"text": "Hi.", "options": {"force": force}}])
    for g, want in zip(got, [tr.trace(t) for t in texts] + [tr.trace("Hi.", force=force)]):
        assert g["ok"], g
        assert g["trace"]["output"] == want.output and unicodedata.is_normalized("NFC", g["trace"]["output"])
        assert [s["prefix"] for s in g["trace"]["steps"]] == [s.prefix for s in want.steps]
        assert [s["token"] for s in g["trace"]["steps"]] == [s.token for s in want.steps]
    assert [s["prefix"] for s in got[-1]["trace"]["steps"][:7]] == ["", "\u1112", "하", "한", "한\u1100", "한구", "한국"]
    header["format_version"] = 2
    json_path.write_text(json.dumps(header), encoding="utf-8")
    done = subprocess.run([NODE, str(RUNNER), str(tmp_path / "ko")], input="[]", capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and f"not a seq2seq-web {export.FORMAT_VERSION} model file" in done.stderr
