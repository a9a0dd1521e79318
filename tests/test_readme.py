"""The README's translate examples are what the shipped default model prints."""

import re
import shlex
from pathlib import Path

from seq2seq_lib import checkpoints, cli, decoding

README = Path(__file__).resolve().parent.parent / "README.md"


def console_examples():
    """[(input sentences, printed lines, options)] of each `$ ... seq2seq_lib translate` in the
    README; the options (beam size, alpha) are parsed by the command line's own parser."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for command, output in re.findall(r"^\$ (.*)\n((?:[^$\n].*\n)*)", block, re.M):
            if "seq2seq_lib translate" not in command:
                continue
            args = cli._parser().parse_args(shlex.split(command.split("seq2seq_lib", 1)[1]))
            options = {"beam_size": args.beam, "alpha": args.alpha}
            printf = re.match(r"printf (.+?) \| ", command)
            if printf:
                sentences = shlex.split(printf.group(1))[0].encode().decode("unicode_escape").splitlines()
            else:
                sentences = args.sentences
            examples.append((sentences, output.splitlines(), options))
    return examples


def test_readme_translations_come_from_the_default_model():
    examples = console_examples()
    assert len(examples) >= 2
    translator = decoding.Translator(checkpoints.load())
    assert any(options["beam_size"] > 1 for _, _, options in examples)
    for sentences, printed, options in examples:
        assert sentences and len(sentences) == len(printed)
        assert translator.translate(sentences, **options) == printed
