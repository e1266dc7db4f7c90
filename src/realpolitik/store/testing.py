"""Helpers for testing stores: fresh stores per backend and the bundled corpus's analyses.

Used by the project's own conformance suite (tests/store) and usable by anyone writing a new
backend: a backend is conformant when the same suite passes over it.

PostgreSQL tests need a server: set REALPOLITIK_TEST_PG=postgresql://user:pass@host/db (CI
installs and starts one). Each fresh PostgreSQL store lives in its own schema, dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from realpolitik.store.base import Store

BACKENDS = ("duckdb", "postgres")
PG_ENV = "REALPOLITIK_TEST_PG"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


class BackendUnavailable(Exception):
    """The backend cannot be tested here; the message says how to make it testable."""


def postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        raise BackendUnavailable(f"PostgreSQL store tests skipped: set {PG_ENV}=postgresql://user:pass@host/db "
                                 "to run them against a server (.ci/run does)")
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        raise BackendUnavailable(f"PostgreSQL store tests skipped: {PG_ENV} server unreachable: "
                                 f"{str(exc).strip()}") from exc
    return url


def with_search_path(url: str, schema: str) -> str:
    parts = urlsplit(url)
    extra = urlencode({"options": f"-csearch_path={schema}"})
    return urlunsplit(parts._replace(query=f"{parts.query}&{extra}" if parts.query else extra))


@contextmanager
def fresh_location(backend: str, tmp: Path) -> Iterator[str]:
    """A location where no store exists yet, cleaned up afterwards."""
    if backend == "duckdb":
        yield str(tmp / f"store-{uuid.uuid4().hex[:8]}.duckdb")
        return
    if backend != "postgres":
        raise ValueError(f"unknown backend {backend!r}")
    import psycopg

    url = postgres_url()
    schema = "rp_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def fresh_store(backend: str, tmp: Path) -> Iterator[Store]:
    from realpolitik.store import open_store

    with fresh_location(backend, tmp) as location:
        store = open_store(location)
        try:
            yield store
        finally:
            store.close()
