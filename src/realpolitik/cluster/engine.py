"""Ray itself: connect, describe the run as a Ray Data pipeline, hand results back in order.

The pipeline: listing (driver) -> read tasks (tasks.read_inputs) -> actor pool
(tasks.Analyzer, `--workers` actors of one CPU each) -> the driver, in input order
(`preserve_order`), or -> Parquet files written by the workers. The read tasks are there only
when a listed file may hold many documents (JSON Lines, JSON, Parquet: its documents are then
spread over the actors); a listing of one-document files (a folder of articles) goes straight
to the actors, which read each file themselves: no read workers to start, no Document through
the object store, and only the analyses' contract JSON comes back (rows.py).

Back-pressure: Ray Data's streaming executor launches a read or analysis task only while the
run's object-store budget has room, and results wait in the object store until the driver
takes them. The budget is `ExecutionOptions.resource_limits.object_store_memory`, set from
`--object-store-mb` (default OBJECT_STORE_MB): when the store is slow, results queue up to
that budget, then the actors and readers stop being fed, and memory stays bounded.

Read tasks ask for no CPU (reading is a few per cent of the work; the analysis actors hold one
CPU each, so on a 2-core machine two actors take both cores) and at most READ_TASKS run at
once. Actors that die are restarted by Ray and their batches run again (Ray Data's defaults:
max_restarts=-1, max_task_retries=-1), so a lost worker costs time, never documents.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from realpolitik.cluster import RayUnavailable, require_ray, rows, tasks
from realpolitik.config import Config
from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.sources import inputs
from realpolitik.store.batches import Result

OBJECT_STORE_MB = 512  # default object-store budget of one run (see the module docstring)
READ_TASKS = 2  # read tasks running at once
FILES_PER_READ_TASK = 8  # listed files per read task


class RayEngine:
    """A connection to Ray (a local instance, `auto`, or `ray://host:port`); a context manager.

    Connects on enter unless Ray is already initialised in this process (then it is used as
    it is and left running), and disconnects on exit only what it connected.
    """

    def __init__(self, address: str | None = None, workers: int = 2, config: Config | None = None,
                 object_store_mb: int = OBJECT_STORE_MB, task_texts: int | None = None):
        self.address = address
        self.workers = max(1, workers)
        self.config = config or Config.from_env()
        self.object_store_mb = object_store_mb
        # a quarter batch per task, as realpolitik.parallel: every actor stays busy to the end
        self.task_texts = task_texts or max(1, self.config.batch_size // 4)
        self._connected = False

    def __enter__(self) -> RayEngine:
        require_ray()
        import ray

        if not ray.is_initialized():
            options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                                       "configure_logging": True}
            if self.address:
                options["address"] = self.address
            else:  # a local instance: at least one CPU slot per worker
                options["num_cpus"] = max(os.cpu_count() or 1, self.workers)
            try:
                ray.init(**options)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise RayUnavailable(f"cannot connect to Ray at {self.address or 'a new local instance'}: {exc}") from exc
            self._connected = True
        self._configure()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._connected:
            import ray

            ray.shutdown()
            self._connected = False

    def _configure(self) -> None:
        from ray.data import DataContext, ExecutionResources

        ctx = DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.execution_options.resource_limits = ExecutionResources(
            object_store_memory=self.object_store_mb * 1024 * 1024)
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)

    # -- the run -----------------------------------------------------------------
    def dataset(self, paths: Iterable[str], overrides: Overrides | None = None, max_bytes: int | None = None,
                known_ids: frozenset[str] = frozenset(), known_failed: frozenset[str] = frozenset()) -> Any:
        """The run as a Ray Dataset of rows (rows.py): one per input document, analysed."""
        import ray
        import ray.data

        paths = list(paths)
        if "-" in paths:
            raise ValueError("--engine ray reads files and folders, not stdin ('-'); use the local engine for a pipe")
        listing = [(n, 0, entry) for n, entry in enumerate(inputs(paths))]
        if not listing:
            listing = [(0, 0, IngestFailure("(no input)", "no files to read"))]
        # built here, not by from_arrow's remote metadata tasks (which crash now and then in
        # a fresh worker with Ray 2.60 and pyarrow 26: SIGABRT "Mutex corrupt", then retried)
        listed = rows.table(listing).to_pylist()
        reading = {"overrides": overrides or Overrides(), "max_bytes": max_bytes or self.config.max_bytes,
                   "root": str(Path.cwd()), "known_ids": known_ids, "known_failed": known_failed}
        ds = ray.data.from_items(listed, override_num_blocks=-(-len(listed) // FILES_PER_READ_TASK))
        if any(tasks.holds_many_documents(entry) for _, _, entry in listing):
            ds = ds.map_batches(tasks.read_inputs, batch_size=None, batch_format="pyarrow", fn_kwargs=reading,
                                num_cpus=0, compute=ray.data.TaskPoolStrategy(size=READ_TASKS))
        # else every listed file is one document: the actors read them (tasks.Analyzer)
        return ds.map_batches(tasks.Analyzer, fn_constructor_kwargs={"config": self.config, "reading": reading},
                              compute=ray.data.ActorPoolStrategy(size=self.workers), batch_size=self.task_texts,
                              batch_format="pyarrow", num_cpus=1)

    def results(self, paths: Iterable[str], overrides: Overrides | None = None, max_bytes: int | None = None,
                known_ids: frozenset[str] = frozenset(), known_failed: frozenset[str] = frozenset()) -> Iterator[Result]:
        """One result per input document, in input order: Analysis, IngestFailure, or (for
        ingest) Known / SkippedFailed; streamed, never the whole corpus at once."""
        ds = self.dataset(paths, overrides, max_bytes, known_ids, known_failed)
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
            for _, _, obj in rows.unpack(batch):
                yield obj

    def write_parquet(self, paths: Iterable[str], out_dir: str, overrides: Overrides | None = None,
                      max_bytes: int | None = None) -> str:
        """Analyse on the workers and let them write Parquet under `out_dir`, partitioned by
        publication month (tasks.output_rows); returns this run's id (the `run` column)."""
        run = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
        ds = self.dataset(paths, overrides, max_bytes).map_batches(
            tasks.output_rows, batch_size=None, batch_format="pyarrow", fn_kwargs={"run": run}, num_cpus=0)
        ds.write_parquet(out_dir, partition_cols=["published_month"])
        return run
