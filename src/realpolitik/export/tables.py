"""Flat tables — events, actors, claims, quantities — as CSV files or Parquet files.

One row per item with its evidence and its document's date and publisher, so a spreadsheet or
a dataframe needs no joins. Lists (contexts, aliases, cues) are joined with "; " in CSV and
kept as lists in Parquet.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.export import exporter
from realpolitik.store.base import Store

S, INT, F, B, L = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())

COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "events": [("id", S), ("doc", S), ("type", S), ("mode", S), ("contexts", L), ("source", S), ("target", S),
               ("date", S), ("dated", S), ("negated", B), ("hypothetical", B), ("claim", S), ("status", S),
               ("cameo", S), ("goldstein", F), ("confidence", F), ("pattern", S), ("trigger_text", S),
               ("trigger_start", INT), ("trigger_end", INT), ("sentence_start", INT), ("sentence_end", INT),
               ("sentence", S), ("publisher", S), ("published", S), ("title", S), ("url", S), ("path", S)],
    "actors": [("id", S), ("name", S), ("kind", S), ("country", S), ("org", S), ("sector", S), ("role", S),
               ("aliases", L), ("mentions", INT), ("documents", INT), ("events", INT)],
    "claims": [("id", S), ("doc", S), ("status", S), ("source", S), ("source_text", S), ("cues", L), ("quote", B),
               ("span_start", INT), ("span_end", INT), ("text", S), ("publisher", S), ("published", S), ("title", S),
               ("url", S)],
    "quantities": [("id", S), ("doc", S), ("text", S), ("value", F), ("value_max", F), ("unit", S), ("kind", S),
                   ("bound", S), ("subject", S), ("date", S), ("span_start", INT), ("span_end", INT),
                   ("publisher", S), ("published", S)],
}


def _paged(fetch: Callable[..., list[dict[str, Any]]], batch: int = 5000) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = fetch(limit=batch, offset=offset)
        yield from rows
        if len(rows) < batch:
            return
        offset += batch


def table_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    fetch = {"events": store.events, "actors": store.actors, "claims": store.claims,
             "quantities": store.quantities}[table]
    cols = [c for c, _ in COLUMNS[table]]
    for row in _paged(fetch):
        yield {c: row.get(c) for c in cols}


@exporter("csv", "events, actors, claims and quantities as CSV files in a folder", directory=True)
def export_csv(store: Store, out: Path) -> list[Path]:
    written = []
    for table, cols in COLUMNS.items():
        path = out / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=[c for c, _ in cols])
            w.writeheader()
            for row in table_rows(store, table):
                w.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
        written.append(path)
    return written


@exporter("parquet", "events, actors, claims and quantities as Parquet files in a folder", directory=True)
def export_parquet(store: Store, out: Path) -> list[Path]:
    written = []
    for table, cols in COLUMNS.items():
        schema = pa.schema(cols)
        path = out / f"{table}.parquet"
        with pq.ParquetWriter(path, schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in table_rows(store, table):
                batch.append(row)
                if len(batch) >= 10_000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        written.append(path)
    return written
