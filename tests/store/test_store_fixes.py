"""Corrections that fix (store/fixes.py): an event's type, source, target, date and negation, a
claim's status, an actor's key, kind and country — append-only, attributed, reversible, and
honoured by every query and export, on every backend (the `store` fixture).

The document is written for these tests; its events are a machine reading with the mistakes a
reader makes (a joint patrol "with" the wrong country, praise coded as an accusation, a firm
coded as a state, a forecast year taken for the deal's date), hand-built so each test knows
exactly what the machine said.
"""

from __future__ import annotations

import csv
import json

import pytest

from realpolitik.analysis.dyad import dyad_report
from realpolitik.api.network import build as network
from realpolitik.export import export
from realpolitik.export.gdelt import COLUMNS as GDELT_COLUMNS
from realpolitik.schema import Actor, Analysis, Claim, Document, Event, Mention, content_id
from realpolitik.store import StoreError
from realpolitik.store.fixes import check_date, parse_fix

TEXT = ("BEIJING — Chinese and Russian strategic bombers flew a joint patrol over the Sea of Japan on Tuesday, "
        "the defence ministry said. Xi Jinping praised Vladimir Putin for his steady support. "
        "Rosneft agreed to sell more crude oil to Chinese refiners, and output should double by 2030.")


def _trigger(word: str) -> dict[str, object]:
    start = TEXT.index(word)
    return {"start": start, "end": start + len(word), "text": word}


def _sentence(first_words: str) -> dict[str, int]:
    start = TEXT.index(first_words)
    return {"start": start, "end": TEXT.index(".", start) + 1}


def machine_reading(text: str = TEXT) -> Analysis:
    doc = Document(id=content_id(text), text=text, path="/corpus/patrol.txt", published="2024-12-10",
                   publisher="Harbour Wire")
    d = doc.id

    def mention(word: str) -> Mention:
        return Mention(doc=d, start=text.index(word), end=text.index(word) + len(word), text=word)

    actors = [
        Actor(id="CHN", name="China", kind="state", country="CHN", mentions=[mention("Chinese")]),
        Actor(id="RUS", name="Russia", kind="state", country="RUS", mentions=[mention("Russian")]),
        Actor(id="JPN", name="Japan", kind="state", country="JPN", mentions=[mention("Japan")]),
        Actor(id="xi-jinping", name="Xi Jinping", kind="person", country="CHN", mentions=[mention("Xi Jinping")]),
        Actor(id="vladimir-putin", name="Vladimir Putin", kind="person", country="RUS",
              mentions=[mention("Vladimir Putin")]),
        # a firm read as a state, with no country: counted as its own unit, in no state's dyad
        Actor(id="org:rosneft", name="Rosneft", kind="state", aliases=["Rosneft Oil Company"],
              mentions=[mention("Rosneft")]),
    ]
    events = [
        Event(id="ev-patrol", doc=d, type="COOPERATE", source="CHN", target="JPN", date="2024-12-10",
              claim="cl-said", sentence=_sentence("BEIJING"), trigger=_trigger("flew"), confidence=0.8,
              cameo="06", goldstein=6.0, pattern="test"),
        Event(id="ev-praise", doc=d, type="ACCUSE", mode="disapprove", source="xi-jinping",
              target="vladimir-putin", sentence=_sentence("Xi Jinping"), trigger=_trigger("praised"),
              confidence=0.6, cameo="111", goldstein=-2.0, pattern="test"),
        Event(id="ev-oil", doc=d, type="AGREE", source="org:rosneft", target="CHN", date="2030",
              sentence=_sentence("Rosneft"), trigger=_trigger("agreed"), confidence=0.7, cameo="03",
              goldstein=4.0, pattern="test"),
    ]
    claims = [Claim(id="cl-said", doc=d, span={"start": 0, "end": TEXT.index(" the defence")},
                    source_text="the defence ministry", status="reported", cues=["said"])]
    return Analysis(documents=[doc], actors=actors, events=events, claims=claims)


@pytest.fixture
def fixed(store):
    store.add_analysis(machine_reading())
    return store


def event(store, event_id: str) -> dict:
    [found] = [e for e in store.events(limit=None) if e["id"] == event_id]
    return found


def dyad_n(store, a: str, b: str, level: str = "state") -> int:
    return dyad_report(store, a, b, level=level).n


