"""What travels between the stages of a Ray run: Arrow rows holding each object as JSON.

Every stage sees one table shape: `file` (the input's position in the listing), `item` (the
document's position inside its file), `kind` (what the payload is) and `payload` (the object
as UTF-8 JSON). `file` and `item` give the input order, which Ray Data keeps (preserve_order)
and the Parquet loader sorts by.

Why JSON and not pickle: an analysis travels as its contract JSON (`Analysis.to_dict`, the
bytes the one-process writer is fed from), which is smaller to decode than a pickled tree of
pydantic models (0.6 ms a document against 1.2 ms, bench/README.md "Ray") and is what the
Parquet output stores as it is (tasks.output_rows). Objects go through their contract form
(`model_dump(mode="json")`, what the contract writer and the store write), so what the
driver rebuilds writes the same bytes as the object one process would have kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis, Document
from realpolitik.store.batches import Known, SkippedFailed

COLUMNS = ("file", "item", "kind", "payload")
KINDS: dict[type, str] = {tuple: "input", Document: "document", IngestFailure: "failure", Known: "known",
                          SkippedFailed: "skipped", Analysis: "analysis"}


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


_ENCODE: dict[str, Callable[[Any], Any]] = {
    "input": lambda entry: {"name": entry[0], "path": str(entry[1])},
    "document": lambda doc: doc.model_dump(mode="json"),
    "failure": lambda failure: {"path": failure.path, "reason": failure.reason},
    "known": lambda known: known.document.model_dump(mode="json"),
    "skipped": lambda skipped: {"path": skipped.path},
    "analysis": lambda analysis: analysis.to_dict(),
}
_DECODE: dict[str, Callable[[Any], Any]] = {
    "input": lambda d: (d["name"], Path(d["path"])),
    "document": Document.model_validate,
    "failure": lambda d: IngestFailure(d["path"], d["reason"]),
    "known": lambda d: Known(Document.model_validate(d)),
    "skipped": lambda d: SkippedFailed(d["path"]),
    "analysis": Analysis.model_validate,
}


def encode(obj: Any) -> tuple[str, bytes]:
    """(kind, payload) of one object."""
    kind = KINDS[type(obj)]
    return kind, _dumps(_ENCODE[kind](obj))


def decode(kind: str, payload: bytes) -> Any:
    """The object a (kind, payload) pair holds."""
    return _DECODE[kind](json.loads(payload))


def table(rows: list[tuple[int, int, Any]]) -> Any:
    """An Arrow table of (file, item, object) rows."""
    import pyarrow as pa

    encoded = [encode(r[2]) for r in rows]
    return pa.table({
        "file": pa.array([r[0] for r in rows], pa.int64()),
        "item": pa.array([r[1] for r in rows], pa.int64()),
        "kind": pa.array([k for k, _ in encoded], pa.string()),
        "payload": pa.array([p for _, p in encoded], pa.large_binary()),
    })


def unpack(batch: Any) -> list[tuple[int, int, Any]]:
    """(file, item, object) per row of an Arrow table (or a dict of columns)."""
    columns = batch.to_pydict() if hasattr(batch, "to_pydict") else batch
    return [(int(f), int(i), decode(k, p)) for f, i, k, p in
            zip(columns["file"], columns["item"], columns["kind"], columns["payload"], strict=True)]
