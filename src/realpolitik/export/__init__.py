"""Exports: the store's corrected view of the corpus in the formats other tools read.

Built-in formats register themselves with `@exporter`, exactly as a third party's would.
Every exporter reads through the Store's query methods, so rejected extractions, resolved
and merged actors and superseded document versions are honoured in every format. Exporters
that aggregate relations (registered with `levels=True`, as graphml) also take `level`:
"state" counts people and organs as their state or organisation, "actor" each actor alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from realpolitik.store.base import Store

ExportFn = Callable[[Store, Path], list[Path]]

DEFAULT_EXPORTERS = (
    "realpolitik.export.contract",
    "realpolitik.export.tables",
    "realpolitik.export.graphml",
    "realpolitik.export.gdelt",
    "realpolitik.export.ftm",
)


@dataclass(frozen=True)
class Exporter:
    name: str
    fn: ExportFn
    help: str
    directory: bool  # writes several files into a folder rather than one file
    levels: bool = False  # takes level="state"|"actor" (aggregates relations between actors)


REGISTRY: dict[str, Exporter] = {}


def exporter(name: str, help: str, directory: bool = False, levels: bool = False) -> Callable[[ExportFn], ExportFn]:
    def register(fn: ExportFn) -> ExportFn:
        REGISTRY[name] = Exporter(name, fn, help, directory, levels)
        return fn

    return register


def exporters() -> dict[str, Exporter]:
    for module in DEFAULT_EXPORTERS:
        importlib.import_module(module)
    return REGISTRY


def export(store: Store, fmt: str, out: str | Path, level: str = "state") -> list[Path]:
    """Write the corpus in `fmt` to `out` (a file, or a folder for table formats); return the files.

    `level` applies to formats that aggregate relations (graphml); per-event formats ignore it."""
    from realpolitik.analysis.rollup import check_level

    check_level(level)
    found = exporters()
    if fmt not in found:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(sorted(found))}")
    out = Path(out)
    if found[fmt].directory:
        out.mkdir(parents=True, exist_ok=True)
    elif out.parent:
        out.parent.mkdir(parents=True, exist_ok=True)
    if found[fmt].levels:
        return found[fmt].fn(store, out, level=level)  # type: ignore[call-arg]
    return found[fmt].fn(store, out)
