"""Typed rows of the store's read side: one dataclass per query, field for field its columns.

The views (store/tables.py) decide what a reader sees; these classes say it in types, so a
caller gets `row.goldstein` as a float, not `row["goldstein"]` from a dict that may or may
not hold that key. Every `Store` read method returns them (store/sql.py builds each row with
`from_row`, which refuses a column too many or too few), and the conformance suite runs those
queries on every backend, so the classes and the views cannot drift apart.

`realpolitik.Corpus` hands them on; `realpolitik.tabular.Rows` turns them into Arrow tables
and DataFrames with a schema taken from the annotations below; `to_dict()` gives the JSON
the API and `--json` print.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Self


class RowShapeError(ValueError):
    """A query returned columns its row type does not declare (or lacks declared ones)."""


@dataclass(frozen=True)
class Record:
    @classmethod
    def from_row(cls, row: dict[str, Any], **more: Any) -> Self:
        """The typed row for one query result (plus `more` fields the query does not give);
        a missing or an undeclared column is an error naming it."""
        names = cls.columns()
        given = {**row, **more}
        missing = [n for n in names if n not in given and not _has_default(cls, n)]
        unknown = sorted(set(given) - set(names))
        if missing or unknown:
            problems = ([f"needs column(s) {', '.join(missing)}"] if missing else []) + (
                [f"does not declare column(s) {', '.join(unknown)}"] if unknown else [])
            raise RowShapeError(f"{cls.__name__} {' and '.join(problems)}; the query returned "
                                f"{', '.join(sorted(row))}")
        return cls(**given)

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        found = _COLUMNS.get(cls)
        if found is None:
            found = _COLUMNS[cls] = tuple(f.name for f in fields(cls))
        return found

    def to_dict(self) -> dict[str, Any]:
        """The row as a plain dict (shallow: lists and dicts are the row's own), for JSON."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    # -- read-only mapping access, for callers written against the old dict rows ----------
    # New code reads attributes; these keep `row["id"]`, `row.get(...)` and `{**row}` working
    # while the rest of the code base (and plug-ins) move over.
    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str) or key not in self.columns():
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in self.columns() else default

    def keys(self) -> tuple[str, ...]:
        return self.columns()

    def __contains__(self, key: object) -> bool:
        return key in self.columns()

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns())


_COLUMNS: dict[type, tuple[str, ...]] = {}


def _has_default(cls: type, name: str) -> bool:
    from dataclasses import MISSING

    f = next(f for f in fields(cls) if f.name == name)
    return f.default is not MISSING or f.default_factory is not MISSING


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
class StoredDocumentRow(DocumentRow):
    """One document version with its text, as `Store.document` reads it: every offset in
    the other rows points into `text`."""

    text: str
    boilerplate: list[list[int]]  # [start, end] spans of the text that are not the article
    metadata: dict[str, Any]
    extra: dict[str, Any]


@dataclass(frozen=True)
class DocumentTextRow(DocumentRow):
    """A document version as `Store.documents(include_text=True)` lists it."""

    text: str


@dataclass(frozen=True)
class QuantityRow(Record):
    """One figure as `Store.quantities` reads it (view v_quantities)."""

    doc: str
    id: str
    span_start: int
    span_end: int
    text: str
    value: float | None
    value_max: float | None
    unit: str
    kind: str
    bound: str
    subject: str | None
    date: str | None
    extra: dict[str, Any]
    publisher: str | None
    published: str | None
    title: str | None
    url: str | None
    path: str | None


@dataclass(frozen=True)
class MentionRow(Record):
    """One place a document names an actor, as `Store.mentions` reads it (view v_mentions)."""

    doc: str
    actor: str  # after the analyst's corrections
    machine_actor: str  # as the pipeline read it
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class TimeRow(Record):
    """One time expression as `Store.times` reads it (view v_times)."""

    doc: str
    span_start: int
    span_end: int
    text: str
    value: str | None  # its ISO value, when the text fixes one


@dataclass(frozen=True)
class FailureRow(Record):
    """A file that could not be ingested, as `Store.failures` lists it."""

    path: str
    reason: str
    attempts: int
    first_seen: datetime
    last_seen: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class DecisionRow(Record):
    """One analyst decision from the append-only log, as `Store.decisions` lists it."""

    id: int
    kind: str
    target: str
    value: str | None
    scope: str
    analyst: str
    note: str | None
    created_at: datetime
    undone_at: datetime | None
    undone_by: str | None


@dataclass(frozen=True)
class UnitEventRow(EventRow):
    """An event with the unit each side is counted as at a level (analysis/rollup.py): at
    "state" Xi Jinping's events are China's; at "actor" each side stands for itself."""

    source_unit: str | None = None
    target_unit: str | None = None


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
