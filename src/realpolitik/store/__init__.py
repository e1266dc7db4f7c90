"""The corpus store: analyses persisted, queried and corrected (issue 5).

`open_store(location)` picks the backend from the location: a `postgresql://` (or
`postgres://`) URL opens PostgreSQL, anything else is a DuckDB file (":memory:" for a
throwaway store). The interface is `realpolitik.store.base.Store`; the ingest loop is
`realpolitik.store.ingest.ingest`.
"""

from __future__ import annotations

from realpolitik.store.base import Added, Store, StoreError, StoreVersionError


def open_store(location: str | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at `location`, default from REALPOLITIK_DB.

    `read_only` opens an existing store for reading only (a missing one is an error, and
    nothing is created or migrated); DuckDB then lets several reading processes share it."""
    if location is None:
        from realpolitik.config import Config

        location = Config.from_env().db
    if location.startswith(("postgresql://", "postgres://")):
        from realpolitik.store.postgres import PostgresStore

        return PostgresStore(location, read_only=read_only)
    from realpolitik.store.duckdb import DuckDBStore

    return DuckDBStore(location, read_only=read_only)


__all__ = ["Added", "Store", "StoreError", "StoreVersionError", "open_store"]
