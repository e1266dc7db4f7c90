#!/usr/bin/env python3
"""Ray engine throughput (issue 16): one process against Ray with 1 and 2 workers, in one run.

    .venv/bin/python bench/ray_bench.py [--words N] [--pg postgresql://…] [--json out.json]

The texts (the BBC archive in ../shared/data/bench/, all of it unless --words caps it, articles
round-robin over its sections; else the bundled examples) are written to a temporary folder,
read as a folder by every engine, and deleted afterwards. Measured, each on the same files:

- one process: what `realpolitik analyze FOLDER` does (parallel.analyze_stream with 1 process),
  in a fresh Python process, timed from before the pipeline is built: importing spaCy and
  loading the model are inside the time, as they are for a user;
- Ray with 1 and with 2 workers (a local Ray with one CPU slot per core): from the dataset's
  start to its last result (RayEngine.results), so starting the actors and loading the model in
  each are inside the time. Ray's own start-up is timed apart ("Ray start"): ray.init and the
  first use of Ray Data, which starts its per-cluster helper actors (statistics, autoscaling
  coordinator, actor locations); a running cluster has those already;
- for each: total rate (documents over all the time), "steady" rate (from the first result to
  the last: what a long run approaches), CPU seconds (user + system of the whole process tree:
  Ray's daemons, helpers, workers and actors included) and words per CPU-second;
- the store's write rate: the analyses (of the 1-worker run; the same as one process's, byte
  for byte, tests/cluster) written by store.batches (64 a transaction) to a fresh DuckDB file
  and, with --pg, to a fresh PostgreSQL schema.

Then efficiency = rate(2 workers) / (2 x rate(1 worker)), Ray's overhead at one worker =
1 - rate(1 worker) / rate(one process) (total, steady, and total with Ray's start), extra CPU
per word, and the model of N workers: N x per-worker rate x efficiency, until the store's
write rate caps it. The load average is recorded before and after every engine: on a shared
machine the wall-clock figures move with other jobs. Prints a summary table (Markdown);
--json also writes every figure to a file.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def write_corpus(words: int | None, folder: Path) -> tuple[int, int]:
    """Articles up to `words` (all of them when None; no cycling) as .txt files in `folder`;
    (documents, words)."""
    from realpolitik.benchmark.corpus import _raw_items, default_corpus

    docs = total = 0
    for name, data in _raw_items(default_corpus()):
        if words is not None and total >= words:
            break
        stem = name.rsplit(":", 1)[-1].replace("/", "-")
        (folder / f"{docs:05d}-{stem}").write_bytes(data)
        total += len(data.split())
        docs += 1
    return docs, total


class TreeCPU:
    """CPU seconds (user + system) of this process and every descendant (Ray's daemons, its
    workers and actors), sampled twice a second so processes that end mid-run still count,
    and split by role (`roles`: where the CPU went). On a shared machine it moves much less
    with other jobs' load than wall-clock time does."""

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        self._seen: dict[int, float] = {}
        self._role: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self._look(self._seen)
            if self._stop.wait(0.5):
                return

    def _look(self, into: dict[int, float]) -> None:
        import psutil

        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                t = proc.cpu_times()
                into[proc.pid] = max(into.get(proc.pid, 0.0), t.user + t.system)
                if self._role.get(proc.pid) in (None, ROLE_WORKERS):  # a Ray worker's title changes
                    self._role[proc.pid] = role(proc, self._me.pid)
            except psutil.Error:
                continue

    def __enter__(self) -> TreeCPU:
        self._base: dict[int, float] = {}
        self._look(self._base)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._look(self._seen)
        self.roles: dict[str, float] = {}
        for pid, v in self._seen.items():
            name = self._role.get(pid, ROLE_WORKERS)
            self.roles[name] = round(self.roles.get(name, 0.0) + v - self._base.get(pid, 0.0), 1)
        self.seconds = sum(self.roles.values())


ROLE_WORKERS = "other Ray workers (Ray Data's helper actors, read tasks)"


def role(proc: Any, me: int) -> str:
    """What a process of the tree is: the driver, an analysis actor, a Ray daemon, ..."""
    if proc.pid == me:
        return "driver (this process)"
    title = " ".join(proc.cmdline())
    if "--one-process" in title:
        return "one process"
    if "MapWorker(MapBatches(Analyzer))" in title:
        return "analysis actors"
    if title.startswith("ray::") or "default_worker.py" in title:
        return ROLE_WORKERS
    return "Ray daemons (raylet, GCS, agents)"


BURST_S = 0.05  # results this close to the first arrived with it (one batch): not "steady"


def timed(results: Any, started: float) -> tuple[list[Any], float, float, int]:
    """Consume results; (results, seconds from `started` to the first and to the last, how
    many came with the first: a batch's results arrive together)."""
    out: list[Any] = []
    first = None
    with_first = 0
    for r in results:
        now = time.perf_counter() - started
        if first is None:
            first = now
        if now - first <= BURST_S:
            with_first += 1
        out.append(r)
    return out, first or 0.0, time.perf_counter() - started, with_first


