"""Build the book's notebooks from one source per chapter, in Korean and English.

Each chapter lives in `book/src/chNN_name.md`, a plain-text file cut into cells by marker lines:

    %% ko                      Korean markdown cell ...
    %% en                      ... and its English counterpart, right after it
    %% both                    a markdown cell shared by both languages (rare: tables, links)
    %% code                    a code cell, the same in both notebooks
    %% code nbval-ignore-output   a code cell with tags (space separated)

Lines before the first marker are a comment for the author and go nowhere.  From it this script
writes `book/ko/chNN_name.ipynb` and `book/en/chNN_name.ipynb`: same code cells (by
construction), each language's markdown, and a link to the other language under the title.
The glossary pages `book/{ko,en}/glossary.md` are written from `book/src/glossary.yml`.

    python tools/notebooks.py write              # regenerate; keep the outputs of unchanged code cells
                                                 # (and give saved explorers the current front-end code)
    python tools/notebooks.py execute [ch03 ...] # regenerate and execute (real run, SEQ2SEQ_QUICK unset)
    python tools/notebooks.py execute --quick    # the same with SEQ2SEQ_QUICK=1 (a smoke run; do not commit)
    python tools/notebooks.py check              # exit 1 if a stored notebook differs from its source
                                                 # or a saved explorer carries other front-end code

`execute` runs each chapter once (the English notebook) and stores the same outputs in the
Korean one: the code cells are identical, so one run is the output of both.  `--each` runs
both languages separately instead; chapters whose output depends on the page's language always
do: those that show the explorer (its saved widget state holds the notebook's language) and
those that call `detect_lang()` (figures labelled in the page's language).
"""

from __future__ import annotations

import argparse
import copy
import functools
import os
import sys
import time
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
SRC = BOOK / "src"
LANGS = ("ko", "en")
OTHER = {"ko": ("en", "English version"), "en": ("ko", "한국어판")}
IGNORE_TAG = "nbval-ignore-output"

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}


class SourceError(ValueError):
    pass


# --------------------------------------------------------------------------------------------
# Source → cells
# --------------------------------------------------------------------------------------------


def chapters():
    """Source files in order (their names sort in chapter order)."""
    return sorted(SRC.glob("ch*.md"))


def parse(path: Path):
    """[("md", {"ko": text, "en": text}) | ("code", source, tags)] in order."""
    blocks, kind, tags, lines = [], None, [], []

    def flush():
        if kind is not None:
            text = "\n".join(lines).strip("\n")
            blocks.append((kind, tags, text))

    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("%% "):
            flush()
            words = line[3:].split()
            kind, tags, lines = words[0], words[1:], []
            if kind not in ("ko", "en", "both", "code"):
                raise SourceError(f"{path}:{lineno}: unknown cell kind {kind!r}")
            if tags and kind != "code":
                raise SourceError(f"{path}:{lineno}: only code cells take tags")
        elif kind is not None:
            lines.append(line)
    flush()

    cells, i = [], 0
    while i < len(blocks):
        kind, tags, text = blocks[i]
        if kind == "code":
            if not text.strip():
                raise SourceError(f"{path}: empty code cell (block {i})")
            cells.append(("code", text, tags))
            i += 1
        elif kind == "both":
            cells.append(("md", {"ko": text, "en": text}))
            i += 1
        elif kind == "ko":
            if i + 1 >= len(blocks) or blocks[i + 1][0] != "en":
                raise SourceError(f"{path}: a Korean cell without its English cell right after it: {text[:60]!r}")
            cells.append(("md", {"ko": text, "en": blocks[i + 1][2]}))
            i += 2
        else:
            raise SourceError(f"{path}: an English cell without a Korean cell before it: {text[:60]!r}")
    return cells


def render(path: Path, lang: str):
    """The notebook of one chapter in one language, without outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    other, label = OTHER[lang]
    cells = parse(path)
    first_md = True
    for n, cell in enumerate(cells):
        cid = f"c{n:02d}"
        if cell[0] == "md":
            text = cell[1][lang]
            if first_md:  # link to the same chapter in the other language, under the title
                title = cell[1][other].splitlines()[0].lstrip("# ").strip()
                text += f"\n\n*{label}: [{title}](../{other}/{path.stem}.ipynb)*"
                first_md = False
            nb.cells.append(nbformat.v4.new_markdown_cell(text, id=cid))
        else:
            _, source, tags = cell
            c = nbformat.v4.new_code_cell(source, id=cid)
            if tags:
                c.metadata["tags"] = list(tags)
            nb.cells.append(c)
    return nb


def notebook_path(src: Path, lang: str) -> Path:
    return BOOK / lang / f"{src.stem}.ipynb"


def carry_outputs(new, old):
    """Copy outputs from `old` to `new` for code cells whose source did not change."""
    old_code = [c for c in old.cells if c.cell_type == "code"]
    new_code = [c for c in new.cells if c.cell_type == "code"]
    for i, c in enumerate(new_code):
        if i < len(old_code) and old_code[i].source == c.source:
            c.outputs = copy.deepcopy(old_code[i].outputs)
            c.execution_count = old_code[i].execution_count
    # The saved widget state renders the explorer in the built pages; the carried outputs refer to it.
    for key in ("widgets", "language_info", "seq2seq_book"):
        if key in old.metadata:
            new.metadata[key] = copy.deepcopy(old.metadata[key])
    for state in explorer_states(new):  # its copy of the front-end files: the current ones
        state.update(explorer_code())
    return new


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


@functools.cache
def explorer_code() -> dict:
    """The front-end code an explorer widget carries in its saved state: `widgets.Explorer`'s
    `_esm` and `_css`, sent as they are, so a notebook run now would store exactly these."""
    from seq2seq_lib import widgets

    return {"_esm": widgets.Explorer._esm, "_css": widgets.Explorer._css}


@functools.cache
def explorer_id() -> str:
    """The `_anywidget_id` anywidget gives `widgets.Explorer` in saved states (module.class)."""
    from seq2seq_lib import widgets

    return f"{widgets.Explorer.__module__}.{widgets.Explorer.__name__}"


def explorer_states(nb) -> list:
    """The saved states of the notebook's explorer widgets (dicts, changed in place)."""
    states = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return [m["state"] for m in states.values() if m.get("state", {}).get("_anywidget_id") == explorer_id()]


