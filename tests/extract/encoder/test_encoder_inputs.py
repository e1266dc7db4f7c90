"""The encoder coder's inputs: wordpieces keep their words' spans, and a pair's pooling
weights average exactly the pieces of its source, target, trigger word and the words between."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.extract.encoder.inputs import PARTS, encode, extent, pool_weights, word_at

SENTENCE = "Turkish drones struck Kurdish positions near Qamishli, Ankara's defence ministry said."


@pytest.fixture(scope="module")
def wordpiece():
    from realpolitik.extract.word_vectors import shipped

    vectors = shipped()   # the shipped table carries MiniLM's vocabulary
    if vectors is None:
        pytest.skip("word_vectors.npz is not installed")
    return vectors.wordpiece


def _span(word: str) -> tuple[int, int]:
    start = SENTENCE.index(word)
    return start, start + len(word)


def test_pieces_carry_the_span_of_the_word_they_came_from(wordpiece):
    pieces = encode(wordpiece, SENTENCE)
    assert pieces.ids[0] == wordpiece.vocab["[CLS]"] and pieces.ids[-1] == wordpiece.vocab["[SEP]"]
    qamishli = [k for k, span in enumerate(pieces.spans) if span == _span("Qamishli")]
    assert len(qamishli) > 1   # a rare name is several pieces, all pointing at the one word


def test_a_long_sentence_is_cut_but_still_closed(wordpiece):
    pieces = encode(wordpiece, " ".join([SENTENCE] * 20), max_pieces=30)
    assert len(pieces.ids) == 32 and pieces.ids[-1] == wordpiece.vocab["[SEP]"]


def test_pool_weights_average_each_part(wordpiece):
    pieces = encode(wordpiece, SENTENCE)
    weights = pool_weights(pieces, _span("Turkish drones"), _span("Kurdish positions"),
                           word_at(SENTENCE, SENTENCE.index("struck")))
    assert weights.shape == (len(PARTS), len(pieces.ids))
    np.testing.assert_allclose(weights.sum(1), 1.0, rtol=1e-6)
    assert weights[:, 0].sum() == 0 and weights[:, -1].sum() == 0   # [CLS]/[SEP] pool nothing
    trigger = [pieces.spans[k] for k in np.flatnonzero(weights[PARTS.index("trigger")])]
    between = {pieces.spans[k] for k in np.flatnonzero(weights[PARTS.index("between")])}
    assert trigger == [_span("struck")] and between == {_span("struck")}


def test_no_target_pools_nothing_for_target_and_between(wordpiece):
    pieces = encode(wordpiece, SENTENCE)
    weights = pool_weights(pieces, _span("Ankara"), None, word_at(SENTENCE, SENTENCE.index("said")))
    assert weights[PARTS.index("target")].sum() == 0 and weights[PARTS.index("between")].sum() == 0
    assert weights[PARTS.index("source")].sum() == pytest.approx(1.0)


def test_extent_ignores_missing_and_empty_spans():
    assert extent(None, (10, 20), (4, 7), (0, 0)) == (4, 20)


def test_word_at_finds_the_word_holding_an_offset():
    assert word_at(SENTENCE, SENTENCE.index("struck") + 2) == _span("struck")