def csv_events(store, tmp_path, name: str) -> dict[str, dict[str, str]]:
    folder = tmp_path / name
    export(store, "csv", folder)
    with open(folder / "events.csv", encoding="utf-8", newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


# -- event fields ---------------------------------------------------------------------------------
def test_a_wrong_target_fixed_moves_the_event_between_dyads_and_exports_and_undo_restores_it(fixed, tmp_path):
    assert (dyad_n(fixed, "CHN", "RUS"), dyad_n(fixed, "CHN", "JPN")) == (1, 1)
    decision = fixed.decide("fix", "event:ev-patrol", {"target": "Russia"}, "ana", note="joint with Russia")
    e = event(fixed, "ev-patrol")
    assert (e["target"], e["machine_target"]) == ("RUS", "JPN")
    assert (dyad_n(fixed, "CHN", "RUS"), dyad_n(fixed, "CHN", "JPN")) == (2, 0)
    assert csv_events(fixed, tmp_path, "fixed")["ev-patrol"]["target"] == "RUS"
    edges = {(x["source"], x["target"]): x["events"] for x in network(fixed)["edges"]}
    assert edges[("CHN", "RUS")] == 2 and ("CHN", "JPN") not in edges
    logged = fixed.decisions()[-1]
    assert (logged["kind"], logged["target"], json.loads(logged["value"]), logged["analyst"], logged["note"]) == (
        "fix", "event:ev-patrol", {"target": "RUS"}, "ana", "joint with Russia")

    fixed.undo(decision, "ben")
    assert event(fixed, "ev-patrol")["target"] == "JPN"
    assert (dyad_n(fixed, "CHN", "RUS"), dyad_n(fixed, "CHN", "JPN")) == (1, 1)
    assert csv_events(fixed, tmp_path, "undone")["ev-patrol"]["target"] == "JPN"
    assert fixed.decisions()[-1]["undone_by"] == "ben"


def test_a_fixed_type_brings_its_cameo_root_and_goldstein_score_and_drops_the_old_mode(fixed, tmp_path):
    fixed.decide("fix", "event:ev-praise", {"type": "support"}, "ana")
    e = event(fixed, "ev-praise")
    assert (e["type"], e["cameo"], e["goldstein"], e["mode"]) == ("SUPPORT", "05", 3.5, None)
    report = dyad_report(fixed, "CHN", "RUS")
    assert "ACCUSE" not in report.totals and report.totals["SUPPORT"] == 1
    assert [x["id"] for x in fixed.events(type="SUPPORT")] == ["ev-praise"] and not fixed.events(type="ACCUSE")
    [contract] = [x for x in fixed.to_analysis().events if x.id == "ev-praise"]
    assert (contract.type, contract.cameo, contract.goldstein) == ("SUPPORT", "05", 3.5)
    [gdelt] = export(fixed, "gdelt", tmp_path / "events.tsv")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in gdelt.read_text(encoding="utf-8").splitlines()]
    codes = {(r["Actor1Name"], r["Actor2Name"]): (r["EventRootCode"], r["GoldsteinScale"]) for r in rows}
    assert codes[("XI JINPING", "VLADIMIR PUTIN")] == ("05", "3.5")


def test_a_type_fixed_to_the_same_type_keeps_the_machines_finer_code(fixed):
    fixed.decide("fix", "event:ev-praise", {"type": "ACCUSE", "negated": False}, "ana")
    e = event(fixed, "ev-praise")
    assert (e["type"], e["cameo"], e["mode"], e["goldstein"]) == ("ACCUSE", "111", "disapprove", -2.0)


def test_a_wrong_date_fixed_or_cleared_moves_the_event_in_time(fixed):
    assert event(fixed, "ev-oil")["dated"] == "2030"
    fixed.decide("fix", "event:ev-oil", {"date": None}, "ana", note="2030 is the output target, not the deal")
    e = event(fixed, "ev-oil")
    assert (e["date"], e["dated"]) == (None, "2024-12-10")
    assert "ev-oil" not in {x["id"] for x in fixed.events(since="2025")}
    fixed.decide("fix", "event:ev-oil", {"date": "2024-12-09"}, "ana")
    assert event(fixed, "ev-oil")["dated"] == "2024-12-09"
    assert "ev-oil" in {x["id"] for x in fixed.events(until="2024-12-09")}


