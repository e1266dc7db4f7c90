"""DuckDB backend: the default store, one file (./realpolitik.duckdb unless --db says otherwise).

Sharing the file: DuckDB lets one process open a file read-write, or any number of processes
open it read-only, never both at once (an OS lock on the file; see DuckDB's "Concurrency"
page). Commands and the desk therefore open it read-only unless they are about to write, and
writers hold it only while they write; `wait` keeps trying for a few seconds while another
process holds it, then a StoreBusy says who to wait for. A killed writer leaves its
write-ahead log behind; the next open replays what was committed and drops the unfinished
transaction (a read-only open replays it in memory).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from realpolitik.store.base import STORE_VERSION, StoreBusy, StoreError
from realpolitik.store.sql import SQLStore

RETRY_SECONDS = 0.05


class NeedsWriting(StoreError):
    """A read-only open found a store that must first be created or migrated."""


class DuckDBStore(SQLStore):
    def __init__(self, location: str | Path = ":memory:", read_only: bool = False, wait: float = 0.0):
        self.wait = wait
        super().__init__(str(location), read_only=read_only and str(location) != ":memory:")

    @classmethod
    def open(cls, location: str | Path, read_only: bool = False, wait: float = 0.0) -> DuckDBStore:
        """A store at `location`; read-only when asked, after creating or migrating the file
        once read-write if that is needed first (a read-only connection cannot write the schema)."""
        if read_only and str(location) != ":memory:":
            if Path(location).exists():
                try:
                    return cls(location, read_only=True, wait=wait)
                except NeedsWriting:
                    pass
            cls(location, wait=wait).close()
        return cls(location, read_only=read_only, wait=wait)

    def _connect(self) -> None:
        if self.location != ":memory:" and not self.read_only:
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                self._con = duckdb.connect(self.location, read_only=self.read_only)
                return
            except duckdb.Error as exc:
                if not _held_elsewhere(exc):
                    raise StoreError(_why_not(self.location, exc)) from exc
                if time.monotonic() >= deadline:
                    raise StoreBusy(_busy(self.location, self.read_only, self.wait, exc)) from exc
            time.sleep(RETRY_SECONDS)

    def _open_schema(self) -> None:
        if self.read_only:
            tables = self._tables()
            if not tables:
                raise NeedsWriting(f"{self.location} holds no tables yet")
            if "meta" in tables:
                found = self._q("SELECT value FROM meta WHERE key = 'version'")
                if found and found[0]["value"].isdigit() and int(found[0]["value"]) < STORE_VERSION:
                    raise NeedsWriting(f"{self.location} is an older store version and must be migrated")
        super()._open_schema()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]] | None:
        cur = self._con.execute(sql, list(params))
        if cur.description is None:
            return None
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _tables(self) -> set[str]:
        found = self._run("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                          "AND table_type = 'BASE TABLE'") or []
        return {r["table_name"] for r in found}


def _held_elsewhere(exc: Exception) -> bool:
    """Another process holds the file's lock, or this process has it open in the other mode
    (DuckDB keeps one database instance per file and process)."""
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


def _busy(location: str, read_only: bool, waited: float, exc: Exception) -> str:
    """Who holds the store and what the analyst can do about it."""
    after = f" (waited {waited:g} s)" if waited else ""
    if read_only:
        return (f"cannot read {location}: another process is writing to it{after}: {exc}. Reading resumes when "
                "it finishes (an ingest runs until its last document; a correction takes a moment)")
    return (f"cannot write to {location}: another process has it open{after}: {exc}. A running `realpolitik serve` "
            "lets go of it after REALPOLITIK_STORE_IDLE seconds without requests (or write through it: "
            "POST /documents, POST /corrections); an ingest holds it until it ends")


def _why_not(location: str, exc: Exception) -> str:
    """What an analyst can do about a store that does not open: set a damaged file aside and
    rebuild the store from the documents."""
    text = str(exc)
    return (f"{location} is not a readable DuckDB store (damaged or truncated: {text}). Nothing was changed. "
            f"To recover, move it aside (mv {location} {location}.damaged) and rebuild it from the documents "
            "with `realpolitik ingest`; analyst corrections live in the store, so restore them from a "
            "backup or an export if you have one")
