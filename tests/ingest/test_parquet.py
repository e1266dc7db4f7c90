"""Parquet tables of texts: one document per row, named file:N, read as JSON objects are."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.ingest import IngestFailure, Overrides, iter_documents
from realpolitik.schema import Document

TEXTS = [
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to settle a fishing dispute.",
    "Kenya sent 400 police officers to Haiti after the Security Council approved the mission.",
    "",
    "Poland asked its allies for more air defence systems along the Belarus border.",
]


def write(path, **columns):
    pq.write_table(pa.table(columns), path, row_group_size=2)
    return str(path)


def test_rows_become_documents_in_order_with_their_metadata(tmp_path):
    path = write(tmp_path / "wire.parquet", text=TEXTS,
                 published=[dt.date(2023, 5, 2), dt.date(2024, 3, 19), None, dt.date(2024, 6, 1)],
                 headline=["Fishing talks", "Haiti mission", "blank", "Air defence"],
                 desk=["americas", "africa", "none", "europe"])
    out = list(iter_documents([path]))
    assert [x.path for x in out] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert isinstance(out[2], IngestFailure) and out[2].reason.startswith("empty")
    first = out[0]
    assert isinstance(first, Document)
    assert (first.text, first.published, first.title) == (TEXTS[0], "2023-05-02", "Fishing talks")
    assert first.metadata == {"desk": "americas"}


def test_a_row_is_read_as_the_same_object_in_jsonl_would_be(tmp_path):
    import json

    row = {"text": TEXTS[1], "published": "2024-03-19", "source": "Nairobi Desk", "url": "https://example.org/h"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    path = write(tmp_path / "feed.parquet", **{k: [v] for k, v in row.items()})
    from_jsonl, = iter_documents([str(tmp_path / "feed.jsonl")])
    from_parquet, = iter_documents([path])
    assert from_parquet.model_copy(update={"path": None}) == from_jsonl.model_copy(update={"path": None})


def test_without_a_text_column_the_file_is_one_failure(tmp_path):
    path = write(tmp_path / "ids.parquet", id=[1, 2], body=["a", "b"])
    out = list(iter_documents([path]))
    assert out == [IngestFailure(path, "no 'text' or 'html' column (columns: id, body)")]


def test_a_row_over_the_size_limit_fails_alone(tmp_path):
    path = write(tmp_path / "big.parquet", text=[TEXTS[0], "word " * 400, TEXTS[3]])
    out = list(iter_documents([path], Overrides(), max_bytes=1000))
    assert [type(x).__name__ for x in out] == ["Document", "IngestFailure", "Document"]
    assert "too large (2,000 bytes > limit 1,000)" in out[1].reason


def test_not_parquet_inside_is_a_failure(tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_bytes(b"PAR1 this is not a parquet footer")
    (failure,) = iter_documents([str(bad)])
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("not a readable Parquet file")
