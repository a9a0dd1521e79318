"""Helpers the book's notebooks share, so that no chapter carries its own copy.

`show(obj)` displays the library's source of `obj`; `shipped(name)` loads a shipped checkpoint
and `heldout_scores(name)` reads its model card's held-out scores (both say so and give None
when this copy of the repository lacks them); `SENTENCES` are the chapters' example sentences.  It is stored in the notebook as Markdown (a
fenced ``python`` block holding the exact source text), not as HTML: the syntax highlighting is
done when the page is drawn (by Jupyter Book at build time, by JupyterLab on screen), so the
stored output is the source itself, and `pytest --nbval` compares it exactly, whatever version
of the highlighter is installed.
"""

from __future__ import annotations

import inspect

from . import checkpoints
from .examples import SENTENCES  # noqa: F401  (the chapters import it from here)


def source_markdown(obj) -> str:
    """The source of `obj` as a fenced Markdown code block (the fence outgrows any backticks inside)."""
    source = inspect.getsource(obj)
    if not source.endswith("\n"):
        source += "\n"
    fence = "```"
    while fence in source:
        fence += "`"
    return f"{fence}python\n{source}{fence}"


def show(obj) -> None:
    """Display the library's source of `obj`: the code the notebook calls, not a copy."""
    from IPython.display import Markdown, display

    display(Markdown(source_markdown(obj)))


def shipped(name):
    """A checkpoint shipped in seq2seq_lib/resources/checkpoints, or None if missing."""
    path = checkpoints.shipped_path(name)
    if not path.exists():
        print(f"{path.name} is not in this copy of the repository yet")
        return None
    return checkpoints.load(path)


def heldout_scores(name):
    """The held-out scores recorded in a checkpoint's model card (<name>.md), or None."""
    try:
        return checkpoints.model_card(checkpoints.shipped_path(name)).get("heldout")
    except checkpoints.CheckpointError:  # no card (or no JSON block) in this copy
        return None
