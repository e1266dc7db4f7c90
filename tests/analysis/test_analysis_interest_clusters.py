"""Key terms, TF-IDF and the clustering of interest spans into topics."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.analysis.interest_clusters import cluster, key_terms
from realpolitik.analysis.interest_terms import span_terms, tfidf

SPANS = [
    "lower tariffs on steel exports",           # trade
    "an end to the tariffs on its steel",        # trade
    "a ceasefire in the border war",             # war
    "the ceasefire to hold along the border",    # war
    "more scholarships for students",            # alone
]


def test_terms_are_lemmas_without_the_words_every_interest_uses():
    terms = span_terms(["to support the free movement of workers", "win-win cooperation with developing countries"])
    assert "support" not in terms.terms[0] and "movement" in terms.terms[0] and "worker" in terms.terms[0]
    assert "free movement" in terms.terms[0]
    assert "win-win" in terms.terms[1]
    assert {"developing country", "develop country"} & set(terms.terms[1])
    assert terms.written("win-win cooperation") == "win-win cooperation"


def test_spellings_of_one_thing_are_one_term():
    terms = span_terms(["the U.N. Charter", "the United Nations Charter"])
    assert set(terms.terms[0]) == set(terms.terms[1])


def test_tfidf_keeps_shared_terms_and_normalises():
    terms = span_terms(SPANS)
    matrix, vocab = tfidf(terms.terms)
    assert "tariff" in vocab and "ceasefire" in vocab and "scholarship" not in vocab  # in one span only
    norms = np.linalg.norm(matrix, axis=1)
    assert np.allclose(norms[:4], 1.0) and norms[4] == 0.0


def test_clusters_and_labels():
    terms = span_terms(SPANS)
    matrix, vocab = tfidf(terms.terms)
    labels = cluster(matrix)
    assert labels[0] == labels[1] != labels[2] == labels[3] and labels[4] == -1
    assert list(labels) == list(cluster(matrix))  # deterministic
    assert key_terms(matrix, vocab, np.flatnonzero(labels == labels[2]))[0] in ("ceasefire", "border")


def test_cluster_rejects_a_meaningless_cut():
    with pytest.raises(ValueError, match="cut must be"):
        cluster(np.eye(3), cut=1.5)