def words_of(results: list[Any]) -> int:
    from realpolitik.schema import Analysis

    return sum(len(r.documents[0].text.split()) for r in results if isinstance(r, Analysis))


def rates(docs: int, words: int, first: float, last: float, cpu: float, first_docs: int) -> dict[str, Any]:
    steady_docs = docs - first_docs
    out: dict[str, Any] = {
        "documents": docs, "words": words, "seconds": round(last, 2), "first_result_s": round(first, 2),
        "docs_per_s": round(docs / last, 2), "words_per_s": round(words / last),
        "cpu_seconds": round(cpu, 1), "words_per_cpu_s": round(words / cpu) if cpu else None}
    if last > first and steady_docs > 0:
        out["steady_docs_per_s"] = round(steady_docs / (last - first), 2)
        out["steady_words_per_s"] = round(words * steady_docs / docs / (last - first))
    return out


def one_process(folder: Path) -> dict[str, Any]:
    """`realpolitik analyze FOLDER` in a fresh process (see --one-process), its whole tree's CPU."""
    with TreeCPU() as cpu:
        done = subprocess.run([sys.executable, __file__, "--one-process", str(folder)], check=True,
                              capture_output=True, text=True)
    child = json.loads(done.stdout)
    out = rates(child["documents"], child["words"], child["first"], child["last"], cpu.seconds, child["first_docs"])
    return {**out, "model_load_s": child["model_load_s"], "cpu_by_role": cpu.roles}


def one_process_child(folder: str) -> None:
    """--one-process FOLDER: the one-process analysis timed from before spaCy is imported and
    the model loaded (what a user's `realpolitik analyze` waits for); prints its figures."""
    started = time.perf_counter()
    assert "spacy" not in sys.modules, "spaCy was imported before the clock started"
    from realpolitik.ingest import iter_documents
    from realpolitik.parallel import analyze_stream
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline()
    loaded = time.perf_counter() - started
    found, first, last, with_first = timed(analyze_stream(iter_documents([folder]), 1, pipeline=pipeline), started)
    print(json.dumps({"documents": len(found), "words": words_of(found), "first": first, "last": last,
                      "model_load_s": round(loaded, 2), "first_docs": with_first}))


def on_ray(folder: Path, workers: int) -> tuple[dict[str, Any], list[Any]]:
    from realpolitik.cluster.engine import RayEngine

    engine = RayEngine(workers=workers)
    with TreeCPU() as cpu:
        found, first, last, with_first = timed(engine.results([str(folder)]), time.perf_counter())
    return {**rates(len(found), words_of(found), first, last, cpu.seconds, with_first), "cpu_by_role": cpu.roles}, found


def start_ray() -> float:
    """Seconds to start a local Ray and Ray Data's per-cluster helpers (a cluster has them)."""
    import ray
    import ray.data

    started = time.perf_counter()
    ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level="WARNING")
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ray.data.range(2).map_batches(_Same, compute=ray.data.ActorPoolStrategy(size=1), num_cpus=0).take_all()
    return time.perf_counter() - started


class _Same:
    """The smallest actor: its one use starts the helpers an actor pool needs."""

    def __call__(self, batch: Any) -> Any:
        return batch


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


