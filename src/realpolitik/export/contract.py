"""The contract JSON (`realpolitik.analysis/1`): the whole current corpus as `analyze --json` writes it."""

from __future__ import annotations

from pathlib import Path

from realpolitik import schema
from realpolitik.export import exporter
from realpolitik.store.base import Store


@exporter("json", "the analysis contract as one JSON file")
def export_contract(store: Store, out: Path) -> list[Path]:
    schema.write(store.to_analysis(), out)
    return [out]
