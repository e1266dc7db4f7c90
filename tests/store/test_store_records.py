"""The typed rows beside the views: each row class has exactly its query's columns, on every
backend, and reads the corpus back with the types it declares."""

from __future__ import annotations

import types
import typing
from dataclasses import fields

import pytest

from realpolitik.schema import EVENT_TYPES
from realpolitik.store.records import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    DyadPeriodRow,
    EventRow,
    InterestRow,
    RowShapeError,
)


@pytest.fixture
def filled(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    return store


QUERIES = [
    (EventRow, lambda s: s.events(limit=None)),
    (ActorRow, lambda s: s.actors(limit=None)),
    (ClaimRow, lambda s: s.claims(limit=None)),
    (InterestRow, lambda s: s.interests(limit=None)),
    (DocumentRow, lambda s: s.documents(limit=None)),
]


@pytest.mark.parametrize("row_type, query", QUERIES, ids=[q[0].__name__ for q in QUERIES])
def test_each_row_type_has_exactly_its_querys_columns(filled, row_type, query):
    found = query(filled)
    assert found, f"the bundled corpus gives no {row_type.__name__}"
    assert {tuple(sorted(r)) for r in found} == {tuple(sorted(row_type.columns()))}
    hints = typing.get_type_hints(row_type)
    for r in found:
        typed = row_type.from_row(r)
        for f in fields(row_type):
            value = getattr(typed, f.name)
            want = hints[f.name]
            union = typing.get_origin(want) in (types.UnionType, typing.Union)
            allowed = tuple(typing.get_origin(t) or t for t in (typing.get_args(want) if union else (want,)))
            assert isinstance(value, allowed) or (value is None and type(None) in allowed), (f.name, value)


def test_a_missing_column_is_named():
    with pytest.raises(RowShapeError, match="span_end"):
        InterestRow.from_row({"actor": "CHN", "rank": 1, "text": "x", "doc": "d", "span_start": 0,
                              "published": None, "publisher": None, "title": None})


def test_a_dyad_period_counts_every_plover_type():
    counts = [f.name for f in fields(DyadPeriodRow)][5:]
    assert counts == [t.lower() for t in EVENT_TYPES]
