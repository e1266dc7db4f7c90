"""The code that runs on Ray's workers: read the listed files, analyse, shape Parquet rows.

Plain functions and one plain class (no Ray import): Ray Data calls them inside its tasks and
actors, and tests can call them directly. Each takes and returns an Arrow table of the shape
rows.py describes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from realpolitik.cluster import rows
from realpolitik.config import Config
from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.sources import JSONL_SUFFIXES, PARQUET_SUFFIXES, Input, read_input
from realpolitik.schema import Analysis, Document
from realpolitik.store.batches import Known, SkippedFailed

# Rows per table a read task hands on: small, so a huge JSONL or Parquet file streams through
# the object store instead of arriving as one block.
READ_ROWS_PER_TABLE = 32
MANY_DOCUMENT_SUFFIXES = JSONL_SUFFIXES | PARQUET_SUFFIXES | {".json"}


def read_inputs(batch: Any, overrides: Overrides, max_bytes: int, root: str,
                known_ids: frozenset[str] = frozenset(), known_failed: frozenset[str] = frozenset()) -> Iterator[Any]:
    """Listed files (kind "input") become documents or failures, in file order, with the
    one-process ingest's two skips: a path that failed before, content the store holds."""
    out: list[tuple[int, int, Any]] = []
    for file_no, _, entry in rows.unpack(batch):
        for row in read_entry(file_no, entry, overrides, max_bytes, root, known_ids, known_failed):
            out.append(row)
            if len(out) >= READ_ROWS_PER_TABLE:
                yield rows.table(out)
                out = []
    if out:
        yield rows.table(out)


def read_entry(file_no: int, entry: Input | IngestFailure, overrides: Overrides, max_bytes: int, root: str,
               known_ids: frozenset[str] = frozenset(),
               known_failed: frozenset[str] = frozenset()) -> Iterator[tuple[int, int, Any]]:
    """The (file, item, object) rows of one listed file: its documents, a failure, or the skips."""
    found = [entry] if isinstance(entry, IngestFailure) else read_input(entry, overrides, max_bytes, Path(root))
    for n, item in enumerate(found):
        if isinstance(item, Document) and item.path in known_failed:
            item = SkippedFailed(item.path or item.id)
        elif isinstance(item, Document) and item.id in known_ids:
            item = Known(item)
        yield (file_no, n, item)


def holds_many_documents(entry: Input | IngestFailure) -> bool:
    """Whether a listed file may hold many documents (JSON Lines, JSON, Parquet): such files
    are read in tasks of their own, whose output is spread over the actors; a file of one
    document is read by the actor that analyses it (engine.RayEngine.dataset)."""
    return not isinstance(entry, IngestFailure) and entry[1].suffix.lower() in MANY_DOCUMENT_SUFFIXES


class Analyzer:
    """One actor of the pool: builds the pipeline (spaCy and the models) once, then analyses
    every batch it is given; rows it has nothing to do for (known, skipped) pass through.

    Rows of kind "input" (listed files of one document each) are read here first, with
    `reading` (read_inputs' keyword arguments), so a plain folder needs no read tasks: no
    worker processes besides the actors, and no Document crosses the object store.
    """

    def __init__(self, config: Config, reading: dict[str, Any] | None = None):
        from realpolitik.pipeline import Pipeline

        self.reading = reading or {"overrides": Overrides(), "max_bytes": config.max_bytes, "root": str(Path.cwd())}
        self.pipeline = Pipeline(config)
        self.pipeline.warm_up()

    def __call__(self, batch: Any) -> Any:
        found = [row for f, i, obj in rows.unpack(batch) for row in
                 (read_entry(f, obj, **self.reading) if isinstance(obj, tuple) else [(f, i, obj)])]
        todo = [obj for _, _, obj in found if isinstance(obj, Document | IngestFailure)]
        analysed = iter(self.pipeline.analyze_stream(todo))
        return rows.table([(f, i, next(analysed) if isinstance(obj, Document | IngestFailure) else obj)
                           for f, i, obj in found])


# -- Parquet output ------------------------------------------------------------------
NO_DATE = "unknown"
FAILED = "failed"


def published_month(doc: Document) -> str:
    """The partition a document goes to: "2019-06", "2019" when only the year is known,
    "unknown" without a date."""
    return doc.published[:7] if doc.published else NO_DATE


def output_rows(batch: Any, run: str) -> Any:
    """One Parquet row per document (its contract JSON) or failure, keyed for ordered loading."""
    import pyarrow as pa

    cols: dict[str, list[Any]] = {k: [] for k in ("run", "file", "item", "published_month", "kind", "doc", "path",
                                                  "analysis", "reason")}
    for f, i, obj in rows.unpack(batch):
        failure = obj if isinstance(obj, IngestFailure) else None
        doc = obj.documents[0] if isinstance(obj, Analysis) else None
        cols["run"].append(run)
        cols["file"].append(f)
        cols["item"].append(i)
        cols["published_month"].append(published_month(doc) if doc else FAILED)
        cols["kind"].append("analysis" if doc else "failure")
        cols["doc"].append(doc.id if doc else None)
        cols["path"].append(doc.path if doc else failure.path if failure else None)
        cols["analysis"].append(json.dumps(obj.to_dict(), ensure_ascii=False) if isinstance(obj, Analysis) else None)
        cols["reason"].append(failure.reason if failure else None)
    types = {"file": pa.int64(), "item": pa.int64(), "analysis": pa.large_string()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in cols.items()})
