"""The coverage report (training/coverage.py): shares, and the test split kept out of it."""

from __future__ import annotations

from collections import Counter

import pytest

from realpolitik.training.coverage import Coverage, main


def test_shares_are_of_the_events_that_have_that_side():
    cov = Coverage(counts=Counter(source_gold=4, source_span=3, source_code=2, target_gold=0))
    assert cov.share("source", "span") == 0.75
    assert cov.share("source", "code") == 0.5
    assert cov.share("target", "span") == 0.0


def test_the_report_lists_uncovered_lemmas_most_frequent_first():
    cov = Coverage()
    cov.lemmas[("source", "missed")] = Counter({"government": 3, "they": 5})
    cov.examples[("source", "missed", "government")] = "the government (PER)"
    cov.examples[("source", "missed", "they")] = "they (EU)"
    report = cov.report(top=1)
    assert report["source_missed_top"] == [["they", 5, "they (EU)"]]
    assert report["target_miscoded_top"] == []


def test_the_test_split_is_not_explored():
    with pytest.raises(SystemExit):
        main(["--split", "test"])


def test_shares_by_collection_are_of_that_collections_events():
    cov = Coverage(counts=Counter({"source_gold": 3, "source_code": 2, "statedept:source_gold": 2,
                                   "statedept:source_code": 2, "ungdc:source_gold": 1}))
    assert cov.share("source", "code", "statedept") == 1.0 and cov.share("source", "code", "ungdc") == 0.0
    assert cov.report(top=1)["code_by_collection"] == {"statedept": {"source": 1.0, "target": 0.0},
                                                        "ungdc": {"source": 0.0, "target": 0.0}}
