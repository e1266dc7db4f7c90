"""The corpus as a library: `realpolitik.Corpus(db)` for notebooks and scripts.

It opens an existing store read-only (a DuckDB file or a postgresql:// URL; a path where no
store exists is refused, as the CLI refuses it, rather than read as an empty corpus) and
answers the CLI's questions with the store's own typed rows (store/records.py), gathered in
`Rows` that turn into Arrow tables or DataFrames:

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
from typing import Any

from realpolitik.analysis.periods import period_start
from realpolitik.analysis.rollup import Rollup, check_level
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
    UnitEventRow,
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
               offset: int = 0, level: str = "state") -> Rows[UnitEventRow]:
        """Events oldest first; `since`/`until` as ISO prefixes; each with the unit its source
        and target are counted as at `level` (`source_unit`, `target_unit`), as the CLI's
        `--level` counts them.

        At level "state" (the default) each side is its state or organisation at the event's
        date (Xi Jinping's events are China's, RUS-MIL's Russia's), and `actor` keeps the events
        in which it is either side's unit; at level "actor" each actor stands for itself and
        `actor` keeps the events it is the source or target of.
        """
        level = check_level(level)
        who = self.actor(actor) if actor else None
        if level == "actor":
            found = self._events(actor=who, type=type, since=since, until=until, doc=doc, limit=limit,
                                 offset=offset)
            return Rows(UnitEventRow, [UnitEventRow.from_row(e.to_dict(), source_unit=e.source, target_unit=e.target)
                                       for e in found])
        rollup = Rollup.of(self.store)
        rows = []
        for e in self.store.iter_events(type=type, since=since, until=until, doc=doc):
            unit_s, unit_t = rollup.unit(e.source, e.dated), rollup.unit(e.target, e.dated)
            if who is None or who in (unit_s, unit_t):
                rows.append(UnitEventRow.from_row(e.to_dict(), source_unit=unit_s, target_unit=unit_t))
        rows = rows[offset:] if limit is None else rows[offset:offset + limit]
        return Rows(UnitEventRow, rows)

    def _events(self, limit: int | None, offset: int, **filters: Any) -> list[EventRow]:
        if limit is None:
            return list(self.store.iter_events(**filters))[offset:]
        return self.store.events(limit=limit, offset=offset, **filters)

    def actors(self, kind: str | None = None, limit: int | None = None, offset: int = 0) -> Rows[ActorRow]:
        """Actors, most mentioned first."""
        return Rows(ActorRow, self.store.actors(kind=kind, limit=limit, offset=offset))

    def claims(self, status: str | None = None, source: str | None = None, doc: str | None = None,
               limit: int | None = None, offset: int = 0) -> Rows[ClaimRow]:
        """The claims ledger: who says what, and how sure the text is."""
        return Rows(ClaimRow, self.store.claims(status=status, source=source, doc=doc, limit=limit, offset=offset))

    def interests(self, actor: str | None = None, since: str | None = None, doc: str | None = None,
                  limit: int | None = None, offset: int = 0) -> Rows[InterestRow]:
        """Stated interests, ranked first then newest; a state's include its people's and organs'."""
        who = self.actor(actor) if actor else None
        return Rows(InterestRow, self.store.interests(actor=who, since=since, doc=doc, limit=limit, offset=offset))

    def documents(self, limit: int | None = None, offset: int = 0) -> Rows[DocumentRow]:
        """Current document versions, without their text."""
        return Rows(DocumentRow, self.store.documents(limit=limit, offset=offset))

    def dyad(self, a: str, b: str, by: str = "quarter", level: str = "state", evidence: int = 5) -> Dyad:
        """How the relation between `a` and `b` moved, per period (month, quarter or year).

        At level "state" each side holds its state's people and organs at the event's date
        (Xi Jinping and the PLA for China); `members` says who contributed how many events.
        """
        from realpolitik.analysis.dyad import dyad_events, dyad_report

        level = check_level(level)
        ida, idb = self.actor(a), self.actor(b)
        report = dyad_report(self.store, ida, idb, by=by, evidence=evidence, level=level)
        periods = [DyadPeriodRow(p.period, period_start(p.period), p.n, p.index, p.scored,
                                 **{t.lower(): n for t, n in p.counts.items()}) for p in report.periods]
        members = [DyadMemberRow(side, actor, report.names.get(actor, actor), n)
                   for side, counted in report.members.items() for actor, n in counted.items()]
        events = dyad_events(self.store, ida, idb, level=level)
        return Dyad(periods, a=report.a, b=report.b, by=report.by, level=report.level, names=report.names, n=report.n,
                    index=report.index, excluded=report.excluded, unplaced=report.unplaced,
                    members=Rows(DyadMemberRow, members), events=Rows(DyadEventRow, events))
