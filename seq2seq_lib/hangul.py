"""Korean text as a model sees it: whole syllables, or the letters (jamo) they are built from.

A Hangul syllable such as 한 is one Unicode character (U+D55C), but it is written with three
letters: the initial consonant ᄒ (초성), the vowel ᅡ (중성) and the final consonant ᆫ (종성).
Unicode lists all 11,172 possible syllables, U+AC00 가 to U+D7A3 힣, in the order

    syllable = 0xAC00 + (initial × 21 + vowel) × 28 + final

with 19 initials, 21 vowels and 28 finals (final 0 = none).  Unicode's canonical decomposition
(NFD) turns each syllable into its 2 or 3 *conjoining jamo* (U+1100–U+11FF); composition (NFC)
puts them back together.  So a character-level model can write Korean in two ways:

* one token per syllable: short sequences (a sentence of 15 syllables), but a large vocabulary
  (the Tatoeba kor-eng file uses about 900 distinct characters) whose rare syllables are seen
  only a few times;
* one token per jamo: sequences about twice as long, but a vocabulary of about 100 symbols,
  each seen thousands of times.  The price: such a model can emit letters that do not form a
  syllable (a vowel with no consonant before it), which NFC leaves uncomposed
  (`uncomposed_count`).
"""

from __future__ import annotations

import unicodedata

SBASE, LBASE, VBASE, TBASE = 0xAC00, 0x1100, 0x1161, 0x11A7
LCOUNT, VCOUNT, TCOUNT = 19, 21, 28
NCOUNT = VCOUNT * TCOUNT  # 588 syllables share each initial consonant
SCOUNT = LCOUNT * NCOUNT  # 11,172 syllables


def is_syllable(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가 … 힣)."""
    return len(ch) == 1 and SBASE <= ord(ch) < SBASE + SCOUNT


def is_jamo(ch: str) -> bool:
    """True for a conjoining jamo (U+1100–U+11FF), the letters NFD produces."""
    return len(ch) == 1 and 0x1100 <= ord(ch) <= 0x11FF


def to_jamo(text: str) -> str:
    """The text with every syllable written as its conjoining jamo (Unicode NFD):
    to_jamo('한국') == '한국' (6 characters).  Other characters are unchanged, except
    that accented Latin letters are decomposed too (NFD applies to all of Unicode)."""
    return unicodedata.normalize("NFD", text)


def compose(text: str) -> str:
    """The inverse of `to_jamo` (Unicode NFC): jamo that form syllables become syllables."""
    return unicodedata.normalize("NFC", text)


def syllable_parts(ch: str) -> tuple:
    """(초성, 중성, 종성) of a syllable, by the arithmetic above; 종성 is '' when there is none.

    syllable_parts('한') == ('ᄒ', 'ᅡ', 'ᆫ') and syllable_parts('하') == ('ᄒ', 'ᅡ', '').
    The result joined is exactly `to_jamo(ch)` (tests/test_hangul.py checks all 11,172).
    """
    if not is_syllable(ch):
        raise ValueError(f"{ch!r} is not a precomposed Hangul syllable")
    index = ord(ch) - SBASE
    initial, rest = divmod(index, NCOUNT)
    vowel, final = divmod(rest, TCOUNT)
    return chr(LBASE + initial), chr(VBASE + vowel), chr(TBASE + final) if final else ""


def pending_syllable(jamo_prefix: str) -> str:
    """How a jamo model's output so far reads: the prefix composed (NFC).

    A decoder that writes jamo passes through incomplete syllables: after ᄒ the reader sees
    'ᄒ', after 하 '하', after 한 '한'.  The last syllable may still change: a final
    consonant can follow, or the consonant may turn out to start the next syllable
    (한 + ᄀ → '한ᄀ', then + ᅮ → '한구').
    """
    return compose(jamo_prefix)


def jamo_label(ch: str) -> str:
    """How a conjoining jamo is shown on its own (a candidate of the explorer): as the
    compatibility jamo of the same letter (U+3131–U+318E), which every Korean font draws as a
    letter, where a conjoining jamo alone may be drawn as half a syllable or a box.  A final
    consonant gets a hyphen before it (종성 'ᆫ' → '-ㄴ', 초성 'ᄂ' → 'ㄴ'), so the two
    candidates that both look like ㄴ can be told apart.  Other characters are returned as is.
    """
    if not is_jamo(ch):
        return ch
    try:
        kind, letter = unicodedata.name(ch).split(" ", 2)[1:]
        shown = unicodedata.lookup("HANGUL LETTER " + letter)
    except (KeyError, ValueError):  # a filler, or an old letter with no compatibility form
        return ch
    return "-" + shown if kind == "JONGSEONG" else shown


def jamo_labels(tokens) -> dict:
    """{token: jamo_label(token)} for the conjoining jamo among `tokens` (a jamo model's
    vocabulary); the explorer's candidates use it on both sides (explorer_text.model_info)."""
    return {t: jamo_label(t) for t in tokens if is_jamo(t) and jamo_label(t) != t}


def uncomposed_count(text: str) -> int:
    """How many conjoining jamo are left over after composing `text` (NFC).

    Zero for text that NFD produced.  A jamo-level model's output can have letters that form no
    syllable: 'ᅡ' (a vowel with no initial), 'ᄒᄒ' (two initials in a row) or 'ᆫ' alone.
    """
    return sum(is_jamo(ch) for ch in compose(text))


def is_composable(jamo_text: str) -> bool:
    """True when every jamo of `jamo_text` ends up inside a syllable after NFC."""
    return uncomposed_count(jamo_text) == 0


def vocab_stats(sentences) -> dict:
    """What the two tokenizations cost on `sentences` (the Korean side of a corpus).

    `chars`: distinct characters of the sentences as written (syllables, spaces, punctuation);
    `jamo_chars`: distinct characters after `to_jamo`; `syllables` / `jamo`: how many of those
    are Hangul syllables / conjoining jamo; `mean_chars` / `mean_jamo`: mean sentence length in
    characters before and after `to_jamo`.
    """
    sentences = list(sentences)
    if not sentences:
        raise ValueError("vocab_stats needs at least one sentence")
    decomposed = [to_jamo(s) for s in sentences]
    chars = {ch for s in sentences for ch in s}
    jamo_chars = {ch for s in decomposed for ch in s}
    n = len(sentences)
    return {
        "sentences": n,
        "chars": len(chars),
        "syllables": sum(map(is_syllable, chars)),
        "jamo_chars": len(jamo_chars),
        "jamo": sum(map(is_jamo, jamo_chars)),
        "mean_chars": sum(map(len, sentences)) / n,
        "mean_jamo": sum(map(len, decomposed)) / n,
    }


def jamo_pairs(pairs):
    """(source, target) pairs with the target written in jamo: what a jamo-level model learns."""
    return [(src, to_jamo(tgt)) for src, tgt in pairs]


def syllables(text: str) -> list:
    """The Hangul syllables of `text` composed (NFC), in order: what a syllable model would write."""
    return [ch for ch in compose(text) if is_syllable(ch)]


def novel_syllables(text: str, known) -> list:
    """The distinct syllables of `text` (composed) that are not in `known`, in order of first use.

    With `known` the syllables of a syllable model's training targets, these are what that model
    can never write; in a jamo model's output, syllables it composed from letters it learned
    elsewhere (chapter 9 checks whether they make words)."""
    seen, out = set(known), []
    for ch in syllables(text):
        if ch not in seen:
            seen.add(ch)
            out.append(ch)
    return out
