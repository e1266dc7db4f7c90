"""The corpus as a library: `realpolitik.Corpus(db)` for notebooks and scripts.

It opens an existing store read-only (a DuckDB file or a postgresql:// URL; a path where no
store exists is refused, as the CLI refuses it, rather than read as an empty corpus) and
answers the CLI's questions with typed rows (store/records.py) that turn into Arrow tables
or DataFrames:

    >>> import realpolitik
    >>> with realpolitik.Corpus("realpolitik.duckdb") as corpus:
    ...     df = corpus.dyad("China", "Russia", by="quarter").to_pandas()

Every answer is the store's own query (corrections applied, current document versions only),
and `dyad` is the same report as `realpolitik dyad` and GET /dyads/{a}/{b}.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from realpolitik.analysis.periods import period_start
from realpolitik.analysis.rollup import check_level
from realpolitik.store.base import Store, StoreError
from realpolitik.store.records import (
    ActorRow,
    ClaimRow,
    DocumentRow,
    DyadEventRow,
    DyadMemberRow,
    DyadPeriodRow,
    EventRow,
    InterestRow,
)
from realpolitik.tabular import Rows

__all__ = ["Corpus", "Dyad", "UnknownActor"]


class UnknownActor(LookupError):
    """An actor name, id or alias the store does not know."""


class Dyad(Rows[DyadPeriodRow]):
    """A dyad report: its periods as typed rows (one per period, counts per PLOVER type), with
    the whole report's figures beside them."""

    def __init__(self, periods: Sequence[DyadPeriodRow], *, a: str, b: str, by: str, level: str,
                 names: dict[str, str], n: int, index: float | None, excluded: dict[str, int], unplaced: int,
                 members: Rows[DyadMemberRow], events: Rows[DyadEventRow]):
        super().__init__(DyadPeriodRow, periods)
        self.a, self.b, self.by, self.level = a, b, by, level
        self.names = names
        self.n, self.index = n, index  # events counted; their mean Goldstein
        self.excluded, self.unplaced = excluded, unplaced
        self.members = members  # which actors stood for each side, with their events
        self.events = events  # every event of the dyad, with `left_out` set for those not counted

    @property
    def periods(self) -> Rows[DyadPeriodRow]:
        return Rows(DyadPeriodRow, list(self))

    def __repr__(self) -> str:
        return (f"<Dyad {self.a}–{self.b} by {self.by} at {self.level} level: {self.n} events in "
                f"{len(self)} periods>")


def _exists(location: str) -> bool:
    return "://" in location or Path(location).is_file()


class Corpus:
    """A stored corpus, read-only: events, actors, claims, interests and dyads as typed rows."""

    def __init__(self, db: str | os.PathLike[str] | None = None):
        from realpolitik.config import Config
        from realpolitik.store import open_store

        location = os.fspath(db) if db is not None else Config.from_env().db
        if not _exists(location):
            raise StoreError(f"no store at {location}; create it with `realpolitik ingest PATH --db {location}`")
        self.store: Store = open_store(location, read_only=True)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Corpus {self.store.location}>"

    def actor(self, name: str) -> str:
        """The actor id an id, name or alias means ("China", "Beijing", "CHN" -> "CHN")."""
        found = self.store.resolve_actor(name)
        if found is None:
            raise UnknownActor(f"no actor {name!r} in {self.store.location}; Corpus.actors() lists them")
        return found

    # -- the store's queries, typed -----------------------------------------------
    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, doc: str | None = None, limit: int | None = None,
               offset: int = 0) -> Rows[EventRow]:
        """Events oldest first; `actor` as source or target; `since`/`until` as ISO prefixes."""
        who = self.actor(actor) if actor else None
        if limit is None:
            found = list(self.store.iter_events(actor=who, type=type, since=since, until=until, doc=doc))[offset:]
        else:
            found = self.store.events(actor=who, type=type, since=since, until=until, doc=doc, limit=limit,
                                      offset=offset)
        return Rows(EventRow, [EventRow.from_row(e) for e in found])

    def actors(self, kind: str | None = None, limit: int | None = None, offset: int = 0) -> Rows[ActorRow]:
        """Actors, most mentioned first."""
        return Rows(ActorRow, [ActorRow.from_row(a) for a in self.store.actors(kind=kind, limit=limit, offset=offset)])

    def claims(self, status: str | None = None, source: str | None = None, doc: str | None = None,
               limit: int | None = None, offset: int = 0) -> Rows[ClaimRow]:
        """The claims ledger: who says what, and how sure the text is."""
        found = self.store.claims(status=status, source=source, doc=doc, limit=limit, offset=offset)
        return Rows(ClaimRow, [ClaimRow.from_row(c) for c in found])

    def interests(self, actor: str | None = None, since: str | None = None, limit: int | None = None,
                  offset: int = 0) -> Rows[InterestRow]:
        """Stated interests, ranked first then newest; a state's include its people's and organs'."""
        who = self.actor(actor) if actor else None
        found = self.store.interests(actor=who, since=since, limit=limit, offset=offset)
        return Rows(InterestRow, [InterestRow.from_row(i) for i in found])

    def documents(self, limit: int | None = None, offset: int = 0) -> Rows[DocumentRow]:
        """Current document versions, without their text."""
        return Rows(DocumentRow, [DocumentRow.from_row(d) for d in self.store.documents(limit=limit, offset=offset)])

    def dyad(self, a: str, b: str, by: str = "quarter", level: str = "state", evidence: int = 5) -> Dyad:
        """How the relation between `a` and `b` moved, per period (month, quarter or year).

        At level "state" each side holds its state's people and organs at the event's date
        (Xi Jinping and the PLA for China); `members` says who contributed how many events.
        """
        from realpolitik.analysis.dyad import dyad_events, dyad_report, excluded_reason

        level = check_level(level)
        ida, idb = self.actor(a), self.actor(b)
        report = dyad_report(self.store, ida, idb, by=by, evidence=evidence, level=level)
        periods = [DyadPeriodRow(p.period, period_start(p.period), p.n, p.index, p.scored,
                                 **{t.lower(): n for t, n in p.counts.items()}) for p in report.periods]
        members = [DyadMemberRow(side, actor, report.names.get(actor, actor), n)
                   for side, counted in report.members.items() for actor, n in counted.items()]
        events = [DyadEventRow.from_row({**e, "left_out": excluded_reason(e)})
                  for e in dyad_events(self.store, ida, idb, level=level)]
        return Dyad(periods, a=report.a, b=report.b, by=report.by, level=report.level, names=report.names, n=report.n,
                    index=report.index, excluded=report.excluded, unplaced=report.unplaced,
                    members=Rows(DyadMemberRow, members), events=Rows(DyadEventRow, events))
