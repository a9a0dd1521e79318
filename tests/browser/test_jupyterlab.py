"""The explorer in JupyterLab: open a notebook, run its cell, type a sentence, see the output.

JupyterLab runs on 127.0.0.1 with a random token, in a temporary folder with its own settings
and workspaces; the page may not reach any other host.
"""

import contextlib
import importlib.metadata
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from explorer_site import ROOT, guard
from seq2seq_lib import checkpoints

CELL = """\
from seq2seq_lib.widgets import Explorer
Explorer({{"tiny": {path!r}, "attn": {attn!r}}}, examples=("Go.",), lang="en")
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_lab(root, command):
    """JupyterLab started by `command` in `root` on 127.0.0.1 with a random token and its own
    settings and workspaces: yields {url, token, root}, stops it at the end."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(root / ".settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / ".workspaces"), TF_CPP_MIN_LOG_LEVEL="3",
               PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    log = open(root / "lab.log", "wb")
    proc = subprocess.Popen(
        command + ["--no-browser", "--ip=127.0.0.1", f"--port={port}",
                   f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False", f"--ServerApp.root_dir={root}",
                   "--LabApp.extension_manager=readonly"]
        + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                log.flush()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text(errors="replace")[-3000:])
            time.sleep(0.5)
        yield {"url": url, "token": token, "root": root}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory, tiny_checkpoint, tiny_attention):
    root = tmp_path_factory.mktemp("lab")
    attn = checkpoints.save(tiny_attention, root / "attn.keras")
    nb = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": "explorer", "metadata": {}, "outputs": [],
                   "source": CELL.format(path=str(tiny_checkpoint), attn=str(attn))}],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    (root / "explorer.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    with running_lab(root, [sys.executable, "-m", "jupyterlab", "--LabApp.news_url=None",
                            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]) as lab:
        yield lab


