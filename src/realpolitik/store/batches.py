"""Results stored a batch at a time: one transaction per batch, retried whole, never duplicated.

What the cluster engine (realpolitik.cluster) and the Parquet loader write with. A batch's
rows are committed together or not at all; a transient failure (connection lost, lock held,
disk full) rolls the batch back and it is tried again from the start, after a pause, on a
fresh connection. A retry cannot duplicate anything: every write is keyed by the document's
content hash (add_analysis leaves a known text unchanged), so even a batch whose COMMIT went
through before the error reached us is a no-op the second time. A batch the store refuses for
another reason is stored again one document per transaction (store.ingest._store_one), so the
one bad document is recorded as a failure and the rest are kept, as in the one-process loop.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis, Document
from realpolitik.store.base import Store
from realpolitik.store.ingest import IngestStats, OnItem, _store_one, is_transient

RETRIES = 3  # attempts after the first for a batch that failed transiently
PAUSE_SECONDS = 0.5  # before the first retry; doubled each time


@dataclass(frozen=True)
class Known:
    """A document whose content the store already holds: not analysed again, only noted."""

    document: Document


@dataclass(frozen=True)
class SkippedFailed:
    """A document that failed in an earlier run; skipped until --retry-failures."""

    path: str


Result = Analysis | IngestFailure | Known | SkippedFailed
Outcome = tuple[str, str, str, int]  # (outcome, path, detail, events)


def chunks(items: Iterable[Result], size: int) -> Iterator[list[Result]]:
    """Consecutive lists of at most `size` results, read lazily."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def store_batches(store: Store, results: Iterable[Result], stats: IngestStats, report: OnItem | None = None,
                  batch_docs: int = 64, reanalyse: bool = False, retries: int = RETRIES,
                  pause: float = PAUSE_SECONDS) -> IngestStats:
    """Store `results` (in order) `batch_docs` at a time, counting outcomes into `stats`."""
    tell = report or (lambda outcome, path, detail: None)
    for batch in chunks(results, batch_docs):
        store_batch(store, batch, stats, tell, reanalyse, retries, pause)
    return stats


def store_batch(store: Store, batch: list[Result], stats: IngestStats, report: OnItem, reanalyse: bool = False,
                retries: int = RETRIES, pause: float = PAUSE_SECONDS) -> None:
    """One transaction for the batch; see the module docstring for what happens on failure."""
    for attempt in range(retries + 1):
        try:
            with store.transaction():
                outcomes = [o for item in batch for o in _write(store, item, reanalyse)]
        except Exception as exc:
            if not is_transient(exc):
                _one_by_one(store, batch, stats, report, reanalyse)
                return
            if attempt == retries:
                for item in batch:  # nothing of the batch was kept: the next run stores it
                    name = _name(item)
                    stats.failed += 1
                    stats.failures.append(IngestFailure(name, f"not stored this time: {exc}"))
                    report("failed", name, f"not stored this time ({exc}); the next run tries it again")
                return
            time.sleep(pause * 2**attempt)
            _reconnect(store)
            continue
        for outcome in outcomes:
            _count(outcome, stats, report)
        return


def _write(store: Store, item: Result, reanalyse: bool) -> list[Outcome]:
    if isinstance(item, IngestFailure):
        store.record_failure(item.path, item.reason)
        return [("failed", item.path, item.reason, 0)]
    if isinstance(item, SkippedFailed):
        return [("skipped", item.path, "failed before; --retry-failures to try again", 0)]
    if isinstance(item, Known):
        store.add_analysis(Analysis(documents=[item.document]))  # may make an older text current again
        return [("unchanged", item.document.path or item.document.id, "", 0)]
    name = _name(item)
    return [(a.outcome, name, f"{a.events} events" + (f", version {a.version}" if a.version > 1 else ""), a.events)
            for a in store.add_analysis(item, reanalyse=reanalyse)]


def _count(outcome: Outcome, stats: IngestStats, report: OnItem) -> None:
    kind, name, detail, events = outcome
    if kind == "failed":
        stats.failed += 1
        stats.failures.append(IngestFailure(name, detail))
    elif kind == "skipped":
        stats.skipped_failed += 1
    elif kind == "added":
        stats.added += 1
    elif kind == "version":
        stats.versions += 1
    elif kind == "reanalysed":
        stats.reanalysed += 1
    else:
        stats.unchanged += 1
    stats.events += events
    report(kind, name, detail)


def _one_by_one(store: Store, batch: list[Result], stats: IngestStats, report: OnItem, reanalyse: bool) -> None:
    """The batch again, one transaction per document, as the one-process loop stores them."""
    def fail(failure: IngestFailure) -> None:
        store.record_failure(failure.path, failure.reason)
        _count(("failed", failure.path, failure.reason, 0), stats, report)

    for item in batch:
        if isinstance(item, Analysis):
            _store_one(store, item, reanalyse, stats, report, fail)
        elif isinstance(item, IngestFailure):
            fail(item)
        else:
            for outcome in _write(store, item, reanalyse):
                _count(outcome, stats, report)


def _name(item: Result) -> str:
    if isinstance(item, IngestFailure | SkippedFailed):
        return item.path
    doc = item.document if isinstance(item, Known) else item.documents[0]
    return doc.path or doc.id


def _reconnect(store: Store) -> None:
    """A PostgreSQL connection the server closed cannot run the retry: open a new one."""
    con = getattr(store, "_con", None)
    if con is not None and getattr(con, "closed", False):
        store._connect()  # type: ignore[attr-defined]  # SQLStore's own hook, same package
