"""English→French pairs: reading, vocabularies, and the tutorial's one-hot arrays.

The file format is the one manythings.org/anki distributes (Tatoeba sentences, CC-BY 2.0 FR):
`English<TAB>French` per line, or `English<TAB>French<TAB>attribution` in newer releases.
English→Korean files (kor-eng) have the same format and are read the same way; "French" in the
names below means the target side, whatever its language.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import config

RESOURCES = Path(__file__).resolve().parent / "resources"
BUNDLED_CORPUS = RESOURCES / "corpus" / "fra-eng-mini.txt"
BUNDLED_KOREAN = RESOURCES / "corpus" / "kor-eng-mini.txt"  # English→Korean, same format
BUNDLED = {"bundled": BUNDLED_CORPUS, "bundled-ko": BUNDLED_KOREAN}

# Thin spaces that some releases put before French ! ? : ; (U+202F, U+00A0, U+2009).
_ODD_SPACES = re.compile("[\u202f\u00a0\u2009]")


class DataFormatError(ValueError):
    """A data file that is not what this module reads; the message names the file and line."""


def read_pairs(path, num_samples: int | None = None, normalize_spaces: bool = True):
    """Return the first `num_samples` (English, French) pairs of a fra-eng file.

    Blank lines are skipped.  A line without a tab, or bytes that are not UTF-8, raise
    `DataFormatError` naming the file and the 1-based line number.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such data file")
    pairs = []
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, start=1):
            if num_samples is not None and len(pairs) >= num_samples:
                break
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise DataFormatError(
                    f"{path}, line {lineno}: not UTF-8 text (byte {raw[e.start]:#04x} at column {e.start + 1})"
                ) from None
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
                raise DataFormatError(
                    f"{path}, line {lineno}: expected 'English<TAB>French[<TAB>attribution]', got {line[:60]!r}"
                )
            english, french = cols[0].strip(), cols[1].strip()
            if normalize_spaces:
                french = _ODD_SPACES.sub(" ", french)
                english = _ODD_SPACES.sub(" ", english)
            pairs.append((english, french))
    return pairs


def resolve_data_path(path=None) -> Path:
    """The data file to read: `path` if given ("bundled" means the bundled English→French corpus,
    "bundled-ko" the English→Korean one), else the file named by $SEQ2SEQ_DATA, else the bundled
    English→French corpus.  Never guesses a location on disk."""
    if path is None:
        path = os.environ.get(config.DATA_ENV) or "bundled"
    return BUNDLED.get(str(path), Path(path))


def load_pairs(path=None, num_samples: int | None = 10_000, normalize_spaces: bool = True):
    """`read_pairs` on `resolve_data_path(path)`: the one call the chapters and the CLI use."""
    return read_pairs(resolve_data_path(path), num_samples, normalize_spaces)


def split_by_source(pairs, holdout: float = 0.1, seed: int = 0, keep_out=()):
    """Split pairs into (train, held_out) so that no English sentence is on both sides.

    Every translation of a held-out English sentence goes to the held-out side, so that side
    can be scored against all references and the model never saw any of them.  English
    sentences in `keep_out` are held out as well.
    """
    sources = sorted({en for en, _ in pairs})
    rng = random.Random(seed)
    rng.shuffle(sources)
    held = set(sources[: round(len(sources) * holdout)]) | set(keep_out)
    train = [p for p in pairs if p[0] not in held]
    test = [p for p in pairs if p[0] in held]
    return train, test


def benchmark_split(pairs, num_samples=config.BENCHMARK_NUM_SAMPLES, holdout=config.BENCHMARK_HOLDOUT,
                    seed=config.BENCHMARK_SEED):
    """(train, held_out) of benchmarks/train_recipe.py on the first `num_samples` pairs.

    The held-out side keeps only pairs a model trained on the train side can read: characters
    it has seen, English no longer than its longest.
    """
    train, held = split_by_source(pairs[:num_samples], holdout, seed=seed)
    seen = set(char_vocabs(train)[0].tokens)
    max_len = max(len(en) for en, _ in train)
    return train, [(en, fr) for en, fr in held if len(en) <= max_len and set(en) <= seen]


def heldout_split(pairs, cfg):
    """(train, held_out) as a training run with recipe `cfg` made it (see `config.full`)."""
    if not cfg.holdout and not cfg.benchmark_holdout:
        return list(pairs), []
    keep_out = ()
    if cfg.benchmark_holdout:  # all of the benchmark's held-out sentences, readable or not
        first = pairs[: config.BENCHMARK_NUM_SAMPLES]
        keep_out = {en for en, _ in split_by_source(first, config.BENCHMARK_HOLDOUT, config.BENCHMARK_SEED)[1]}
    return split_by_source(pairs, cfg.holdout, seed=cfg.seed, keep_out=keep_out)


