"""One actor's stated interests read against an issue, on a fixture corpus written for the test.

tests/forecast/fixtures/seabed_interests.jsonl: fifteen short dated pieces (2023–2024) on deep-sea
mining, each country's statements known by construction (weights: 2 for an emphatic statement):

- NOR: seabed mining 4 statements, weight 5 ("Above all"; one by its prime minister; 3 wants,
  1 commits) — its heaviest topic; Arctic Council cooperation 2. Salience 90, position 100.
- ISL: one statement opposing seabed mining, one on mackerel, neither in a topic: the mining
  statement is as heavy as anything Iceland states. Salience 90, position 0.
- DEU: offshore wind 6; seabed mining 4 (3 fears, 1 wants trials), one of the fears about "the
  damage that seabed mining would do", whose head is the damage: 20 + 70 x 4/6 = 67;
  position 50 + 50 x (1 - 2)/3 = 33.
- FRA: plastic pollution 5; seabed mining 4: 2 opposes, "calls for a moratorium on seabed
  mining" (which wants the moratorium: no direction read) and "wants the moratorium to last",
  which does not name the issue but is in its topic: 20 + 70 x 4/5 = 76; position 0.
- GBR: only trade agreements (no topic on the issue); RUS: no stated interest at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.forecast.issue_interests import read_issue
from realpolitik.forecast.issue_terms import issue_terms

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seabed_interests.jsonl"


@pytest.fixture(scope="module")
def seabed_analyses(pipeline):
    from realpolitik.ingest import iter_documents

    return list(pipeline.analyze_documents(iter_documents([str(FIXTURE)])))


@pytest.fixture
def filled(store, seabed_analyses):
    for a in seabed_analyses:
        store.add_analysis(a)
    return store


@pytest.fixture(scope="module")
def mining():
    return issue_terms("Will seabed mining go ahead?")


def test_salience_follows_each_actors_share_of_its_stated_interests(filled, mining):
    got = {a: read_issue(filled, a, mining) for a in ("NOR", "ISL", "DEU", "FRA", "GBR", "RUS")}
    assert {a: r.salience for a, r in got.items()} == {"NOR": 90, "ISL": 90, "DEU": 67, "FRA": 76,
                                                       "GBR": None, "RUS": None}
    nor, deu, fra = got["NOR"], got["DEU"], got["FRA"]
    assert (nor.issue_weight, nor.weight, nor.top_label) == (5, 7, "its heaviest topic 'seabed mining'")
    assert (deu.issue_weight, deu.weight, deu.top_share) == (4, 10, 0.6)
    assert "offshore wind" in deu.top_label and [t.label for t in deu.matched_topics] == ["seabed mining"]
    assert [(t.naming, t.n) for t in fra.matched_topics] == [(3, 4)]
    assert (fra.issue_weight, fra.weight) == (4, 9) and "plastic pollution" in fra.top_label
    through_topic = [e for e in fra.evidence if not e.names_issue]
    assert [(e.statement.text, e.topic) for e in through_topic] == [("the moratorium to last",
                                                                       "seabed mining · moratorium")]
    assert got["GBR"].statements == 2 and not got["GBR"].evidence
    assert [t.label for t in got["GBR"].topics] == ["free trade · trade agreement"]  # shown, not matched
    assert got["RUS"].statements == 0 and got["RUS"].topics == []


def test_position_from_the_stances_of_statements_that_name_the_issue(filled, mining):
    nor, deu, fra, isl = (read_issue(filled, a, mining) for a in ("NOR", "DEU", "FRA", "ISL"))
    assert (nor.stances, nor.net, nor.position) == ({"wants": 3, "commits": 1}, 1.0, 100)
    assert (deu.stances, deu.position) == ({"wants": 1, "fears": 2}, 33)
    assert (fra.stances, fra.position) == ({"opposes": 2}, 0)
    assert (isl.position, isl.evidence[0].topic) == (0, None)  # a statement in no topic still counts
    left_out = {e.statement.text for r in (deu, fra) for e in r.evidence if not e.in_head}
    assert left_out == {"a moratorium on seabed mining", "the moratorium to last",
                        "the damage that seabed mining would do near hydrothermal vents"}


def test_evidence_points_at_its_sentence_and_speaker(filled, mining):
    nor = read_issue(filled, "NOR", mining)
    assert len(nor.evidence) == 4
    for e in nor.evidence:
        text = filled.document(e.statement.doc)["text"]
        s0, s1 = e.sentence
        assert text[e.statement.span["start"]:e.statement.span["end"]] == e.statement.text
        assert s0 <= e.statement.span["start"] < e.statement.span["end"] <= s1
        assert " ".join(text[s0:s1].split()) == e.statement.sentence
    by_whom = {e.statement.actor: e.statement.sentence for e in nor.evidence}
    assert "Jonas Gahr Støre said that he wants seabed mining" in by_whom["jonas-gahr-store"]
    emphatic = [e for e in nor.evidence if e.statement.emphasis]
    assert [e.statement.emphasis for e in emphatic] == [["above all"]] and emphatic[0].statement.weight == 2


def test_terms_pick_another_topic(filled):
    wind = read_issue(filled, "DEU", issue_terms("", ["offshore wind"]))
    assert (wind.salience, wind.position, len(wind.evidence)) == (90, 100, 6)
    arctic = read_issue(filled, "NOR", issue_terms("", ["Arctic Council"]))
    assert arctic.salience == round(20 + 70 * (2 / 7) / (5 / 7))  # 48: a lighter topic than mining


def test_since_reads_only_later_statements(filled, mining):
    nor = read_issue(filled, "NOR", mining, since="2024")
    assert nor.statements == 4 and len(nor.evidence) == 3
    assert all(e.statement.date >= "2024" for e in nor.evidence)


def test_an_actor_is_found_by_its_name(filled, mining):
    assert read_issue(filled, "Norway", mining).actor == "NOR"


def test_every_stance_of_the_codebook_has_a_direction():
    from realpolitik.analysis.interest_cues import STANCES
    from realpolitik.forecast.issue_interests import DIRECTION

    assert set(DIRECTION) == set(STANCES)
