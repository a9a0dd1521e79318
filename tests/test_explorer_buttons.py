"""The explorer's step buttons draw in every font the book and JupyterLab use: their labels are
letters (Basic Latin, Hangul syllables) and the few shapes of `explorer_text.BUTTON_SHAPES`.
"⏸" (U+23F8) was drawn as an empty box in JupyterLab: it is in neither DejaVu Sans nor Noto
Sans CJK KR.
"""

import shutil
import subprocess

import pytest

from seq2seq_lib import explorer_text, hangul

BUTTONS = ("prev", "next", "play", "pause")
FONTS = ("DejaVu Sans", "Noto Sans CJK KR")


def safe(ch):
    return " " <= ch <= "~" or hangul.is_syllable(ch) or ch in explorer_text.BUTTON_SHAPES


@pytest.mark.parametrize("lang", sorted(explorer_text.STRINGS))
def test_button_labels_use_only_safe_characters(lang):
    s = explorer_text.STRINGS[lang]
    for key in BUTTONS:
        assert all(safe(ch) for ch in s[key]), (lang, key, [f"U+{ord(c):04X}" for c in s[key] if not safe(c)])
    assert s["play"] != s["pause"] and "\u23f8" not in "".join(s.values())


def fonts_with(ch):
    done = subprocess.run(["fc-list", f":charset={ord(ch):x}", "family"], capture_output=True, text=True, timeout=60)
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")}


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig's fc-list")
def test_the_shapes_are_in_the_fonts():
    installed = fonts_with("a")
    fonts = [f for f in FONTS if f in installed]
    if not fonts:
        pytest.skip(f"none of {FONTS} installed")
    for ch in explorer_text.BUTTON_SHAPES:
        assert set(fonts) <= fonts_with(ch), f"U+{ord(ch):04X}"
    assert not set(fonts) & fonts_with("\u23f8")