def with_extra_pairs(train, held, extra):
    """`train` plus the pairs of `extra` that a held-out evaluation may safely see in training.

    An extra pair is dropped when its English sentence is held out (`held`'s English), so the
    held-out scores stay scores on unseen sentences, and when the same pair is already in
    `train`.  Returns (pairs, {"added": n, "dropped_heldout": n, "dropped_duplicate": n})."""
    held_en = {en for en, _ in held}
    seen = set(map(tuple, train))
    out, counts = list(train), {"added": 0, "dropped_heldout": 0, "dropped_duplicate": 0}
    for en, tgt in extra:
        if en in held_en:
            counts["dropped_heldout"] += 1
        elif (en, tgt) in seen:
            counts["dropped_duplicate"] += 1
        else:
            seen.add((en, tgt))
            out.append((en, tgt))
            counts["added"] += 1
    return out, counts


def checkpoint_split(info, path):
    """(training pairs, held-out pairs) of the checkpoint whose `info` this is, trained on `path`:
    the recipe's held-out split, plus the extra pairs `train --extra-pairs` added (recorded in
    info["data"]["extra_pairs"]; a bundled corpus is re-read, another file is looked for next to
    `path`)."""
    recipe = config.TrainConfig.from_dict(info.get("recipe", {}))
    train, held = heldout_split(read_pairs(path, recipe.num_samples or None, recipe.normalize_spaces), recipe)
    extra = (info.get("data") or {}).get("extra_pairs")
    if extra:
        name = extra["file"]
        extra_path = BUNDLED[name] if name in BUNDLED else Path(path).parent / name
        train = with_extra_pairs(train, held, read_pairs(extra_path, None, recipe.normalize_spaces))[0]
    return train, held


def references(pairs):
    """{English: [every French translation in `pairs`]}, in file order."""
    refs: dict[str, list[str]] = {}
    for en, fr in pairs:
        refs.setdefault(en, []).append(fr)
    return refs


# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------


@dataclass
class Vocab:
    """An ordered list of tokens (characters or words) and its inverse index."""

    tokens: list
    index: dict = field(init=False, repr=False)

    def __post_init__(self):
        self.tokens = list(self.tokens)
        self.index = {t: i for i, t in enumerate(self.tokens)}

    def __len__(self):
        return len(self.tokens)

    def __contains__(self, token):
        return token in self.index


def char_vocabs(pairs):
    """The tutorial's vocabularies: sorted characters of the English and French sides, the
    French one with START ('\\t') and END ('\\n') added."""
    input_chars = sorted({ch for en, _ in pairs for ch in en})
    target_chars = sorted({ch for _, fr in pairs for ch in fr} | {config.START_CHAR, config.END_CHAR})
    return Vocab(input_chars), Vocab(target_chars)


_WORD = re.compile(r"\w+(?:[-']\w+)*'?|[^\w\s]")


def tokenize_words(text: str):
    """Words and punctuation marks: "J'ai froid !" → ["J'ai", "froid", "!"]."""
    return _WORD.findall(text)


# French typography as this corpus writes it: a space between words and before ! ? : ;, none
# before these marks.  (`sentences.join_rule` hands the same rule to the browser's decoder.)
FRENCH_TIGHT_BEFORE = ".,"


def detokenize_french(tokens) -> str:
    """Inverse of `tokenize_words` for French text written with this corpus's conventions:
    a space between words and before ! ? : ; (French typography), none before . and ,."""
    text = " ".join(tokens)
    for mark in FRENCH_TIGHT_BEFORE:
        text = text.replace(" " + mark, mark)
    return text


def word_vocabs(pairs, max_words: int | None = None):
    """Word vocabularies: 0 = padding, 1 = unknown word, then words by frequency.  The French one
    also has START and END words."""

    def build(texts, extra):
        counts: dict[str, int] = {}
        for t in texts:
            for w in tokenize_words(t):
                counts[w] = counts.get(w, 0) + 1
        words = sorted(counts, key=lambda w: (-counts[w], w))
        if max_words is not None:
            words = words[: max_words - 2 - len(extra)]
        return Vocab([config.PAD_WORD, config.OOV_WORD, *extra, *words])

    return (
        build([en for en, _ in pairs], []),
        build([fr for _, fr in pairs], [config.START_WORD, config.END_WORD]),
    )


