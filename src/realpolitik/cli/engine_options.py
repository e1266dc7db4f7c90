"""The options that choose where the analysis runs (`--engine local|ray`), shared by ingest
and analyze, and opening the Ray engine with a clear message when it cannot be used."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from realpolitik.cli import EXIT_NOTHING

if TYPE_CHECKING:
    from realpolitik.cluster.engine import RayEngine
    from realpolitik.config import Config

OBJECT_STORE_MB = 512  # = cluster.engine.OBJECT_STORE_MB (not imported: the CLI loads without Ray)


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--engine, --address, --workers, --object-store-mb."""
    for option in reversed((
        click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                     help="Where the analysis runs: this machine, or a Ray cluster (pip install 'realpolitik[ray]')."),
        click.option("--address", help="With --engine ray: 'auto' (the cluster this machine belongs to) or "
                                       "ray://HOST:10001; default a new local Ray instance."),
        click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
                     help="With --engine ray: analysis actors (one CPU and one spaCy pipeline each)."),
        click.option("--object-store-mb", type=click.IntRange(64), default=OBJECT_STORE_MB, show_default=True,
                     help="With --engine ray: object-store budget of the run; past it readers and workers wait."),
    )):
        command = option(command)
    return command


@contextmanager
def ray_engine(address: str | None, workers: int, config: Config | None, object_store_mb: int) -> Iterator[RayEngine]:
    """The entered Ray engine, or exit 3 saying how to install Ray or reach the cluster."""
    from realpolitik.cluster import RayUnavailable

    try:
        from realpolitik.cluster.engine import RayEngine

        engine = RayEngine(address, workers, config, object_store_mb).__enter__()
    except RayUnavailable as exc:
        click.echo(f"realpolitik: {exc}", err=True)
        sys.exit(EXIT_NOTHING)
    try:
        yield engine
    finally:
        engine.__exit__(None, None, None)
