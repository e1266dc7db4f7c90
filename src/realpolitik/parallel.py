"""The same analysis on several processes: results identical to one process, in input order.

Why worker processes and not spaCy's `n_process`: the extractors are Python and cost as much
as a good part of the parse, so they must run in the workers too, next to the Doc, and only
the small Analysis travels back. Each worker builds the pipeline once. With "fork" (the
default on Linux) the parent builds it before forking, so the model's memory is shared
copy-on-write and no worker pays the load time; "spawn" builds it in every worker.

Work goes out in tasks of a quarter batch (12 texts by default): spaCy parses 12 texts about
as fast per word as 48, and small tasks keep both workers busy to the end of a run instead of
one finishing its last big batch alone. Streaming: at most `window` tasks are in flight; the
next is read from the input only when the oldest result has been handed on, so neither the
input nor the results of a corpus are ever held at once.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool

from realpolitik.config import Config
from realpolitik.extract import Extractor
from realpolitik.ingest import IngestFailure
from realpolitik.pipeline import CHARS_PER_TEXT, Pipeline, batches
from realpolitik.schema import Analysis, Document

Item = Document | IngestFailure
Result = Analysis | IngestFailure

# The pipeline of this worker process; set before fork (inherited) or by the initializer (spawn).
_worker_pipeline: Pipeline | None = None


def default_start_method() -> str:
    """fork where the platform has it (shares the loaded model), else spawn."""
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def _init_worker(config: Config, extractors: list[Extractor] | None) -> None:
    global _worker_pipeline
    if _worker_pipeline is None:  # spawn: nothing inherited, build it here once
        _worker_pipeline = Pipeline(config, extractors)


def _analyze_batch(batch: list[Item]) -> list[Result]:
    assert _worker_pipeline is not None, "worker started without a pipeline"
    return list(_worker_pipeline.analyze_stream(batch))


class ParallelAnalyzer:
    """A pool of workers, each with its own pipeline; use as a context manager.

    `analyze_stream` has the contract of Pipeline.analyze_stream: one result per input item,
    in input order, failures in place.
    """

    def __init__(
        self,
        config: Config | None = None,
        processes: int = 2,
        extractors: list[Extractor] | None = None,
        start_method: str | None = None,
        window: int | None = None,
        pipeline: Pipeline | None = None,
        task_texts: int | None = None,
    ):
        self.config = config or (pipeline.config if pipeline else Config.from_env())
        self.processes = max(1, processes)
        self.extractors = extractors if extractors is not None else (pipeline.extractors if pipeline else None)
        self._parent_pipeline = pipeline  # reused by fork: nothing is built twice
        self.start_method = start_method or default_start_method()
        self.task_texts = task_texts or max(1, self.config.batch_size // 4)
        # Some tasks queued per worker keep every worker busy while the parent writes results.
        self.window = window or 4 * self.processes
        self._pool: Pool | None = None

    def __enter__(self) -> ParallelAnalyzer:
        global _worker_pipeline
        ctx = mp.get_context(self.start_method)
        if self.start_method == "fork":
            _worker_pipeline = self._parent_pipeline or Pipeline(self.config, self.extractors)
            _worker_pipeline.warm_up()  # the gazetteer's matcher is built once, shared by all workers
            gc.freeze()  # keep the model's objects out of the children's GC: fewer pages copied
        self._pool = ctx.Pool(self.processes, _init_worker, (self.config, self.extractors))
        return self

    def __exit__(self, *exc: object) -> None:
        global _worker_pipeline
        if self._pool is not None:
            self._pool.terminate() if exc[0] else self._pool.close()
            self._pool.join()
            self._pool = None
        if self.start_method == "fork":
            _worker_pipeline = None
            gc.unfreeze()

    def analyze_stream(
        self, items: Iterable[Item], on_failure: Callable[[IngestFailure], None] | None = None
    ) -> Iterator[Result]:
        if self._pool is None:
            raise RuntimeError("ParallelAnalyzer must be entered (`with ParallelAnalyzer(...) as p:`)")
        tasks = batches(items, self.task_texts, self.task_texts * CHARS_PER_TEXT)
        pending: deque[AsyncResult[list[Result]]] = deque()
        while True:
            while len(pending) < self.window:
                task = next(tasks, None)
                if task is None:
                    break
                pending.append(self._pool.apply_async(_analyze_batch, (task,)))
            if not pending:
                return
            for result in pending.popleft().get():
                if on_failure and isinstance(result, IngestFailure):
                    on_failure(result)
                yield result


def analyze_stream(
    items: Iterable[Item],
    processes: int = 1,
    config: Config | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Result]:
    """Analyse items on `processes` processes (1: in this process); what ingest and the CLI call."""
    if processes <= 1:
        yield from (pipeline or Pipeline(config)).analyze_stream(items, on_failure)
        return
    with ParallelAnalyzer(config, processes, pipeline=pipeline) as pool:
        yield from pool.analyze_stream(items, on_failure)
