"""The ingest loop on Ray: the cluster reads and analyses, the driver stores a batch per transaction.

Same outcomes as the one-process loop (store.ingest.ingest): documents that failed before are
skipped unless retried, content the store holds is not analysed again (the set of stored
content hashes goes to the read tasks once), every reading or analysis failure is recorded in
`failures`, and results are stored in input order, so versions of one document are numbered
as one process numbers them. Writes go through store.batches (one transaction per batch,
retried whole on a transient error, idempotent by content hash).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from realpolitik.ingest import Overrides
from realpolitik.store.base import Store
from realpolitik.store.batches import store_batches
from realpolitik.store.ingest import IngestStats, OnItem, failed_paths

if TYPE_CHECKING:
    from realpolitik.cluster.engine import RayEngine

BATCH_DOCS = 64  # documents per store transaction


def ingest(store: Store, paths: Iterable[str], engine: RayEngine, overrides: Overrides | None = None,
           max_bytes: int | None = None, retry_failures: bool = False, reanalyse: bool = False,
           on_item: OnItem | None = None, batch_docs: int = BATCH_DOCS) -> IngestStats:
    """Ingest `paths` into `store` with the analysis on `engine` (entered); see the module docstring."""
    stats = IngestStats()
    started = time.perf_counter()
    paths = list(paths)
    if retry_failures and not paths:
        paths = failed_paths(store)
    known_failed = frozenset() if retry_failures else frozenset(f.path for f in store.failures())
    known_ids = frozenset() if reanalyse else frozenset(
        d.id for d in store.documents(limit=None, all_versions=True))
    results = engine.results(paths, overrides, max_bytes, known_ids=known_ids, known_failed=known_failed)
    store_batches(store, results, stats, on_item, batch_docs=batch_docs, reanalyse=reanalyse)
    stats.seconds = time.perf_counter() - started
    return stats
