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
    DecisionRow,
    DocumentRow,
    DocumentTextRow,
    DyadPeriodRow,
    EventRow,
    FailureRow,
    InterestRow,
    MentionRow,
    QuantityRow,
    RowShapeError,
    StoredDocumentRow,
    TimeRow,
)


@pytest.fixture
def filled(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    store.record_failure("unreadable.pdf", "no text layer")
    store.decide("reject", f"event:{store.events(limit=1)[0].id}", None, "ana", note="not an event")
    return store


def _first_doc(s):
    return s.documents(limit=1)[0].id


QUERIES = [
    (EventRow, lambda s: s.events(limit=None)),
    (ActorRow, lambda s: s.actors(limit=None)),
    (ClaimRow, lambda s: s.claims(limit=None)),
    (QuantityRow, lambda s: s.quantities(limit=None)),
    (InterestRow, lambda s: s.interests(limit=None)),
    (MentionRow, lambda s: s.mentions(limit=None)),
    (TimeRow, lambda s: s.times(limit=None)),
    (DocumentRow, lambda s: s.documents(limit=None)),
    (DocumentTextRow, lambda s: s.documents(limit=None, include_text=True)),
    (StoredDocumentRow, lambda s: [s.document(_first_doc(s))]),
    (FailureRow, lambda s: s.failures()),
    (DecisionRow, lambda s: s.decisions()),
]


@pytest.mark.parametrize("row_type, query", QUERIES, ids=[q[0].__name__ for q in QUERIES])
def test_each_query_returns_its_typed_rows_with_the_declared_types(filled, row_type, query):
    found = query(filled)
    assert found, f"the bundled corpus gives no {row_type.__name__}"
    assert {type(r) for r in found} == {row_type}
    hints = typing.get_type_hints(row_type)
    for typed in found:
        assert set(typed.to_dict()) == set(row_type.columns())
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


def test_a_column_the_row_does_not_declare_is_named():
    """A view that gains a column fails loudly until its row type declares it."""
    row = {"doc": "d", "span_start": 0, "span_end": 4, "text": "2019", "value": "2019"}
    assert TimeRow.from_row(row).value == "2019"
    with pytest.raises(RowShapeError, match="does not declare column.s. precision"):
        TimeRow.from_row({**row, "precision": "year"})


def test_rows_are_frozen_and_read_as_before_while_callers_move_over(filled):
    event = filled.events(limit=1)[0]
    with pytest.raises(AttributeError):
        event.type = "ASSAULT"
    assert event["type"] == event.type and event.get("no such column", "-") == "-"
    assert dict(event) == event.to_dict() and "goldstein" in event
    with pytest.raises(KeyError):
        event["no such column"]


def test_a_dyad_period_counts_every_plover_type():
    counts = [f.name for f in fields(DyadPeriodRow)][5:]
    assert counts == [t.lower() for t in EVENT_TYPES]
