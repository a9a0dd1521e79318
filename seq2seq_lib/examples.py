"""The chapters' example sentences, the translations a right output may match, and glosses.

Every French output the book shows for its example sentences is printed by `compare`: next to
its references, marked ✓ (identical to one of them) or ✗, with a short gloss of what the French
says in the page's language, so a reader without French can judge a wrong output.  The
references are the bundled corpus's (`resources/corpus/fra-eng-mini.txt`) and, for the few
example sentences it lacks or translations it leaves out, those in `resources/examples.yml`; both were written by this
project.  The glosses are in the same file, keyed by the exact output; an output without one
prints `NO_GLOSS`, which tests/test_examples.py looks for in every stored notebook.
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from . import data
from .explorer_text import detect_lang

EXAMPLES_FILE = data.RESOURCES / "examples.yml"
NO_GLOSS = "(no gloss yet)"

SENTENCES = [  # "Be nice." is the post's example
    "Be nice.", "Go away.", "Help me!", "Thank you.",
    "Come here.", "I'm tired.", "Who are you?", "That's not good.",
]
POST_EXAMPLES = ["Be nice.", "Drop it!", "Get out!"]  # the three the post prints (all in its training data)


@lru_cache(maxsize=1)
def _table() -> dict:
    with open(EXAMPLES_FILE, encoding="utf-8") as f:
        table = yaml.safe_load(f)
    return {"references": table.get("references") or {}, "glosses": table.get("glosses") or {}}


def references(sentence: str) -> list:
    """Every French translation of `sentence` this project wrote: the bundled corpus's, then examples.yml's."""
    refs = list(_bundled().get(sentence, []))
    return refs + [r for r in _table()["references"].get(sentence, []) if r not in refs]


@lru_cache(maxsize=1)
def _bundled() -> dict:
    return data.references(data.read_pairs(data.BUNDLED_CORPUS))


def gloss(output: str, lang: str | None = None) -> str:
    """What the French `output` says, in `lang` ('ko' or 'en'; default: the page's language)."""
    entry = _table()["glosses"].get(output.strip())
    if not entry:
        return NO_GLOSS
    return entry[lang or detect_lang()]


def mark(output: str, refs) -> str:
    """'✓' if `output` is one of `refs`, '✗' if not, '?' if there are none to compare with."""
    if not refs:
        return "?"
    return "✓" if output.strip() in refs else "✗"


def compare(outputs: dict, sentences, lang: str | None = None, width: int = 22) -> None:
    """Print, for each sentence, its references and each model's output, marked and glossed.

    `outputs` maps a label (a model or method) to its outputs for `sentences`, in order.
    """
    lang = lang or detect_lang()
    label_width = max(map(len, outputs), default=0)
    for i, sentence in enumerate(sentences):
        refs = references(sentence)
        print(sentence)
        print(f"   {'정답' if lang == 'ko' else 'reference'}: " + (" | ".join(refs) if refs else "—"))
        for label, outs in outputs.items():
            out = str(outs[i]).strip()
            print(f"   {mark(out, refs)} {label:<{label_width}}  {out:<{width}} « {gloss(out, lang)} »")
