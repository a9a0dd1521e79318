"""hangul.py (syllables and jamo), the bundled English→Korean corpus, and jamo-level training.

Nothing here reads ../shared: the Korean data is the bundled kor-eng-mini.txt.
"""

import json
import unicodedata
import zipfile

import pytest

from seq2seq_lib import checkpoints, config, data, hangul, sentences, train

KOREAN = data.BUNDLED_KOREAN


@pytest.fixture(scope="module")
def ko_pairs():
    return data.load_pairs("bundled-ko", num_samples=None)


# --------------------------------------------------------------------------------------------
# The corpus file
# --------------------------------------------------------------------------------------------


def test_corpus_file_format():
    raw = KOREAN.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) >= 550
    assert len(set(lines)) == len(lines), "no line twice"
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == 2 and all(fields), line
        en, ko = fields
        assert en == en.strip() and ko == ko.strip() and "  " not in en + ko, line
        assert en.isascii() and en.isprintable(), line
        assert any(hangul.is_syllable(ch) for ch in ko), line
        assert unicodedata.is_normalized("NFC", ko) and not any(hangul.is_jamo(ch) for ch in ko), line
        assert not any(f" {mark}" in ko for mark in ".,?!"), line
    assert (KOREAN.parent / "LICENSE.md").read_text(encoding="utf-8").count("kor-eng-mini.txt") >= 2


def test_corpus_order_and_translations(ko_pairs):
    english = [en for en, _ in ko_pairs]
    assert english == sorted(english, key=len), "sorted by English length, like the Tatoeba release"
    seen = []  # all translations of one English sentence on consecutive lines
    for en in english:
        if not seen or seen[-1] != en:
            assert en not in seen, f"{en!r} is split over the file"
            seen.append(en)
    assert len(seen) < len(english), "some sentences have several translations"
    assert ("Sit down.", "앉아.") in ko_pairs and ("Sit down.", "앉으세요.") in ko_pairs


def test_bundled_ko_path_and_kor_files(tmp_path):
    assert data.resolve_data_path("bundled-ko") == KOREAN
    assert data.resolve_data_path("bundled") == data.BUNDLED_CORPUS
    # The Tatoeba kor.txt layout (a third, attribution column) reads as the 2-column one does.
    three = tmp_path / "kor.txt"
    three.write_text("Hi.\t안녕하세요.\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)\n"
                     "Thanks.\t고마워요.\tCC-BY 2.0 (France) Attribution: tatoeba.org #3 (a) & #4 (b)\n",
                     encoding="utf-8")
    assert data.load_pairs(three) == [("Hi.", "안녕하세요."), ("Thanks.", "고마워요.")]


# --------------------------------------------------------------------------------------------
# hangul.py
# --------------------------------------------------------------------------------------------


def test_round_trip_on_the_corpus(ko_pairs):
    for _, ko in ko_pairs:
        jamo = hangul.to_jamo(ko)
        assert hangul.compose(jamo) == ko
        assert not any(hangul.is_syllable(ch) for ch in jamo)
        assert sum(map(hangul.is_jamo, jamo)) == sum(len(hangul.to_jamo(ch)) for ch in ko if hangul.is_syllable(ch))
        assert hangul.is_composable(jamo) and hangul.uncomposed_count(jamo) == 0


def test_syllable_parts_of_every_syllable():
    count = 0
    for code in range(0xAC00, 0xD7A4):
        ch = chr(code)
        initial, vowel, final = hangul.syllable_parts(ch)
        assert initial + vowel + final == unicodedata.normalize("NFD", ch)
        assert 0x1100 <= ord(initial) <= 0x1112 and 0x1161 <= ord(vowel) <= 0x1175
        assert final == "" or 0x11A8 <= ord(final) <= 0x11C2
        count += 1
    assert count == hangul.SCOUNT == 11_172
    assert hangul.syllable_parts("한") == ("\u1112", "\u1161", "\u11ab")
    assert hangul.syllable_parts("가") == ("\u1100", "\u1161", "")
    for bad in ("a", "\u1112", "한국", ""):
        with pytest.raises(ValueError):
            hangul.syllable_parts(bad)


def test_pending_syllable():
    h, a, n, g, u = "\u1112", "\u1161", "\u11ab", "\u1100", "\u116e"  # ᄒ ᅡ ᆫ ᄀ ᅮ
    assert hangul.pending_syllable(h) == h
    assert hangul.pending_syllable(h + a) == "하"
    assert hangul.pending_syllable(h + a + n) == "한"
    assert hangul.pending_syllable(h + a + n + g) == "한" + g
    assert hangul.pending_syllable(h + a + n + g + u) == "한구"
    assert hangul.pending_syllable("") == ""


def test_uncomposed_count():
    h, a, n = "\u1112", "\u1161", "\u11ab"
    assert hangul.uncomposed_count("한국어 좋아요!") == 0
    assert hangul.uncomposed_count(h + a + n) == 0
    assert hangul.uncomposed_count(a) == 1  # a vowel with no consonant before it
    assert hangul.uncomposed_count(h + h + a) == 1  # the first ᄒ has no vowel
    assert hangul.uncomposed_count(n + h) == 2
    assert hangul.uncomposed_count("abc") == 0
    assert not hangul.is_composable(h + h + a) and not hangul.is_composable(h + a + a)
    assert hangul.is_composable(h + a + h + a)