def wait_for_idle_kernel(page, lab, timeout=180):
    """Poll the server's sessions; waiting with the page's clock keeps Playwright's event loop
    (and so the request guard) running."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        with urllib.request.urlopen(f"{lab['url']}/api/sessions?token={lab['token']}", timeout=10) as r:
            sessions = json.load(r)
        if sessions and all(s["kernel"]["execution_state"] == "idle" for s in sessions):
            return
        page.wait_for_timeout(500)
    pytest.fail(f"the notebook's kernel was not idle after {timeout} s: {sessions}")


def test_explorer_in_jupyterlab(context, lab):
    g = guard(context.new_page())
    try:
        run_explorer_in_lab(g, lab)
    except Exception:
        shot = lab["root"] / "failure.png"
        g.page.screenshot(path=str(shot))
        outputs = g.page.locator(".jp-Notebook").inner_text()[-2000:]
        server = (lab["root"] / "lab.log").read_text(errors="replace")[-2000:]
        raise AssertionError(f"screenshot: {shot}\nnotebook:\n{outputs}\nproblems: {g.problems()}\nserver log:\n{server}")


def run_explorer_in_lab(g, lab):
    page = g.page
    page.goto(f"{lab['url']}/lab/tree/explorer.ipynb?token={lab['token']}")
    cell = page.locator(".jp-Notebook .jp-CodeCell").first
    cell.wait_for(timeout=120_000)
    # wait until the page's kernel is up and idle, then run the cell (again if the first
    # Shift+Enter came before the page had connected to the kernel)
    wait_for_idle_kernel(page, lab)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=180_000)
    prompt = cell.locator(".jp-InputPrompt")
    for attempt in range(3):
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")  # run in place
        try:
            page.wait_for_function("(el) => /\\[(\\*|\\d+)\\]/.test(el.textContent)", arg=prompt.element_handle(),
                                   timeout=20_000)
            break
        except Exception:
            if attempt == 2:
                raise
    box = page.locator("[data-testid=explorer-input]")
    box.wait_for(timeout=240_000)
    # the first example is shown; type another sentence and press Enter
    page.wait_for_function(
        "() => document.querySelector('[data-testid=explorer-source]').textContent === 'Go.'", timeout=120_000
    )
    box.fill("")
    box.press_sequentially("Be nice.")  # real key presses: none may reach the notebook's shortcuts
    box.press("Enter")
    page.wait_for_function(
        """() => document.querySelector('[data-testid=explorer-source]').textContent === 'Be nice.'
                 && document.querySelector('[data-testid=explorer-output]').textContent !== ''""",
        timeout=120_000,
    )
    assert page.locator("[data-testid=explorer-candidate]").count() == 5
    # explorer.css arrived too (anywidget's _css)
    assert page.locator(".s2s-cand").first.evaluate("(el) => getComputedStyle(el).display") == "grid"
    assert page.locator(".jp-Notebook .jp-Cell").count() == 1  # typing added no cell
    # force the second candidate of a step: the kernel decodes again from there
    page.locator("[data-testid=explorer-candidate]").nth(1).click()
    page.wait_for_function(
        "() => document.querySelector('.s2s-new.s2s-forced') && !document.querySelector('.s2s-busy')",
        timeout=120_000,
    )
    assert page.locator("[data-testid=explorer-note]").text_content().startswith("Forced")
    assert page.locator("[data-testid=explorer-message]").text_content() in ("",) or \
        page.locator("[data-testid=explorer-message]").text_content().startswith("Stopped")
    # bad input: a message in the widget, no traceback in the notebook
    box.fill("안녕하세요")
    box.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=explorer-message]').textContent.startsWith('This model reads English')",
        timeout=120_000,
    )
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert "Traceback" not in page.locator(".jp-Notebook").inner_text()
    # the attention view: hidden for the LSTM, drawn from the kernel's trace for the attention model
    view = page.locator("[data-testid=explorer-attention]")
    assert view.is_hidden() and page.locator("[data-testid=explorer-attention-cell]").count() == 0
    box.fill("Go.")
    page.select_option("[data-testid=explorer-model]", "attn")
    page.wait_for_function("() => !document.querySelector('[data-testid=explorer-attention]').hidden", timeout=120_000)
    strip = page.locator("[data-testid=explorer-attention-strip] [data-testid=explorer-attention-cell]")
    assert strip.all_text_contents() == ["G", "o", "."]
    assert abs(sum(float(w) for w in strip.evaluate_all("(cs) => cs.map((c) => c.dataset.weight)")) - 1) < 1e-4
    # beam mode: the kernel answers with Translator.beam; clicking a kept node forces its prefix
    box.fill("Be nice.")
    page.select_option("[data-testid=explorer-search]", "beam")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=explorer-beam-hyp]').length > 0 && !document.querySelector('.s2s-busy')",
        timeout=120_000,
    )
    nodes = page.locator("[data-testid=explorer-beam-node]")
    assert nodes.count() > 0 and page.locator("[data-testid=explorer-beam-node][data-kept=false]").count() > 0
    # the deepest kept node that has not ended (the first step always has one: only one of its
    # kept candidates can be the end token; the tiny model may end every later one)
    node = page.locator("[data-testid=explorer-beam-node][data-kept=true]:not(.s2s-finished)").last
    prefix = node.get_attribute("data-prefix")
    node.click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=explorer-beam-note]').textContent !== '' && !document.querySelector('.s2s-busy')",
        timeout=120_000,
    )
    assert page.locator("[data-testid=explorer-beam-output]").first.text_content().startswith(prefix)
    assert g.page_errors == [], g.page_errors


def lab_setting(lab, plugin, key):
    with urllib.request.urlopen(f"{lab['url']}/lab/api/settings/{plugin}?token={lab['token']}", timeout=30) as r:
        return json.load(r)["schema"]["properties"][key]["default"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lab_sh_starts_jupyterlab_offline_in_its_language(context, tmp_path, lang):
    """tools/lab.sh: no question about Jupyter news, nothing fetched from another host, and with
    `ko` a Korean interface (jupyterlab-language-pack-ko-KR)."""
    if lang == "ko":
        try:
            importlib.metadata.version("jupyterlab-language-pack-ko-KR")
        except importlib.metadata.PackageNotFoundError:
            pytest.fail("the Korean language pack is missing: pip install -r requirements.txt", pytrace=False)
    command = ["sh", str(ROOT / "tools" / "lab.sh")] + (["ko"] if lang == "ko" else [])
    with running_lab(tmp_path, command) as lab:
        assert lab_setting(lab, "@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
        assert lab_setting(lab, "@jupyterlab/apputils-extension:notification", "checkForUpdates") is False
        assert lab_setting(lab, "@jupyterlab/translation-extension:plugin", "locale") == {"en": "default", "ko": "ko_KR"}[lang]
        g = guard(context.new_page())
        g.page.goto(f"{lab['url']}/lab?token={lab['token']}")
        g.page.wait_for_selector("#jp-MainMenu .lm-MenuBar-itemLabel")
        g.page.wait_for_timeout(3000)  # the news question, if any, comes as the application starts
        menus = g.page.locator("#jp-MainMenu .lm-MenuBar-itemLabel").all_text_contents()
        assert menus[:2] == {"en": ["File", "Edit"], "ko": ["파일", "편집"]}[lang], menus
        assert g.page.locator(".jp-toast-message, .Toastify__toast").all_text_contents() == []
        assert g.external == [] and g.page_errors == []
