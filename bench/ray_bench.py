#!/usr/bin/env python3
"""Ray engine throughput (issue 16): one process against Ray with 1 and 2 workers, in one run.

    .venv/bin/python bench/ray_bench.py [--words 100000] [--pg postgresql://…] [--json out.json]

The texts (the BBC archive in ../shared/data/bench/, articles round-robin over its sections, up
to --words; else the bundled examples) are written to a temporary folder, read as a folder by
every engine, and deleted afterwards. Measured, each on the same files:

- one process: realpolitik.parallel.analyze_stream with 1 process, pipeline built and warmed
  before the clock starts (what `realpolitik analyze` does, minus the model load);
- Ray with 1 and with 2 workers (a local Ray with one CPU slot per core): `total` from the
  dataset's start to its last result, so it includes starting the actors and loading spaCy in
  each; `steady` from the first result to the last (the rate a long run approaches); ray.init
  is timed apart;
- the store's write rate: the one-process analyses written by store.batches (64 a transaction)
  to a fresh DuckDB file and, with --pg, to a fresh PostgreSQL schema.

Then efficiency = rate(2 workers) / (2 x rate(1 worker)), Ray's overhead at one worker =
1 - rate(1 worker) / rate(one process), and the model of N workers: N x per-worker rate x
efficiency, until the store's write rate caps it. Results go to bench/results/ (not committed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def write_corpus(words: int, folder: Path) -> tuple[int, int]:
    """Articles up to `words` (no cycling) as .txt files in `folder`; (documents, words)."""
    from realpolitik.benchmark.corpus import _raw_items, default_corpus

    docs = total = 0
    for name, data in _raw_items(default_corpus()):
        if total >= words:
            break
        stem = name.rsplit(":", 1)[-1].replace("/", "-")
        (folder / f"{docs:05d}-{stem}").write_bytes(data)
        total += len(data.split())
        docs += 1
    return docs, total


class TreeCPU:
    """CPU seconds (user + system) of this process and every descendant (Ray's daemons, its
    workers and actors), sampled twice a second so processes that end mid-run still count.
    On a shared machine it barely moves with other jobs' load, unlike wall-clock time."""

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        self._seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        import psutil

        while True:
            for proc in [self._me, *self._me.children(recursive=True)]:
                try:
                    t = proc.cpu_times()
                    self._seen[proc.pid] = max(self._seen.get(proc.pid, 0.0), t.user + t.system)
                except psutil.Error:
                    continue
            if self._stop.wait(0.5):
                return

    def __enter__(self) -> TreeCPU:
        self._base = self._snapshot()
        self._thread.start()
        return self

    def _snapshot(self) -> dict[int, float]:
        import psutil

        out = {}
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                t = proc.cpu_times()
                out[proc.pid] = t.user + t.system
            except psutil.Error:
                continue
        return out

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.seconds = sum(v - self._base.get(pid, 0.0) for pid, v in self._seen.items())


def timed(results: Any) -> tuple[list[Any], float, float, float]:
    """Consume results; (results, seconds to the first, seconds to the last, CPU seconds)."""
    started = time.perf_counter()
    out, first = [], None
    with TreeCPU() as cpu:
        for r in results:
            if first is None:
                first = time.perf_counter() - started
            out.append(r)
    return out, first or 0.0, time.perf_counter() - started, cpu.seconds


def words_of(results: list[Any]) -> int:
    from realpolitik.schema import Analysis

    return sum(len(r.documents[0].text.split()) for r in results if isinstance(r, Analysis))


def rates(results: list[Any], first: float, last: float, cpu: float, first_docs: int) -> dict[str, float]:
    docs, words = len(results), words_of(results)
    steady_docs = docs - first_docs
    out = {"documents": docs, "words": words, "seconds": round(last, 2), "first_result_s": round(first, 2),
           "docs_per_s": round(docs / last, 2), "words_per_s": round(words / last),
           "cpu_seconds": round(cpu, 1), "words_per_cpu_s": round(words / cpu) if cpu else None}
    if last > first and steady_docs > 0:
        out["steady_docs_per_s"] = round(steady_docs / (last - first), 2)
        out["steady_words_per_s"] = round(words * steady_docs / docs / (last - first))
    return out


def one_process(folder: Path) -> tuple[dict[str, float], list[Any]]:
    from realpolitik.ingest import iter_documents
    from realpolitik.parallel import analyze_stream
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.warm_up()
    found, first, last, cpu = timed(analyze_stream(iter_documents([str(folder)]), 1, pipeline=pipeline))
    return rates(found, first, last, cpu, pipeline.max_batch_texts), found


