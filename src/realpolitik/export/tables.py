"""Flat tables — events, actors, claims, quantities, documents, interests — as CSV or Parquet.

One row per item with its evidence and its document's date and publisher, so a spreadsheet or
a dataframe needs no joins. Lists (contexts, aliases, cues) are joined with "; " in CSV and
kept as lists in Parquet. Each table's main date (an ISO prefix such as "2014-03") also comes
as a real date, the first day it covers (`<column>_value`, DATE in Parquet), with how precise
it is (`<column>_precision`: year, month, day or range). CSV ships a Frictionless
datapackage.json giving every column's type, so codes such as CAMEO "03" are read as text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.export import exporter
from realpolitik.store.base import Store
from realpolitik.store.records import Record

S, INT, F, B, L = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())

COLUMNS: dict[str, list[tuple[str, pa.DataType]]] = {
    "events": [("id", S), ("doc", S), ("type", S), ("mode", S), ("contexts", L), ("source", S), ("target", S),
               ("date", S), ("dated", S), ("negated", B), ("hypothetical", B), ("claim", S), ("status", S),
               ("cameo", S), ("goldstein", F), ("confidence", F), ("pattern", S), ("trigger_text", S),
               ("trigger_start", INT), ("trigger_end", INT), ("sentence_start", INT), ("sentence_end", INT),
               ("sentence", S), ("publisher", S), ("published", S), ("title", S), ("url", S), ("path", S),
               ("dated_value", pa.date32()), ("dated_precision", S)],
    "actors": [("id", S), ("name", S), ("kind", S), ("country", S), ("org", S), ("sector", S), ("role", S),
               ("aliases", L), ("mentions", INT), ("documents", INT), ("events", INT)],
    "claims": [("id", S), ("doc", S), ("status", S), ("source", S), ("source_text", S), ("cues", L), ("quote", B),
               ("span_start", INT), ("span_end", INT), ("text", S), ("publisher", S), ("published", S), ("title", S),
               ("url", S), ("published_value", pa.date32()), ("published_precision", S)],
    "quantities": [("id", S), ("doc", S), ("text", S), ("value", F), ("value_max", F), ("unit", S), ("kind", S),
                   ("bound", S), ("subject", S), ("date", S), ("span_start", INT), ("span_end", INT),
                   ("publisher", S), ("published", S), ("date_value", pa.date32()), ("date_precision", S)],
    "documents": [("id", S), ("version", INT), ("title", S), ("author", S), ("publisher", S), ("published", S),
                  ("url", S), ("path", S), ("lang", S), ("ingested_at", pa.timestamp("us")),
                  ("published_value", pa.date32()), ("published_precision", S)],
    "interests": [("actor", S), ("rank", INT), ("text", S), ("doc", S), ("span_start", INT), ("span_end", INT),
                  ("publisher", S), ("published", S), ("title", S), ("published_value", pa.date32()),
                  ("published_precision", S)],
}
# the ISO-prefix date of each table that also comes as <column>_value and <column>_precision
DATED = {"events": "dated", "claims": "published", "quantities": "date", "documents": "published", "interests": "published"}


def _paged(fetch: Callable[..., Sequence[Record]], batch: int = 5000) -> Iterator[Record]:
    offset = 0
    while True:
        rows = fetch(limit=batch, offset=offset)
        yield from rows
        if len(rows) < batch:
            return
        offset += batch


def date_and_precision(value: str | None) -> tuple[date | None, str | None]:
    """An ISO prefix ("2023", "2023-05", "2023-05-14", or a range "2010/2024") as the first day
    it covers and how precise it is: year, month, day or range."""
    if not value:
        return None, None
    first, _, rest = value.partition("/")
    parts = first.split("-")
    try:
        day = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None, None
    return day, "range" if rest else ("year", "month", "day")[min(len(parts), 3) - 1]


def table_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    queries: dict[str, Callable[..., Sequence[Record]]] = {
        "events": store.events, "actors": store.actors, "claims": store.claims, "quantities": store.quantities,
        "documents": store.documents, "interests": store.interests}
    fetch = queries[table]
    cols = [c for c, _ in COLUMNS[table]]
    dated = DATED.get(table)
    for found in _paged(fetch):
        row = found.to_dict()
        if dated:
            row[f"{dated}_value"], row[f"{dated}_precision"] = date_and_precision(row[dated])
        yield {c: row.get(c) for c in cols}


@exporter("csv", "events, actors, claims, quantities, documents and interests as CSV files in a folder",
          directory=True)
def export_csv(store: Store, out: Path) -> list[Path]:
    written = []
    for table, cols in COLUMNS.items():
        path = out / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            # every text value quoted: a spreadsheet or a reader that sniffs types keeps CAMEO
            # "03" and ISO "2023" as text; datapackage.json says each column's type
            w = csv.DictWriter(f, fieldnames=[c for c, _ in cols], quoting=csv.QUOTE_NONNUMERIC)
            w.writeheader()
            for row in table_rows(store, table):
                w.writerow({k: _csv_value(v) for k, v in row.items()})
        written.append(path)
    package = out / "datapackage.json"
    package.write_text(json.dumps(_datapackage(), indent=1), encoding="utf-8")
    written.append(package)
    return written


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, datetime):  # the store's timestamps are UTC
        return value.isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    return value


_FRICTIONLESS = {pa.string(): "string", pa.int64(): "integer", pa.float64(): "number", pa.bool_(): "boolean",
                 pa.date32(): "date", pa.timestamp("us"): "datetime"}


def _datapackage() -> dict[str, Any]:
    """A Frictionless Data Package describing the CSV files: pandas, R and frictionless read
    the column types from it instead of guessing them."""
    return {"name": "realpolitik-export", "profile": "tabular-data-package", "resources": [
        {"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
         "encoding": "utf-8", "schema": {"fields": [
             {"name": c, "type": _FRICTIONLESS.get(t, "string")} | ({"description": "values joined by '; '"}
                                                                   if t == L else {})
             for c, t in cols]}}
        for table, cols in COLUMNS.items()]}


@exporter("parquet", "events, actors, claims, quantities, documents and interests as Parquet files in a folder",
          directory=True)
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
