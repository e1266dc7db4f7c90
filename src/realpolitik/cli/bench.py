"""`realpolitik bench`: throughput and memory against spaCy's raw parse, in one run."""

from __future__ import annotations

import json
from pathlib import Path

import click

from realpolitik.cli import main


@main.command()
@click.option("--corpus", type=click.Path(exists=True, path_type=Path),
              help="Zip, folder or file of texts (default: the shared BBC archive, else the bundled examples).")
@click.option("--words", type=click.IntRange(min=1), default=200_000, show_default=True,
              help="Words to analyse (the corpus is cycled if smaller).")
@click.option("--processes", type=click.IntRange(min=1), default=2, show_default=True,
              help="Measure 1 process and this many.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True,
              help="Runs per figure; the median is reported.")
@click.option("--start-method", type=click.Choice(["fork", "spawn", "forkserver"]),
              help="How worker processes start (default: fork where available).")
@click.option("--scaling", is_flag=True, help="Also compare peak memory on words/10 and words (streaming check).")
@click.option("--ingest/--no-ingest", default=True, show_default=True,
              help="Also measure ingest into a fresh DuckDB store (documents/s).")
@click.option("--profile", "profile_out", type=click.Path(dir_okay=False),
              help="Instead: profile the full pipeline on one process with cProfile; pstats file here.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the results as JSON here.")
def bench(corpus: Path | None, words: int, processes: int, repeat: int, start_method: str | None,
          scaling: bool, ingest: bool, profile_out: str | None, json_out: str | None) -> None:
    """Measure words/s of spaCy's raw nlp.pipe and of the full pipeline, their ratio, and the
    peak memory of the whole process tree, for 1 and N processes.

    Each figure is taken in a fresh process with the same texts, model, enabled components and
    batch size. Numbers depend on the machine and its load: the CPU and the load average are
    recorded with them.
    """
    from rich.console import Console
    from rich.table import Table

    from realpolitik.benchmark import load_average, measure, run_bench
    from realpolitik.benchmark.corpus import default_corpus

    console = Console(stderr=True)
    corpus = corpus or default_corpus()
    if profile_out:
        result = measure("full", corpus, words, 1, profile=profile_out)
        console.print(f"profile of {result['words']} words ({result['words_per_s']} words/s) written to {profile_out}")
        return
    counts = sorted({1, processes})
    report = run_bench(corpus, words, counts, repeat, start_method, scaling, ingest,
                       log=lambda msg: console.print(f"[dim]{msg}[/dim]"))
    table = Table(title=f"{report['runs'][0]['measured_words']:,} words of {corpus.name} "
                        f"({', '.join(report['components'])}; batch {report['batch_size']})")
    for col in ("processes", "raw words/s", "full words/s", "ratio", "speed-up", "CPU ratio", "peak MB",
                "peak PSS MB", "raw peak MB"):
        table.add_column(col, justify="right")
    for r in report["runs"]:
        table.add_row(str(r["processes"]), f"{r['raw_words_per_s']:,.0f}", f"{r['full_words_per_s']:,.0f}",
                      f"{r['ratio']:.2f}", f"{r['speedup']:.2f}", f"{r['cpu_ratio']:.2f}", f"{r['peak_rss_mb']:,.0f}",
                      f"{r['peak_pss_mb']:,.0f}" if r["peak_pss_mb"] is not None else "-",
                      f"{r['raw_peak_rss_mb']:,.0f}")
    Console().print(table)
    if "stages_1_process" in report:
        shares = sorted(report["stages_1_process"].items(), key=lambda kv: -kv[1])
        Console().print("full pipeline, 1 process, share of time: "
                        + ", ".join(f"{k} {v:.0%}" for k, v in shares))
    if "ingest" in report:
        i = report["ingest"]
        Console().print(f"ingest into DuckDB, 1 process: {i['documents_per_s']:,.1f} documents/s "
                        f"(storing alone {i['store_documents_per_s'] or 0:,.0f} documents/s), "
                        f"peak {i['peak_rss_mb']:,.0f} MB")
    if "memory_scaling" in report:
        m = report["memory_scaling"]
        Console().print(f"memory: {m['small_words']:,} words peak {m['small_peak_rss_mb']:,.0f} MB; "
                        f"{m['large_words']:,} words peak {m['large_peak_rss_mb']:,.0f} MB (x{m['ratio']:.2f})")
    m = report["machine"]
    Console().print(f"machine: {m['cpu']}, {m['logical_cpus']} logical CPUs ({m['system']}, Python {m['python']}); "
                    f"load average before {report['load_before']}, after {load_average()}")
    if json_out:
        Path(json_out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
