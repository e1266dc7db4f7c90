"""The contract's types: round trip, validation of offsets, the JSON Schema."""

from __future__ import annotations

import json

import pytest

from realpolitik import schema
from realpolitik.schema import Analysis, Document, content_id


def _doc(text: str) -> Document:
    return Document(id=content_id(text), text=text, published="2024")


def test_content_id_is_stable_and_depends_only_on_text():
    assert content_id("Kyiv") == content_id("Kyiv")
    assert content_id("Kyiv") != content_id("Kiev")
    assert content_id("Kyiv").startswith("sha256:")


def test_round_trip_through_json(tmp_path):
    d = _doc("Ankara hosted the talks.")
    a = Analysis(documents=[d], actors=[schema.Actor(id="TUR", name="Turkey", kind="state", country="TUR",
                                                      mentions=[schema.Mention(doc=d.id, start=0, end=6, text="Ankara")])])
    path = tmp_path / "a.json"
    schema.write(a, path)
    back = schema.read(path)
    assert back.to_dict() == a.to_dict()
    assert json.loads(path.read_text())["schema"] == "realpolitik.analysis/1"


def test_spans_outside_the_document_are_rejected():
    d = _doc("short")
    bad = Analysis(documents=[d], times=[schema.TimeExpr(doc=d.id, span=schema.Span(start=0, end=99), text="x", value=None)])
    with pytest.raises(ValueError, match="outside document"):
        schema.validate(bad.to_dict())


def test_unknown_schema_version_is_refused():
    with pytest.raises(ValueError, match="unknown schema"):
        schema.validate({"schema": "realpolitik.analysis/0"})


def test_merge_combines_actors_by_id_across_documents():
    d1, d2 = _doc("Oslo spoke."), _doc("Oslo replied.")
    m1 = schema.Mention(doc=d1.id, start=0, end=4, text="Oslo")
    m2 = schema.Mention(doc=d2.id, start=0, end=4, text="Oslo")
    a1 = Analysis(documents=[d1], actors=[schema.Actor(id="NOR", name="Norway", kind="state", mentions=[m1])])
    a2 = Analysis(documents=[d2], actors=[schema.Actor(id="NOR", name="Norway", kind="state", country="NOR", mentions=[m2])])
    merged = schema.merge([a1, a2])
    assert len(merged.actors) == 1
    assert merged.actors[0].country == "NOR" and len(merged.actors[0].mentions) == 2
    schema.validate(merged.to_dict())


def test_json_schema_describes_the_contract():
    js = schema.json_schema()
    assert js["$id"] == "realpolitik.analysis/1"
    props = js["properties"]
    for key in ("schema", "documents", "actors", "events", "claims", "quantities", "times", "interests"):
        assert key in props
    jsonschema = pytest.importorskip("jsonschema")
    d = _doc("Seoul and Tokyo met.")
    jsonschema.validate(Analysis(documents=[d]).to_dict(), js)