def test_negation_fixed_leaves_the_event_out_of_the_counts(fixed):
    assert dyad_report(fixed, "CHN", "JPN").excluded == {}
    d = fixed.decide("fix", "event:ev-patrol", {"negated": "true"}, "ana")
    report = dyad_report(fixed, "CHN", "JPN")
    assert (report.n, report.excluded) == (0, {"negated": 1})
    fixed.undo(d, "ana")
    assert dyad_n(fixed, "CHN", "JPN") == 1


def test_the_state_level_roll_up_follows_a_fixed_person_target(fixed):
    """Xi's praise of Putin is a China–Russia event; aimed at Japan instead, it leaves that dyad."""
    assert dyad_report(fixed, "CHN", "RUS").members["RUS"] == {"vladimir-putin": 1}
    fixed.decide("fix", "event:ev-praise", {"target": "JPN"}, "ana")
    assert dyad_n(fixed, "CHN", "RUS") == 0 and dyad_report(fixed, "CHN", "JPN").members["CHN"] == {
        "CHN": 1, "xi-jinping": 1}
    assert dyad_n(fixed, "xi-jinping", "JPN", level="actor") == 1


def test_a_later_fix_wins_and_undoing_it_brings_back_the_earlier(fixed):
    first = fixed.decide("fix", "event:ev-patrol", {"target": "RUS"}, "ana")
    second = fixed.decide("fix", "event:ev-patrol", {"target": None, "type": "MOBILIZE"}, "ben")
    assert (event(fixed, "ev-patrol")["target"], event(fixed, "ev-patrol")["type"]) == (None, "MOBILIZE")
    fixed.undo(second, "ana")
    assert (event(fixed, "ev-patrol")["target"], event(fixed, "ev-patrol")["type"]) == ("RUS", "COOPERATE")
    fixed.undo(first, "ana")
    assert event(fixed, "ev-patrol")["target"] == "JPN"


def test_a_fixed_actor_follows_a_later_merge(fixed):
    fixed.decide("fix", "event:ev-patrol", {"target": "Vladimir Putin"}, "ana")
    assert event(fixed, "ev-patrol")["target"] == "vladimir-putin"
    fixed.decide("merge", "vladimir-putin", "RUS", "ana")
    assert event(fixed, "ev-patrol")["target"] == "RUS"


def test_fixes_survive_re_analysis(fixed):
    fixed.decide("fix", "event:ev-patrol", {"target": "RUS"}, "ana")
    fixed.decide("fix", "claim:cl-said", {"status": "denied"}, "ana")
    fixed.add_analysis(machine_reading(), reanalyse=True)
    assert event(fixed, "ev-patrol")["target"] == "RUS" and event(fixed, "ev-patrol")["status"] == "denied"


# -- claims -----------------------------------------------------------------------------------------
def test_a_claims_status_fixed_is_seen_by_the_claim_and_the_events_it_carries(fixed, tmp_path):
    assert event(fixed, "ev-patrol")["status"] == "reported"
    d = fixed.decide("fix", "claim:cl-said", {"status": "Denied"}, "ana")
    assert [c["status"] for c in fixed.claims()] == ["denied"] and fixed.claims(status="denied")
    assert event(fixed, "ev-patrol")["status"] == "denied"
    assert dyad_report(fixed, "CHN", "JPN").excluded == {"denied": 1}
    folder = tmp_path / "claims"
    export(fixed, "csv", folder)
    with open(folder / "claims.csv", encoding="utf-8", newline="") as f:
        assert [r["status"] for r in csv.DictReader(f)] == ["denied"]
    fixed.undo(d, "ana")
    assert [c["status"] for c in fixed.claims()] == ["reported"]


# -- actors ------------------------------------------------------------------------------------------
def test_an_actors_kind_and_country_fixed_change_the_state_level_roll_up(fixed):
    assert dyad_n(fixed, "CHN", "RUS") == 1
    d = fixed.decide("fix", "actor:Rosneft", {"kind": "organization", "country": "rus"}, "ana")
    [rosneft] = [a for a in fixed.actors(limit=None) if a["id"] == "org:rosneft"]
    assert (rosneft["kind"], rosneft["country"]) == ("organization", "RUS")
    assert fixed.actors(kind="state", limit=None) and "org:rosneft" not in {
        a["id"] for a in fixed.actors(kind="state", limit=None)}
    report = dyad_report(fixed, "CHN", "RUS")
    assert report.n == 2 and report.members["RUS"] == {"org:rosneft": 1, "vladimir-putin": 1}
    fixed.undo(d, "ana")
    assert dyad_n(fixed, "CHN", "RUS") == 1


