"""A store is never read with the wrong schema: migrated step by step, or refused with a reason."""

from __future__ import annotations

import pytest

from realpolitik.schema import Actor, Analysis, Document, Event, content_id
from realpolitik.store import StoreVersionError, migrations, open_store, sql
from realpolitik.store import base as store_base


def test_reopening_keeps_the_data(location):
    with open_store(location) as s:
        s.record_failure("x.txt", "empty")
    with open_store(location) as s:
        assert [f["path"] for f in s.failures()] == ["x.txt"]


def _set_version(location: str, version: str) -> None:
    with open_store(location) as s:
        s._x("UPDATE meta SET value = ? WHERE key = 'version'", [version])


def test_a_newer_store_is_refused(location):
    _set_version(location, str(store_base.STORE_VERSION + 1))
    with pytest.raises(StoreVersionError, match="newer realpolitik"):
        open_store(location)


def test_an_older_store_without_a_migration_is_refused(location):
    _set_version(location, "0")
    with pytest.raises(StoreVersionError, match="cannot migrate from 0: re-ingest"):
        open_store(location)


def test_an_older_store_is_migrated(location, monkeypatch):
    with open_store(location) as s:
        s.record_failure("x.txt", "empty")

    def add_column(store):
        store._x("ALTER TABLE failures ADD COLUMN note TEXT")

    newer = store_base.STORE_VERSION + 1
    monkeypatch.setattr(migrations, "STORE_VERSION", newer)
    monkeypatch.setattr(sql, "STORE_VERSION", newer)
    monkeypatch.setitem(migrations.MIGRATIONS, store_base.STORE_VERSION, add_column)
    with open_store(location) as s:
        assert s.schema_version() == newer
        assert s._q("SELECT note, path FROM failures") == [{"note": None, "path": "x.txt"}]
        assert s.failures()[0].path == "x.txt"  # the typed row reads the columns it declares


def test_a_database_that_is_not_a_store_is_refused(location):
    with open_store(location) as s:
        s._x("DROP TABLE meta")
    with pytest.raises(StoreVersionError, match="not a realpolitik store"):
        open_store(location)


def test_a_version_1_store_is_migrated_and_keeps_its_corrections(location):
    """Version 2 added the fixes' derived tables; a version-1 store (its analyst_actors without
    the columns a re-keyed actor needs, no *_fixes tables) opens with its decisions in force."""
    with open_store(location) as s:
        s.add_analysis(_two_events())
        s.decide("reject", "event:ev-oil", None, "ana")
        s.decide("resolve", "JPN", '{"id": "org:jmsdf", "name": "Japan Maritime Self-Defense Force"}', "ana")
        for view in ("v_events", "v_claims", "v_quantities", "v_mentions", "v_interests", "v_times", "v_actors"):
            s._x(f"DROP VIEW {view}")
        for table in ("event_fixes", "claim_fixes", "actor_fixes", "analyst_actors"):
            s._x(f"DROP TABLE {table}")
        s._x("CREATE TABLE analyst_actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
             "country TEXT, decision BIGINT NOT NULL)")
        s._x("UPDATE meta SET value = '1' WHERE key = 'version'")
    with open_store(location) as s:
        assert s.schema_version() == store_base.STORE_VERSION == 2
        assert {e["id"] for e in s.events(limit=None)} == {"ev-patrol"}
        assert [e["target"] for e in s.events(limit=None) if e["id"] == "ev-patrol"] == ["org:jmsdf"]
        assert "org:jmsdf" in {a["id"] for a in s.actors(limit=None)}
        s.decide("fix", "event:ev-patrol", {"target": "RUS"}, "ana")
        assert [e["target"] for e in s.events(limit=None) if e["id"] == "ev-patrol"] == ["RUS"]


def _two_events() -> Analysis:
    text = "Chinese and Japanese ships met off Okinawa. Russia agreed to sell oil to China."
    d = content_id(text)
    actors = [Actor(id=x, name=n, kind="state", country=x) for x, n in (("CHN", "China"), ("JPN", "Japan"),
                                                                      ("RUS", "Russia"))]
    met, agreed, first_end = text.index("met"), text.index("agreed"), text.index(".") + 1
    return Analysis(documents=[Document(id=d, text=text, path="/corpus/okinawa.txt", published="2024-05-02")],
                    actors=actors, events=[
        Event(id="ev-patrol", doc=d, type="CONSULT", source="CHN", target="JPN", sentence={"start": 0, "end": first_end},
              trigger={"start": met, "end": met + 3, "text": "met"}),
        Event(id="ev-oil", doc=d, type="AGREE", source="RUS", target="CHN", sentence={"start": first_end + 1, "end": len(text)},
              trigger={"start": agreed, "end": agreed + 6, "text": "agreed"})])
