"""What travels between the stages of a Ray run: Arrow rows holding pickled project objects.

Every stage sees one table shape: `file` (the input's position in the listing), `item` (the
document's position inside its file), `kind` (what the payload is) and `payload` (the object,
pickled: Documents, analyses and failures cross the object store exactly, with no schema to
keep in step with the contract). `file` and `item` give the input order, which Ray Data keeps
(preserve_order) and the Parquet loader sorts by.
"""

from __future__ import annotations

import pickle
from typing import Any

from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis, Document
from realpolitik.store.batches import Known, SkippedFailed

COLUMNS = ("file", "item", "kind", "payload")
KINDS: dict[type, str] = {tuple: "input", Document: "document", IngestFailure: "failure", Known: "known",
                          SkippedFailed: "skipped", Analysis: "analysis"}


def table(rows: list[tuple[int, int, Any]]) -> Any:
    """An Arrow table of (file, item, object) rows."""
    import pyarrow as pa

    return pa.table({
        "file": pa.array([r[0] for r in rows], pa.int64()),
        "item": pa.array([r[1] for r in rows], pa.int64()),
        "kind": pa.array([KINDS[type(r[2])] for r in rows], pa.string()),
        "payload": pa.array([pickle.dumps(r[2], protocol=pickle.HIGHEST_PROTOCOL) for r in rows], pa.large_binary()),
    })


def unpack(batch: Any) -> list[tuple[int, int, Any]]:
    """(file, item, object) per row of an Arrow table (or a dict of columns)."""
    columns = batch.to_pydict() if hasattr(batch, "to_pydict") else batch
    return [(int(f), int(i), pickle.loads(p)) for f, i, p in
            zip(columns["file"], columns["item"], columns["payload"], strict=True)]
