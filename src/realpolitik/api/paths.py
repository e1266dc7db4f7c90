"""Document keys and paths as readers see them: never the server's absolute file layout.

A document ingested from /home/ana/corpus/2024/note.txt is stored under that absolute key
(so versions of one file are recognised); readers of the desk get it relative to the
server's working folder when it lies inside, else only its last two parts ("…/2024/note.txt").
"""

from __future__ import annotations

import os
from typing import Any

FIELDS = ("doc_key", "path")


def public_path(value: str | None) -> str | None:
    if not value or "://" in value or value.startswith("<") or not os.path.isabs(value):
        return value
    relative = os.path.relpath(value, os.getcwd())
    if not relative.startswith(".."):
        return relative
    parts = value.rstrip("/").split("/")
    return "…/" + "/".join(parts[-2:])


def public_document(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {**row, **{k: public_path(row[k]) for k in FIELDS if k in row}}
