#!/usr/bin/env python3
"""Regenerate the bundled English->French mini corpus.

Output: seq2seq_lib/resources/corpus/fra-eng-mini.txt

The corpus was written for the seq2seq-book project (CC0 1.0, see the
LICENSE.md next to the output file). Most pairs are hand-written in the
file tools/corpus/hand_written.txt; a small template section (ADJECTIVES) adds
the "I'm tired." / "She's tired." / "Are you tired?" family of sentences,
which shows French adjective agreement across persons and genders.

Format of the output: one pair per line, ``English<TAB>French``, UTF-8,
sorted (stably) by the length of the English sentence, like the
Tatoeba/manythings release. An English sentence with several French
translations appears on several consecutive lines.

The script is deterministic: running it again rewrites the file byte for
byte. Usage (from the repository root or anywhere else)::

    python tools/make_corpus.py
"""

from pathlib import Path

OUT = (Path(__file__).resolve().parent.parent
       / "seq2seq_lib" / "resources" / "corpus" / "fra-eng-mini.txt")
SOURCE = Path(__file__).resolve().parent / "corpus" / "hand_written.txt"

# ---------------------------------------------------------------------------
# Hand-written pairs, in tools/corpus/hand_written.txt: "English | French |
# French ..." (one English sentence with one or more French translations).
# Lines starting with '#' are section comments.
# ---------------------------------------------------------------------------
HAND_WRITTEN = SOURCE.read_text(encoding="utf-8")

# ---------------------------------------------------------------------------
# Template: adjectives, with full gender/number agreement.
#   (English, masc. sg., fem. sg., masc. pl., fem. pl., flags)
# Flags choose which sentences are generated for the adjective:
#   I = "I'm X."        Je suis m / Je suis f
#   Y = "You're X."     Tu es m / Tu es f / Vous êtes m
#   H = "He's X."       Il est m
#   S = "She's X."      Elle est f
#   W = "We're X."      Nous sommes mpl / Nous sommes fpl
#   T = "They're X."    Ils sont mpl / Elles sont fpl
#   N = "I'm not X."    Je ne suis pas m / Je ne suis pas f
#   Q = "Are you X?"    Es-tu m ? / Es-tu f ? / Êtes-vous m ?
# Identical French variants (invariable adjectives) are written once.
# ---------------------------------------------------------------------------
ADJECTIVES = [
    ("tired", "fatigué", "fatiguée", "fatigués", "fatiguées", "IYHSWTNQ"),
    ("happy", "heureux", "heureuse", "heureux", "heureuses", "IYHSWN"),
    ("sad", "triste", "triste", "tristes", "tristes", "IHSN"),
    ("busy", "occupé", "occupée", "occupés", "occupées", "IYHSQ"),
    ("ready", "prêt", "prête", "prêts", "prêtes", "IYWTQ"),
    ("sick", "malade", "malade", "malades", "malades", "IHSQ"),
    ("late", "en retard", "en retard", "en retard", "en retard", "IYHSW"),
    ("lost", "perdu", "perdue", "perdus", "perdues", "IYQ"),
    ("sure", "sûr", "sûre", "sûrs", "sûres", "INQ"),
    ("angry", "en colère", "en colère", "en colère", "en colère", "IYHS"),
    ("alone", "seul", "seule", "seuls", "seules", "IQ"),
    ("worried", "inquiet", "inquiète", "inquiets", "inquiètes", "IYS"),
    ("married", "marié", "mariée", "mariés", "mariées", "IQ"),
    ("free", "libre", "libre", "libres", "libres", "IQ"),
    ("serious", "sérieux", "sérieuse", "sérieux", "sérieuses", "Q"),
    ("awake", "réveillé", "réveillée", "réveillés", "réveillées", "Q"),
    ("nervous", "nerveux", "nerveuse", "nerveux", "nerveuses", "I"),
    ("shy", "timide", "timide", "timides", "timides", "I"),
    ("strong", "fort", "forte", "forts", "fortes", "I"),
    ("rich", "riche", "riche", "riches", "riches", "IT"),
    ("young", "jeune", "jeune", "jeunes", "jeunes", "I"),
    ("old", "vieux", "vieille", "vieux", "vieilles", "IN"),
    ("lazy", "paresseux", "paresseuse", "paresseux", "paresseuses", "H"),
    ("famous", "célèbre", "célèbre", "célèbres", "célèbres", "H"),
    ("drunk", "ivre", "ivre", "ivres", "ivres", "H"),
    ("polite", "poli", "polie", "polis", "polies", "S"),
    ("curious", "curieux", "curieuse", "curieux", "curieuses", "S"),
]


def parse_hand_written(text):
    pairs = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        english, frenches = parts[0], parts[1:]
        if not frenches:
            raise ValueError(f"no translation: {raw!r}")
        pairs.extend((english, fr) for fr in frenches)
    return pairs


def adjective_pairs():
    pairs = []
    for en, m, f, mpl, fpl, flags in ADJECTIVES:
        forms = {
            "I": (f"I'm {en}.", [f"Je suis {m}.", f"Je suis {f}."]),
            "Y": (f"You're {en}.",
                  [f"Tu es {m}.", f"Tu es {f}.", f"Vous êtes {m}."]),
            "H": (f"He's {en}.", [f"Il est {m}."]),
            "S": (f"She's {en}.", [f"Elle est {f}."]),
            "W": (f"We're {en}.",
                  [f"Nous sommes {mpl}.", f"Nous sommes {fpl}."]),
            "T": (f"They're {en}.",
                  [f"Ils sont {mpl}.", f"Elles sont {fpl}."]),
            "N": (f"I'm not {en}.",
                  [f"Je ne suis pas {m}.", f"Je ne suis pas {f}."]),
            "Q": (f"Are you {en}?",
                  [f"Es-tu {m} ?", f"Es-tu {f} ?", f"Êtes-vous {m} ?"]),
        }
        for flag in "IYHSWTNQ":
            if flag in flags:
                english, frenches = forms[flag]
                for fr in dict.fromkeys(frenches):  # drop identical variants
                    pairs.append((english, fr))
    return pairs


def build():
    pairs = parse_hand_written(HAND_WRITTEN) + adjective_pairs()
    pairs = list(dict.fromkeys(pairs))  # drop exact duplicates, keep order
    # Stable sort by English length: equal lengths keep the order above.
    pairs.sort(key=lambda p: len(p[0]))
    return pairs


def write(out=OUT):
    """Write the corpus to `out`; returns the pairs."""
    pairs = build()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for en, fr in pairs:
            fh.write(f"{en}\t{fr}\n")
    return pairs


def main():
    pairs = write()
    n_en = len({en for en, _ in pairs})
    print(f"wrote {len(pairs)} pairs ({n_en} distinct English) to {OUT}")


if __name__ == "__main__":
    main()
