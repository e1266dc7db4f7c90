"""Roll-up: the state or organisation each actor acts for, so dyads count as ICEWS and GDELT do.

An event between Xi Jinping and Vladimir Putin is a China–Russia event; so is one between
Russia's armed forces (RUS-MIL) and Chinese firms (CHN-BUS). Counting only actors coded as
states leaves the summits out of the China–Russia dyad. Every actor therefore has a path to
its *unit* — a state, or an international organisation or bloc:

- a state is its own unit;
- a person in the knowledge base (knowledge/people.yaml) acts for the office held at the
  event's date: the term's organisation (NATO's Secretary General acts for NATO), else the
  state the role names ("Prime Minister of Estonia"), else the person's country; with no
  office at that date, the person's country if the knowledge base gives one;
- a sector actor rolls up by its code prefix (RUS-MIL -> RUS, WST-GOV -> WST);
- anything else by its country (people found through a role phrase, firms, places), else
  its organisation; an actor with neither is its own unit, as GDELT leaves such actors
  without a country code.

Counting at level "state" puts each side of an event at its unit; at level "actor" each
actor stands for itself. Analyst corrections are already applied by the store's views.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from realpolitik.knowledge import Knowledge, Person, load
from realpolitik.store.records import ActorRow

Level = Literal["state", "actor"]
LEVELS: tuple[Level, ...] = ("state", "actor")
_SECTOR_CODE = re.compile(r"^([A-Z]{2,5})-[A-Z]{3}$")


def check_level(level: str) -> Level:
    """The level as asked, or a clear error naming the bad value."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level  # type: ignore[return-value]


@dataclass(frozen=True)
class Unit:
    """Where an actor is counted at state level, and why (shown to analysts who ask)."""

    id: str
    basis: Literal["itself", "office", "nationality", "code prefix", "country", "organisation"]


def _start(date: str | None) -> str | None:
    """The first day a date may mean, as an ISO prefix: a range counts from its start."""
    return date.split("/", 1)[0] if date else None


class Rollup:
    """Each actor's unit at a date, built from the store's actors and the knowledge base."""

    def __init__(self, actors: Iterable[ActorRow], kb: Knowledge | None = None):
        self.kb = kb or load()
        self.actors: dict[str, ActorRow] = {a.id: a for a in actors}
        self._state_by_name = {n.lower(): s.code for s in self.kb.states.values() for n in (s.name, *s.names)}

    @classmethod
    def of(cls, store: Any) -> Rollup:
        """The roll-up for every actor the store's queries can return."""
        return cls(store.actors(limit=None))

    def _is_unit(self, code: str) -> bool:
        return code in self.kb.states or code in self.kb.organizations or code in self.actors

    def _named_state(self, role: str) -> str | None:
        """The state a role's title names: "Prime Minister of the Netherlands" -> NLD."""
        head, sep, tail = role.rpartition(" of ")
        if not (sep and head):
            return None
        tail = tail.strip().lower()
        return self._state_by_name.get(tail) or self._state_by_name.get(tail.removeprefix("the "))

    def _person(self, p: Person, date: str | None, row: ActorRow | None) -> Unit:
        day = _start(date)
        for term in p.roles:
            if term.covers(day):
                if term.org:
                    return Unit(term.org, "office")
                named = self._named_state(term.role)
                if named:
                    return Unit(named, "office")
                if p.country:
                    return Unit(p.country, "office")
        country = p.country or (row.country if row else None)
        if country:
            return Unit(country, "nationality")
        return Unit(p.id, "itself")

    def path(self, actor: str, date: str | None = None) -> Unit:
        """The unit `actor` is counted as for an event on `date` (an ISO prefix or range)."""
        row = self.actors.get(actor)
        kind = row.kind if row else None
        if kind == "state" or (row is None and actor in self.kb.states):
            return Unit(actor, "itself")
        person = self.kb.people.get(actor)
        if person is not None and kind in (None, "person"):
            return self._person(person, date, row)
        m = _SECTOR_CODE.match(actor)
        if m and m.group(1) != actor and self._is_unit(m.group(1)):
            return Unit(m.group(1), "code prefix")
        if row is not None:
            if row.country and row.country != actor:
                return Unit(row.country, "country")
            if row.org and row.org != actor:
                return Unit(row.org, "organisation")
        return Unit(actor, "itself")

    def unit(self, actor: str | None, date: str | None, level: Level = "state") -> str | None:
        """The id an event endpoint is counted as at `level`; None stays None."""
        if actor is None or level == "actor":
            return actor
        return self.path(actor, date).id

    def possible_units(self, actor: str) -> set[str]:
        """Every unit `actor` may be counted as, whatever the date (to narrow queries)."""
        found = {self.path(actor, None).id}
        person = self.kb.people.get(actor)
        row = self.actors.get(actor)
        if person is not None and (row.kind if row else None) in (None, "person"):
            for term in person.roles:
                found.add(self._person(person, term.start or term.end, row).id)
        return found

    def members(self, unit: str, level: Level = "state") -> set[str]:
        """The actors that may be counted as `unit` at `level` (always including itself)."""
        if level == "actor":
            return {unit}
        return {unit} | {a for a in self.actors if unit in self.possible_units(a)}

    def name(self, unit: str) -> str:
        """A unit's display name: the store's, else the knowledge base's, else its id."""
        row = self.actors.get(unit)
        if row is not None and row.name:
            return row.name
        if unit in self.kb.states:
            return self.kb.states[unit].name
        if unit in self.kb.organizations:
            return self.kb.organizations[unit].name
        return unit

    def kind(self, unit: str) -> str | None:
        row = self.actors.get(unit)
        if row is not None:
            return row.kind
        if unit in self.kb.states:
            return "state"
        if unit in self.kb.organizations:
            return self.kb.organizations[unit].kind
        return None
