"""What runs on the workers, called directly (no Ray needed): reading with the one-process
skips, the actor's pass-through, and the Parquet rows."""

from __future__ import annotations

import json

import pytest

from realpolitik.cluster import rows, tasks
from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.sources import inputs
from realpolitik.schema import Analysis, Document, content_id
from realpolitik.store.batches import Known, SkippedFailed

TEXTS = {
    "a-talks.txt": "Title: Talks\nPublished: 2021-04-12\n\nEgypt hosted talks between Sudan's generals in Cairo.\n",
    "b-grain.txt": "Turkey and the United Nations agreed to extend the grain corridor for 120 days.\n",
    "c-aid.txt": "Published: 2019\n\nNorway pledged $50 million in aid to Mozambique after the cyclone.\n",
}


@pytest.fixture
def listing(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lines = "\n".join(json.dumps({"text": f"Line {n}: Ghana and Togo opened a new border post at Aflao."})
                      for n in range(40))
    (tmp_path / "d-feed.jsonl").write_text(lines + "\n", encoding="utf-8")
    entries = list(inputs([str(tmp_path), str(tmp_path / "nothing.txt")]))
    return rows.table([(n, 0, e) for n, e in enumerate(entries)])


def read_all(listing, **known):
    found = []
    for table in tasks.read_inputs(listing, Overrides(), 1 << 20, "/", **known):
        assert table.num_rows <= tasks.READ_ROWS_PER_TABLE  # a big file streams in small tables
        found += rows.unpack(table)
    return found


def test_reading_keeps_input_order_and_numbers_items_within_a_file(listing):
    found = read_all(listing)
    assert [(f, i) for f, i, _ in found] == [(0, 0), (1, 0), (2, 0)] + [(3, n) for n in range(40)] + [(4, 0)]
    assert isinstance(found[-1][2], IngestFailure) and found[-1][2].reason == "no such file or folder"
    assert found[3][2].path.endswith("d-feed.jsonl:1")


def test_known_content_and_paths_that_failed_before_are_marked_not_read_again(listing):
    first = read_all(listing)
    grain, aid = first[1][2], first[2][2]
    found = read_all(listing, known_ids=frozenset({grain.id}), known_failed=frozenset({aid.path}))
    assert found[1][2] == Known(grain)
    assert found[2][2] == SkippedFailed(aid.path)
    assert isinstance(found[0][2], Document)


def test_the_actor_analyses_documents_and_failures_in_place_and_passes_the_rest(listing):
    items = [x for _, _, x in read_all(listing)][:4]
    items[1] = Known(items[1])
    items.insert(2, IngestFailure("broken.txt", "binary file"))
    analyzer = tasks.Analyzer(tasks.Config.from_env())
    out = [x for _, _, x in rows.unpack(analyzer(rows.table([(n, 0, x) for n, x in enumerate(items)])))]
    assert [type(x).__name__ for x in out] == ["Analysis", "Known", "IngestFailure", "Analysis", "Analysis"]
    assert out[1] is not items[1] and out[1] == items[1] and out[2] == items[2]
    assert out[0].documents[0] == items[0]
    assert {"EGY", "SDN"} <= {a.id for a in out[0].actors}


def test_parquet_rows_carry_the_contract_json_and_the_month(listing):
    doc = Document(id=content_id("x"), text="x", path="x.txt", published="2021-04-12")
    undated = Document(id=content_id("y"), text="y", path="y.txt")
    yearly = Document(id=content_id("z"), text="z", path="z.txt", published="2019")
    batch = rows.table([(0, 0, Analysis(documents=[doc])), (1, 0, IngestFailure("w.txt", "empty")),
                        (2, 0, Analysis(documents=[undated])), (3, 0, Analysis(documents=[yearly]))])
    out = tasks.output_rows(batch, "run-1").to_pylist()
    assert [r["published_month"] for r in out] == ["2021-04", "failed", "unknown", "2019"]
    assert [r["kind"] for r in out] == ["analysis", "failure", "analysis", "analysis"]
    assert Analysis.model_validate(json.loads(out[0]["analysis"])) == Analysis(documents=[doc])
    assert (out[1]["path"], out[1]["reason"], out[1]["analysis"]) == ("w.txt", "empty", None)
    assert {r["run"] for r in out} == {"run-1"}


def test_the_actor_reads_one_document_files_itself_with_the_same_skips(listing):
    single = rows.table([(f, i, e) for f, i, e in rows.unpack(listing)
                         if not tasks.holds_many_documents(e)])  # the three texts and the missing path
    read = read_all(single)
    grain, aid = read[1][2], read[2][2]
    reading = {"overrides": Overrides(), "max_bytes": 1 << 20, "root": "/",
               "known_ids": frozenset({grain.id}), "known_failed": frozenset({aid.path})}
    out = rows.unpack(tasks.Analyzer(tasks.Config.from_env(), reading)(single))
    assert [(f, i) for f, i, _ in out] == [(f, i) for f, i, _ in read]
    assert [type(x).__name__ for _, _, x in out] == ["Analysis", "Known", "SkippedFailed", "IngestFailure"]
    assert out[0][2].documents[0] == read[0][2]
    assert out[1][2] == Known(grain) and out[2][2] == SkippedFailed(aid.path)
    assert out[3][2].reason == "no such file or folder"


def test_only_files_that_may_hold_many_documents_get_read_tasks(tmp_path):
    names = ["a.txt", "b.html", "c.md", "d.jsonl", "e.NDJSON", "f.json", "g.parquet"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    many = {e[0].rsplit("/", 1)[-1] for e in inputs([str(tmp_path)]) if tasks.holds_many_documents(e)}
    assert many == {"d.jsonl", "e.NDJSON", "f.json", "g.parquet"}
    assert not tasks.holds_many_documents(IngestFailure("gone.jsonl", "no such file or folder"))
