"""The corpus commands, run as a user runs them, on the bundled example corpus."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.store.testing import EXAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "corpus.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return str(path)


def run(*args: str, ok: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == ok, result.output
    return result.output


def test_ingest_again_is_a_no_op(db):
    out = run("ingest", str(EXAMPLES), "--db", db, "-v", "-q")
    assert "added" not in out and out.count("unchanged") >= 12


def test_ingest_needs_paths():
    run("ingest", ok=2)


def test_actors_and_filters_as_json(db):
    actors = json.loads(run("actors", "--db", db, "--json"))
    assert {"CHN", "RUS"} <= {a["id"] for a in actors}
    events = json.loads(run("events", "--db", db, "--json", "--actor", "China", "--since", "2022"))
    assert events and all("CHN" in (e["source"], e["target"]) and e["dated"] >= "2022" for e in events)
    typed = json.loads(run("events", "--db", db, "--json", "--type", "agree", "--limit", "3"))
    assert 0 < len(typed) <= 3 and {e["type"] for e in typed} == {"AGREE"}
    claims = json.loads(run("claims", "--db", db, "--json", "--status", "denied"))
    assert claims and {c["status"] for c in claims} == {"denied"}


def test_tables_print(db):
    assert "Actors" in run("actors", "--db", db)
    assert "Events" in run("events", "--db", db, "--limit", "5")
    assert "Claims" in run("claims", "--db", db, "--limit", "5")
    assert "Contested" in run("contested", "--db", db)
    assert "Corroborated" in run("events", "--db", db, "--corroborated", "--min-publishers", "1")


def test_unknown_actor_is_a_usage_error(db):
    run("events", "--db", db, "--actor", "Atlantis", ok=2)


def test_dyad_report_json_and_plot(db, tmp_path):
    png = tmp_path / "dyad.png"
    report = json.loads(run("dyad", "CHN", "RUS", "--db", db, "--json", "--by", "year", "--plot", str(png)))
    assert report["n"] > 0 and report["index"] is not None
    assert [p["period"] for p in report["periods"]] == sorted(p["period"] for p in report["periods"])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "cooperation–conflict index" in run("dyad", "China", "Russia", "--db", db)


def test_correct_and_undo(db):
    event = json.loads(run("events", "--db", db, "--json", "--limit", "1"))[0]
    out = run("correct", "reject", f"event:{event['id']}", "--db", db, "--user", "ana")
    decision = out.split()[1].rstrip(":")
    ids = {e["id"] for e in json.loads(run("events", "--db", db, "--json", "--limit", "1000"))}
    assert event["id"] not in ids
    log = json.loads(run("correct", "list", "--db", db, "--json"))
    assert log[-1]["analyst"] == "ana" and log[-1]["undone_at"] is None
    run("undo", decision, "--db", db, "--user", "ben")
    ids = {e["id"] for e in json.loads(run("events", "--db", db, "--json", "--limit", "1000"))}
    assert event["id"] in ids
    run("correct", "reject", "event:nope", "--db", db, "--user", "ana", ok=3)


def test_export_command(db, tmp_path):
    out = run("export", "gdelt", str(tmp_path / "events.tsv"), "--db", db)
    assert out.strip().endswith("events.tsv")


def test_a_store_from_the_future_is_refused(tmp_path):
    from realpolitik.store import open_store

    path = str(tmp_path / "future.duckdb")
    with open_store(path) as s:
        s._x("UPDATE meta SET value = '999' WHERE key = 'version'")
    result = CliRunner().invoke(main, ["actors", "--db", path])
    assert result.exit_code == 3 and "newer realpolitik" in result.output


def test_failures_lists_bad_inputs(tmp_path):
    path = str(tmp_path / "f.duckdb")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    run("ingest", str(tmp_path / "empty.txt"), "--db", path, "-q", ok=3)
    listed = json.loads(run("failures", "--db", path, "--json"))
    assert [f["path"] for f in listed] == [str(tmp_path / "empty.txt")]


def test_ingest_into_postgres_prints_no_password(tmp_path):
    from realpolitik.redaction import redact
    from realpolitik.store.testing import BackendUnavailable, fresh_location, postgres_url

    try:
        url = postgres_url()
    except BackendUnavailable as exc:
        pytest.skip(str(exc))
    password = url.split("://", 1)[1].split("@", 1)[0].partition(":")[2]
    if not password:
        pytest.skip("the test server's URL carries no password")
    note = tmp_path / "note.txt"
    note.write_text("Vietnam and the Philippines signed a coast guard agreement in Hanoi on Monday.\n",
                    encoding="utf-8")
    with fresh_location("postgres", tmp_path) as location:
        result = CliRunner().invoke(main, ["ingest", str(note), "--db", location, "--published", "2024-01-08"])
    assert result.exit_code == 0, redact(result.output)
    assert "store postgresql://" in result.output
    assert f":{password}@" not in result.output


def test_a_truncated_store_gets_a_message_and_a_recovery_path(db, tmp_path):
    from pathlib import Path

    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(Path(db).read_bytes()[:20000])
    result = CliRunner().invoke(main, ["actors", "--db", str(damaged)])
    assert result.exit_code == 3
    assert "not a readable DuckDB store" in result.output and "realpolitik ingest" in result.output
    assert "Traceback" not in result.output
    assert damaged.stat().st_size == 20000   # nothing written to it


def test_check_says_a_sound_store_is_sound_and_a_damaged_one_how_to_recover(db, tmp_path):
    from pathlib import Path

    sound = CliRunner().invoke(main, ["check", "--db", db])
    assert sound.exit_code == 0 and "is sound" in sound.output
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(Path(db).read_bytes()[:20000])
    broken = CliRunner().invoke(main, ["check", "--db", str(damaged)])
    assert broken.exit_code == 3 and "move it aside" in broken.output


def test_a_reading_command_refuses_a_store_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.duckdb"
    result = CliRunner().invoke(main, ["actors", "--db", str(missing)])
    assert result.exit_code == 3 and "no store at" in result.output
    assert not missing.exists()   # nothing was created


def test_analyze_refuses_a_relative_published_date(tmp_path):
    note = tmp_path / "a.txt"
    note.write_text("Chile and Peru agreed to share radar data.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(note), "--published", "last tuesday"])
    assert result.exit_code == 2 and "absolute date" in result.output


def test_interests_of_a_state_include_its_leaders_ranked_first(db):
    rows = json.loads(run("interests", "--db", db, "--actor", "China", "--json"))
    assert rows
    actors = {a["id"]: a for a in json.loads(run("actors", "--db", db, "--json", "--limit", "100000"))}
    assert all(r["actor"] == "CHN" or actors[r["actor"]]["country"] == "CHN" for r in rows)
    assert any(r["actor"] != "CHN" for r in rows)          # a person's or organ's interest rolled up
    ranks = [r["rank"] for r in rows]
    assert ranks == sorted(ranks, key=lambda x: (x is None, x or 0))
    assert "Interests of CHN" in run("interests", "--db", db, "--actor", "CHN")


def test_dyad_counts_at_state_level_by_default_and_shows_who_contributed(db):
    state = json.loads(run("dyad", "China", "Russia", "--db", db, "--json"))
    actor = json.loads(run("dyad", "China", "Russia", "--db", db, "--json", "--level", "actor"))
    assert state["level"] == "state" and actor["level"] == "actor" and state["n"] > actor["n"]
    assert state["members"]["CHN"]["xi-jinping"] >= 3 and "xi-jinping" not in actor["members"]["CHN"]
    shown = run("dyad", "China", "Russia", "--db", db, "--evidence", "0")
    assert "counted at state level" in shown and "Xi Jinping (xi-jinping)" in shown
    run("dyad", "China", "Russia", "--db", db, "--level", "country", ok=2)


def test_network_command_at_both_levels(db):
    state = json.loads(run("network", "--db", db, "--json", "--limit", "500"))
    actor = json.loads(run("network", "--db", db, "--json", "--limit", "500", "--level", "actor"))
    nodes = {n["id"]: n for n in state["nodes"]}
    assert "xi-jinping" not in nodes and nodes["CHN"]["members"]["xi-jinping"] >= 3
    assert "xi-jinping" in {n["id"] for n in actor["nodes"]}
    pair = next(e for e in state["edges"] if {e["source"], e["target"]} == {"CHN", "RUS"})
    direct = next(e for e in actor["edges"] if {e["source"], e["target"]} == {"CHN", "RUS"})
    assert pair["events"] > direct["events"]
    assert "Relations at state level" in run("network", "--db", db, "--limit", "5")


def test_graphml_export_at_each_level(db, tmp_path):
    import networkx as nx

    run("export", "graphml", str(tmp_path / "state.graphml"), "--db", db)
    run("export", "graphml", str(tmp_path / "actor.graphml"), "--db", db, "--level", "actor")
    state, actor = nx.read_graphml(tmp_path / "state.graphml"), nx.read_graphml(tmp_path / "actor.graphml")
    assert "xi-jinping" in actor.nodes and "xi-jinping" not in state.nodes
    assert "xi-jinping" in state.nodes["CHN"]["member_actors"]
    assert sum(d["weight"] for _, _, d in state.edges(data=True)) == sum(d["weight"] for _, _, d in actor.edges(data=True))
    assert state.edges["CHN", "RUS"]["weight"] > actor.edges["CHN", "RUS"]["weight"]
