"""Ingestion: files, folders, JSONL and stdin become Documents, or failures that name why.

A bad input never sinks a batch: every problem is yielded as an IngestFailure naming the
file (and `file:line` for JSONL) and the reason, and reading goes on with the next input.

What Document.text is: the text exactly as analysed, so every offset points into it. Before
analysis, and only then, a few things are changed: a byte-order mark is dropped, "\r\n" and
lone "\r" become "\n" (decode.py); a plain-text file's leading `Title:`/`Published:`/
`Source:`/`Author:`/`URL:` header block is cut off and becomes metadata (header.py); HTML is
reduced to its article text by trafilatura (html.py). Boilerplate is never cut: it is marked
as Document.boilerplate spans (boilerplate.py). Only English is analysed; other languages
are refused by a stopword/script check (language.py).

Modules: sources (walk paths, bounded reads, dispatch), decode (encodings, binaries), header,
html, jsonl, document (checks and metadata shared by every format), language, boilerplate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from realpolitik.schema import Document


@dataclass(frozen=True)
class IngestFailure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Overrides:
    """Metadata a user sets on the command line; it wins over what the file says."""

    published: str | None = None
    title: str | None = None
    source: str | None = None


def iter_documents(
    paths: Iterable[str], overrides: Overrides | None = None, max_bytes: int = 5 * 1024 * 1024
) -> Iterator[Document | IngestFailure]:
    """Yield one Document per input document, or an IngestFailure, in input order."""
    from realpolitik.ingest.sources import read_paths

    yield from read_paths(paths, overrides or Overrides(), max_bytes)
