"""A full disk or a lost connection is not the document's fault: nothing is recorded as a
failure, the next run stores the document (issue 14: the README promises it completes them).
Once with an injected OSError, once with a real full disk (a small tmpfs)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from realpolitik.store import open_store
from realpolitik.store.ingest import ingest, is_transient
from realpolitik.store.testing import EXAMPLES

TEXT = "Vietnam and the Philippines signed a coast guard agreement in Hanoi on Monday.\n"


class FullDisk:
    """The store, with add_analysis failing as a full disk does (injected OSError)."""

    def __init__(self, store):
        self._store = store

    def add_analysis(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_disk_full_is_retried_next_run_not_recorded(store, tmp_path, pipeline):
    note = tmp_path / "note.txt"
    note.write_text(TEXT, encoding="utf-8")
    first = ingest(FullDisk(store), [str(note)], pipeline=pipeline)
    assert first.failed == 1 and store.failures() == [] and store.counts()["documents"] == 0
    second = ingest(store, [str(note)], pipeline=pipeline)
    assert second.added == 1 and second.skipped_failed == 0
    assert store.counts()["documents"] == 1


def test_what_counts_as_transient():
    assert is_transient(OSError(errno.ENOSPC, "No space left on device"))
    assert is_transient(RuntimeError("IO Error: Could not write file: No space left on device"))
    assert is_transient(type("OperationalError", (Exception,), {})("server closed the connection unexpectedly"))
    assert not is_transient(ValueError("document text is not valid"))


# -- a real full disk: a small tmpfs (needs root and mount; skipped otherwise) -------------

@pytest.fixture()
def small_disk(tmp_path) -> Iterator[Path]:
    """A 64 MB tmpfs mounted for this test only (umounted after, even on failure)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount/umount command here")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip() or mounted.returncode}")
    try:
        yield disk
    finally:
        if subprocess.run(["umount", str(disk)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def fill_leaving(disk: Path, room: int) -> Path:
    """A filler file that leaves about `room` bytes free on `disk`."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as f:
        f.truncate(0)
        chunk = b"\0" * (1 << 20)
        left = free - room
        while left > 0:
            left -= f.write(chunk[: min(len(chunk), left)])
    return filler


def ingest_cli(db: Path, folder: Path) -> tuple[int, list[tuple[str, str]], str]:
    """`realpolitik ingest folder -v` in its own process: exit code, (outcome, path) lines, stderr."""
    run = subprocess.run([sys.executable, "-c", "from realpolitik.cli import main; main()", "ingest", str(folder),
                          "--db", str(db), "-v", "-q"], capture_output=True, text=True, timeout=600,
                         env={**os.environ, "REALPOLITIK_BATCH_SIZE": "4"})
    lines = [tuple(line.split("\t")[:2]) for line in run.stdout.splitlines() if "\t" in line]
    return run.returncode, lines, run.stderr  # type: ignore[return-value]


def notes(folder: Path, copies: range) -> None:
    """Distinct documents: each example text with a numbered closing line."""
    folder.mkdir(exist_ok=True)
    for i in copies:
        for f in sorted(EXAMPLES.glob("*.txt")):
            text = f.read_text(encoding="utf-8") + f"\nThis is copy {i} of the report.\n"
            (folder / f"{i:02d}-{f.name}").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_a_disk_that_fills_mid_ingest_loses_nothing_and_the_next_run_completes(small_disk, tmp_path):
    db = small_disk / "store.duckdb"
    folder = tmp_path / "inbox"
    notes(folder, range(1))
    code, first, err = ingest_cli(db, folder)
    assert code == 0 and {o for o, _ in first} == {"added"}, err

    notes(folder, range(1, 3))                    # two more copies arrive; the disk has ~100 KB left
    filler = fill_leaving(small_disk, 100 * 1024)
    code, second, err = ingest_cli(db, folder)
    added = {p for o, p in second if o == "added"}
    not_stored = {p for o, p in second if o == "failed"}
    assert code == 1 and added and not_stored, f"the disk did not fill mid-run: {second} {err}"
    assert "No space left on device" in err and "the next run tries it again" in err

    with open_store(str(db), read_only=True) as store:        # nothing stored is lost
        assert store.check() == [] and store.failures() == []
        kept = {d["path"] for d in store.documents(limit=None)}
    assert {p for _, p in first} | added == kept

    filler.unlink()                               # space is freed: the next run completes them
    code, third, err = ingest_cli(db, folder)
    assert code == 0, err
    assert {p for o, p in third if o == "added"} == not_stored
    assert not any(o == "skipped" for o, _ in third)

    reference = tmp_path / "one-go.duckdb"
    ingest_cli(reference, folder)
    with open_store(str(db), read_only=True) as resumed, open_store(str(reference), read_only=True) as whole:
        assert resumed.check() == []
        assert resumed.counts() == whole.counts()
        assert ([(e["doc"], e["id"]) for e in resumed.events(limit=None)]
                == [(e["doc"], e["id"]) for e in whole.events(limit=None)])
