"""The book as stored: notebooks in sync with their sources, identical code in both languages,
executed with clean outputs, every page in the table of contents, a build config that loads
nothing from a CDN, and a glossary the chapters actually follow.

(`pytest --nbval book/` re-executes the notebooks; these tests only read files.)
"""

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"

_spec = importlib.util.spec_from_file_location("book_notebooks", ROOT / "tools" / "notebooks.py")
nbtool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nbtool)

SOURCES = nbtool.chapters()
CHAPTERS = [s.stem for s in SOURCES]
IGNORE = nbtool.IGNORE_TAG


def load(lang, chapter):
    return nbformat.read(BOOK / lang / f"{chapter}.ipynb", as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def markdown_text(lang):
    """All markdown of one language's notebooks, in table-of-contents order."""
    return "\n\n".join(c.source for ch in CHAPTERS for c in load(lang, ch).cells if c.cell_type == "markdown")


def test_nine_chapters():
    assert len(CHAPTERS) == 9, CHAPTERS
    for lang in nbtool.LANGS:
        assert sorted(p.stem for p in (BOOK / lang).glob("*.ipynb")) == CHAPTERS


def test_stored_notebooks_match_their_sources():
    assert nbtool.check() == 0, "run: python tools/notebooks.py write"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_code_cells_identical_between_languages(chapter):
    ko, en = code_cells(load("ko", chapter)), code_cells(load("en", chapter))
    assert len(ko) == len(en) > 0
    for a, b in zip(ko, en):
        assert a.source == b.source
        assert a.metadata.get("tags", []) == b.metadata.get("tags", [])


@pytest.mark.parametrize("lang", nbtool.LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_stored_executed_with_clean_outputs(lang, chapter):
    nb = load(lang, chapter)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert not nb.metadata.get("seq2seq_book", {}).get("quick_run"), "outputs of a SEQ2SEQ_QUICK smoke run"
    for i, cell in enumerate(code_cells(nb)):
        where = f"{lang}/{chapter} code cell {i}"
        assert cell.execution_count is not None, f"{where} was not executed"
        for out in cell.outputs:
            assert out.output_type != "error", f"{where}: {out.get('ename')}: {out.get('evalue')}"
            if out.output_type == "stream":
                assert out.name == "stdout", f"{where} wrote to stderr: {out.text[:200]!r}"
                assert "━" not in out.text and not re.search(r"Epoch \d+/\d+", out.text), f"{where}: a progress bar"
                assert "WARNING" not in out.text, f"{where}: a logged warning: {out.text[:200]!r}"


def machine_folders():
    """Folders of the machine that executed the notebooks, which no stored output may show."""
    home = str(Path.home()).rstrip("/")
    return ["/work/", "/tmp/", "/home/", "/Users/", str(ROOT) + "/"] + ([home + "/"] if home else [])


@pytest.mark.parametrize("lang", nbtool.LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_stored_outputs_show_no_path_of_this_machine(lang, chapter):
    nb = load(lang, chapter)
    stored = [(f"code cell {i}", json.dumps(cell.outputs, ensure_ascii=False)) for i, cell in enumerate(code_cells(nb))]
    stored.append(("widget state", json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False)))
    for where, text in stored:
        for folder in machine_folders():
            assert folder not in text, f"{lang}/{chapter} {where} shows {folder!r}: ...{text[max(0, text.index(folder) - 80):][:200]}"


DECIMAL = re.compile(r"(?<![0-9A-Za-z_.])\d+\.\d+(?![0-9A-Za-z_]|\.\d)")  # 19.4, 0.040, 26.78 (not 1.2.3)


@pytest.mark.parametrize("lang", nbtool.LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_decimal_in_the_prose_is_printed_by_a_cell(lang, chapter):
    """A measured number in the text (a decimal outside code and folded hints) must appear in
    the chapter's stored outputs: the text narrates what the cells print."""
    nb = load(lang, chapter)
    outputs = "\n".join(json.dumps(c.outputs, ensure_ascii=False) for c in code_cells(nb))
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    prose = re.sub(r"```.*?```", "", prose, flags=re.S)  # commands in fenced blocks are not measurements
    prose = re.sub(r":::\{dropdown\}.*?\n:::", "", re.sub(r"`[^`\n]*`", "", prose), flags=re.S)
    missing = sorted({n for n in DECIMAL.findall(prose) if n not in outputs})
    assert not missing, f"{lang}/{chapter}: the prose says {missing}, which no cell prints"


@pytest.mark.parametrize("lang", nbtool.LANGS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_widget_state_saved_for_every_widget_output_in_the_notebooks_language(lang, chapter):
    """The built pages render widgets from the saved state: each shown widget must be in it,
    and an explorer must speak the notebook's language."""
    nb = load(lang, chapter)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for cell in code_cells(nb):
        for out in cell.outputs:
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                assert view["model_id"] in state, f"{lang}/{chapter}: widget {view['model_id']} has no saved state"
    for model in state.values():
        if "lang" in model.get("state", {}):
            assert model["state"]["lang"] == lang, f"{lang}/{chapter}: an explorer in {model['state']['lang']}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_ignored_outputs_give_a_reason_and_training_is_ignored(chapter):
    for cell in code_cells(load("en", chapter)):
        tags = cell.metadata.get("tags", [])
        if IGNORE in tags:
            assert cell.source.lstrip().startswith("# nbval:"), f"no '# nbval: reason' comment:\n{cell.source[:200]}"
        if re.search(r"\bfit\(", cell.source) and "def " not in cell.source and "if RUN_FULL" not in cell.source:
            assert IGNORE in tags, f"a training cell whose output is compared:\n{cell.source[:200]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_cell_imports_the_library_before_keras(chapter):
    first = code_cells(load("en", chapter))[0].source
    lines = [ln for ln in first.splitlines() if ln.startswith(("import", "from"))]
    assert lines[0].startswith("import seq2seq_lib"), lines[:2]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_network_or_shared_folder(chapter):
    for cell in code_cells(load("en", chapter)):
        assert "../shared" not in cell.source and "/shared/" not in cell.source
        assert not re.search(r"https?://", cell.source)
        if "download." in cell.source:  # only behind the RUN_FULL switch, off by default
            assert "if RUN_FULL:" in cell.source


def test_try_it_sections_from_chapter_3_on():
    for chapter in CHAPTERS[2:]:
        for lang, heading in (("ko", "## 직접 해 보기"), ("en", "## Try it")):
            md = [c.source for c in load(lang, chapter).cells if c.cell_type == "markdown"]
            assert any(heading in s for s in md[-2:]), f"{lang}/{chapter}: no final '{heading}' section"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_ends_with_three_exercises_with_folded_hints(chapter):
    for lang, heading in (("ko", "## 연습 문제"), ("en", "## Exercises")):
        last = [c for c in load(lang, chapter).cells if c.cell_type == "markdown"][-1].source
        assert last.startswith(heading), f"{lang}/{chapter}: the last markdown cell is not '{heading}'"
        assert len(re.findall(r"^\*\*\d\. ", last, re.M)) == 3, f"{lang}/{chapter}: not three exercises"
        assert last.count(":::{dropdown}") == 3 and last.count("\n:::") >= 3, f"{lang}/{chapter}: a hint is not folded"


# --------------------------------------------------------------------------------------------
# Table of contents and configuration
# --------------------------------------------------------------------------------------------


def toc_files():
    from sphinx_external_toc.parsing import parse_toc_yaml

    site = parse_toc_yaml(BOOK / "_toc.yml")
    return site.root.docname, [d for d in site if d != site.root.docname]


def test_book_toc_and_config_resolve_to_the_top_level_files():
    for name in ("_toc.yml", "_config.yml"):
        assert (BOOK / name).resolve() == (ROOT / name).resolve(), f"book/{name} must point at ../{name}"


def test_toc_lists_every_page_and_every_page_exists():
    root, docs = toc_files()
    assert root == "intro" and (BOOK / "intro.md").exists()
    for doc in docs:
        assert (BOOK / f"{doc}.ipynb").exists() or (BOOK / f"{doc}.md").exists(), doc
    for lang in nbtool.LANGS:
        expected = [f"{lang}/{c}" for c in CHAPTERS] + [f"{lang}/glossary", f"{lang}/references"]
        assert [d for d in docs if d.startswith(lang + "/")] == expected
        on_disk = {f"{lang}/{p.stem}" for p in (BOOK / lang).iterdir() if p.suffix in (".md", ".ipynb")}
        assert on_disk == set(expected)


def test_build_config_loads_nothing_from_a_cdn():
    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert cfg["execute"]["execute_notebooks"] == "off"
    assert cfg["only_build_toc_files"] is True
    sphinx = cfg["sphinx"]["config"]
    assert sphinx["nb_ipywidgets_js"] == {}  # no require.js / widget manager from unpkg
    assert "sphinx_thebe" not in sphinx["extensions"]  # its page script names thebe on unpkg
    assert "myst_nb" in sphinx["extensions"] and "sphinx_book_theme" in sphinx["extensions"]
    assert sphinx["html_math_renderer"] == "imgmath"  # MathJax would load from a CDN
    assert "html_static_path" not in sphinx  # Jupyter Book adds book/_static itself
    assert not cfg["launch_buttons"].get("thebe")
    assert not any(cfg["launch_buttons"].get(k) for k in ("binderhub_url", "colab_url", "jupyterhub_url"))
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert not re.search(r"https?://", "\n".join(ln.split("#")[0] for ln in text.splitlines()))


def test_strict_build_loads_nothing_from_a_cdn(tmp_path):
    cmd = ["jupyter-book", "build", "book/", "-n", "-W", "--keep-going", "--path-output", str(tmp_path)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pages = list((tmp_path / "_build" / "html").rglob("*.html"))
    assert len(pages) >= 17
    remote = re.compile(r'<(script|link|img|iframe)[^>]*(src|href)="(https?:)?//', re.I)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not remote.search(text), f"{page.name} loads from another site"
        assert "unpkg.com" not in text and "cdn.jsdelivr" not in text and "mathjax" not in text.lower(), page.name


# --------------------------------------------------------------------------------------------
# Glossary
# --------------------------------------------------------------------------------------------

GLOSSARY = nbtool.glossary_entries()


def english_core(term):
    """'gated recurrent unit (GRU)' → 'gated recurrent unit'."""
    return re.sub(r"\s*\(.*\)$", "", term)


@pytest.mark.parametrize("entry", GLOSSARY, ids=lambda e: e["en"])
def test_glossary_terms_used_and_introduced_with_english(entry):
    ko_text = markdown_text("ko").replace("**", "")
    en_text = markdown_text("en").replace("**", "").replace("-", " ").lower()
    assert entry["ko"] in ko_text, f"Korean term {entry['ko']!r} never used"
    assert english_core(entry["en"]).replace("-", " ").lower() in en_text, f"English term {entry['en']!r} never used"
    prose = "\n".join(ln for ln in ko_text.splitlines() if not ln.startswith("#"))  # headings stay short
    first = prose.index(entry["ko"])
    after = prose[first + len(entry["ko"]) :][: len(entry["en"]) + 2]
    assert after.lower().startswith("(" + english_core(entry["en"]).lower()), (
        f"first use of {entry['ko']!r} is not followed by '({english_core(entry['en'])}': "
        f"...{prose[max(0, first - 30) : first + 60]!r}"
    )


def test_glossary_pages_list_every_entry():
    for lang in nbtool.LANGS:
        page = (BOOK / lang / "glossary.md").read_text(encoding="utf-8")
        for e in GLOSSARY:
            assert f"| {e['ko']} | {e['en']} |" in page
