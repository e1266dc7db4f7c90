"""A full disk or a lost connection is not the document's fault: nothing is recorded as a
failure, the next run stores the document (issue 14: the README promises it completes them)."""

from __future__ import annotations

import errno

from realpolitik.store.ingest import ingest, is_transient

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
