"""Throughput and memory of the full pipeline, as a ratio to spaCy's raw parse in the same run.

Each figure comes from a fresh child process (benchmark/measure.py) so that one run's memory
never inflates the next one's peak; this process only starts the children and samples the
resident memory of each child's whole process tree. Raw and full runs alternate, so a change
in machine load hits both sides of the ratio alike.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from realpolitik.benchmark.corpus import default_corpus
from realpolitik.benchmark.memory import PeakRss

Log = Callable[[str], None]
MIN_WORDS_PER_S = 100  # below this a run is taken to hang


def _kill_tree(pid: int) -> None:
    """Stop a child and its workers (started by us, by pid)."""
    import psutil

    try:
        root = psutil.Process(pid)
        for p in [*root.children(recursive=True), root]:
            p.kill()
    except psutil.Error:
        pass


def measure(mode: str, corpus: Path, words: int, processes: int = 1,
            start_method: str | None = None, profile: str | None = None,
            stages: bool = False) -> dict[str, Any]:
    """Run one measurement in a child process; its result plus the tree's peak RSS in MB."""
    cmd = [sys.executable, "-m", "realpolitik.benchmark.measure", "--mode", mode,
           "--corpus", str(corpus), "--words", str(words), "--processes", str(processes)]
    if start_method:
        cmd += ["--start-method", start_method]
    if profile:
        cmd += ["--profile", profile]
    if stages:
        cmd.append("--stages")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=None if profile else subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    # No run is that slow unless something hangs: then say so instead of waiting forever.
    timeout = 120 + words / MIN_WORDS_PER_S
    with PeakRss(proc.pid) as peak:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_tree(proc.pid)
            proc.communicate()
            raise RuntimeError(f"benchmark child ran over {timeout:.0f}s ({' '.join(cmd[2:])}): a hang? "
                               "look with `py-spy dump --pid` on a rerun") from None
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({' '.join(cmd[2:])}):\n{err or ''}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak.mb
    result["peak_pss_mb"] = peak.pss_mb
    return result


def _max_or_none(values: Iterable[float | None]) -> float | None:
    got = list(values)
    return None if any(v is None for v in got) else max(got)  # type: ignore[type-var]


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 1)


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def machine() -> dict[str, Any]:
    """What the figures were measured on. The ratio to the raw parse moves with the CPU, not only
    with the code (session 18: 0.63 on an AVX-512 Xeon, where earlier machines gave 0.71-0.73 for
    the same code), so a report names its machine."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "logical_cpus": os.cpu_count(), "system": f"{platform.system()} {platform.machine()}",
            "python": platform.python_version()}


def run_bench(corpus: Path | None = None, words: int = 200_000, processes: Sequence[int] = (1, 2),
              repeat: int = 1, start_method: str | None = None, scaling: bool = False,
              ingest: bool = True, log: Log = lambda _: None) -> dict[str, Any]:
    """The report `realpolitik bench --json` writes: one entry in `runs` per process count."""
    corpus = corpus or default_corpus()
    report: dict[str, Any] = {"corpus": str(corpus), "words": words, "repeat": repeat,
                              "machine": machine(), "load_before": load_average(), "runs": []}
    for n in processes:
        raws, fulls = [], []
        for i in range(repeat):
            log(f"processes={n} run {i + 1}/{repeat}: raw nlp.pipe")
            raws.append(measure("raw", corpus, words, n, start_method))
            log(f"processes={n} run {i + 1}/{repeat}: full pipeline")
            fulls.append(measure("full", corpus, words, n, start_method, stages=n == 1))
        raw_wps, full_wps = _median(raws, "words_per_s"), _median(fulls, "words_per_s")
        report["runs"].append({
            "processes": n,
            "raw_words_per_s": raw_wps,
            "full_words_per_s": full_wps,
            "ratio": round(full_wps / raw_wps, 3),
            "raw_words_per_cpu_s": _median(raws, "words_per_cpu_s"),
            "full_words_per_cpu_s": _median(fulls, "words_per_cpu_s"),
            "cpu_ratio": round(_median(fulls, "words_per_cpu_s") / _median(raws, "words_per_cpu_s"), 3),
            "peak_rss_mb": max(f["peak_rss_mb"] for f in fulls),
            "peak_pss_mb": _max_or_none(f["peak_pss_mb"] for f in fulls),
            "raw_peak_rss_mb": max(r["peak_rss_mb"] for r in raws),
            "documents": fulls[0]["documents"],
            "measured_words": fulls[0]["words"],
        })
        if n == 1:
            total = statistics.median(f["seconds"] for f in fulls)
            report["stages_1_process"] = {
                k: round(statistics.median(f["stages"][k] for f in fulls) / total, 3) for k in fulls[0]["stages"]}
    first = fulls[0] if processes else None
    if first:
        report.update(model=first["model"], components=first["components"], batch_size=first["batch_size"],
                      start_method=start_method or _default_start_method())
    base = report["runs"][0]["full_words_per_s"] if report["runs"] else None
    for run in report["runs"]:
        run["speedup"] = round(run["full_words_per_s"] / base, 3) if base else None
    if ingest and _store_available():
        log("ingest into a DuckDB store, 1 process")
        got = measure("ingest", corpus, words)
        store_s = got["stages"].get("store", 0.0)
        report["ingest"] = {"processes": 1, "documents": got["documents"],
                            "documents_per_s": round(got["documents"] / got["seconds"], 1),
                            "store_documents_per_s": round(got["documents"] / store_s, 1) if store_s else None,
                            "peak_rss_mb": got["peak_rss_mb"]}
    if scaling:
        report["memory_scaling"] = memory_scaling(corpus, words, log)
    report["load_after"] = load_average()
    return report


def memory_scaling(corpus: Path, words: int, log: Log = lambda _: None) -> dict[str, Any]:
    """Peak memory of the full pipeline on words/10 and on words: streaming keeps them close."""
    small_words = max(1, words // 10)
    log(f"memory scaling: full pipeline on {small_words} words")
    small = measure("full", corpus, small_words)
    log(f"memory scaling: full pipeline on {words} words")
    large = measure("full", corpus, words)
    return {"small_words": small["words"], "small_peak_rss_mb": small["peak_rss_mb"],
            "large_words": large["words"], "large_peak_rss_mb": large["peak_rss_mb"],
            "ratio": round(large["peak_rss_mb"] / small["peak_rss_mb"], 3),
            "small_peak_pss_mb": small["peak_pss_mb"], "large_peak_pss_mb": large["peak_pss_mb"]}


def _store_available() -> bool:
    """The DuckDB store is another issue's work: measured once it exists."""
    from importlib.util import find_spec

    return find_spec("realpolitik.store") is not None and find_spec("duckdb") is not None


def _default_start_method() -> str:
    from realpolitik.parallel import default_start_method

    return default_start_method()
