"""Walk paths (files, folders, '-') and dispatch each file to its reader."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.schema import Document, content_id


def read_paths(
    paths: Iterable[str], overrides: Overrides, max_bytes: int
) -> Iterator[Document | IngestFailure]:
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _from_bytes("<stdin>", data, overrides, max_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(x for x in path.rglob("*") if x.is_file()):
                yield from _read_file(f, overrides, max_bytes)
        elif path.exists():
            yield from _read_file(path, overrides, max_bytes)
        else:
            yield IngestFailure(p, "no such file or folder")


def _read_file(path: Path, overrides: Overrides, max_bytes: int) -> Iterator[Document | IngestFailure]:
    size = path.stat().st_size
    if size > max_bytes:
        yield IngestFailure(str(path), f"too large ({size:,} bytes > limit {max_bytes:,}); split it or raise --max-bytes")
        return
    yield from _from_bytes(str(path), path.read_bytes(), overrides, max_bytes)


def _from_bytes(name: str, data: bytes, overrides: Overrides, max_bytes: int) -> Iterator[Document | IngestFailure]:
    if len(data) > max_bytes:
        yield IngestFailure(name, f"too large (> limit {max_bytes:,} bytes)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield IngestFailure(name, "not UTF-8 text")
        return
    if not text.strip():
        yield IngestFailure(name, "empty: no text to analyse")
        return
    yield Document(
        id=content_id(text), text=text, path=name,
        published=overrides.published, title=overrides.title, publisher=overrides.source,
    )