def test_an_actor_given_a_new_key_is_followed_by_its_events_mentions_and_names(fixed, tmp_path):
    fixed.decide("fix", "actor:org:rosneft", {"kind": "organization"}, "ana")
    d = fixed.decide("fix", "actor:org:rosneft", {"key": "RUS-BUS"}, "ana")
    actors = {a["id"]: a for a in fixed.actors(limit=None)}
    assert "org:rosneft" not in actors
    assert (actors["RUS-BUS"]["name"], actors["RUS-BUS"]["kind"], actors["RUS-BUS"]["mentions"]) == (
        "Rosneft", "organization", 1)
    assert actors["RUS-BUS"]["aliases"] == ["Rosneft Oil Company"]
    assert event(fixed, "ev-oil")["source"] == "RUS-BUS" and fixed.resolve_actor("Rosneft") == "RUS-BUS"
    # a sector code rolls up to its state: the deal is now a China–Russia event
    assert dyad_n(fixed, "CHN", "RUS") == 2
    assert csv_events(fixed, tmp_path, "rekeyed")["ev-oil"]["source"] == "RUS-BUS"
    fixed.undo(d, "ana")
    assert "org:rosneft" in {a["id"] for a in fixed.actors(limit=None)}
    assert "RUS-BUS" not in {a["id"] for a in fixed.actors(limit=None)}
    assert event(fixed, "ev-oil")["source"] == "org:rosneft" and dyad_n(fixed, "CHN", "RUS") == 1


# -- what is refused ---------------------------------------------------------------------------------
@pytest.mark.parametrize("target,value,message", [
    ("event:ev-patrol", {"type": "HUG"}, "unknown PLOVER type 'HUG'"),
    ("event:ev-patrol", {"target": "Atlantis"}, "unknown actor 'Atlantis'"),
    ("event:ev-patrol", {"date": "2024-02-30"}, "malformed date '2024-02-30'"),
    ("event:ev-patrol", {"date": "last Tuesday"}, "malformed date 'last Tuesday'"),
    ("event:ev-patrol", {"negated": "maybe"}, "negated must be true or false, not 'maybe'"),
    ("event:ev-patrol", {"colour": "red"}, "cannot fix 'colour'"),
    ("event:ev-patrol", {"source": "JPN"}, "'JPN' as both source and target"),
    ("event:ev-patrol", {}, "non-empty object"),
    ("event:ev-patrol", "{not json", "JSON object"),
    ("event:ev-nope", {"type": "AGREE"}, "no event 'ev-nope'"),
    ("claim:cl-said", {"status": "rumoured"}, "unknown claim status 'rumoured'"),
    ("actor:org:rosneft", {"kind": "planet"}, "unknown actor kind 'planet'"),
    ("actor:org:rosneft", {"key": "CHN"}, "actor 'CHN' already exists"),
    ("actor:org:rosneft", {"country": "XYZ"}, "unknown country 'XYZ'"),
    ("actor:atlantis", {"kind": "state"}, "no actor 'atlantis'"),
    ("document:x", {"title": "y"}, "fix what?"),
])
def test_bad_fixes_are_refused_naming_the_value(fixed, target, value, message):
    with pytest.raises(StoreError, match=message.replace("(", r"\(").replace("?", r"\?")):
        fixed.decide("fix", target, value, "ana")
    assert fixed.decisions() == []


def test_dates_are_checked_on_the_calendar():
    assert [check_date(v) for v in ("2024", "2024-02", "2024-02-29", "2010/2024")] == [
        "2024", "2024-02", "2024-02-29", "2010/2024"]
    for bad in ("2023-02-29", "2024-1-5", "24-03-01", "2024/2010", "2024-03-01T10:00"):
        with pytest.raises(StoreError, match="malformed date"):
            check_date(bad)


def test_a_fix_is_stored_as_canonical_json():
    fix = parse_fix("event:ev-1", '{"type": "accuse", "negated": "no", "date": null}')
    assert fix.value() == '{"date": null, "negated": false, "type": "ACCUSE"}'
