"""book/_static/beam.js against `beam.py`, on the shipped models the explorer offers.

The same sentences of the bundled corpus, beam sizes 3 and 5, alpha 0 and 0.6, a forced prefix:
identical n-best strings and finished flags, identical node lists (tokens, parents, kept,
finished), log-probabilities and scores within 1e-4; the same refusals of bad input.
"""

import json
import subprocess

import numpy as np
import pytest

from seq2seq_lib import checkpoints, decoding, export

from test_export import MODELS_DIR, NODE, RUNNER, corpus_sentences, needs_node

SHIPPED = export.shipped_checkpoints()
NAMES = [n for n in ("char_attention_full", "char_lstm") if n in SHIPPED]


def node_beams(base, requests):
    done = subprocess.run([NODE, str(RUNNER), str(base), "--beam"], input=json.dumps(requests), capture_output=True,
                          text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def python_beam(translator, req):
    opts = req.get("options", {})
    force = {int(k): v for k, v in opts.get("force", {}).items()}
    try:
        res = translator.beam(req["text"], beam_size=opts.get("beamSize", 5), alpha=opts.get("alpha", 0.0), force=force)
        return {"ok": True, "beam": res.to_dict()}
    except decoding.InputError as e:
        return {"ok": False, "error": str(e)}


def assert_same_beam(py, js, where):
    assert js["source"] == py["source"] and js["output"] == py["output"], where
    assert (js["beam_size"], js["alpha"]) == (py["beam_size"], py["alpha"]), where
    for key in ("output", "finished", "length", "node"):
        assert [h[key] for h in js["nbest"]] == [h[key] for h in py["nbest"]], (where, key)
    for key in ("logp", "score"):
        np.testing.assert_allclose([h[key] for h in js["nbest"]], [h[key] for h in py["nbest"]], atol=1e-4, err_msg=where)
    for key in ("id", "parent", "step", "token", "kept", "finished"):
        assert [n[key] for n in js["nodes"]] == [n[key] for n in py["nodes"]], (where, key)
    np.testing.assert_allclose([n["logp"] for n in js["nodes"]], [n["logp"] for n in py["nodes"]], atol=1e-4,
                               err_msg=where)


def prefix_of(nodes, node_id):
    """{step: token} of the path from step 0 to `node_id` (what clicking a node forces)."""
    path = []
    while node_id is not None:
        path.append(nodes[node_id])
        node_id = nodes[node_id]["parent"]
    return {str(n["step"]): n["token"] for n in reversed(path)}


@needs_node
@pytest.mark.skipif(not NAMES, reason="no shipped checkpoints yet")
@pytest.mark.parametrize("name", NAMES)
def test_beam_js_equals_python_on_shipped(name, corpus_pairs):
    s2s = checkpoints.load(SHIPPED[name])
    translator = decoding.Translator(s2s)
    sentences = corpus_sentences(s2s, corpus_pairs, 15)
    requests = [{"text": s, "options": {"beamSize": k, "alpha": a}} for s in sentences for k in (3, 5) for a in (0.0, 0.6)]
    # a forced prefix: the path to a dropped node of step 2 (as the explorer forces a clicked node)
    first = translator.beam(sentences[0], beam_size=3).to_dict()
    dropped = next(n for n in first["nodes"] if n["step"] == 2 and not n["kept"])
    force = prefix_of(first["nodes"], dropped["id"])
    requests += [{"text": sentences[0], "options": {"beamSize": 3, "alpha": 0.6, "force": force}},
                 {"text": sentences[1], "options": {"beamSize": 1}},
                 {"text": sentences[1], "options": {"force": {"1": "§§"}}},  # not in the vocabulary: refused
                 {"text": "   "}, {"text": "안녕하세요"}]
    js = node_beams(MODELS_DIR / name, requests)
    assert len(js) == len(requests)
    for req, got in zip(requests, js):
        want = python_beam(translator, req)
        assert got["ok"] == want["ok"], (req, got, want)
        if want["ok"]:
            assert_same_beam(want["beam"], got["beam"], repr(req))
        else:
            assert got["error"] == want["error"], req
    forced = js[len(sentences) * 4]["beam"]
    assert all(n["token"] == force[str(n["step"])] for n in forced["nodes"] if str(n["step"]) in force)
    # beam size 1 is greedy decoding
    assert js[len(sentences) * 4 + 1]["beam"]["output"] == translator.translate([sentences[1]])[0]


@needs_node
def test_beam_js_refuses_bad_options():
    script = ("const D = require(process.argv[1]); const B = require(process.argv[2]); const out = [];"
              "for (const [k, a] of [[0, 0], [51, 0], [2.5, 0], [3, -1], [3, 2.5], [3, 'x']]) {"
              " try { B.checkOptions(k, a); out.push('ok'); } catch (e) { out.push(e.message); } }"
              "console.log(JSON.stringify(out))")
    done = subprocess.run([NODE, "-e", script, str(MODELS_DIR.parent / "decoder.js"), str(MODELS_DIR.parent / "beam.js")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got[:3] == ["beam size must be a whole number from 1 to 50, got %s" % v for v in ("0", "51", "2.5")]
    assert all(m.startswith("alpha (length normalization) must be a number from 0 to 2") for m in got[3:])
