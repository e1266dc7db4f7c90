"""`realpolitik correct event|claim|actor` on the bundled example corpus, as an analyst runs it:
ids read off the tables (no --json needed), the fix seen by the dyad and the exports, undone
with `realpolitik undo`, every decision attributed."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from realpolitik.cli import main


@pytest.fixture
def db(example_db, tmp_path):
    """A copy of the ingested example corpus that this test may correct."""
    path = tmp_path / "corpus.duckdb"
    shutil.copy(example_db, path)
    return str(path)


def run(*args: str, ok: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == ok, result.output
    return result.output


def events(db: str) -> list[dict]:
    return json.loads(run("events", "--db", db, "--json", "--limit", "10000"))


def the_event(db: str, words: str, source: str) -> dict:
    """The machine's event from `source` in the sentence with these words."""
    found = [e for e in events(db) if words in e["sentence"] and e["source"] == source]
    assert found, f"the pipeline no longer reads an event from {source} in {words!r}"
    return found[0]


def an_event_not_aimed_at(db: str, source: str, target: str) -> dict:
    """The first (by id) machine event from `source` aimed elsewhere than `target`."""
    found = sorted((e for e in events(db) if e["source"] == source and e["target"] != target), key=lambda e: e["id"])
    assert found, f"the pipeline no longer reads an event from {source} not aimed at {target}"
    return found[0]


def dyad_ids(db: str, a: str, b: str) -> tuple[int, set[str]]:
    from realpolitik.analysis.dyad import dyad_events
    from realpolitik.store import open_store

    with open_store(db, read_only=True) as store:
        found = dyad_events(store, a, b)
    report = json.loads(run("dyad", a, b, "--db", db, "--json"))
    return report["n"], {e["id"] for e in found}


def csv_target(db: str, folder, event_id: str) -> str:
    run("export", "csv", str(folder), "--db", db)
    with open(folder / "events.csv", encoding="utf-8", newline="") as f:
        [row] = [r for r in csv.DictReader(f) if r["id"] == event_id]
    return row["target"]


def test_every_table_shows_the_ids_a_correction_needs(db):
    first = events(db)[0]
    assert first["id"] in run("events", "--db", db, "--limit", "5")
    claim = json.loads(run("claims", "--db", db, "--json", "--limit", "1"))[0]
    assert claim["id"] in run("claims", "--db", db, "--limit", "1")
    assert "xi-jinping" in run("actors", "--db", db)
    report = json.loads(run("dyad", "CHN", "RUS", "--db", db, "--json", "--evidence", "2"))
    assert report["evidence"][0]["event"] in run("dyad", "CHN", "RUS", "--db", db, "--evidence", "2")
    assert "event:ev-" in run("contested", "--db", db)
    corroborated = json.loads(run("events", "--db", db, "--corroborated", "--min-publishers", "1", "--json"))
    assert corroborated[0]["events"][0]["id"] in run("events", "--db", db, "--corroborated", "--min-publishers", "1")


def test_a_wrong_target_fixed_changes_the_dyad_and_the_csv_export_and_undo_restores_them(db, tmp_path):
    # an act of China's an analyst reads as one done with Russia (say, a patrol flown with it)
    patrol = an_event_not_aimed_at(db, "CHN", "RUS")
    n_before, ids_before = dyad_ids(db, "CHN", "RUS")
    out = run("correct", f"event:{patrol['id']}", "--target", "Russia", "--db", db, "--user", "ana",
              "--note", "the patrol was flown with Russia")
    decision = out.split()[1].rstrip(":")
    assert f"fix event:{patrol['id']} -> {{\"target\": \"RUS\"}}" in out
    n_after, ids_after = dyad_ids(db, "CHN", "RUS")
    assert patrol["id"] in ids_after
    assert n_after == n_before + (patrol["id"] not in ids_before)
    assert csv_target(db, tmp_path / "fixed", patrol["id"]) == "RUS"
    [fixed] = [e for e in events(db) if e["id"] == patrol["id"]]
    assert (fixed["target"], fixed["machine_target"]) == ("RUS", patrol["machine_target"])

    run("undo", decision, "--db", db, "--user", "ben")
    assert dyad_ids(db, "CHN", "RUS") == (n_before, ids_before)
    assert csv_target(db, tmp_path / "undone", patrol["id"]) == patrol["target"]
    [logged] = json.loads(run("correct", "list", "--db", db, "--json"))
    assert (logged["kind"], logged["analyst"], logged["note"], logged["undone_by"]) == (
        "fix", "ana", "the patrol was flown with Russia", "ben")


def test_type_date_and_negation_fixed_in_one_decision(db):
    # "…Trade between China and Russia rose by about 26% last year…": trade, not an assault
    trade = the_event(db, "Trade between China and Russia rose", "CHN")
    run("correct", "event", trade["id"], "--type", "cooperate", "--target", "RUS", "--date", "2023",
        "--negated", "false", "--db", db, "--user", "ana")
    [fixed] = [e for e in events(db) if e["id"] == trade["id"]]
    assert (fixed["type"], fixed["target"], fixed["date"], fixed["dated"], fixed["negated"], fixed["cameo"]) == (
        "COOPERATE", "RUS", "2023", "2023", False, "06")
    typed = json.loads(run("events", "--db", db, "--json", "--type", "cooperate", "--since", "2023", "--until",
                           "2023", "--limit", "1000"))
    assert trade["id"] in {e["id"] for e in typed}


def test_a_claims_status_and_an_actors_kind_from_the_cli(db):
    claim = json.loads(run("claims", "--db", db, "--json", "--status", "reported", "--limit", "1"))[0]
    run("correct", "claim", claim["id"], "--status", "denied", "--db", db, "--user", "ana")
    denied = json.loads(run("claims", "--db", db, "--json", "--status", "denied", "--limit", "1000"))
    assert claim["id"] in {c["id"] for c in denied}
    run("correct", "actor:org:huawei", "--kind", "group", "--country", "CHN", "--db", db, "--user", "ana")
    groups = json.loads(run("actors", "--db", db, "--json", "--kind", "group", "--limit", "1000"))
    assert {"org:huawei": "CHN"}.items() <= {a["id"]: a["country"] for a in groups}.items()


@pytest.mark.parametrize("args,message", [
    (["--type", "HUG"], "unknown PLOVER type 'HUG'"),
    (["--target", "Atlantis"], "unknown actor 'Atlantis'"),
    (["--date", "2023-02-30"], "malformed date '2023-02-30'"),
    (["--negated", "perhaps"], "negated must be true or false, not 'perhaps'"),
])
def test_bad_values_are_refused_naming_the_value(db, args, message):
    trade = the_event(db, "Trade between China and Russia rose", "CHN")
    result = CliRunner().invoke(main, ["correct", "event", trade["id"], *args, "--db", db, "--user", "ana"])
    assert result.exit_code == 3 and message in result.output
    assert json.loads(run("correct", "list", "--db", db, "--json")) == []


def test_a_fix_needs_something_to_fix(db):
    out = run("correct", "event", "ev-whatever", "--db", db, "--user", "ana", ok=2)
    assert "give what to fix" in out
    assert "no event 'ev-nope'" in run("correct", "event:ev-nope", "--type", "AGREE", "--db", db, "--user", "ana",
                                       ok=3)
