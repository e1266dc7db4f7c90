"""`realpolitik analyze` and `realpolitik schema`."""

from __future__ import annotations

import json
import sys

import click

from realpolitik.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the contract JSON here ('-' for stdout).")
@click.option("--published", help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for every input.")
@click.option("--title", help="Title for every input.")
@click.option("--source", help="Publisher for every input.")
@click.option("--model", help="spaCy pipeline to use (default from REALPOLITIK_MODEL).")
@click.option("--max-bytes", type=int, help="Refuse documents larger than this many bytes.")
@click.option("--quiet", "-q", is_flag=True, help="No report, only errors.")
def analyze(paths: tuple[str, ...], json_out: str | None, published: str | None, title: str | None,
            source: str | None, model: str | None, max_bytes: int | None, quiet: bool) -> None:
    """Analyse PATHS (files, folders, JSONL, '-' for stdin) and report what they say.

    \b
    Exit codes: 0 all inputs analysed; 1 some inputs failed (named on stderr), the rest
    analysed; 2 usage error; 3 nothing could be analysed or the model is missing.
    """
    from realpolitik import schema
    from realpolitik.config import Config
    from realpolitik.dates import normalize_published
    from realpolitik.ingest import IngestFailure, Overrides, iter_documents
    from realpolitik.nlp import ModelNotFound
    from realpolitik.pipeline import Pipeline
    from realpolitik.progress import progress_bar
    from realpolitik.report import print_report

    if published is not None:
        norm = normalize_published(published)
        if norm is None:
            raise click.BadParameter(f"{published!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", param_hint="--published")
        published = norm
    config = Config.from_env(model=model, max_bytes=max_bytes)
    try:
        pipeline = Pipeline(config)
    except ModelNotFound as exc:
        click.echo(f"realpolitik: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    failures: list[IngestFailure] = []
    parts: list[schema.Analysis] = []
    items = iter_documents(paths, Overrides(published, title, source), config.max_bytes)
    with progress_bar("analysing", quiet=quiet) as advance:
        for result in pipeline.analyze_stream(items):
            if isinstance(result, IngestFailure):
                failures.append(result)
                click.echo(f"realpolitik: skipped {result.path}: {result.reason}", err=True)
            else:
                parts.append(result)
            advance(1)
    analysis = schema.merge(parts)
    if json_out == "-":
        json.dump(analysis.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif json_out:
        schema.write(analysis, json_out)
    if not quiet and json_out != "-":
        print_report(analysis)
    if not parts:
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_PARTIAL if failures else EXIT_OK)


@main.command(name="schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the analysis contract."""
    from realpolitik.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
