"""The corpus as one contract object, read from `Store.to_analysis()` and kept until the store
changes: what GET /interests lists (in the contract's shape and order). One document's
highlights never come from here; they come from the store's per-document queries
(api/annotations.py).

`to_analysis()` reads the whole corpus, so its result is cached. This server's own writes bump
a generation and rebuild at once; writes by others (a PostgreSQL store is shared) are noticed
through the store's counts, checked at most every RECHECK_SECONDS.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from realpolitik.schema import Analysis
    from realpolitik.store.base import Store


RECHECK_SECONDS = 5.0


class CorpusView:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._analysis: Analysis | None = None
        self.generation = 0
        self._checked = 0.0
        self._counts: tuple[Any, ...] = ()

    def changed(self) -> None:
        """Called after this server writes, so the next read rebuilds."""
        with self._lock:
            self.generation += 1

    def recheck(self) -> None:
        """Called when another process may have written: the next read compares the store's
        counts again instead of trusting the last look for RECHECK_SECONDS."""
        self._checked = 0.0

    def analysis(self, store: Store) -> Analysis:
        if time.monotonic() - self._checked > RECHECK_SECONDS or self._analysis is None:
            self._counts = tuple(sorted(store.counts().items()))
            self._checked = time.monotonic()
        key = (self.generation, self._counts)
        with self._lock:
            if key != self._key or self._analysis is None:
                self._analysis = store.to_analysis()
                self._key = key
            return self._analysis
