import numpy as np
import pytest

from seq2seq_lib import config, data


def write(tmp_path, text, name="pairs.txt", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


def test_two_column_format(tmp_path):
    p = write(tmp_path, "Go.\tVa !\nHi.\tSalut !\n")
    assert data.read_pairs(p) == [("Go.", "Va !"), ("Hi.", "Salut !")]


def test_three_column_format_ignores_attribution(tmp_path):
    p = write(tmp_path, "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)\n")
    assert data.read_pairs(p) == [("Go.", "Va !")]


def test_blank_lines_skipped_and_num_samples(tmp_path):
    p = write(tmp_path, "Go.\tVa !\n\n   \nHi.\tSalut !\nRun!\tCours !\n")
    assert data.read_pairs(p, num_samples=2) == [("Go.", "Va !"), ("Hi.", "Salut !")]


def test_thin_spaces_normalized(tmp_path):
    p = write(tmp_path, "Run!\tCours\u202f!\n")
    assert data.read_pairs(p) == [("Run!", "Cours !")]
    assert data.read_pairs(p, normalize_spaces=False) == [("Run!", "Cours\u202f!")]


def test_line_without_tab_names_file_and_line(tmp_path):
    p = write(tmp_path, "Go.\tVa !\n\nno tab here\n")
    with pytest.raises(data.DataFormatError, match=r"pairs\.txt, line 3: expected"):
        data.read_pairs(p)


def test_empty_side_is_an_error(tmp_path):
    p = write(tmp_path, "Go.\t\n")
    with pytest.raises(data.DataFormatError, match="line 1"):
        data.read_pairs(p)


def test_not_utf8_names_file_and_line(tmp_path):
    p = write(tmp_path, "Go.\tVa !\n".encode() + "Hi.\tSalut ça va\n".encode("latin-1"))
    with pytest.raises(data.DataFormatError, match=r"pairs\.txt, line 2: not UTF-8"):
        data.read_pairs(p)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such data file"):
        data.read_pairs(tmp_path / "nope.txt")


def test_resolve_data_path(monkeypatch, tmp_path):
    monkeypatch.delenv(config.DATA_ENV, raising=False)
    assert data.resolve_data_path() == data.BUNDLED_CORPUS
    monkeypatch.setenv(config.DATA_ENV, str(tmp_path / "fra.txt"))
    assert data.resolve_data_path() == tmp_path / "fra.txt"
    assert data.resolve_data_path("bundled") == data.BUNDLED_CORPUS


def test_bundled_corpus(corpus_pairs):
    assert len(corpus_pairs) >= 1000
    english = [en for en, _ in corpus_pairs]
    assert english == sorted(english, key=len), "sorted by English length, like the Tatoeba release"
    for en, fr in corpus_pairs:
        for i, ch in enumerate(fr):
            if ch in "!?:;":
                assert fr[i - 1] == " ", f"French needs a space before {ch!r}: {fr!r}"
    assert ("Be nice.", "Soyez gentil !") in corpus_pairs
    assert (data.BUNDLED_CORPUS.parent / "LICENSE.md").is_file()


def test_char_vocabs_have_start_and_end(corpus_pairs):
    inp, tgt = data.char_vocabs(corpus_pairs)
    assert config.START_CHAR in tgt and config.END_CHAR in tgt
    assert config.START_CHAR not in inp
    assert inp.tokens == sorted(inp.tokens) and tgt.tokens == sorted(tgt.tokens)


def test_one_hot_arrays_shapes_and_offset(corpus_pairs):
    pairs = corpus_pairs[:200]
    d = data.prepare_char_data(pairs)
    n = len(pairs)
    assert d.encoder_input_data.shape == (n, d.max_encoder_seq_length, len(d.input_vocab))
    assert d.decoder_input_data.shape == (n, d.max_decoder_seq_length, len(d.target_vocab))
    assert d.decoder_target_data.shape == d.decoder_input_data.shape
    assert d.max_decoder_seq_length == max(len(fr) for _, fr in pairs) + 2  # START and END
    # The target is the decoder input one step ahead.
    np.testing.assert_array_equal(d.decoder_target_data[:, :-1], d.decoder_input_data[:, 1:])
    # Every row is one-hot or padding, and the first decoder input is START.
    assert set(np.unique(d.encoder_input_data.sum(-1))) <= {0.0, 1.0}
    assert (d.decoder_input_data[:, 0, d.target_vocab.index[config.START_CHAR]] == 1).all()
    # Decode one row back to text.
    row = d.decoder_target_data[0]
    text = "".join(d.target_vocab.tokens[i] for i in row.argmax(-1)[: row.sum(-1).astype(bool).sum()])
    assert text == pairs[0][1] + config.END_CHAR


def test_reverse_source(corpus_pairs):
    d = data.prepare_char_data(corpus_pairs[:5], reverse_source=True)
    row = d.encoder_input_data[0]
    n = int(row.sum())
    assert "".join(d.input_vocab.tokens[i] for i in row[:n].argmax(-1)) == corpus_pairs[0][0][::-1]


def test_word_tokens_round_trip(corpus_pairs):
    assert data.tokenize_words("J'ai froid, Tom !") == ["J'ai", "froid", ",", "Tom", "!"]
    assert data.tokenize_words("Est-il là ?") == ["Est-il", "là", "?"]
    for _, fr in corpus_pairs:
        assert data.detokenize_french(data.tokenize_words(fr)) == fr


def test_word_data(corpus_pairs):
    d = data.prepare_word_data(corpus_pairs[:100])
    assert d.input_vocab.tokens[:2] == [config.PAD_WORD, config.OOV_WORD]
    assert d.encoder_input_data.dtype == np.int32
    # One step ahead: wherever the next input is a word, the target is that word; the target's
    # last word is END, which the decoder never reads.
    nxt = d.decoder_input_data[:, 1:]
    np.testing.assert_array_equal(d.decoder_target_data[:, :-1][nxt > 0], nxt[nxt > 0])
    end = d.target_vocab.index[config.END_WORD]
    assert ((d.decoder_target_data == end).sum(1) == 1).all()
    assert (d.decoder_input_data[:, 0] == d.target_vocab.index[config.START_WORD]).all()
    ids = data.word_ids(["Bonjour", "zzzunknownzzz"], d.target_vocab)
    assert ids[1] == 1


def test_split_by_source_keeps_sentences_whole(corpus_pairs):
    train, test = data.split_by_source(corpus_pairs, holdout=0.2, seed=3)
    assert len(train) + len(test) == len(corpus_pairs)
    assert not {en for en, _ in train} & {en for en, _ in test}
    refs = data.references(test)
    assert sum(map(len, refs.values())) == len(test)


def test_split_by_source_keep_out(corpus_pairs):
    forced = {corpus_pairs[0][0], corpus_pairs[-1][0]}
    train, test = data.split_by_source(corpus_pairs, holdout=0.0, seed=3, keep_out=forced)
    assert {en for en, _ in test} == forced
    assert not forced & {en for en, _ in train}
    assert len(train) + len(test) == len(corpus_pairs)


def test_benchmark_split_filters_unreadable_pairs():
    # 12,000 pairs: the benchmark looks only at the first 10,000.  Sentences 0-99 each carry a
    # letter of their own, so a model trained on the other side cannot read them when held out.
    own = lambda k: chr(0x400 + k) if k < 100 else ""  # noqa: E731
    pairs = [(f"s{i % 4000}.{own(i % 4000)}", f"f{i}") for i in range(12_000)]
    train, held = data.benchmark_split(pairs)
    first = pairs[: config.BENCHMARK_NUM_SAMPLES]
    assert len(train) + len(held) < len(first)  # the held-out side lost what no model can read
    assert all(en.isascii() for en, _ in held)
    assert not {en for en, _ in train} & {en for en, _ in held}
    assert {en for en, _ in train} | {en for en, _ in held} <= {en for en, _ in first}


def test_heldout_split_of_the_full_recipe():
    pairs = [(f"s{i % 5000}.", f"f{i}") for i in range(20_000)]
    cfg = config.full()
    train, held = data.heldout_split(pairs, cfg)
    held_en, train_en = {en for en, _ in held}, {en for en, _ in train}
    assert not held_en & train_en and len(train) + len(held) == len(pairs)
    # Every sentence the benchmark held out is held out here too, with all its translations.
    first = pairs[: config.BENCHMARK_NUM_SAMPLES]
    bench = {en for en, _ in data.split_by_source(first, config.BENCHMARK_HOLDOUT, config.BENCHMARK_SEED)[1]}
    assert bench and bench <= held_en
    # ... plus `holdout` of all the sentences, drawn with the recipe's seed.
    extra = {en for en, _ in data.split_by_source(pairs, cfg.holdout, cfg.seed)[1]}
    assert held_en == bench | extra
    # The same split again: a model card can rebuild it from the recipe saved in a checkpoint.
    assert data.heldout_split(pairs, config.TrainConfig.from_dict(cfg.to_dict())) == (train, held)
    assert data.heldout_split(pairs, config.fast()) == (pairs, [])


def test_with_extra_pairs_drops_held_out_english_and_duplicates():
    train = [("Hi.", "안녕."), ("Go.", "가.")]
    held = [("Run!", "뛰어!"), ("Run!", "달려!")]
    extra = [("Run!", "뛰어요!"), ("Hi.", "안녕."), ("Hi.", "안녕하세요."), ("Wait.", "기다려요."), ("Wait.", "기다려요.")]
    out, counts = data.with_extra_pairs(train, held, extra)
    assert out == train + [("Hi.", "안녕하세요."), ("Wait.", "기다려요.")]
    assert counts == {"added": 2, "dropped_heldout": 1, "dropped_duplicate": 2}
    assert not {en for en, _ in out} & {en for en, _ in held}
    assert train == [("Hi.", "안녕."), ("Go.", "가.")]  # not changed in place


def test_checkpoint_split_adds_the_recorded_extra_pairs(tmp_path):
    path = write(tmp_path, "".join(f"Sentence {i}.\t문장 {i}.\n" for i in range(60)))
    cfg = config.fast().replace(holdout=0.2)
    train, held = data.heldout_split(data.read_pairs(path), cfg)
    info = {"recipe": cfg.to_dict(), "data": {"file": path.name}}
    assert data.checkpoint_split(info, path) == (train, held)
    extra = write(tmp_path, f"{held[0][0]}\t보류.\nNew one.\t새 문장.\n", name="extra.txt")
    info["data"]["extra_pairs"] = {"file": extra.name, "added": 1}
    assert data.checkpoint_split(info, path) == (train + [("New one.", "새 문장.")], held)
    info["data"]["extra_pairs"] = {"file": "bundled-ko"}
    more, held2 = data.checkpoint_split(info, path)
    bundled = data.read_pairs(data.BUNDLED_KOREAN)
    assert held2 == held and more[: len(train)] == train and len(more) - len(train) == len(set(bundled))
