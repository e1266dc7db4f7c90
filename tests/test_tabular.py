"""Rows to Arrow and pandas: the schema comes from the row class, so empty and all-null
columns keep their types; pandas missing gives a message saying how to install it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa
import pytest

from realpolitik.tabular import PandasMissing, Rows, arrow_schema


@dataclass(frozen=True)
class Sample:
    name: str
    score: float | None
    count: int
    tags: list[str]
    extra: dict[str, Any]
    day: date | None
    ok: bool


ROWS = [Sample("a", None, 1, ["x", "y"], {"k": 1}, date(2024, 5, 16), True),
        Sample("b", None, 2, [], {}, None, False)]


def test_the_schema_comes_from_the_annotations_not_the_values():
    table = Rows(Sample, ROWS).to_arrow()
    assert table.schema == pa.schema([("name", pa.string()), ("score", pa.float64()), ("count", pa.int64()),
                                      ("tags", pa.list_(pa.string())), ("extra", pa.string()),
                                      ("day", pa.date32()), ("ok", pa.bool_())])
    assert table.column("extra").to_pylist() == ['{"k": 1}', "{}"]
    assert table.column("tags").to_pylist() == [["x", "y"], []]
    assert Rows(Sample).to_arrow().schema == arrow_schema(Sample) and Rows(Sample).to_arrow().num_rows == 0


def test_rows_are_a_sequence():
    rows = Rows(Sample, ROWS)
    assert len(rows) == 2 and rows[1].name == "b" and [r.count for r in rows] == [1, 2]
    assert isinstance(rows[:1], Rows) and len(rows[:1]) == 1


def test_to_pandas_keeps_the_types():
    pytest.importorskip("pandas")
    df = Rows(Sample, ROWS).to_pandas()
    assert list(df.columns) == ["name", "score", "count", "tags", "extra", "day", "ok"]
    assert str(df["score"].dtype) == "float64" and str(df["count"].dtype) == "int64"


def test_to_pandas_without_pandas_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(PandasMissing, match=r"realpolitik\[pandas\]"):
        Rows(Sample, ROWS).to_pandas()


def test_a_type_arrow_cannot_hold_is_named():
    @dataclass
    class Odd:
        thing: complex

    with pytest.raises(TypeError, match="Odd.thing"):
        arrow_schema(Odd)
