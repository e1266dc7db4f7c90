"""What travels between the stages of a Ray run: every kind of object survives as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from realpolitik.cluster import rows
from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis, Document, content_id
from realpolitik.store.batches import Known, SkippedFailed

TEXT = "Kenya and Ethiopia signed a power-sharing deal for the Lake Turkana wind farm."


def a_document(**metadata) -> Document:
    return Document(id=content_id(TEXT), text=TEXT, path="deal.txt", published="2022-03", title="Wind deal",
                    boilerplate=[(0, 5)], metadata=metadata)


def test_every_kind_comes_back_equal_and_in_order():
    doc = a_document(section="business")
    objects = [("deal.txt", Path("/data/deal.txt")), doc, IngestFailure("bad.txt", "binary file"), Known(doc),
               SkippedFailed("old.txt"), Analysis(documents=[doc])]
    table = rows.table([(n, n % 2, obj) for n, obj in enumerate(objects)])
    assert table.column("kind").to_pylist() == ["input", "document", "failure", "known", "skipped", "analysis"]
    back = rows.unpack(table)
    assert [(f, i) for f, i, _ in back] == [(n, n % 2) for n in range(len(objects))]
    assert [obj for _, _, obj in back] == objects
    assert back[1][2].boilerplate == [(0, 5)]  # tuples, as the model holds them, not JSON lists


def test_an_analysis_travels_as_its_contract_json():
    analysis = Analysis(documents=[a_document(rank=2)])
    kind, payload = rows.encode(analysis)
    assert kind == "analysis"
    assert json.loads(payload) == analysis.to_dict()
    assert json.loads(payload)["schema"] == analysis.schema_


def test_what_arrives_writes_the_same_contract_json_as_what_left():
    # a NaN in a metadata column (a Parquet float) has no JSON literal: the contract writes
    # null for it in one process too, so the travelled object must write exactly that
    doc = a_document(score=float("nan"), ranks=(1, 2))
    back = rows.unpack(rows.table([(0, 0, Analysis(documents=[doc]))]))[0][2]
    assert back.to_dict() == Analysis(documents=[doc]).to_dict()
    assert back.documents[0].metadata == {"score": None, "ranks": [1, 2]}
