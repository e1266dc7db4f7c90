"""DuckDB backend: the default store, one file (./realpolitik.duckdb unless --db says otherwise).

Operational caveat: DuckDB lets one process hold a file for writing; a second process opening
the same file (even to read) waits for nothing and fails with a lock error, reported as a
StoreError. A killed writer leaves its write-ahead log behind; the next open replays what was
committed and drops the unfinished transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from realpolitik.store.base import StoreError
from realpolitik.store.sql import SQLStore


class DuckDBStore(SQLStore):
    def __init__(self, location: str | Path = ":memory:", read_only: bool = False):
        super().__init__(str(location), read_only=read_only)

    def _connect(self) -> None:
        if self.read_only and (self.location == ":memory:" or not Path(self.location).is_file()):
            raise StoreError(f"no store at {self.location}; create it with `realpolitik ingest PATH --db {self.location}`")
        if self.location != ":memory:":
            Path(self.location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.location, read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(_why_not(self.location, exc)) from exc

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


def _why_not(location: str, exc: Exception) -> str:
    """What an analyst can do about a store that does not open: wait for the process that
    holds it, or set a damaged file aside and rebuild the store from the documents."""
    text = str(exc)
    if "lock" in text.lower():
        return (f"cannot open {location}: another process holds it ({text}); stop that process, "
                "or ingest through the running desk (POST /documents)")
    return (f"{location} is not a readable DuckDB store (damaged or truncated: {text}). Nothing was changed. "
            f"To recover, move it aside (mv {location} {location}.damaged) and rebuild it from the documents "
            "with `realpolitik ingest`; analyst corrections live in the store, so restore them from a "
            "backup or an export if you have one")
