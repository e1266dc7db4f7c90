"""The dyad report: counts per type and period, the index with its n, exclusions, evidence."""

from __future__ import annotations

import pytest

from realpolitik.analysis.dyad import dyad_report, plot
from realpolitik.schema import Actor, Analysis, Document, Event, Mention, content_id


def ev(doc: str, n: int, type_: str, date: str | None, goldstein: float | None, source: str = "CHN",
       target: str = "RUS", **flags) -> Event:
    return Event(id=f"ev-{n}", doc=doc, type=type_, source=source, target=target, date=date,
                 sentence={"start": 0, "end": 10}, trigger={"start": 0, "end": 4, "text": "said"},
                 goldstein=goldstein, confidence=0.5 + n / 100, **flags)


def corpus() -> Analysis:
    """Hand-built events (store-level semantics, not extraction results)."""
    text = "Sentence one. Sentence two."
    d = content_id(text)
    events = [
        ev(d, 1, "AGREE", "2014-05-21", 4.0),
        ev(d, 2, "COOPERATE", "2014-11", 6.0, source="RUS", target="CHN"),
        ev(d, 3, "ACCUSE", "2020-06-16", -2.0),
        ev(d, 4, "AID", "2022-03", 7.0, negated=True),
        ev(d, 5, "AID", "2022-03", 7.0, hypothetical=True),
        ev(d, 6, "CONSULT", "2020", 1.0),  # year only
        ev(d, 7, "AGREE", "2014-06", None),  # no score: counted, not in the index
        ev(d, 8, "AGREE", "2014-06", 4.0, target="USA"),  # another dyad
    ]
    actors = [Actor(id=x, name=n, kind="state", mentions=[Mention(doc=d, start=0, end=8, text="Sentence")])
              for x, n in (("CHN", "China"), ("RUS", "Russia"), ("USA", "United States"))]
    return Analysis(documents=[Document(id=d, text=text, path="/x.txt", published="2024")], actors=actors,
                    events=events)


@pytest.fixture
def filled(store):
    store.add_analysis(corpus())
    return store


def test_yearly_counts_and_index(filled):
    r = dyad_report(filled, "CHN", "RUS", by="year")
    assert [(p.period, p.counts, p.n, p.index, p.scored) for p in r.periods] == [
        ("2014", {"AGREE": 2, "COOPERATE": 1}, 3, 5.0, 2),
        ("2020", {"CONSULT": 1, "ACCUSE": 1}, 2, -0.5, 2),
    ]
    assert r.n == 5 and r.index == pytest.approx((4 + 6 - 2 + 1) / 4)
    assert r.excluded == {"negated": 1, "hypothetical": 1}
    assert r.names == {"CHN": "China", "RUS": "Russia"}


def test_monthly_report_keeps_coarse_dates_apart(filled):
    r = dyad_report(filled, "China", "Russia", by="month")
    assert [p.period for p in r.periods] == ["2014-05", "2014-06", "2014-11", "2020-06"]
    assert r.unplaced == 1


def test_evidence_is_strongest_first_and_one_per_sentence(filled):
    r = dyad_report(filled, "CHN", "RUS", evidence=5)
    assert len(r.evidence) == 1  # every event shares the one sentence
    assert r.evidence[0].type == "COOPERATE" and r.evidence[0].sentence == "Sentence o"


def test_bad_period_is_refused(filled):
    with pytest.raises(ValueError):
        dyad_report(filled, "CHN", "RUS", by="week")


def test_report_on_the_real_corpus(store, corpus, tmp_path):
    for a in corpus:
        store.add_analysis(a)
    r = dyad_report(store, "CHN", "RUS", by="quarter")
    assert r.n > 0 and r.periods
    texts = {a.documents[0].id: a.documents[0].text for a in corpus}
    for e in r.evidence:
        assert e.sentence in " ".join(texts[e.doc].split())
        assert e.publisher and e.date
    assert plot(r, tmp_path / "q.png").stat().st_size > 1000