def test_vocab_stats_on_the_corpus(ko_pairs):
    korean = [ko for _, ko in ko_pairs]
    st = hangul.vocab_stats(korean)
    chars = set("".join(korean))
    jamo = set(unicodedata.normalize("NFD", "".join(korean)))
    assert st["sentences"] == len(korean)
    assert st["chars"] == len(chars) and st["jamo_chars"] == len(jamo)
    assert st["syllables"] == len([c for c in chars if 0xAC00 <= ord(c) <= 0xD7A3])
    assert st["jamo"] == len([c for c in jamo if 0x1100 <= ord(c) <= 0x11FF])
    assert st["mean_chars"] == pytest.approx(sum(map(len, korean)) / len(korean))
    assert st["mean_jamo"] == pytest.approx(sum(len(unicodedata.normalize("NFD", k)) for k in korean) / len(korean))
    assert st["jamo"] < st["syllables"] and st["mean_jamo"] > 1.5 * st["mean_chars"]
    with pytest.raises(ValueError):
        hangul.vocab_stats([])


# --------------------------------------------------------------------------------------------
# Output composition: jamo become syllables, French is untouched
# --------------------------------------------------------------------------------------------


def test_join_tokens_composes_jamo():
    assert sentences.join_tokens("char", list(hangul.to_jamo("한국어요."))) == "한국어요."
    assert sentences.join_tokens("char", ["\u1112", "\u1161"]) == "하"


def test_join_tokens_leaves_french_vocabularies_alone(corpus_pairs):
    """NFC changes no sequence of any shipped char model's output tokens (or the bundled
    French corpus's characters): no pair of them composes or reorders.  Models that write jamo
    (chapter 9's kor_attention) are left out: composing their letters is the point."""
    chars = set(data.char_vocabs(corpus_pairs)[1].tokens)
    for path in checkpoints.CHECKPOINT_DIR.glob("*.keras"):
        meta = json.loads(zipfile.ZipFile(path).read(checkpoints.META_NAME))
        if meta["level"] == "char" and not any(map(hangul.is_jamo, meta["target_tokens"])):
            chars |= set(meta["target_tokens"])
    for a in chars:
        for b in chars:
            assert unicodedata.normalize("NFC", a + b) == a + b, (a, b)


# --------------------------------------------------------------------------------------------
# A jamo-level model
# --------------------------------------------------------------------------------------------


def test_jamo_training_writes_composed_korean(ko_pairs):
    from seq2seq_lib.decoding import Translator

    cfg = config.fast().replace(latent_dim=16, epochs=1, patience=0, batch_size=64, target_units="jamo")
    s2s, _ = train.fit(ko_pairs[:100], cfg, verbose=0)
    assert not any(hangul.is_syllable(t) for t in s2s.target_vocab.tokens)
    assert {"\u1112", "\u1161", "\u11ab"} <= set(s2s.target_vocab.tokens)
    assert s2s.info["recipe"]["target_units"] == "jamo"
    tr = Translator(s2s)
    [out] = tr.translate(["Hi."])
    assert isinstance(out, str) and unicodedata.is_normalized("NFC", out)
    h, a, n = "\u1112", "\u1161", "\u11ab"
    trace = tr.trace("Hi.", force={0: h, 1: a, 2: n})
    assert [st.prefix for st in trace.steps[:4]] == ["", h, "하", "한"]
    assert trace.output.startswith("한") and unicodedata.is_normalized("NFC", trace.output)
    with pytest.raises(ValueError, match="target_units"):
        train.fit(ko_pairs[:10], cfg.replace(target_units="syllables"), verbose=0)
    with pytest.raises(ValueError, match="character-level"):
        train.fit(ko_pairs[:10], cfg, level="word", verbose=0)


def test_cli_target_units():
    from seq2seq_lib import cli

    args = cli._parser().parse_args(["train", "--data", "bundled-ko", "--target-units", "jamo", "--output", "m.keras"])
    assert cli.train_config(args).target_units == "jamo"
    args = cli._parser().parse_args(["train", "--output", "m.keras"])
    assert cli.train_config(args).target_units == "chars"


def test_syllables_and_novel_syllables():
    jamo_text = hangul.to_jamo("한국어, 한글!")
    assert hangul.syllables(jamo_text) == list("한국어한글")
    assert hangul.novel_syllables(jamo_text, set("한어")) == ["국", "글"]
    assert hangul.novel_syllables("한국어", set("한국어가")) == []
    assert hangul.novel_syllables("ᄒᄒ", set()) == []  # loose jamo are no syllable


def test_cli_extra_pairs_and_benchmark_holdout(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "extra.keras"
    r = subprocess.run([sys.executable, "-m", "seq2seq_lib", "train", "--data", "bundled-ko",
                        "--holdout", "0.2", "--benchmark-holdout", "--extra-pairs", "bundled-ko", "--target-units", "jamo",
                        "--epochs", "1", "--latent-dim", "16", "--output", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    info = checkpoints.load(out).info
    extra = info["data"]["extra_pairs"]
    assert extra["file"] == "bundled-ko" and info["recipe"]["benchmark_holdout"]
    # The same file as extra data: every pair is either in training already or held out.
    assert extra["added"] == 0 and extra["dropped_heldout"] > 0 and extra["dropped_duplicate"] > 0
    train_pairs, held = data.checkpoint_split(info, data.BUNDLED_KOREAN)
    assert len(train_pairs) == info["data"]["num_pairs"] and len(held) == info["data"]["heldout_pairs"]
    assert not {en for en, _ in train_pairs} & {en for en, _ in held}
