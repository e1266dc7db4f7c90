"""The corpus store: analyses persisted, queried and corrected (issue 5).

`open_store(location)` picks the backend from the location: a `postgresql://` (or
`postgres://`) URL opens PostgreSQL, anything else is a DuckDB file (":memory:" for a
throwaway store). The interface is `realpolitik.store.base.Store`; the ingest loop is
`realpolitik.store.ingest.ingest`.
"""

from __future__ import annotations

from realpolitik.store.base import Added, Store, StoreBusy, StoreError, StoreVersionError


def open_store(location: str | None = None, read_only: bool = False, wait: float = 0.0) -> Store:
    """Open (creating if needed) the store at `location`, default from REALPOLITIK_DB.

    `read_only` opens a DuckDB file so that other processes may read it at the same time (a
    read-write open excludes every other process); `wait` is how many seconds to keep trying
    while another process holds the file, before StoreBusy. A PostgreSQL server arbitrates
    readers and writers itself, so both are moot there.
    """
    if location is None:
        from realpolitik.config import Config

        location = Config.from_env().db
    if location.startswith(("postgresql://", "postgres://")):
        from realpolitik.store.postgres import PostgresStore

        return PostgresStore(location, read_only=read_only)
    from realpolitik.store.duckdb import DuckDBStore

    return DuckDBStore.open(location, read_only=read_only, wait=wait)


__all__ = ["Added", "Store", "StoreBusy", "StoreError", "StoreVersionError", "open_store"]
