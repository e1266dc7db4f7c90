"""Walk paths (files, folders, '-') and dispatch each input to its reader.

Formats: `.html`/`.htm` pages, `.jsonl`/`.ndjson` feeds, `.json` objects or lists, `.parquet`
tables with a text column (one document per row), and anything else as text (a text file
that is really an HTML page is read as HTML). Folders are walked recursively in sorted
order, skipping hidden files and folders. Reading is bounded: a file over max_bytes is
refused from its size before it is opened, and no read takes more than max_bytes + 1 bytes;
JSONL is streamed line by line and Parquet by record batch, with the limit per line or row.
stdin ('-') is JSONL when its first line is a JSON object, else one document.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from realpolitik.ingest import IngestFailure, Overrides, jsonl
from realpolitik.ingest import html as html_reader
from realpolitik.ingest.decode import NotText, decode_with_warnings, sniff_binary
from realpolitik.ingest.document import build
from realpolitik.ingest.header import split_header
from realpolitik.schema import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
STDIN = "<stdin>"
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_SNIFF = 1 << 16

Item = Document | IngestFailure
log = logging.getLogger(__name__)


def read_paths(paths: Iterable[str], overrides: Overrides, max_bytes: int) -> Iterator[Item]:
    for entry in inputs(paths):
        if isinstance(entry, IngestFailure):
            yield entry
        elif entry[0] == "-":
            yield from guarded(STDIN, read_stdin(sys.stdin.buffer, overrides, max_bytes))
        else:
            yield from read_input(entry, overrides, max_bytes)


Input = tuple[str, Path]  # (name failures are reported under, file to read); ("-", Path("-")) is stdin


def inputs(paths: Iterable[str]) -> Iterator[Input | IngestFailure]:
    """The files `paths` name, in reading order, or a failure for a path that cannot be read;
    listing only (nothing is opened), so another process can read each file (cluster/)."""
    for p in paths:
        if p == "-":
            yield ("-", Path("-"))
            continue
        path = Path(p)
        try:
            if path.is_dir():
                for f in walk(path):
                    yield (str(f), f)
            elif path.exists():
                kind = _not_regular(path)
                if kind:
                    yield IngestFailure(p, f"not a regular file ({kind}); refused")
                else:
                    yield (p, path)
            else:
                yield IngestFailure(p, "no such file or folder")
        except OSError as exc:
            yield IngestFailure(p, f"cannot read: {exc.strerror or exc}")


def read_input(entry: Input, overrides: Overrides, max_bytes: int, root: Path | None = None) -> Iterator[Item]:
    """The documents (or failures) of one file listed by `inputs`; a relative path is read
    from `root` when given (another process's working folder may differ), named as listed."""
    name, path = entry
    target = root / path if root is not None and not path.is_absolute() else path
    yield from guarded(name, read_file(target, overrides, max_bytes, name=str(path)))


def _not_regular(path: Path) -> str | None:
    """What a path is when it is not a regular file: reading a FIFO or a device would block
    (or never end) while the store is locked."""
    import stat

    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a file"


def guarded(name: str, items: Iterator[Item]) -> Iterator[Item]:
    """A bug on one input becomes that input's failure instead of ending the batch."""
    try:
        yield from items
    except Exception as exc:
        log.exception("reading %s failed", name)
        yield IngestFailure(name, f"could not be read: {exc!r}")


def walk(folder: Path) -> list[Path]:
    """Files under folder, sorted, without hidden files or anything in hidden folders."""
    return sorted(f for f in folder.rglob("*")
                  if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts))


def read_file(path: Path, overrides: Overrides, max_bytes: int, name: str | None = None) -> Iterator[Item]:
    name = str(path) if name is None else name
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                what = sniff_binary(f.read(16))
                if what:
                    yield IngestFailure(name, f"binary file (looks like {what})")
                    return
                f.seek(0)
                yield from jsonl.read_stream(name, f, overrides, max_bytes)
            return
        if suffix in PARQUET_SUFFIXES:
            from realpolitik.ingest import parquet

            yield from parquet.read_file(name, path, overrides, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestFailure(name, too_large(size, max_bytes))
            return
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        yield IngestFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from from_bytes(name, data, suffix, overrides, max_bytes)


def read_stdin(stream: IO[bytes], overrides: Overrides, max_bytes: int) -> Iterator[Item]:
    head = stream.read(min(_SNIFF, max_bytes + 1))
    if _looks_jsonl(head):
        yield from jsonl.read_stream(STDIN, io.BufferedReader(_Prefixed(head, stream)), overrides, max_bytes)
        return
    data = head + stream.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
    yield from from_bytes(STDIN, data, "", overrides, max_bytes)


def from_bytes(name: str, data: bytes, suffix: str, overrides: Overrides, max_bytes: int) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield IngestFailure(name, too_large(None, max_bytes))
        return
    if not data.strip():
        yield IngestFailure(name, "empty: no text to analyse")
        return
    if suffix == ".json":
        yield from jsonl.read_json(name, data, overrides)
        return
    try:
        text, encoding, warnings = decode_with_warnings(data)
    except NotText as exc:
        yield IngestFailure(name, str(exc))
        return
    for warning in warnings:
        log.warning("%s: %s", name, warning)
    if suffix in HTML_SUFFIXES or _LOOKS_HTML.match(text[:1024]):
        try:
            body, meta = html_reader.extract(text)
        except html_reader.NoText as exc:
            yield IngestFailure(name, str(exc))
            return
    else:
        meta, body = split_header(text)
    meta = {**meta, "encoding": encoding} if encoding != "utf-8" else meta
    yield build(name, body, meta, overrides)


def too_large(size: int | None, max_bytes: int) -> str:
    have = f"{size:,} bytes" if size is not None else "more bytes"
    return f"too large ({have} > limit {max_bytes:,}); split it or raise the limit with --max-bytes"


def _looks_jsonl(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)
    if not first[0].startswith(b"{"):
        return False
    if len(first) == 1:  # the first line is longer than the sniffed head
        return True
    try:
        return isinstance(json.loads(first[0]), dict)
    except (ValueError, UnicodeDecodeError):
        return False


class _Prefixed(io.RawIOBase):
    """A stream that yields the already-sniffed head, then the rest of the source."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
