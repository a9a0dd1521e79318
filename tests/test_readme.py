"""The README's translate examples are what the shipped default model prints."""

import re
import shlex
from pathlib import Path

from seq2seq_lib import checkpoints, decoding

README = Path(__file__).resolve().parent.parent / "README.md"


def console_examples():
    """[(input sentences, printed lines)] of each `$ ... seq2seq_lib translate` in the README."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for command, output in re.findall(r"^\$ (.*)\n((?:[^$\n].*\n)*)", block, re.M):
            if "seq2seq_lib translate" not in command:
                continue
            printf = re.match(r"printf (.+?) \| ", command)
            if printf:
                sentences = shlex.split(printf.group(1))[0].encode().decode("unicode_escape").splitlines()
            else:
                sentences = shlex.split(command.split("translate", 1)[1])
            examples.append((sentences, output.splitlines()))
    return examples


def test_readme_translations_come_from_the_default_model():
    examples = console_examples()
    assert len(examples) >= 2
    translator = decoding.Translator(checkpoints.load())
    for sentences, printed in examples:
        assert sentences and len(sentences) == len(printed)
        assert translator.translate(sentences) == printed