def on_ray(folder: Path, workers: int) -> dict[str, float]:
    from realpolitik.cluster.engine import RayEngine

    engine = RayEngine(workers=workers)
    found, first, last, cpu = timed(engine.results([str(folder)]))
    # the first result arrives with the first task: one task's texts, in input order
    return rates(found, first, last, cpu, engine.task_texts)


def write_rate(location: str, analyses: list[Any]) -> dict[str, float]:
    from realpolitik.store import open_store
    from realpolitik.store.batches import store_batches
    from realpolitik.store.ingest import IngestStats

    with open_store(location) as store:
        started = time.perf_counter()
        stats = store_batches(store, analyses, IngestStats())
        seconds = time.perf_counter() - started
    return {"documents": stats.added, "seconds": round(seconds, 2), "docs_per_s": round(stats.added / seconds, 1)}


def fresh_pg(url: str) -> tuple[str, Any]:
    from realpolitik.store.testing import fresh_location

    ctx = fresh_location("postgres", Path("."))
    os.environ.setdefault("REALPOLITIK_TEST_PG", url)
    return ctx.__enter__(), ctx


def model(per_worker: float, efficiency: float, ceiling: float) -> list[dict[str, float]]:
    out = []
    for n in (1, 2, 4, 8, 16, 32, 64, 128):
        analysed = n * per_worker * (efficiency if n > 1 else 1.0)
        out.append({"workers": n, "analysis_docs_per_s": round(analysed, 1),
                    "stored_docs_per_s": round(min(analysed, ceiling), 1), "store_bound": analysed > ceiling})
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--pg", default=os.environ.get("REALPOLITIK_TEST_PG"), help="PostgreSQL for the write rate")
    parser.add_argument("--json", help="write the result here (default bench/results/ray-TIME.json)")
    args = parser.parse_args(argv)

    import ray

    folder = Path(tempfile.mkdtemp(prefix="rp-ray-bench-"))
    try:
        docs, words = write_corpus(args.words, folder)
        print(f"corpus: {docs} documents, {words:,} words in {folder}", file=sys.stderr)
        load_before = os.getloadavg()
        local, analyses = one_process(folder)
        print(f"one process: {local}", file=sys.stderr)
        started = time.perf_counter()
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level="WARNING")
        init_s = round(time.perf_counter() - started, 2)
        try:
            ray1 = on_ray(folder, 1)
            print(f"ray, 1 worker: {ray1}", file=sys.stderr)
            ray2 = on_ray(folder, 2)
            print(f"ray, 2 workers: {ray2}", file=sys.stderr)
        finally:
            ray.shutdown()
        load_after = os.getloadavg()
        stores = {"duckdb": write_rate(str(folder / "store.duckdb"), analyses)}
        if args.pg:
            location, ctx = fresh_pg(args.pg)
            try:
                stores["postgres"] = write_rate(location, analyses)
            finally:
                ctx.__exit__(None, None, None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a and b else None

    result: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in load_after],
        "corpus": {"documents": docs, "words": words}, "ray_init_s": init_s,
        "one_process": local, "ray_1_worker": ray1, "ray_2_workers": ray2, "store_write": stores,
        "efficiency_total": ratio(ray2["docs_per_s"], 2 * ray1["docs_per_s"]),
        "efficiency_steady": ratio(ray2.get("steady_docs_per_s"), 2 * ray1.get("steady_docs_per_s", 0)),
        # with few documents every result arrives at once and "steady" means nothing: use --words 50000+
        # per CPU-second (load-independent): what Ray and a second worker cost in CPU, not in time
        "cpu_efficiency": ratio(ray2["words_per_cpu_s"], ray1["words_per_cpu_s"]),
        "ray_cpu_overhead_1_worker": (round(1 - ray1["words_per_cpu_s"] / local["words_per_cpu_s"], 3)
                                      if ray1["words_per_cpu_s"] and local["words_per_cpu_s"] else None),
        "ray_overhead_1_worker_total": round(1 - ray1["docs_per_s"] / local["docs_per_s"], 3),
        "ray_overhead_1_worker_steady": (round(1 - ray1["steady_docs_per_s"] / local["steady_docs_per_s"], 3)
                                         if "steady_docs_per_s" in ray1 and "steady_docs_per_s" in local else None),
    }
    per_worker = ray1.get("steady_docs_per_s", ray1["docs_per_s"])
    efficiency = result["efficiency_steady"] or result["efficiency_total"] or 1.0
    result["model"] = {name: model(per_worker, efficiency, s["docs_per_s"]) for name, s in stores.items()}
    out = Path(args.json) if args.json else RESULTS / f"ray-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    print(f"written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
