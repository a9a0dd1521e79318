"""Helpers the book's notebooks share, so that no chapter carries its own copy.

`show(obj)` displays the library's source of `obj`.  It is stored in the notebook as Markdown (a
fenced ``python`` block holding the exact source text), not as HTML: the syntax highlighting is
done when the page is drawn (by Jupyter Book at build time, by JupyterLab on screen), so the
stored output is the source itself, and `pytest --nbval` compares it exactly, whatever version
of the highlighter is installed.
"""

from __future__ import annotations

import inspect


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
