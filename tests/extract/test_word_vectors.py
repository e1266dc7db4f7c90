"""The shipped word vectors: the recorded bytes, their provenance, and that they carry the
meaning the learned coders rely on (acts of one kind lie closer together than acts of another)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from realpolitik.extract import word_vectors


def _cos(wv, a: str, b: str) -> float:
    x, y = wv.mean([a]), wv.mean([b])
    return float(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)))


def test_the_table_is_the_recorded_one_and_says_where_it_comes_from():
    wv = word_vectors.shipped()
    assert wv is not None, "src/realpolitik/extract/word_vectors.npz is missing: run make train"
    assert wv.vectors.shape[0] == 30522
    notice = word_vectors.PATH.with_suffix(".NOTICE").read_text()
    assert "Apache License 2.0" in notice and "all-MiniLM-L6-v2" in notice


def test_a_tampered_table_is_refused(tmp_path):
    copy = tmp_path / "word_vectors.npz"
    shutil.copy(word_vectors.PATH, copy)
    shutil.copy(word_vectors.PATH.with_suffix(".sha256"), copy.with_suffix(".sha256"))
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF
    copy.write_bytes(bytes(data))
    with pytest.raises(RuntimeError, match="does not match"):
        word_vectors.verify(copy)


@pytest.mark.parametrize(("word", "near", "far"), [
    ("condemned", "denounced", "hosted"),
    ("shelled", "bombarded", "welcomed"),
    ("sanctions", "embargo", "praised"),
    ("negotiations", "talks", "airstrikes"),
])
def test_words_for_the_same_kind_of_act_lie_closer(word, near, far):
    wv = word_vectors.shipped()
    assert _cos(wv, word, near) > _cos(wv, word, far)


def test_a_sentence_vector_is_the_mean_of_its_wordpieces():
    wv = word_vectors.shipped()
    pieces = wv.ids(["Kharkiv", "shelled"])
    assert len(pieces) > 2   # rare names split into several pieces
    assert np.allclose(wv.mean(["Kharkiv", "shelled"]), wv.vectors[pieces].mean(0))
    assert not wv.mean([]).any()


def test_a_documents_view_gives_the_very_means_of_the_table(pipeline):
    wv = word_vectors.shipped()
    doc = pipeline.nlp("Kharkiv was shelled overnight, and the regional governor condemned the strikes. "
                       "Talks in Istanbul resumed on Friday.")
    view = word_vectors.DocVectors(wv, doc)
    for sent in doc.sents:
        assert np.array_equal(view.mean(sent), wv.mean(sent))
        assert view.mean(sent) is view.mean(sent)   # a span's mean is kept
        assert np.array_equal(view.mean(sent[1:4]), wv.mean(sent[1:4]))
        tokens = [sent.root, *sent.root.children]
        assert np.array_equal(view.mean(tokens), wv.mean(tokens))
    assert not view.mean(doc[3:3]).any()
    assert np.array_equal(view.mean(["shelled", "Kharkiv"]), wv.mean(["shelled", "Kharkiv"]))


@pytest.mark.parametrize("n_rows", [1, 2, 3, 17, 64, 300])
def test_the_fast_mean_is_numpys_mean_bit_for_bit(n_rows):
    rows = np.random.default_rng(n_rows).standard_normal((n_rows, 384)).astype(np.float32)
    assert np.array_equal(word_vectors.mean_of_rows(rows), rows.mean(0))
    assert word_vectors.mean_of_rows(rows).dtype == np.float32
