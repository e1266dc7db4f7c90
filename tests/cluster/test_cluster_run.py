"""Ingest on Ray (local mode) into each store backend, with an analysis worker killed mid-run:
the job finishes, nothing is lost, nothing is stored twice, and the store holds what one
process stores. Also --out parquet://DIR and loading it."""

from __future__ import annotations

import json
import os
import signal

import psutil
import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.store import open_store
from realpolitik.store.testing import EXAMPLES

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'realpolitik[ray]'")

ANALYZER = "MapBatches(Analyzer)"


def contract(store) -> str:
    return json.dumps(store.to_analysis().to_dict(), sort_keys=True)


def analysis_workers() -> list[psutil.Process]:
    """This test session's Ray actors running tasks.Analyzer (Ray names the process after it)."""
    found = []
    for p in psutil.Process().children(recursive=True):
        try:
            if ANALYZER in " ".join(p.cmdline()):
                found.append(p)
        except psutil.Error:
            continue
    return found


@pytest.fixture(scope="module")
def one_process(tmp_path_factory, pipeline):
    """The bundled corpus (and one missing path) ingested by the one-process loop."""
    from realpolitik.store.ingest import ingest

    path = str(tmp_path_factory.mktemp("local") / "local.duckdb")
    with open_store(path) as store:
        ingest(store, [str(EXAMPLES), "missing.txt"], pipeline=pipeline)
        return contract(store), [f["path"] for f in store.failures()], store.counts()


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(ray_local, store, one_process):
    from realpolitik.cluster.engine import RayEngine
    from realpolitik.cluster.run import ingest

    killed: list[int] = []

    def on_item(outcome: str, path: str, detail: str) -> None:
        if outcome == "added" and not killed:  # the first document is stored: the run is under way
            victims = analysis_workers()
            assert victims, "no analysis actor found to kill"
            killed.append(victims[0].pid)
            os.kill(victims[0].pid, signal.SIGKILL)

    # one text per task and small store batches: many tasks are still to run when the kill lands
    with RayEngine(workers=2, task_texts=1) as engine:
        stats = ingest(store, [str(EXAMPLES), "missing.txt"], engine, on_item=on_item, batch_docs=2)
    expected, failures, counts = one_process
    assert killed
    assert (stats.added, stats.failed, stats.unchanged) == (counts["documents"], 1, 0)
    assert [f["path"] for f in store.failures()] == failures == ["missing.txt"]
    assert store.counts() == counts
    assert store.check() == []
    assert contract(store) == expected


def test_parquet_out_then_load_gives_the_same_store(ray_local, tmp_path, one_process):
    out = f"parquet://{tmp_path / 'out'}"
    written = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "missing.txt", "--engine", "ray", "--out", out])
    assert written.exit_code == 1, written.output  # the missing file
    assert f"{one_process[2]['documents']} analyses and 1 failures written" in written.output
    months = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "published_month=2019-06" in months and "published_month=failed" in months
    db = str(tmp_path / "loaded.duckdb")
    loaded = CliRunner().invoke(main, ["ingest", out, "--db", db])
    assert loaded.exit_code == 1, loaded.output
    with open_store(db) as store:
        assert contract(store) == one_process[0]
        assert [f["path"] for f in store.failures()] == ["missing.txt"]
