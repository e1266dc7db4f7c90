"""A scenario drafted from the store's stated interests, on the seabed fixture corpus (the known
answer is in tests/forecast/test_issue_interests.py's docstring): every number says which
evidence it rests on, and the draft loads and forecasts once the analyst fills the gaps."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from realpolitik.forecast.draft_interests import draft_from_store, numbers
from realpolitik.forecast.engine import run_scenario
from realpolitik.forecast.scenario import parse_scenario

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seabed_interests.jsonl"
ACTORS = ["NOR", "ISL", "DEU", "FRA", "GBR", "RUS"]


@pytest.fixture(scope="module")
def seabed_analyses(pipeline):
    from realpolitik.ingest import iter_documents

    return list(pipeline.analyze_documents(iter_documents([str(FIXTURE)])))


@pytest.fixture
def drafted(store, seabed_analyses):
    for a in seabed_analyses:
        store.add_analysis(a)
    return draft_from_store(store, "Will seabed mining go ahead?", ACTORS), store


def test_numbers_name_runs_of_evidence():
    assert numbers([1, 2, 3, 4, 7]) == "1–4, 7"
    assert numbers([1, 2, 5]) == "1, 2, 5"
    assert numbers([]) == ""


def test_each_actor_has_a_labelled_basis_and_numbers(drafted):
    draft, _ = drafted
    by_id = {a["id"]: a for a in draft["actors"]}
    assert [a["id"] for a in draft["actors"]] == ACTORS
    assert {i: (a["salience"], a["position"], a["basis"]["salience"]) for i, a in by_id.items()} == {
        "NOR": (90, 100, "topics"), "ISL": (90, 0, "topics"), "DEU": (67, 33, "topics"),
        "FRA": (76, 0, "topics"), "GBR": (50, None, "no matching topic"), "RUS": (50, None, "no stated interest")}
    assert by_id["NOR"]["name"] == "Norway"
    assert "free trade · trade agreement" in by_id["GBR"]["comment"] and "--terms" in by_id["GBR"]["comment"]
    assert by_id["GBR"]["evidence"] == [] and by_id["RUS"]["evidence"] == []
    assert draft["issue_terms"] == ["Will seabed mining go ahead?"]
    assert "oppose or fear" in draft["scale"]["low"] and "want or commit" in draft["scale"]["high"]


def test_each_number_names_the_evidence_it_rests_on(drafted):
    draft, store = drafted
    fra = next(a for a in draft["actors"] if a["id"] == "FRA")
    assert [e["n"] for e in fra["evidence"]] == [1, 2, 3, 4]
    position_items = [e["n"] for e in fra["evidence"] if "position" in e["counts_for"]]
    assert position_items == [1, 2] and all(e["stance"] == "opposes" for e in fra["evidence"][:2])
    assert fra["source"]["position"].endswith("evidence 1, 2")
    assert fra["source"]["salience"].endswith("evidence 1–4")
    assert "20 + 70 × 0.80 = 76" in fra["source"]["salience"]
    assert "net -1.00" in fra["source"]["position"]
    for actor in draft["actors"]:
        for e in actor["evidence"]:
            text = store.document(e["doc"])["text"]
            assert text[e["span"]["start"]:e["span"]["end"]] == e["text"]
            assert " ".join(text[e["sentence"]["start"]:e["sentence"]["end"]].split()) == e["quote"]
            assert e["where"].startswith("https://fixture.example/seabed/")


def test_the_draft_loads_and_forecasts_once_positions_are_filled(drafted):
    draft, _ = drafted
    text = yaml.safe_dump(draft, sort_keys=False, allow_unicode=True)
    scenario = parse_scenario(text, "draft.yaml", allow_empty_position=True)
    assert [a.id for a in scenario.actors] == ACTORS and scenario.extra["issue_terms"]
    for a in draft["actors"]:
        if a["position"] is None:
            a["position"], a["source"]["position"] = 50, "analyst judgement (test)"
    filled = parse_scenario(yaml.safe_dump(draft, sort_keys=False, allow_unicode=True), "filled.yaml")
    result = run_scenario(filled, ("compromise", "median"))
    assert 0 <= result.to_dict(filled)["forecasts"]["compromise"] <= 100


def test_terms_and_since_are_recorded(store, seabed_analyses):
    for a in seabed_analyses:
        store.add_analysis(a)
    draft = draft_from_store(store, "North Sea energy", ["DEU", "NOR"], terms=["offshore wind"], since="2024")
    deu, nor = draft["actors"]
    assert draft["issue_terms"] == ["offshore wind"] and draft["since"] == "2024"
    assert (deu["basis"]["salience"], deu["position"]) == ("topics", 100)
    assert all(e["date"] >= "2024" for e in deu["evidence"])
    assert nor["basis"]["salience"] == "no matching topic"
