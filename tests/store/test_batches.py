"""A batch per transaction: a failed batch is retried whole and never leaves a row twice."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from realpolitik.ingest import IngestFailure
from realpolitik.store import open_store
from realpolitik.store.batches import Known, SkippedFailed, store_batches
from realpolitik.store.ingest import IngestStats


class ConnectionLost(Exception):
    """What a dropped server connection looks like to is_transient (psycopg's class name)."""


ConnectionLost.__name__ = "OperationalError"


class Flaky:
    """The store, with one injected failure: the Nth add_analysis writes, then raises `error`;
    `after_commit` instead lets the first batch commit and raises as its COMMIT returns."""

    def __init__(self, store, fail_on: int | None = None, error: Exception | None = None, times: int = 1,
                 after_commit: bool = False, refuse: str | None = None):
        self._store = store
        self.calls = 0
        self.fail_on, self.error, self.times, self.after_commit, self.refuse = fail_on, error, times, after_commit, refuse

    def add_analysis(self, analysis, reanalyse=False):
        self.calls += 1
        if self.refuse and analysis.documents[0].id == self.refuse:
            raise ValueError("the store refuses this document")
        added = self._store.add_analysis(analysis, reanalyse=reanalyse)
        if self.fail_on is not None and self.calls >= self.fail_on and self.times > 0:
            self.times -= 1
            raise self.error
        return added

    @contextmanager
    def transaction(self):
        with self._store.transaction():
            yield
        if self.after_commit and self.times > 0:
            self.times -= 1
            raise ConnectionLost("server closed the connection unexpectedly")

    def __getattr__(self, name):
        return getattr(self._store, name)


def control_counts(corpus, tmp_path) -> dict[str, int]:
    """The counts of the same analyses stored one per transaction, without any failure."""
    with open_store(str(tmp_path / "control.duckdb")) as control:
        for a in corpus:
            control.add_analysis(a)
        return control.counts()


@pytest.fixture
def eight(corpus):
    return corpus[:8]


def test_a_batch_that_fails_midway_is_rolled_back_and_retried(store, eight, tmp_path):
    flaky = Flaky(store, fail_on=3, error=ConnectionLost("server closed the connection unexpectedly"))
    stats = store_batches(flaky, eight, IngestStats(), batch_docs=5, pause=0)
    # the two documents written before the error were rolled back: the retry adds them again
    assert (stats.added, stats.unchanged, stats.failed) == (8, 0, 0)
    assert store.counts() == control_counts(eight, tmp_path)
    assert store.check() == []


def test_a_batch_whose_commit_went_through_is_not_stored_twice(store, eight, tmp_path):
    stats = store_batches(Flaky(store, after_commit=True), eight, IngestStats(), batch_docs=5, pause=0)
    assert (stats.added, stats.unchanged, stats.failed) == (3, 5, 0)  # the retry found batch 1 stored
    assert store.counts() == control_counts(eight, tmp_path)
    assert store.check() == []


def test_a_store_down_past_the_retries_records_nothing(store, eight):
    down = Flaky(store, fail_on=1, error=ConnectionLost("connection refused"), times=10**6)
    stats = store_batches(down, eight[:3], IngestStats(), batch_docs=5, retries=2, pause=0)
    assert stats.failed == 3 and all("not stored this time" in f.reason for f in stats.failures)
    assert store.counts()["documents"] == 0 and store.failures() == []  # the next run stores them


def test_a_document_the_store_refuses_is_recorded_and_the_rest_kept(store, eight):
    bad = eight[2].documents[0]
    stats = store_batches(Flaky(store, refuse=bad.id), eight, IngestStats(), batch_docs=5, pause=0)
    assert (stats.added, stats.failed) == (7, 1)
    assert [f["path"] for f in store.failures()] == [bad.path]
    assert store.counts()["documents"] == 7 and store.check() == []


def test_failures_known_and_skipped_documents_in_a_batch(store, eight):
    store_batches(store, eight[:2], IngestStats())
    seen: list[tuple[str, str]] = []
    items = [Known(eight[0].documents[0]), IngestFailure("broken.txt", "binary file"),
             SkippedFailed("old.txt"), eight[2]]
    stats = store_batches(store, items, IngestStats(), lambda outcome, path, detail: seen.append((outcome, path)))
    assert (stats.unchanged, stats.failed, stats.skipped_failed, stats.added) == (1, 1, 1, 1)
    assert [o for o, _ in seen] == ["unchanged", "failed", "skipped", "added"]
    assert [f["path"] for f in store.failures()] == ["broken.txt"]
    assert store.counts()["documents"] == 3
