"""One measurement, run in a fresh process so its peak memory is its own.

`python -m realpolitik.benchmark.measure --mode raw|full ...` prints one JSON object. Both
modes read the same texts and build the same Pipeline (same model, same enabled components,
same batch size); the clock starts after the model is loaded and warmed up and stops when
the last result is written:

- raw:  spaCy's own nlp.pipe over the texts (n_process=N), Docs dropped: the ceiling.
- full: what `realpolitik analyze --json` does: Documents built by ingest (boilerplate,
        language), parsed and extracted on N processes, the contract JSON streamed to a
        temporary file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from realpolitik.benchmark.corpus import count_words, iter_texts
from realpolitik.benchmark.stages import Stages
from realpolitik.config import Config
from realpolitik.nlp import PARAGRAPH_BREAKS
from realpolitik.pipeline import Pipeline

WARMUP = "Chinese President Xi Jinping met Vladimir Putin in Moscow on 5 June 2019 and signed 30 deals."


class Counter:
    """Counts the words and texts that went through an iterator."""

    def __init__(self) -> None:
        self.words = 0
        self.texts = 0

    def texts_of(self, path: Path, words: int) -> Iterator[tuple[str, str]]:
        for name, text in iter_texts(path, words):
            self.words += count_words(text)
            self.texts += 1
            yield name, text


def tree_cpu_seconds() -> float:
    """CPU time of this process and of its finished children (workers are joined by then).

    Unlike wall-clock time it barely moves with the machine's load, so on a shared machine
    the CPU ratio is the steadier estimate of what the extractors cost.
    """
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_raw(pipeline: Pipeline, path: Path, words: int, processes: int) -> tuple[Counter, float]:
    counter = Counter()
    texts = (text for _, text in counter.texts_of(path, words))
    ours = [name for name in pipeline.nlp.pipe_names if name == PARAGRAPH_BREAKS]
    start = time.perf_counter()
    with pipeline.nlp.select_pipes(disable=ours):   # spaCy's own components only: the ceiling
        for _doc in pipeline.nlp.pipe(texts, batch_size=pipeline.config.batch_size, n_process=processes):
            pass
    return counter, time.perf_counter() - start


def run_full(pipeline: Pipeline, path: Path, words: int, processes: int,
             start_method: str | None, stages: Stages | None = None) -> tuple[Counter, float]:
    from contextlib import nullcontext

    from realpolitik.ingest import Overrides
    from realpolitik.ingest.document import build
    from realpolitik.jsonout import AnalysisWriter
    from realpolitik.parallel import ParallelAnalyzer
    from realpolitik.schema import Analysis

    counter = Counter()
    overrides = Overrides()
    if stages is not None:
        if processes > 1:
            raise ValueError("stage timings are taken in one process only")
        stages.instrument(pipeline)
        build = stages.wrap("ingest", build)
    items = (build(name, text, {}, overrides) for name, text in counter.texts_of(path, words))
    pool = (ParallelAnalyzer(processes=processes, start_method=start_method, pipeline=pipeline)
            if processes > 1 else nullcontext(pipeline))
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as tmp, pool as analyzer:
        start = time.perf_counter()  # after the workers are up: a stream's steady state
        with AnalysisWriter(Path(tmp) / "out.json") as writer:
            add = stages.wrap("write", writer.add) if stages else writer.add
            for result in analyzer.analyze_stream(items):
                if isinstance(result, Analysis):
                    add(result)
        return counter, time.perf_counter() - start


def run_ingest(pipeline: Pipeline, path: Path, words: int, processes: int,
               start_method: str | None, stages: Stages) -> tuple[Counter, float]:
    """Analyse and store every document in a fresh DuckDB file, one transaction each."""
    from contextlib import nullcontext

    from realpolitik.ingest import Overrides
    from realpolitik.ingest.document import build
    from realpolitik.parallel import ParallelAnalyzer
    from realpolitik.schema import Analysis
    from realpolitik.store import open_store

    counter = Counter()
    overrides = Overrides()
    items = (build(name, text, {}, overrides) for name, text in counter.texts_of(path, words))
    pool = (ParallelAnalyzer(processes=processes, start_method=start_method, pipeline=pipeline)
            if processes > 1 else nullcontext(pipeline))
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as tmp, pool as analyzer:
        store = open_store(str(Path(tmp) / "bench.duckdb"))
        add = stages.wrap("store", store.add_analysis)
        try:
            start = time.perf_counter()
            for result in analyzer.analyze_stream(items):
                if isinstance(result, Analysis):
                    add(result)
            return counter, time.perf_counter() - start
        finally:
            store.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mode", choices=("raw", "full", "ingest"), required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--words", type=int, required=True)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--start-method", choices=("fork", "spawn", "forkserver"))
    ap.add_argument("--profile", help="write a cProfile (pstats) file of the timed part here")
    ap.add_argument("--stages", action="store_true", help="full, 1 process: seconds per stage")
    args = ap.parse_args(argv)

    config = Config.from_env()
    pipeline = Pipeline(config)
    pipeline.analyze_text(WARMUP, published="2019")  # lazy set-up (gazetteer matcher) off the clock
    stages = Stages() if args.stages or args.mode == "ingest" else None
    profiler = None
    if args.profile:
        import cProfile  # deterministic and in the standard library; Cython calls count as one

        profiler = cProfile.Profile()
        profiler.enable()
    cpu = tree_cpu_seconds()
    if args.mode == "raw":
        counter, seconds = run_raw(pipeline, args.corpus, args.words, args.processes)
    elif args.mode == "ingest":
        assert stages is not None
        counter, seconds = run_ingest(pipeline, args.corpus, args.words, args.processes, args.start_method, stages)
    else:
        counter, seconds = run_full(pipeline, args.corpus, args.words, args.processes, args.start_method, stages)
    cpu = tree_cpu_seconds() - cpu
    if profiler is not None:
        import pstats

        profiler.disable()
        profiler.dump_stats(args.profile)
        pstats.Stats(profiler, stream=sys.stderr).strip_dirs().sort_stats("tottime").print_stats(25)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(r"src/realpolitik/", 30)
    json.dump({
        "mode": args.mode,
        "processes": args.processes,
        "start_method": args.start_method if args.processes > 1 else None,
        "words": counter.words,
        "documents": counter.texts,
        "seconds": round(seconds, 3),
        "words_per_s": round(counter.words / seconds, 1) if seconds else None,
        "cpu_seconds": round(cpu, 3),
        "words_per_cpu_s": round(counter.words / cpu, 1) if cpu else None,
        "model": config.model,
        "components": list(pipeline.nlp.pipe_names),
        "batch_size": config.batch_size,
        "pid": os.getpid(),
        **({"stages": stages.report(seconds)} if stages else {}),
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
