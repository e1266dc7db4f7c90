"""The open store and the language pipeline, shared by every request behind one lock each.

Store backends hold one connection, which is not safe to use from several threads at once,
and FastAPI runs plain `def` routes in a thread pool; so calls are serialised here rather
than in each backend. The store is opened on first use so `serve` starts even before the
first ingest, and a store that cannot be opened becomes a 503 that says why. A DuckDB file
is held read-only between writes and let go when idle, so the CLI can use it meanwhile
(api/sharing.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from realpolitik.api.corpus import RECHECK_SECONDS, CorpusView
from realpolitik.api.errors import BadRequest, Unavailable
from realpolitik.api.sharing import holder_for
from realpolitik.redaction import redact

if TYPE_CHECKING:
    from realpolitik.api.workers import AnalysisPool
    from realpolitik.config import Config
    from realpolitik.ingest import IngestFailure
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Analysis, Document
    from realpolitik.store.base import Store

T = TypeVar("T")


class Desk:
    def __init__(self, location: str, config: Config, store: Store | None = None, pipeline: Pipeline | None = None,
                 workers: AnalysisPool | None = None, idle: float = 2.0):
        self.location = location
        self.workers = workers
        self.config = config
        self._store_lock = threading.RLock()
        self._holder = holder_for(location, self._store_lock, store, idle=idle, wait=config.lock_wait,
                                  on_release=self._released)
        self._pipeline: Pipeline | None = pipeline
        self._pipeline_lock = threading.Lock()
        self._analyze_lock = threading.Lock()
        self.corpus = CorpusView()
        self._stamp: tuple[float, tuple] | None = None
        self._stamp_lock = threading.Lock()

    @contextmanager
    def _opening(self) -> Iterator[None]:
        """A store that cannot be opened (missing, damaged, held by another process) is a 503."""
        from realpolitik.store.base import StoreError

        try:
            yield
        except StoreError as exc:
            raise Unavailable(redact(f"cannot open the store {self.location}: {exc}")) from exc

    @staticmethod
    def _call(fn: Callable[[Store], T], store: Store) -> T:
        """fn(store), its refusals as 400s (a store of another version: 503)."""
        from realpolitik.store.base import StoreError, StoreVersionError

        try:
            return fn(store)
        except StoreVersionError as exc:
            raise Unavailable(redact(exc)) from exc
        except StoreError as exc:
            raise BadRequest(redact(exc)) from exc

    def run(self, fn: Callable[[Store], T]) -> T:
        """Call fn with the store to read, one request at a time; store refusals become 400s."""
        with self._store_lock:
            try:
                with self._opening():
                    store = self._holder.reader()
                return self._call(fn, store)
            finally:
                self._holder.done()

    def _released(self) -> None:
        """The desk let go of the store: another process may write it before the next request,
        so the change stamp and the corpus view are read afresh then, not RECHECK_SECONDS later."""
        self._stamp = None
        self.corpus.recheck()

    def fresh_stamp(self) -> tuple | None:
        """stamp() when it needs no store query, else None (the caller then asks stamp()
        from a worker thread)."""
        held = self._stamp
        if held is None or time.monotonic() - held[0] > RECHECK_SECONDS:
            return None
        return (self.corpus.generation, held[1])

    def stamp(self) -> tuple:
        """The store's state as far as cached reads care: this server's writes, and the
        store's change stamp (re-read at most every RECHECK_SECONDS, for writers elsewhere;
        one thread re-reads it while the others keep the last one)."""
        held = self._stamp
        if held is not None and not self._stamp_lock.acquire(blocking=False):
            return (self.corpus.generation, held[1])
        if held is None:
            self._stamp_lock.acquire()
        try:
            now = time.monotonic()
            if self._stamp is None or now - self._stamp[0] > RECHECK_SECONDS:
                self._stamp = (now, self.run(lambda s: s.change_stamp()))
            return (self.corpus.generation, self._stamp[1])
        finally:
            self._stamp_lock.release()

    def write(self, fn: Callable[[Store], T]) -> T:
        """Like run, for calls that change the store (opened for writing for this call only):
        cached corpus views are dropped."""
        try:
            with self._store_lock:
                try:
                    # fn's own refusals leave _call as API errors: a StoreError here is the opening's
                    with self._opening(), self._holder.writer() as store:
                        return self._call(fn, store)
                finally:
                    self._holder.done()
        finally:
            self._stamp = None
            self.corpus.changed()

    def pipeline(self) -> Pipeline:
        """Built on first /analyze or ingest: loading spaCy costs a second nobody else should pay."""
        from realpolitik.nlp import ModelNotFound
        from realpolitik.pipeline import Pipeline

        with self._pipeline_lock:
            if self._pipeline is None:
                try:
                    self._pipeline = Pipeline(self.config)
                except ModelNotFound as exc:
                    raise Unavailable(str(exc)) from exc
            return self._pipeline

    def analyze(self, document: Document) -> Analysis | IngestFailure:
        """In the worker pool (bounded in time and queue, see api/workers.py); a desk built
        around a given pipeline (a library caller's, the tests') analyses in-process, one at
        a time, since a spaCy pipeline is not meant to be run from two threads."""
        if self.workers is not None:
            from realpolitik.ingest import IngestFailure
            from realpolitik.schema import Analysis

            out = self.workers.analyse(document.model_dump(mode="json"))
            if "failure" in out:
                return IngestFailure(out["failure"]["path"], out["failure"]["reason"])
            return Analysis.model_validate(out["analysis"])
        pipeline = self.pipeline()
        with self._analyze_lock:
            return next(iter(pipeline.analyze_stream([document])))

    def close(self) -> None:
        if self.workers is not None:
            self.workers.close()
        self._holder.close()
