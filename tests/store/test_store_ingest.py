"""The ingest loop on real files through the real pipeline: idempotent, versioned, failure-tolerant."""

from __future__ import annotations

import json
import shutil

import pytest

from realpolitik.store.ingest import ingest
from realpolitik.store.testing import EXAMPLES


@pytest.fixture
def folder(tmp_path):
    """A copy of part of the example corpus plus bad documents of several kinds."""
    src = tmp_path / "corpus"
    src.mkdir()
    for f in sorted(EXAMPLES.glob("2014-*.txt")) + sorted(EXAMPLES.glob("2022-*.txt")):
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (src / "german.txt").write_text("Die Regierung hat am Montag beschlossen, dass die Verhandlungen mit "
                                    "dem Nachbarland fortgesetzt werden, aber nicht vor dem Sommer.", encoding="utf-8")
    good = {"text": "Russia and China signed an energy agreement in Beijing on Monday.", "published": "2019-06-03"}
    (src / "feed.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    return src


GOOD = 5  # four copied articles and one good JSONL line
BAD = {"empty.txt", "binary.txt", "german.txt", "feed.jsonl:2"}


def test_bad_documents_are_listed_and_the_rest_stored(store, pipeline, folder):
    stats = ingest(store, [str(folder)], pipeline)
    assert (stats.added, stats.failed) == (GOOD, len(BAD))
    assert {f["path"].rsplit("/", 1)[-1] for f in store.failures()} == BAD
    assert all(f["reason"] for f in store.failures())
    assert store.counts()["documents"] == GOOD
    assert store.check() == []


def test_re_ingesting_changes_nothing_and_skips_known_failures(store, pipeline, folder):
    ingest(store, [str(folder)], pipeline)
    before = store.counts()
    stats = ingest(store, [str(folder)], pipeline)
    assert (stats.added, stats.unchanged) == (0, GOOD)
    assert stats.skipped_failed + stats.failed == len(BAD)
    assert store.counts() == before


def test_a_changed_file_is_a_new_version(store, pipeline, folder):
    ingest(store, [str(folder)], pipeline)
    target = folder / "2022-02-no-limits-statement.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nThe talks lasted three hours.\n", encoding="utf-8")
    stats = ingest(store, [str(folder)], pipeline)
    assert (stats.versions, stats.added, stats.unchanged) == (1, 0, GOOD - 1)
    counts = store.counts()
    assert (counts["documents"], counts["versions"]) == (GOOD, GOOD + 1)
    assert store.check() == []


def test_failures_are_retried_only_when_asked(store, pipeline, folder):
    ingest(store, [str(folder)], pipeline)
    (folder / "empty.txt").write_text("Russia and China held naval exercises in the Baltic Sea in July 2017.\n",
                                      encoding="utf-8")
    plain = ingest(store, [str(folder)], pipeline)
    assert plain.added == 0 and store.counts()["documents"] == GOOD
    retried = ingest(store, [], pipeline, retry_failures=True)
    assert retried.added == 1
    assert {f["path"].rsplit("/", 1)[-1] for f in store.failures()} == BAD - {"empty.txt"}


def test_two_processes_store_what_one_process_stores(store, pipeline, folder, tmp_path):
    from realpolitik.store.testing import fresh_store

    ingest(store, [str(folder)], pipeline)
    with fresh_store("duckdb", tmp_path / "two") as other:
        stats = ingest(other, [str(folder)], pipeline, processes=2)
        assert (stats.added, stats.failed) == (GOOD, len(BAD))
        assert other.counts() == store.counts()
        key = lambda e: (e["doc"], e["type"], e["source"] or "", e["target"] or "", e["date"] or "")  # noqa: E731
        assert sorted(map(key, other.events(limit=1000))) == sorted(map(key, store.events(limit=1000)))


def test_feed_rows_sharing_one_url_stay_separate_documents(store, pipeline, tmp_path):
    """A dataset that gives every row its DOI as `url` (the UN General Debate corpus does) but
    names each row with an `id`: one document per id, and a changed text under an id is a
    new version of that document only."""
    doi = "https://doi.org/10.0000/EXAMPLE"
    rows = [{"id": "speech-NOR-2019", "url": doi, "published": "2019-09-25",
             "text": "Norway will keep working for a peaceful and stable Arctic."},
            {"id": "speech-ISL-2019", "url": doi, "published": "2019-09-26",
             "text": "Iceland calls on all states to protect the fish stocks of the North Atlantic."}]
    feed = tmp_path / "debate.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert ingest(store, [str(feed)], pipeline).added == 2
    assert (store.counts()["documents"], store.counts()["versions"]) == (2, 2)
    rows[0]["text"] += " The Arctic Council remains the forum for that work."
    feed.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)), encoding="utf-8")
    stats = ingest(store, [str(feed)], pipeline)
    assert (stats.versions, stats.added, stats.unchanged) == (1, 0, 1)
    assert (store.counts()["documents"], store.counts()["versions"]) == (2, 3)
