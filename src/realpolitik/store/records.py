"""Typed rows of the store's read side: one dataclass per query, field for field its columns.

The views (store/tables.py) decide what a reader sees; these classes say it in types, so a
notebook gets `row.goldstein` as a float, not `row["goldstein"]` from a dict that may or may
not hold that key. The conformance suite checks, on every backend, that each class has
exactly the columns its query returns, so the two cannot drift apart.

`realpolitik.Corpus` returns these rows; `realpolitik.tabular.Rows` turns them into Arrow
tables and DataFrames with a schema taken from the annotations below.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Self


class RowShapeError(ValueError):
    """A query returned columns its row type does not declare (or lacks declared ones)."""


@dataclass(frozen=True)
class Record:
    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        """The typed row for one query result; a missing column is an error naming it."""
        names = [f.name for f in fields(cls)]
        missing = [n for n in names if n not in row]
        if missing:
            raise RowShapeError(f"{cls.__name__} needs column(s) {', '.join(missing)}; the query returned "
                                f"{', '.join(sorted(row))}")
        return cls(**{n: row[n] for n in names})

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class EventRow(Record):
    """One event as `Store.events` reads it (view v_events): corrections applied."""

    doc: str
    id: str
    type: str  # PLOVER type
    mode: str | None
    contexts: list[str]
    source: str | None  # actor ids after the analyst's corrections
    target: str | None
    machine_source: str | None  # as the pipeline read them
    machine_target: str | None
    date: str | None  # the event's own date (ISO prefix or range), if the text gives one
    dated: str | None  # its date, else its document's publication date
    negated: bool
    hypothetical: bool
    claim: str | None
    status: str  # the carrying claim's status; "asserted" when none
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    confidence: float
    cameo: str | None
    goldstein: float | None
    pattern: str | None
    extra: dict[str, Any]
    publisher: str | None
    published: str | None
    title: str | None
    url: str | None
    path: str | None


@dataclass(frozen=True)
class DyadEventRow(EventRow):
    """An event of a dyad, with the actors that stood for each side and why it was left out
    of the counts if it was (negated, hypothetical, denied)."""

    side_a: str | None = None
    side_b: str | None = None
    left_out: str | None = None


@dataclass(frozen=True)
class ActorRow(Record):
    """One actor as `Store.actors` reads it, with how often the corpus names it."""

    id: str
    name: str
    kind: str
    country: str | None
    org: str | None
    sector: str | None
    role: str | None
    aliases: list[str]
    mentions: int
    documents: int
    events: int


@dataclass(frozen=True)
class ClaimRow(Record):
    """One claim as `Store.claims` reads it (view v_claims)."""

    doc: str
    id: str
    span_start: int
    span_end: int
    text: str
    source: str | None
    machine_source: str | None
    source_text: str | None
    status: str
    cues: list[str]
    quote: bool
    extra: dict[str, Any]
    publisher: str | None
    published: str | None
    title: str | None
    url: str | None
    path: str | None


@dataclass(frozen=True)
class InterestRow(Record):
    """One stated interest as `Store.interests` reads it, with its document's date."""

    actor: str
    rank: int | None
    text: str
    doc: str
    span_start: int
    span_end: int
    published: str | None
    publisher: str | None
    title: str | None


@dataclass(frozen=True)
class DocumentRow(Record):
    """One document version as `Store.documents` lists it (without its text)."""

    id: str
    doc_key: str
    version: int
    is_current: bool
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None
    path: str | None
    url: str | None
    lang: str | None
    ingested_at: datetime


@dataclass(frozen=True)
class DyadPeriodRow(Record):
    """One period of a dyad: events per PLOVER type, their number and the mean Goldstein."""

    period: str  # "2019", "2019-Q2" or "2019-06"
    start: date  # its first day, for plotting on a real time axis
    n: int
    index: float | None  # mean Goldstein of the `scored` events with a score
    scored: int
    agree: int = 0
    consult: int = 0
    support: int = 0
    concede: int = 0
    cooperate: int = 0
    aid: int = 0
    retreat: int = 0
    request: int = 0
    accuse: int = 0
    reject: int = 0
    threaten: int = 0
    protest: int = 0
    sanction: int = 0
    mobilize: int = 0
    coerce: int = 0
    assault: int = 0


@dataclass(frozen=True)
class DyadMemberRow(Record):
    """An actor whose events were counted for one side of a dyad, and how many."""

    side: str
    actor: str
    name: str
    events: int
