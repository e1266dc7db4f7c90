"""Document keys and paths as readers see them: never the server's absolute file layout.

A document ingested from /home/ana/corpus/2024/note.txt is stored under that absolute key
(so versions of one file are recognised); readers of the desk get it relative to the
server's working folder when it lies inside, else only its last two parts ("…/2024/note.txt").
Every row a route returns goes through `public_row` (routes/common.py's `page` does it for
lists), whether it is a store row or a dict built from one.
"""

from __future__ import annotations

import os
from typing import Any

from realpolitik.store.records import Record

FIELDS = ("doc_key", "path")


def public_path(value: str | None) -> str | None:
    if not value or "://" in value or value.startswith("<") or not os.path.isabs(value):
        return value
    relative = os.path.relpath(value, os.getcwd())
    if not relative.startswith(".."):
        return relative
    parts = value.rstrip("/").split("/")
    return "…/" + "/".join(parts[-2:])


def public_row(row: Record | dict[str, Any]) -> dict[str, Any]:
    """A row as JSON-ready dict for a reader: a store row as its dict, its paths made public."""
    out = row.to_dict() if isinstance(row, Record) else dict(row)
    for k in FIELDS:
        if k in out:
            out[k] = public_path(out[k])
    return out


def public_document(row: Record | dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else public_row(row)
