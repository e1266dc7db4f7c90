"""The ingest loop: read, skip what is known, analyse the rest, store one document per transaction.

Kill-safe by construction: a document's rows are committed together or not at all, and the
skip test is the content hash, so a run killed at any moment is completed by the next one
without duplicates. Documents that failed before are recorded by path and skipped until the
caller asks to retry them; a document that later succeeds clears its failure.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.ingest import IngestFailure, Overrides, iter_documents
from realpolitik.schema import Analysis, Document
from realpolitik.store.base import Store

if TYPE_CHECKING:
    from realpolitik.pipeline import Pipeline

# "feed.jsonl:12" and "list.json[3]" name one document inside a file
_INSIDE = re.compile(r"(?::\d+|\[\d+\])$")

OnItem = Callable[[str, str, str], None]  # (outcome, path, detail)


@dataclass
class IngestStats:
    added: int = 0
    versions: int = 0
    unchanged: int = 0
    reanalysed: int = 0
    failed: int = 0
    skipped_failed: int = 0
    events: int = 0
    seconds: float = 0.0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.versions + self.reanalysed

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + self.failed + self.skipped_failed

    def docs_per_second(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0


_TRANSIENT_WORDS = ("no space left", "disk full", "disk quota", "could not write", "connection", "server closed",
                    "timeout", "timed out", "lock", "i/o error", "input/output error", "read-only file system")


def is_transient(exc: BaseException) -> bool:
    """A failure of the store's surroundings (disk full, connection lost, a lock held) that
    another run may not meet, as opposed to a document the store refuses."""
    import errno

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EAGAIN,
                                                  errno.EROFS, errno.ECONNRESET, errno.EPIPE, errno.ETIMEDOUT):
        return True
    kind = type(exc).__name__
    if kind in ("IOException", "OperationalError", "InterfaceError", "ConnectionException", "TransactionException"):
        return True
    text = str(exc).lower()
    return any(word in text for word in _TRANSIENT_WORDS)


def failed_paths(store: Store) -> list[str]:
    """The files behind recorded failures ("feed.jsonl:3" -> "feed.jsonl"), once each."""
    out: list[str] = []
    for f in store.failures():
        path = f.path
        if not Path(path).exists() and _INSIDE.search(path):
            path = _INSIDE.sub("", path)
        if path not in out:
            out.append(path)
    return out


def ingest(store: Store, paths: Iterable[str], pipeline: Pipeline | None = None, overrides: Overrides | None = None,
           max_bytes: int | None = None, retry_failures: bool = False, reanalyse: bool = False,
           on_item: OnItem | None = None, processes: int = 1) -> IngestStats:
    """Ingest `paths` (files, folders, JSONL, '-') into `store`; see the module docstring.

    With processes > 1 the analysis runs in worker processes (realpolitik.parallel); results
    come back in input order and are stored here, one transaction each, as with one process.
    """
    stats = IngestStats()
    started = time.perf_counter()
    report = on_item or (lambda outcome, path, detail: None)
    paths = list(paths)
    if retry_failures and not paths:
        paths = failed_paths(store)
    known_failed = set() if retry_failures else {f.path for f in store.failures()}
    if max_bytes is None:
        from realpolitik.config import Config

        max_bytes = Config.from_env().max_bytes

    def fail(failure: IngestFailure) -> None:
        store.record_failure(failure.path, failure.reason)
        stats.failed += 1
        stats.failures.append(failure)
        report("failed", failure.path, failure.reason)

    def todo() -> Iterator[Document | IngestFailure]:
        for item in iter_documents(paths, overrides, max_bytes):
            if isinstance(item, Document) and item.path in known_failed:
                stats.skipped_failed += 1
                report("skipped", item.path or item.id, "failed before; --retry-failures to try again")
                continue
            if isinstance(item, Document) and not reanalyse and store.has_document(item.id):
                store.add_analysis(Analysis(documents=[item]))  # may make an older text current again
                stats.unchanged += 1
                report("unchanged", item.path or item.id, "")
                continue
            yield item

    items = todo()
    first = next(items, None)
    if first is not None:
        if pipeline is None:
            from realpolitik.pipeline import Pipeline

            pipeline = Pipeline()
        from realpolitik.parallel import analyze_stream

        for result in analyze_stream(chain([first], items), processes, pipeline=pipeline):
            if isinstance(result, IngestFailure):
                fail(result)
                continue
            _store_one(store, result, reanalyse, stats, report, fail)
    stats.seconds = time.perf_counter() - started
    return stats


def _store_one(store: Store, result: Analysis, reanalyse: bool, stats: IngestStats, report: OnItem,
               fail: Callable[[IngestFailure], None]) -> None:
    doc = result.documents[0]
    name = doc.path or doc.id
    try:
        added = store.add_analysis(result, reanalyse=reanalyse)
    except Exception as exc:  # one document the store refuses must not end the run
        if is_transient(exc):
            # the disk, the connection or a lock failed, not the document: nothing is
            # recorded, so the next run stores it (the transaction left no half of it)
            stats.failed += 1
            stats.failures.append(IngestFailure(name, f"not stored this time: {exc}"))
            report("failed", name, f"not stored this time ({exc}); the next run tries it again")
            return
        fail(IngestFailure(name, f"could not be stored: {exc}"))
        return
    for a in added:
        if a.outcome == "added":
            stats.added += 1
        elif a.outcome == "version":
            stats.versions += 1
        elif a.outcome == "reanalysed":
            stats.reanalysed += 1
        else:
            stats.unchanged += 1
        stats.events += a.events
        report(a.outcome, name, f"{a.events} events" + (f", version {a.version}" if a.version > 1 else ""))
