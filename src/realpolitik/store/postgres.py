"""PostgreSQL backend, for teams: `--db postgresql://user:pass@host/dbname`.

The database must be UTF8-encoded: offsets count code points and substring() must agree with
Python. Tables live in the connection's current schema (normally `public`); several corpora
can share a server by using one database (or search_path schema) each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.rows import dict_row

from realpolitik.redaction import redact
from realpolitik.store.base import StoreError
from realpolitik.store.sql import SQLStore


class PostgresStore(SQLStore):
    def _connect(self) -> None:
        try:
            self._con = psycopg.connect(self.location, autocommit=True, row_factory=dict_row, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise StoreError(redact(f"cannot connect to {self.location}: {str(exc).strip()}")) from exc
        encoding = self._con.execute("SHOW server_encoding").fetchone()["server_encoding"]  # type: ignore[index]
        if encoding.upper() not in ("UTF8", "UTF-8"):
            raise StoreError(f"{redact(self.location)} is {encoding}-encoded; realpolitik needs a UTF8 database "
                             "(createdb -E UTF8 -T template0 NAME)")
        if self.read_only:
            self._con.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _ddl(self, stmt: str) -> str:
        # Text sorts by code point, as in DuckDB, whatever the server's locale: same order everywhere.
        if stmt.startswith("CREATE TABLE"):
            return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', stmt)
        return stmt

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]] | None:
        cur = self._con.execute(sql, list(params) or None)  # type: ignore[arg-type]
        if cur.description is None:
            return None
        return list(cur.fetchall())

    def _tables(self) -> set[str]:
        found = self._run("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                          "AND table_type = 'BASE TABLE'") or []
        return {r["table_name"] for r in found}