# --------------------------------------------------------------------------------------------
# The tutorial's arrays
# --------------------------------------------------------------------------------------------


@dataclass
class CharData:
    """Everything the tutorial's section 2 builds from the pairs, in its own names."""

    input_texts: list
    target_texts: list  # with START and END added, as in the tutorial
    input_vocab: Vocab
    target_vocab: Vocab
    max_encoder_seq_length: int
    max_decoder_seq_length: int
    encoder_input_data: np.ndarray
    decoder_input_data: np.ndarray
    decoder_target_data: np.ndarray


def prepare_char_data(pairs, input_vocab=None, target_vocab=None, reverse_source=False) -> CharData:
    """One-hot `encoder_input_data`, `decoder_input_data` and `decoder_target_data`.

    Shapes are (samples, max length, vocabulary); padding is all-zero rows.  The target is the
    decoder input shifted one step ahead: `decoder_target_data[:, t] == decoder_input_data[:, t+1]`.
    """
    if input_vocab is None or target_vocab is None:
        input_vocab, target_vocab = char_vocabs(pairs)
    input_texts = [en for en, _ in pairs]
    target_texts = [config.START_CHAR + fr + config.END_CHAR for _, fr in pairs]
    max_enc = max(len(t) for t in input_texts)
    max_dec = max(len(t) for t in target_texts)
    enc = one_hot_sources(input_texts, input_vocab, max_enc, reverse_source)
    dec_in = np.zeros((len(pairs), max_dec, len(target_vocab)), dtype="float32")
    dec_out = np.zeros_like(dec_in)
    for i, text in enumerate(target_texts):
        for t, ch in enumerate(text):
            dec_in[i, t, target_vocab.index[ch]] = 1.0
            if t > 0:
                dec_out[i, t - 1, target_vocab.index[ch]] = 1.0  # one step ahead
    return CharData(input_texts, target_texts, input_vocab, target_vocab, max_enc, max_dec, enc, dec_in, dec_out)


def one_hot_sources(texts, input_vocab: Vocab, max_len: int, reverse_source=False):
    """One-hot English sentences, zero-padded at the end.  Characters must be in the vocabulary
    (see `sentences.check_sentence` for the policy on bad input)."""
    out = np.zeros((len(texts), max_len, len(input_vocab)), dtype="float32")
    for i, text in enumerate(texts):
        chars = text[::-1] if reverse_source else text
        for t, ch in enumerate(chars[:max_len]):
            out[i, t, input_vocab.index[ch]] = 1.0
    return out


@dataclass
class WordData:
    """Integer sequences for the word-level model (chapter 5); 0 is padding."""

    input_vocab: Vocab
    target_vocab: Vocab
    max_encoder_seq_length: int
    max_decoder_seq_length: int
    encoder_input_data: np.ndarray  # (samples, max English words)
    decoder_input_data: np.ndarray  # (samples, max French words + 1), starts with START
    decoder_target_data: np.ndarray  # the same, one step ahead, ends with END


def word_ids(tokens, vocab: Vocab):
    return [vocab.index.get(w, 1) for w in tokens]  # 1 = OOV


def token_ids(level: str, text: str, vocab: Vocab):
    """The ids of a text's tokens: its characters (all in `vocab`), or its words
    (`tokenize_words`; unknown words get the `<unk>` id)."""
    return [vocab.index[c] for c in text] if level == "char" else word_ids(tokenize_words(text), vocab)


def prepare_word_data(pairs, input_vocab=None, target_vocab=None, max_words=None) -> WordData:
    if input_vocab is None or target_vocab is None:
        input_vocab, target_vocab = word_vocabs(pairs, max_words)
    src = [token_ids("word", en, input_vocab) for en, _ in pairs]
    start, end = target_vocab.index[config.START_WORD], target_vocab.index[config.END_WORD]
    tgt = [[start, *token_ids("word", fr, target_vocab), end] for _, fr in pairs]
    max_enc = max(map(len, src))
    max_dec = max(map(len, tgt)) - 1
    enc = np.zeros((len(pairs), max_enc), dtype="int32")
    dec_in = np.zeros((len(pairs), max_dec), dtype="int32")
    dec_out = np.zeros((len(pairs), max_dec), dtype="int32")
    for i, (s, t) in enumerate(zip(src, tgt)):
        enc[i, : len(s)] = s
        dec_in[i, : len(t) - 1] = t[:-1]
        dec_out[i, : len(t) - 1] = t[1:]
    return WordData(input_vocab, target_vocab, max_enc, max_dec, enc, dec_in, dec_out)
