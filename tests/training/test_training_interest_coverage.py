"""Candidate coverage: the ceiling the candidates set on the interest model's recall, and
the uncovered interests grouped by the shape of their span."""

from __future__ import annotations

from realpolitik.training.interest_coverage import Coverage, shape_of, summary


def _cov(covered, span_covered=True, alone=None, shape="NOUN/dobj <- seek", cue="seeks", miss=""):
    return Coverage("own-1", 0, span_covered, covered, ("dobj",) if covered else (), covered if alone is None else alone,
                    miss, shape, cue, "peace", "Ghana seeks peace.")


def test_coverage_counts_span_holder_and_one_to_one():
    rows = [_cov(True), _cov(True, alone=False), _cov(False, miss="voice -> actor:UN"),
            _cov(False, span_covered=False, shape="NOUN/nsubj <- prevail", cue="must prevail")]
    got = summary(rows)
    assert got["gold"] == 4
    assert (got["span coverage"], got["holder+span coverage"], got["one-to-one coverage"]) == (0.75, 0.5, 0.25)
    assert got["span covered, holder wrong"] == 1 and got["holder misses"] == {"voice -> actor": 1}
    assert [g["shape"] for g in got["uncovered by shape"]] == ["NOUN/dobj <- seek", "NOUN/nsubj <- prevail"]
    assert got["covering complements"] == {"dobj": 2}


def test_the_shape_of_a_span_is_its_root_and_governor(pipeline):
    doc = pipeline.nlp("Diplomacy and dialogue must prevail.")
    assert shape_of(doc, (0, len("Diplomacy and dialogue"))) == "NOUN/nsubj <- prevail"
