"""Loading `--out parquet://DIR` into a store (no Ray needed: the folder is written here the
way the workers write it, hive-partitioned by month, files in no particular order)."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.cluster import parquet, rows, tasks
from realpolitik.ingest import IngestFailure
from realpolitik.store import open_store
from realpolitik.store.batches import store_batches
from realpolitik.store.ingest import IngestStats


def write_folder(folder, run, items):
    """items -> Parquet under folder/published_month=…/, one file per item, in reverse order."""
    table = tasks.output_rows(rows.table([(n, 0, x) for n, x in enumerate(items)]), run)
    for n in reversed(range(table.num_rows)):
        pq.write_to_dataset(table.slice(n, 1), str(folder), partition_cols=["published_month"],
                            basename_template=f"{run}-{n}-{{i}}.parquet")


def contract(store) -> str:
    return json.dumps(store.to_analysis().to_dict(), sort_keys=True)


@pytest.fixture
def control(corpus, tmp_path):
    with open_store(str(tmp_path / "control.duckdb")) as store:
        store_batches(store, corpus, IngestStats())
        yield store


def test_a_loaded_folder_equals_the_analyses_stored_directly(store, corpus, control, tmp_path):
    folder = tmp_path / "out"
    write_folder(folder, "20260101T000000Z-a", [*corpus[:5], IngestFailure("bad.txt", "binary file")])
    write_folder(folder, "20260102T000000Z-b", [corpus[3], *corpus[5:]])  # corpus[3] written twice
    assert {p.name for p in folder.iterdir()} >= {"published_month=failed", "published_month=2014-05"}
    stats = store_batches(store, parquet.results(f"parquet://{folder}"), IngestStats())
    assert (stats.added, stats.unchanged, stats.failed) == (len(corpus), 1, 1)
    assert contract(store) == contract(control)
    assert [f["path"] for f in store.failures()] == ["bad.txt"]
    assert store.check() == []


def test_the_cli_loads_a_folder_and_refuses_an_empty_one(corpus, tmp_path):
    folder = tmp_path / "out"
    write_folder(folder, "20260101T000000Z-a", corpus[:3])
    db = str(tmp_path / "loaded.duckdb")
    result = CliRunner().invoke(main, ["ingest", f"parquet://{folder}", "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 stored (3 new" in result.output
    again = CliRunner().invoke(main, ["ingest", f"parquet://{folder}", "--db", db])
    assert "0 stored" in again.output and "3 unchanged" in again.output
    empty = CliRunner().invoke(main, ["ingest", f"parquet://{tmp_path / 'nothing'}", "--db", db])
    assert empty.exit_code == 3 and "no Parquet files here" in empty.output


def test_parquet_out_needs_the_ray_engine_and_a_parquet_location(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Chile and Peru met in Lima.\n", encoding="utf-8")
    no_engine = CliRunner().invoke(main, ["ingest", str(article), "--out", f"parquet://{tmp_path}/o"])
    assert no_engine.exit_code == 2 and "add --engine ray" in no_engine.output
    wrong = CliRunner().invoke(main, ["ingest", str(article), "--engine", "ray", "--out", str(tmp_path)])
    assert wrong.exit_code == 2 and "give parquet://DIR" in wrong.output
