"""Analyses as Parquet (`--out parquet://DIR`), and loading them into a store.

When the store is the ceiling (see bench/README.md), the workers write their results to
Parquet instead, one row per document, partitioned by publication month
(`DIR/published_month=2019-06/…parquet`; "2019" when only the year is known, "unknown" without
a date, "failed" for failures). Columns: run, file, item (input order), kind ("analysis" or
"failure"), doc (content hash), path, analysis (the document's contract JSON), reason.

`realpolitik ingest parquet://DIR` loads such a folder into a store later, with no Ray and no
analysis, through the same batched writes as a live run (store.batches): in run and input
order, so versions are numbered as a live run numbers them, and idempotent by content hash,
so rows a retried write task wrote twice, or a folder loaded twice, are stored once. The
folder is read and sorted by DuckDB, which spills to disk, so its size is not bounded by memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis

SCHEME = "parquet://"
FETCH_ROWS = 256


def is_location(value: str) -> bool:
    return value.startswith(SCHEME)


def folder(location: str) -> Path:
    """The folder a `parquet://DIR` location names."""
    path = location[len(SCHEME):]
    if not path:
        raise ValueError(f"{location!r}: give a folder, as in parquet://out/analyses")
    return Path(path)


def _files(where: Path) -> list[str]:
    files = sorted(str(f) for f in where.rglob("*.parquet")) if where.is_dir() else []
    if not files:
        raise FileNotFoundError(f"{where}: no Parquet files here (expected the output of --out {SCHEME}{where})")
    return files


# Rows of one folder (or one run in it), in run and input order; DuckDB streams the result.
_ROWS = ("SELECT kind, path, analysis, reason FROM read_parquet($files, hive_partitioning = true) "
         "WHERE ($run IS NULL OR run = $run) AND ($kind IS NULL OR kind = $kind) ORDER BY run, file, item")


def _rows(location: str, run: str | None = None, kind: str | None = None) -> Iterator[tuple]:
    import duckdb

    con = duckdb.connect()
    try:
        cur = con.execute(_ROWS, {"files": _files(folder(location)), "run": run, "kind": kind})
        while batch := cur.fetchmany(FETCH_ROWS):
            yield from batch
    finally:
        con.close()


def results(location: str) -> Iterator[Analysis | IngestFailure]:
    """Every analysis and failure in the folder, in run and input order, streamed."""
    for kind, path, analysis, reason in _rows(location):
        if kind == "failure":
            yield IngestFailure(path, reason)
        else:
            yield Analysis.model_validate(json.loads(analysis))


def run_summary(location: str, run: str) -> tuple[int, list[IngestFailure]]:
    """(documents written, failures) of one run into the folder."""
    import duckdb

    with duckdb.connect() as con:
        docs = con.execute("SELECT count(*) FROM read_parquet($files, hive_partitioning = true) "
                           "WHERE run = $run AND kind = 'analysis'",
                           {"files": _files(folder(location)), "run": run}).fetchone()[0]
    return docs, [IngestFailure(path, reason) for _, path, _, reason in _rows(location, run, "failure")]
