"""Document keys and paths as readers see them: never the server's absolute file layout.

A document ingested from /home/ana/corpus/2024/note.txt is stored under that absolute key
(so versions of one file are recognised); readers of the desk get it relative to the
server's working folder when it lies inside, else only its last two parts ("…/2024/note.txt").
Every row a route returns goes through `public_row` (routes/common.py's `page` does it for
lists), whether it is a store row or a dict built from one; exports read the store through
`PublicReads`, so a downloaded file carries no more than a JSON response does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from realpolitik.store.records import Record

if TYPE_CHECKING:
    from realpolitik.schema import Analysis
    from realpolitik.store.base import Store

R = TypeVar("R", bound=Record)

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


def _public(row: R) -> R:
    return replace(row, **{k: public_path(getattr(row, k)) for k in FIELDS if k in row.columns()})  # type: ignore[arg-type]


class PublicReads:
    """A store as a reader of the desk sees it: the same queries, every path made public.

    What an exporter reads (rows with a document's path, the contract's documents) passes
    through here when the desk serves the export, so a CSV, Parquet or contract download
    never names the server's folders; every other method is the store's own."""

    def __init__(self, store: Store):
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def events(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [_public(r) for r in self._store.events(*args, **kwargs)]

    def iter_events(self, batch: int = 5000, **filters: Any) -> Iterator[Any]:
        return (_public(r) for r in self._store.iter_events(batch, **filters))

    def claims(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [_public(r) for r in self._store.claims(*args, **kwargs)]

    def quantities(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [_public(r) for r in self._store.quantities(*args, **kwargs)]

    def documents(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [_public(r) for r in self._store.documents(*args, **kwargs)]

    def document(self, doc_id: str) -> Any:
        found = self._store.document(doc_id)
        return None if found is None else _public(found)

    def to_analysis(self) -> Analysis:
        analysis = self._store.to_analysis()
        return analysis.model_copy(update={"documents": [d.model_copy(update={"path": public_path(d.path)})
                                                         for d in analysis.documents]})
