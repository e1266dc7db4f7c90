"""Opening a DuckDB store beside other processes: read-only beside readers, a wait for a
writer to finish, and a message naming the holder when the wait runs out (issue 15)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.store import StoreBusy, open_store
from realpolitik.store.base import STORE_VERSION


@contextmanager
def held_by_another_process(path: str, read_only: bool, seconds: float = 60) -> Iterator[subprocess.Popen]:
    """Another process with the file open (read-only or read-write) for `seconds`, or until the block ends."""
    code = (f"import duckdb, sys, time; c = duckdb.connect({path!r}, read_only={read_only}); "
            f"print('held', flush=True); time.sleep({seconds}); c.close()")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held", proc.stderr
        yield proc
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture()
def db(tmp_path) -> str:
    path = str(tmp_path / "store.duckdb")
    with open_store(path) as store:
        store.record_failure("/inbox/broken.txt", "not English")
    return path


def test_a_read_only_store_reads_beside_another_reading_process(db):
    with held_by_another_process(db, read_only=True), open_store(db, read_only=True) as store:
        assert [f["path"] for f in store.failures()] == ["/inbox/broken.txt"]


def test_a_read_only_store_does_not_write(db):
    with open_store(db, read_only=True) as store, pytest.raises(Exception, match="read-only"):
        store.record_failure("/inbox/other.txt", "empty")


def test_a_writer_is_refused_with_who_holds_it_when_it_does_not_wait(db):
    with held_by_another_process(db, read_only=True), pytest.raises(StoreBusy) as refused:
        open_store(db)
    assert "another process has it open" in str(refused.value)
    assert "REALPOLITIK_STORE_IDLE" in str(refused.value)   # what the analyst can do about it


def test_a_reader_is_told_another_process_is_writing(db):
    with held_by_another_process(db, read_only=False), pytest.raises(StoreBusy) as refused:
        open_store(db, read_only=True, wait=0.3)
    assert "another process is writing to it (waited 0.3 s)" in str(refused.value)


def test_a_writer_waits_for_a_reader_that_lets_go(db):
    with held_by_another_process(db, read_only=True, seconds=1.0):
        start = time.monotonic()
        with open_store(db, wait=30) as store:
            store.record_failure("/inbox/other.txt", "empty")
        assert time.monotonic() - start < 30
    with open_store(db, read_only=True) as store:
        assert len(store.failures()) == 2


def test_read_only_on_a_missing_file_creates_the_store_first(tmp_path):
    path = tmp_path / "new" / "store.duckdb"
    with open_store(str(path), read_only=True) as store:
        assert store.schema_version() == STORE_VERSION and store.counts()["documents"] == 0
    assert path.exists()


def test_cli_reading_command_says_who_to_wait_for_while_another_process_writes(db, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_LOCK_WAIT", "0.2")
    with held_by_another_process(db, read_only=False):
        result = CliRunner().invoke(main, ["failures", "--db", db])
    assert result.exit_code == 3
    assert "another process is writing to it" in result.output


def test_cli_reading_commands_run_beside_another_reader(db):
    with held_by_another_process(db, read_only=True):
        result = CliRunner().invoke(main, ["failures", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert "/inbox/broken.txt" in result.output