def same_without_outputs(a, b) -> bool:
    def strip(nb):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells], nb.metadata.get("kernelspec")

    return strip(a) == strip(b)


# --------------------------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------------------------

GLOSSARY_SRC = SRC / "glossary.yml"
GLOSSARY_HEAD = {
    "ko": (
        "# 용어집\n\n"
        "이 책에서 쓰는 번역 용어입니다. 본문에서는 용어가 처음 나올 때 영어 원어를 괄호 안에 함께 적었습니다.\n\n"
        "| 한국어 | English | 뜻 |\n|---|---|---|\n"
    ),
    "en": (
        "# Glossary\n\n"
        "The terms of this book with the Korean translation used in the Korean part.\n\n"
        "| 한국어 | English | Meaning |\n|---|---|---|\n"
    ),
}


def glossary_entries():
    entries = yaml.safe_load(GLOSSARY_SRC.read_text(encoding="utf-8"))
    for e in entries:
        missing = {"ko", "en", "ko_meaning", "en_meaning"} - set(e)
        if missing:
            raise SourceError(f"{GLOSSARY_SRC}: entry {e} lacks {sorted(missing)}")
    return entries


def render_glossary(lang: str) -> str:
    rows = [f"| {e['ko']} | {e['en']} | {e[lang + '_meaning']} |" for e in glossary_entries()]
    return GLOSSARY_HEAD[lang] + "\n".join(rows) + "\n"


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def select(names):
    srcs = chapters()
    if not names:
        return srcs
    chosen = [s for s in srcs if any(s.stem == n or s.stem.startswith(n + "_") for n in names)]
    unknown = [n for n in names if not any(s.stem == n or s.stem.startswith(n + "_") for s in srcs)]
    if unknown:
        raise SystemExit(f"unknown chapter(s): {', '.join(unknown)}")
    return chosen


def write_glossary():
    for lang in LANGS:
        path = BOOK / lang / "glossary.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_glossary(lang), encoding="utf-8")


def write_all(srcs=None):
    write_glossary()
    for src in chapters() if srcs is None else srcs:
        for lang in LANGS:
            path = notebook_path(src, lang)
            nb = render(src, lang)
            if path.exists():
                nb = carry_outputs(nb, nbformat.read(path, as_version=4))
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, path)
            print(f"wrote {path.relative_to(ROOT)}")


def execute_notebook(nb, cwd: Path, timeout=900):
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}, record_timing=False)
    client.execute()
    return nb


def execute(srcs, quick=False, each=False):
    if quick:
        os.environ["SEQ2SEQ_QUICK"] = "1"
    else:
        os.environ.pop("SEQ2SEQ_QUICK", None)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("PYTHONHASHSEED", "0")
    write_glossary()
    for src in srcs:
        # Outputs in the page's language (the explorer, figures): such chapters run once per language.
        text = src.read_text(encoding="utf-8")
        langs = LANGS if each or "explorer(" in text or "detect_lang(" in text else ("en",)
        done = {}
        for lang in langs:
            t0 = time.time()
            nb = execute_notebook(render(src, lang), notebook_path(src, lang).parent)
            done[lang] = nb
            print(f"executed {src.stem} [{lang}] in {time.time() - t0:.0f} s", flush=True)
        if len(langs) == 1:  # the same code, the same run: store its outputs in the Korean notebook too
            done["ko"] = carry_outputs(render(src, "ko"), done["en"])
        for lang, nb in done.items():
            if quick:  # marked so that tests/test_book.py refuses smoke-run outputs
                nb.metadata["seq2seq_book"] = {"quick_run": True}
            nbformat.write(nb, notebook_path(src, lang))


def check() -> int:
    bad = 0
    for src in chapters():
        for lang in LANGS:
            path = notebook_path(src, lang)
            if not path.exists():
                print(f"missing: {path.relative_to(ROOT)}")
                bad += 1
                continue
            stored = nbformat.read(path, as_version=4)
            code = explorer_code()
            if not same_without_outputs(render(src, lang), stored) or any(
                    state.get(k) != v for state in explorer_states(stored) for k, v in code.items()):
                print(f"out of date: {path.relative_to(ROOT)} (run: python tools/notebooks.py write)")
                bad += 1
    for lang in LANGS:
        path = BOOK / lang / "glossary.md"
        if not path.exists() or path.read_text(encoding="utf-8") != render_glossary(lang):
            print(f"out of date: {path.relative_to(ROOT)}")
            bad += 1
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("chapters", nargs="*")
    e = sub.add_parser("execute")
    e.add_argument("chapters", nargs="*", help="e.g. ch03 (default: all)")
    e.add_argument("--quick", action="store_true", help="SEQ2SEQ_QUICK=1 (smoke run)")
    e.add_argument("--each", action="store_true", help="execute the Korean notebook separately too")
    sub.add_parser("check")
    args = ap.parse_args(argv)
    if args.cmd == "write":
        write_all(select(args.chapters))
    elif args.cmd == "execute":
        execute(select(args.chapters), quick=args.quick, each=args.each)
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