def summary(result: dict[str, Any]) -> str:
    """The figures as a Markdown table and a few lines (what bench/README.md quotes)."""
    rows = [("one process", result["one_process"]), ("Ray, 1 worker", result["ray_1_worker"]),
            ("Ray, 2 workers", result["ray_2_workers"])]

    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{100 * x:.0f} %"

    lines = [f"corpus: {result['corpus']['documents']:,} documents, {result['corpus']['words']:,} words "
             f"({result['corpus']['of']}); {result['cpus']} CPUs; Ray start (apart) {result['ray_start_s']} s",
             "", "| engine | seconds | docs/s | words/s | first result s | steady words/s | CPU s | words per CPU-s "
             "| load before → after |", "|---|---|---|---|---|---|---|---|---|"]
    for name, r in rows:
        lines.append(f"| {name} | {r['seconds']:.1f} | {r['docs_per_s']:.2f} | {r['words_per_s']:,} | "
                     f"{r['first_result_s']:.1f} | {r.get('steady_words_per_s', 0):,} | {r['cpu_seconds']:.0f} | "
                     f"{r['words_per_cpu_s'] or 0:,} | {r['load'][0]:.1f} → {r['load'][1]:.1f} |")
    lines += ["", f"Ray's overhead at 1 worker: {pct(result['ray_overhead_1_worker_total'])} total, "
                  f"{pct(result['ray_overhead_1_worker_steady'])} steady "
                  f"({pct(result['ray_overhead_1_worker_total_with_start'])} with Ray's start); "
                  f"extra CPU per word {pct(result['ray_cpu_overhead_1_worker'])}; from CPU time (load-proof): "
              f"{pct(result['ray_overhead_1_worker_cpu_bound'])} with no core to spare, "
              f"{pct(result['ray_overhead_1_worker_critical_path'])} on the actor's critical path",
              f"efficiency, 2 workers: {result['efficiency_total']} total, {result['efficiency_steady']} steady, "
              f"{result['cpu_efficiency']} in words per CPU-second",
              "store write rate (docs/s): " + ", ".join(f"{k} {v['docs_per_s']}" for k, v in result["store_write"].items()),
              "", "CPU seconds by process role:"]
    for name, r in rows:
        lines.append(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(r["cpu_by_role"].items(),
                                                                             key=lambda kv: -kv[1])))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, help="stop after this many words (default: the whole archive)")
    parser.add_argument("--pg", default=os.environ.get("REALPOLITIK_TEST_PG"), help="PostgreSQL for the write rate")
    parser.add_argument("--json", help="also write every figure here as JSON")
    parser.add_argument("--one-process", metavar="FOLDER", help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args(argv)
    if args.one_process:
        one_process_child(args.one_process)
        return

    def load() -> float:
        return round(os.getloadavg()[0], 2)

    import ray

    folder = Path(tempfile.mkdtemp(prefix="rp-ray-bench-"))
    try:
        docs, words = write_corpus(args.words, folder)
        print(f"corpus: {docs} documents, {words:,} words in {folder}", file=sys.stderr)
        before = load()
        local = {**one_process(folder), "load": [before, load()]}
        print(f"one process: {local}", file=sys.stderr)
        before = load()
        ray_start = start_ray()
        try:
            runs = {}
            for workers in (1, 2):
                before = load()
                figures, found = on_ray(folder, workers)
                runs[workers] = {**figures, "load": [before, load()]}
                print(f"ray, {workers} worker(s): {runs[workers]}", file=sys.stderr)
                if workers == 1:  # kept for the store's write rate
                    analyses = found
                del found
        finally:
            ray.shutdown()
        stores = {"duckdb": write_rate(str(folder / "store.duckdb"), analyses)}
        if args.pg:
            location, ctx = fresh_pg(args.pg)
            try:
                stores["postgres"] = write_rate(location, analyses)
            finally:
                ctx.__exit__(None, None, None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result = compare(local, runs[1], runs[2], stores)
    result.update({"when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
                   "ray_start_s": round(ray_start, 2),
                   "corpus": {"documents": docs, "words": words,
                              "of": "the whole BBC archive" if args.words is None else f"a subset, --words {args.words}"}})
    one, r1 = local["docs_per_s"], runs[1]
    result["ray_overhead_1_worker_total_with_start"] = round(
        1 - r1["documents"] / (r1["seconds"] + ray_start) / one, 3)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.json}", file=sys.stderr)
    print(summary(result))


def compare(local: dict[str, Any], ray1: dict[str, Any], ray2: dict[str, Any],
            stores: dict[str, Any]) -> dict[str, Any]:
    """Efficiency, overheads and the N-worker model from the three runs and the store rates."""
    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a and b else None

    def overhead(key: str) -> float | None:
        return round(1 - ray1[key] / local[key], 3) if ray1.get(key) and local.get(key) else None

    result: dict[str, Any] = {
        "one_process": local, "ray_1_worker": ray1, "ray_2_workers": ray2, "store_write": stores,
        "efficiency_total": ratio(ray2["docs_per_s"], 2 * ray1["docs_per_s"]),
        "efficiency_steady": ratio(ray2.get("steady_docs_per_s"), 2 * ray1.get("steady_docs_per_s", 0)),
        # per CPU-second (moves less with other jobs' load): what Ray and a second worker cost in CPU
        "cpu_efficiency": ratio(ray2["words_per_cpu_s"], ray1["words_per_cpu_s"]),
        "ray_cpu_overhead_1_worker": (round(local["words_per_cpu_s"] / ray1["words_per_cpu_s"] - 1, 3)
                                      if ray1["words_per_cpu_s"] and local["words_per_cpu_s"] else None),
        # the two load-proof bounds of the 1-worker overhead: with no core to spare every CPU-second
        # of Ray's counts (words per CPU-second); with one to spare only the actor's is on the
        # critical path (the driver, Ray's daemons and helpers run beside it)
        "ray_overhead_1_worker_cpu_bound": overhead("words_per_cpu_s"),
        "ray_overhead_1_worker_critical_path": (
            round(1 - local["cpu_by_role"]["one process"] / ray1["cpu_by_role"]["analysis actors"], 3)
            if ray1["cpu_by_role"].get("analysis actors") and local["cpu_by_role"].get("one process") else None),
        "ray_overhead_1_worker_total": overhead("docs_per_s"),
        "ray_overhead_1_worker_steady": overhead("steady_docs_per_s"),
    }
    per_worker = ray1.get("steady_docs_per_s", ray1["docs_per_s"])
    efficiency = result["efficiency_steady"] or result["efficiency_total"] or 1.0
    result["model"] = {name: model(per_worker, efficiency, s["docs_per_s"]) for name, s in stores.items()}
    return result


if __name__ == "__main__":
    main(sys.argv[1:])
