"""The interests corpus: offsets where the annotators quoted, every stance present, and an
agreement measure that rewards overlap and holder alike."""

from __future__ import annotations

import pytest

from realpolitik.training import corpus
from realpolitik.training.interests import GoldInterest, InterestDoc, agreement, load


def _doc(*items: GoldInterest) -> InterestDoc:
    return InterestDoc("statedept-1", "A", [(0, 100)], list(items))


def test_agreement_counts_overlap_and_holder():
    a = _doc(GoldInterest(0, ("KEN",), (10, 30), "wants", True, None))
    b_same = _doc(GoldInterest(0, ("KEN",), (15, 40), "wants", True, None))
    b_other = _doc(GoldInterest(0, ("UGA",), (15, 40), "fears", True, None))
    assert agreement([a], [b_same])["holder+span F1"] == 1.0
    other = agreement([a], [b_other])
    assert other["span F1"] == 1.0 and other["holder+span F1"] == 0.0 and other["span stance agreement"] == 0.0


def test_the_corpus_covers_every_stance():
    docs = list(load())
    assert sum(len(d.interests) for d in docs) >= 1500 and len(docs) >= 200
    assert {i.stance for d in docs for i in d.interests} == {"wants", "opposes", "commits", "fears"}


@pytest.mark.skipif(not corpus.available(), reason="the shared corpora (../shared/data) are not on this machine")
def test_interest_spans_lie_inside_their_sentences():
    for doc in load():
        for i in doc.interests:
            start, end = doc.sentences[i.sentence]
            assert start <= i.span[0] < i.span[1] <= end, (doc.doc, i)
