"""The contract writer lays items out exactly as json.dumps(indent=1) does, with its own
encoder (json's indented one is pure Python and slow): the same characters, whatever the item."""

from __future__ import annotations

import json

import pytest

from realpolitik.jsonout import _item


def _reference(obj) -> str:
    return "  " + json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n  ")


@pytest.mark.parametrize("obj", [
    {},
    {"a": []},
    {"a": {}, "b": [{}], "c": [[], [1, [2, []]]]},
    {"text": "Xi \u2013 \u201cPutin\u201d said: \"no\"\n\ttab \\ slash / \u0000 \u2028 \U0001F600 caf\u00e9"},
    {"n": 0, "neg": -17, "big": 10**30, "t": True, "f": False, "none": None},
    {"x": 0.1, "y": 1e-300, "z": -2.5e300, "w": 3.0, "nan": float("nan"), "inf": float("inf"), "ninf": float("-inf")},
    {"tuple": (1, "two", (3.5, None)), "nested": {"deep": {"deeper": [True, {"k": "v"}]}}},
    {"unicode key \u00e9": 1, "": ""},
])
def test_items_are_laid_out_as_json_dumps_indent_1(obj):
    assert _item(obj) == _reference(obj)


def test_what_model_dump_does_not_give_falls_back_to_json():
    assert _item({1: "int key", "b": [1]}) == _reference({1: "int key", "b": [1]})
    with pytest.raises(TypeError):
        _item({"a": object()})


def test_an_analysis_is_written_as_before(analyze):
    analysis = analyze("China's foreign minister Wang Yi met Russia's Sergei Lavrov in Beijing on 3 May 2024; "
                       "they signed 12 agreements worth $4.5 billion and condemned the sanctions.", published="2024-05-04")
    items = [obj.model_dump(mode="json", by_alias=True)
             for section in ("documents", "actors", "events", "claims", "quantities", "times", "interests")
             for obj in getattr(analysis, section)]
    assert len(items) > 5
    for obj in items:
        assert _item(obj) == _reference(obj)
