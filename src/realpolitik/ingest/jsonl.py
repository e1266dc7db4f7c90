"""JSON Lines (and JSON lists): one document per object, streamed line by line.

Each object holds `text` or `html` plus metadata: `published` (or `date`), `title`,
`source`/`publisher`, `url`, `author`; every other field (`id` included: a Document's id
is its content hash) is kept in Document.metadata, never an error. A line that is not JSON,
not an object, or has neither text nor html is one failure named `file:line`; the other
lines go on. The size limit applies per line, and a too-long line is skipped without being
held in memory, so a file of any size streams in bounded memory.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest import html as html_reader
from realpolitik.ingest.decode import normalize_newlines
from realpolitik.ingest.document import build
from realpolitik.schema import Document

# Field name in the feed -> Document field; first one present wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "published": ("published", "date", "published_at", "publishedAt", "pubdate"),
    "title": ("title", "headline"),
    "publisher": ("publisher", "source", "sitename", "site"),
    "url": ("url", "link"),
    "author": ("author", "authors", "byline"),
}
_CHUNK = 1 << 16
log = logging.getLogger(__name__)


def read_stream(name: str, stream: IO[bytes], overrides: Overrides, max_bytes: int) -> Iterator[Document | IngestFailure]:
    """Yield a Document or failure per non-blank line of a binary stream."""
    for lineno, raw in _bounded_lines(stream, max_bytes):
        where = f"{name}:{lineno}"
        if raw is None:
            yield IngestFailure(where, f"line too large (> limit {max_bytes:,} bytes); raise --max-bytes to read it")
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield IngestFailure(where, f"not UTF-8: {exc.reason} at byte {exc.start}")
            continue
        except json.JSONDecodeError as exc:
            yield IngestFailure(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            yield from_object(where, obj, overrides)
        except Exception as exc:  # one line's bug must not end the feed
            log.exception("reading %s failed", where)
            yield IngestFailure(where, f"could not be read: {exc!r}")


def read_json(name: str, data: bytes, overrides: Overrides) -> Iterator[Document | IngestFailure]:
    """A .json file: one object, or a list of objects named `file[index]`."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield IngestFailure(name, f"malformed JSON: {exc}")
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from_object(f"{name}[{i}]", item, overrides)
    else:
        yield from_object(name, obj, overrides)


def from_object(where: str, obj: Any, overrides: Overrides) -> Document | IngestFailure:
    """One JSON object describing a document."""
    if not isinstance(obj, dict):
        return IngestFailure(where, f"expected a JSON object with 'text' or 'html', got {type(obj).__name__}")
    rest = dict(obj)
    text, page = rest.pop("text", None), rest.pop("html", None)
    meta: dict[str, Any] = {}
    for field, names in ALIASES.items():
        for key in names:
            if key in rest:
                value = rest.pop(key)
                meta.setdefault(field, value)
    for key, value in (("text", text), ("html", page)):
        if value is not None and not isinstance(value, str):
            return IngestFailure(where, f"'{key}' must be a string, got {type(value).__name__}")
    if isinstance(text, str) and text.strip():
        body = normalize_newlines(text)
    elif isinstance(page, str) and page.strip():
        try:
            body, found = html_reader.extract(page, url=meta.get("url"))
        except html_reader.NoText as exc:
            return IngestFailure(where, str(exc))
        for key, value in found.items():
            if meta.get(key) is None and value:
                meta[key] = value
    elif text is None and page is None:
        return IngestFailure(where, "no 'text' or 'html' field")
    else:
        return IngestFailure(where, "empty: 'text'/'html' holds no text to analyse")
    return build(where, body, {**rest, **meta}, overrides)


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over max_bytes, which is skipped unread."""
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the long line in small chunks
                more = stream.readline(_CHUNK)
                if not more or more.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line
