"""Analysis off the server's process, bounded in time and in queue length.

One request must never freeze the desk: spaCy and the extractors hold the GIL for as long
as a document takes, so analysis runs in worker processes (spawned, each loading the
pipeline once). A request waits at most `budget` seconds for its result, then gets 504 and
its worker is killed and replaced; when `queue` requests are already waiting, the next one
gets 503 at once. Reads are served by the server's own threads meanwhile.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from realpolitik.api.errors import ApiError, Unavailable

_pipeline = None


class Overloaded(ApiError):
    status, code = 503, "overloaded"


class TooSlow(ApiError):
    status, code = 504, "analysis_timeout"


def _start(model: str) -> None:
    """Worker initialiser: build the pipeline once per process."""
    global _pipeline
    from realpolitik.config import Config
    from realpolitik.pipeline import Pipeline

    _pipeline = Pipeline(Config.from_env(model=model))
    _pipeline.warm_up()


def _analyse(document: dict[str, Any]) -> dict[str, Any]:
    from realpolitik.ingest import IngestFailure
    from realpolitik.schema import Document

    assert _pipeline is not None
    result = next(iter(_pipeline.analyze_stream([Document.model_validate(document)])))
    if isinstance(result, IngestFailure):
        return {"failure": {"path": result.path, "reason": result.reason}}
    return {"analysis": result.to_dict()}


def _ready() -> bool:
    return _pipeline is not None


class AnalysisPool:
    def __init__(self, model: str, workers: int = 1, budget: float = 10.0, queue: int = 8,
                 start_timeout: float = 300.0):
        self.model, self.workers, self.budget, self.queue = model, workers, budget, queue
        self.start_timeout = start_timeout
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting = 0

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                           initializer=_start, initargs=(self.model,))
                # loading spaCy is not the request's time: wait for the workers here
                try:
                    for f in [pool.submit(_ready) for _ in range(self.workers)]:
                        f.result(timeout=self.start_timeout)
                except Exception as exc:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise Unavailable(f"the analysis workers did not start: {exc!r}") from exc
                self._pool = pool
            return self._pool

    def analyse(self, document: dict[str, Any]) -> dict[str, Any]:
        """{"analysis": contract dict} or {"failure": {...}}; 503 when full, 504 past the budget."""
        with self._lock:
            if self._waiting >= self.queue:
                raise Overloaded(f"{self._waiting} analyses are already waiting; try again shortly")
            self._waiting += 1
        try:
            future = self._executor().submit(_analyse, document)
            try:
                return future.result(timeout=self.budget)
            except FutureTimeout:
                self._restart()
                raise TooSlow(f"the analysis took longer than its {self.budget:g} s budget and was stopped; "
                              "split the text or raise REALPOLITIK_ANALYZE_BUDGET") from None
        finally:
            with self._lock:
                self._waiting -= 1

    def _restart(self) -> None:
        """Kill the workers (one is stuck on the slow document) and start afresh on next use."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._restart()
