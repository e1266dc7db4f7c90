"""Parquet files of texts: one document per row, the format large corpora are shipped in.

A row is read like a JSON Lines object (jsonl.from_object): a `text` or `html` column plus
metadata columns (`published`/`date`, `title`, `source`/`publisher`, `url`, `author`; the
rest go to Document.metadata). A row is named `file:N` (N counts from 1, as JSONL lines do).
The file is streamed one record batch at a time, so a file of any size is read in bounded
memory; the size limit applies per row's text, not to the file.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from realpolitik.ingest import IngestFailure, Overrides, jsonl
from realpolitik.schema import Document

TEXT_COLUMNS = ("text", "html")
ROWS_PER_BATCH = 256


def read_file(name: str, path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Document | IngestFailure]:
    """Yield a Document or failure per row of the Parquet file at `path`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        yield IngestFailure(name, f"not a readable Parquet file: {exc}")
        return
    columns = source.schema_arrow.names
    if not any(c in columns for c in TEXT_COLUMNS):
        yield IngestFailure(name, f"no 'text' or 'html' column (columns: {', '.join(columns) or 'none'})")
        return
    row = 0
    for batch in source.iter_batches(batch_size=ROWS_PER_BATCH):
        for record in batch.to_pylist():
            row += 1
            where = f"{name}:{row}"
            size = sum(len(v.encode("utf-8")) for c in TEXT_COLUMNS if isinstance(v := record.get(c), str))
            if size > max_bytes:
                yield IngestFailure(where, f"text too large ({size:,} bytes > limit {max_bytes:,}); "
                                           "raise --max-bytes to read it")
                continue
            yield jsonl.from_object(where, {k: plain(v) for k, v in record.items()}, overrides)


def plain(value: Any) -> Any:
    """A Parquet value as JSON would give it (metadata is stored as JSON): dates as ISO text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
