"""WordPiece in plain Python splits words as BERT's own tokenizer does (compared with the
tokenizers library where it is installed, on sentences of our own)."""

from __future__ import annotations

import pytest

from realpolitik.extract.wordpiece import WordPiece, basic_split

SENTENCES = [
    "Beijing's envoy shelled out $4.5bn for the Piraeus port deal, officials said.",
    "The Élysée condemned the strikes on Kharkiv's power grid — \"unacceptable\".",
    "Mr. Lavrov met his Turkish counterpart in Antalya on 10 March 2022.",
]


def test_basic_split_lowercases_strips_accents_and_splits_punctuation():
    assert basic_split("The Élysée's reply: NO!") == ["the", "elysee", "'", "s", "reply", ":", "no", "!"]


def test_greedy_longest_match_first():
    vocab = {"[UNK]": 0, "un": 1, "##aff": 2, "##able": 3, "unaff": 4, "##a": 5, "##ble": 6}
    wp = WordPiece(vocab)
    assert wp.split("unaffable") == (4, 3)
    assert wp.split("xyz") == (0,)


def test_matches_bert_tokenizer_on_real_sentences():
    tokenizers = pytest.importorskip("tokenizers")
    try:
        from realpolitik.training.minilm import model_dir
        directory = model_dir()
    except Exception as exc:   # the encoder's package is a training-time extra
        pytest.skip(f"encoder package not installed: {exc}")
    reference = tokenizers.Tokenizer.from_file(str(directory / "tokenizer.json"))
    reference.no_padding()   # the file pads to 128
    wp = WordPiece(reference.get_vocab())
    for sentence in SENTENCES:
        assert list(wp.split(sentence)) == reference.encode(sentence).ids[1:-1]
