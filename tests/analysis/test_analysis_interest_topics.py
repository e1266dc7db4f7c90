"""Interest topics on a fixture corpus written for this test, where the answer is known.

tests/analysis/fixtures/norway_interests.jsonl: eight short dated pieces (2019–2023) in which
Norway states three interests — a low-tension, cooperative Arctic (7 statements, one by its
prime minister, one by "the government in Oslo"), sustainable fisheries (5, one a refusal:
"will not accept overfishing") and nuclear disarmament (3, one "above all") — plus Sweden's
railway wish and a weather report that must not count for Norway.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.analysis.interest_topics import topic_report
from realpolitik.analysis.interest_topics_view import plot_topics, print_topics

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "norway_interests.jsonl"


@pytest.fixture(scope="module")
def norway_analyses(pipeline):
    from realpolitik.ingest import iter_documents

    return list(pipeline.analyze_documents(iter_documents([str(FIXTURE)])))


@pytest.fixture
def filled(store, norway_analyses):
    for a in norway_analyses:
        store.add_analysis(a)
    return store


def _topic_of(report, word: str):
    found = [t for t in report.topics if all(word in s["text"].lower() for s in t.sources)]
    assert len(found) == 1, [(t.label, [s["text"] for s in t.sources]) for t in report.topics]
    return found[0]


def test_three_known_topics_in_salience_order(filled):
    report = topic_report(filled, "NOR", by="year")
    assert report.actor == "NOR" and report.other == 0
    assert len(report.topics) == 3
    arctic, fish, nuclear = _topic_of(report, "arctic"), _topic_of(report, "fish"), _topic_of(report, "nuclear")
    assert [t.n for t in (arctic, fish, nuclear)] == [7, 5, 3]
    assert report.topics == [arctic, fish, nuclear]  # heaviest first
    assert arctic.salience > fish.salience > nuclear.salience
    assert "arctic" in arctic.label.lower() and "fisheries" in fish.label.lower() and "nuclear" in nuclear.label.lower()
    # who stated it: the state and its prime minister; "the government in Oslo" is Norway's
    # government, so the state itself (implied actors), not a place
    assert set(arctic.holders) == {"NOR", "jonas-gahr-store"}
    assert all("Sweden" not in s["text"] and "railway" not in s["text"] for t in report.topics for s in t.sources)


def test_salience_per_year_weighs_emphasis_and_stance(filled):
    report = topic_report(filled, "NOR", by="year")
    assert [p.period for p in report.periods] == ["2019", "2020", "2021", "2022", "2023"]
    arctic, fish, nuclear = _topic_of(report, "arctic"), _topic_of(report, "fish"), _topic_of(report, "nuclear")
    in_2023 = {t.label: next(p for p in t.periods if p.period == "2023") for t in (arctic, nuclear)}
    a23, n23 = in_2023[arctic.label], in_2023[nuclear.label]
    # two statements each in 2023, but "Above all, Norway wants nuclear disarmament" is emphatic
    assert (a23.n, n23.n, n23.emphatic) == (2, 2, 1)
    assert n23.salience > a23.salience
    assert next(p for p in fish.periods if p.period == "2023").n == 0
    # the refusal is read from its sentence: "Norway will not accept overfishing ..."
    assert fish.stances == {"wants": 4, "opposes": 1}
    assert sum(p.salience for p in report.topics[0].periods) > 0
    for p in report.periods:  # shares of one period add up to at most 1
        assert sum(next(tp for tp in t.periods if tp.period == p.period).salience for t in report.topics) <= 1.0001


def test_since_and_quarters(filled):
    report = topic_report(filled, "NOR", since="2022", by="quarter")
    assert [p.period for p in report.periods] == ["2022-Q1", "2022-Q3", "2023-Q1", "2023-Q3"]
    assert report.n == 7
    assert report.topics[0].label.startswith("nuclear disarmament")  # 3 statements, one emphatic, since 2022


def test_evidence_sentences_point_into_their_documents(filled):
    report = topic_report(filled, "NOR", by="year", evidence=2)
    for t in report.topics:
        assert 1 <= len(t.evidence) <= 2
        for e in t.evidence:
            doc = filled.document(e.doc)
            assert doc["text"][e.span["start"]:e.span["end"]] == e.text
            assert e.text in e.sentence and e.where.startswith("https://fixture.example/")
    nuclear = _topic_of(report, "nuclear")
    assert nuclear.evidence[0].emphasis == ["above all"]  # the emphatic statement leads


def test_report_prints_and_plots(filled, tmp_path):
    from rich.console import Console

    report = topic_report(filled, "NOR", by="year")
    console = Console(record=True, width=200)
    print_topics(report, console)
    out = console.export_text()
    assert "nuclear disarmament" in out and "2023" in out and "Above all, Norway wants nuclear disarmament" in out
    path = plot_topics(report, tmp_path / "topics.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def test_unknown_actor_and_bad_arguments(filled):
    assert topic_report(filled, "ZZZ").topics == []
    with pytest.raises(ValueError, match="by must be one of"):
        topic_report(filled, "NOR", by="week")
