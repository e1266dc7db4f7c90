"""An ingest killed with SIGKILL mid-run leaves a consistent store that the next run completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from realpolitik.store import open_store
from realpolitik.store.testing import EXAMPLES

pytestmark = pytest.mark.slow


def make_corpus(folder: Path, copies: int) -> int:
    """Many distinct documents: each example text with a numbered closing line."""
    folder.mkdir()
    n = 0
    for i in range(copies):
        for f in sorted(EXAMPLES.glob("*.txt")):
            text = f.read_text(encoding="utf-8") + f"\nThis is copy {i} of the report.\n"
            (folder / f"{i:02d}-{f.name}").write_text(text, encoding="utf-8")
            n += 1
    return n


def run_ingest(location: str, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "REALPOLITIK_DB": location, "REALPOLITIK_BATCH_SIZE": "2"}
    return subprocess.Popen([sys.executable, "-c", "from realpolitik.cli import main; main()", "ingest", str(folder), "-v", "-q"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_ingest_then_resume(location, tmp_path):
    folder = tmp_path / "many"
    total = make_corpus(folder, 4)
    proc = run_ingest(location, folder)
    stored = 0
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while stored < 5 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        stored += line.startswith("added")
    assert stored >= 5, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with open_store(location) as s:
        assert s.check() == []
        partial = s.counts()["documents"]
    assert stored <= partial < total

    again = run_ingest(location, folder)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert out.count("unchanged\t") == partial and out.count("added\t") == total - partial

    # the resumed store equals a store built in one go
    reference = tmp_path / "reference.duckdb"
    one_go = run_ingest(str(reference), folder)
    one_go.communicate(timeout=600)
    with open_store(location) as resumed, open_store(str(reference)) as whole:
        assert resumed.check() == []
        assert resumed.counts() == whole.counts()
        assert ([(e["doc"], e["id"]) for e in resumed.events(limit=None)]
                == [(e["doc"], e["id"]) for e in whole.events(limit=None)])
