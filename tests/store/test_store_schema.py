"""A store is never read with the wrong schema: migrated step by step, or refused with a reason."""

from __future__ import annotations

import pytest

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
        assert s.failures()[0]["note"] is None and s.failures()[0]["path"] == "x.txt"


def test_a_database_that_is_not_a_store_is_refused(location):
    with open_store(location) as s:
        s._x("DROP TABLE meta")
    with pytest.raises(StoreVersionError, match="not a realpolitik store"):
        open_store(location)
