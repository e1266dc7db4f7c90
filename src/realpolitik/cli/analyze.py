"""`realpolitik analyze` and `realpolitik schema`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import ExitStack, nullcontext
from typing import Any

import click

from realpolitik.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from realpolitik.cli.engine_options import engine_options, ray_engine
from realpolitik.terminal import printable

REPORT_DOCS = 200  # analyses kept for the printed report; the JSON output streams everything


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the contract JSON here ('-' for stdout).")
@click.option("--published", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for every input.")
@click.option("--title", help="Title for every input.")
@click.option("--source", help="Publisher for every input.")
@click.option("--model", help="spaCy pipeline to use (default from REALPOLITIK_MODEL).")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Refuse documents larger than this many bytes.")
@click.option("--quiet", "-q", is_flag=True, help="No report, only errors.")
@click.option("--processes", "-p", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (results identical to one process, in input order).")
@engine_options
def analyze(paths: tuple[str, ...], json_out: str | None, published: str | None, title: str | None,
            source: str | None, model: str | None, max_bytes: int | None, quiet: bool,
            processes: int, engine: str, address: str | None, workers: int, object_store_mb: int) -> None:
    """Analyse PATHS (files, folders, JSONL, '-' for stdin) and report what they say.

    \b
    Exit codes: 0 all inputs analysed; 1 some inputs failed (named on stderr), the rest
    analysed; 2 usage error; 3 nothing could be analysed or the model is missing.
    """
    from realpolitik import parallel, schema
    from realpolitik.config import Config
    from realpolitik.dates import NOT_ABSOLUTE, normalize_published
    from realpolitik.ingest import Overrides, iter_documents
    from realpolitik.nlp import ModelNotFound
    from realpolitik.pipeline import Pipeline
    from realpolitik.report import print_report

    if published is not None:
        norm = normalize_published(published)
        if norm is None:
            raise click.BadParameter(f"{published!r} {NOT_ABSOLUTE}", param_hint="--published")
        published = norm
    if engine == "ray" and processes > 1:
        raise click.UsageError("--processes is for the local engine; with --engine ray use --workers")
    if engine == "ray" and "-" in paths:
        raise click.UsageError("--engine ray reads files and folders, not stdin ('-')")
    config = Config.from_env(model=model, max_bytes=max_bytes)
    try:
        pipeline = Pipeline(config) if engine == "local" else None
    except ModelNotFound as exc:
        click.echo(f"realpolitik: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    # Streaming: each result goes to the JSON writer (spilled to disk) as it comes; only the
    # first REPORT_DOCS analyses are kept, for the printed report.
    parts: list[schema.Analysis] = []
    report = not quiet and json_out != "-"
    overrides = Overrides(published, title, source)
    with ExitStack() as stack:
        if pipeline is not None:
            results = parallel.analyze_stream(iter_documents(paths, overrides, config.max_bytes), processes,
                                              pipeline=pipeline)
        else:
            cluster = stack.enter_context(ray_engine(address, workers, config, object_store_mb))
            results = cluster.results(paths, overrides, config.max_bytes)
        analysed, failures = _write_results(results, json_out, parts, report, quiet)
    if report:
        if analysed > REPORT_DOCS:
            click.echo(f"realpolitik: the report covers the first {REPORT_DOCS} of {analysed} documents"
                       + ("; the JSON has them all" if json_out else "; use --json for all"), err=True)
        print_report(schema.merge(parts))
    if not analysed:
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_PARTIAL if failures else EXIT_OK)


def _write_results(results: Iterable[Any], json_out: str | None, parts: list[Any], report: bool,
                   quiet: bool) -> tuple[int, int]:
    """Stream results to the JSON writer and keep the report's share; (analysed, failures)."""
    from realpolitik.ingest import IngestFailure
    from realpolitik.jsonout import AnalysisWriter
    from realpolitik.progress import progress_bar

    failures = analysed = 0
    with AnalysisWriter(json_out) if json_out else nullcontext() as writer, \
            progress_bar("analysing", quiet=quiet) as advance:
        for result in results:
            if isinstance(result, IngestFailure):
                failures += 1
                click.echo(f"realpolitik: skipped {printable(result.path)}: {printable(result.reason)}", err=True)
            else:
                analysed += 1
                if writer is not None:
                    writer.add(result)
                if report and analysed <= REPORT_DOCS:
                    parts.append(result)
            advance(1)
    return analysed, failures


@main.command(name="schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the analysis contract."""
    from realpolitik.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
