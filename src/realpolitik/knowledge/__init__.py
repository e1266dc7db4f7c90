"""Knowledge is data: the gazetteer of states, organisations and people, sectors and roles.

The YAML files beside this module are the source of truth; this module only reads and
checks them. Adding a leader or an organisation means editing a data file, not code.

Files and their entries (see each file's header for the full field list):
- states.yaml         code, name, official, status, names, capitals, seats, demonyms, prefixes
- organizations.yaml  code, name, kind, names, adjectives, members, seats, bare_names
- people.yaml         id, name, country, names, roles [{role, start, end, org}]
- sectors.yaml        sector code -> nouns that name a state's sector ("army", "media")
- roles.yaml          role phrases that make an unknown person an actor ("foreign minister")
- institutions.yaml   national bodies named on their own: name, country, sector ("the PLA")
- places.yaml         cities, regions and disputed territories with their state (de jure)
- ambiguity.yaml      context words that settle ambiguous names (Georgia, Washington, places)
- cameo_actors.yaml   CAMEO actor codes of our organisations and regions (read by the GDELT export)
- implied_actors.yaml nouns that name an actor only through context ("the government", "both
                      sides", "the Secretary"; read by extract/implied_actors.py)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

try:  # the C loader is ~10x faster; fall back where PyYAML was built without libyaml
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class KnowledgeError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


def load_yaml(name: str) -> Any:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


@dataclass(frozen=True)
class Seat:
    name: str
    sector: str | None = None


@dataclass(frozen=True)
class State:
    code: str
    name: str
    official: str | None
    status: str
    names: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()
    demonyms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organization:
    code: str
    name: str
    kind: str  # organization | group | location
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    seats: tuple[Seat, ...] = ()
    bare_names: tuple[str, ...] = ()  # forms that name it only when no state qualifies them
    part_of: str | None = None  # the organisation it is a body of (UNSC: UN)


@dataclass(frozen=True)
class Term:
    role: str
    start: str | None
    end: str | None
    org: str | None = None

    def covers(self, date: str | None) -> bool:
        """Whether the term includes `date` (an ISO prefix); unknown dates cover nothing."""
        if not date:
            return False
        lo = self.start or "0000"
        hi = self.end or "9999"
        # Compare prefixes: "2013" overlaps a term that starts "2013-03-14".
        return lo[: len(date)] <= date <= hi[: len(date)] if len(date) < 10 else lo <= date <= hi


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str | None
    names: tuple[str, ...] = ()
    roles: tuple[Term, ...] = ()
    org: str | None = None

    def role_at(self, date: str | None) -> str | None:
        for term in self.roles:
            if term.covers(date):
                return term.role
        return self.roles[-1].role if self.roles else None

    def active_at(self, date: str | None) -> bool:
        return any(t.covers(date) for t in self.roles)


@dataclass
class Knowledge:
    states: dict[str, State] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # noun (lower) -> sector code
    roles: dict[str, str] = field(default_factory=dict)  # role phrase (lower) -> canonical role
    institutions: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # (name, country, sector, own code)
    movements: dict[str, str] = field(default_factory=dict)  # an armed movement's own code -> its name
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, country)
    group_sectors: set[str] = field(default_factory=set)  # sectors that act without a state: REB, LAB

    @cached_property
    def bare_org_names(self) -> dict[str, str]:
        """Unqualified forms ("Security Council") -> organisation code."""
        return {n: o.code for o in self.organizations.values() for n in o.bare_names}


def _seats(entry: dict[str, Any]) -> tuple[Seat, ...]:
    out = []
    for s in entry.get("seats") or ():
        out.append(Seat(s) if isinstance(s, str) else Seat(s["name"], s.get("sector")))
    return tuple(out)


def _tuple(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(entry.get(key) or ())


def _need(entry: dict[str, Any], keys: tuple[str, ...], file: str) -> None:
    missing = [k for k in keys if not entry.get(k)]
    if missing:
        raise KnowledgeError(f"{file}: entry {entry!r:.80} lacks {', '.join(missing)}")


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """Read and check every data file once per process."""
    kb = Knowledge()
    for e in load_yaml("states.yaml"):
        _need(e, ("code", "name", "status"), "states.yaml")
        if e["code"] in kb.states:
            raise KnowledgeError(f"states.yaml: code {e['code']} appears twice")
        kb.states[e["code"]] = State(
            code=e["code"], name=e["name"], official=e.get("official"), status=e["status"],
            names=_tuple(e, "names"), capitals=_tuple(e, "capitals"), seats=_seats(e),
            demonyms=_tuple(e, "demonyms"), prefixes=_tuple(e, "prefixes"),
        )
    for e in load_yaml("organizations.yaml"):
        _need(e, ("code", "name", "kind"), "organizations.yaml")
        if e["code"] in kb.organizations or e["code"] in kb.states:
            raise KnowledgeError(f"organizations.yaml: code {e['code']} appears twice")
        kb.organizations[e["code"]] = Organization(
            code=e["code"], name=e["name"], kind=e["kind"], names=_tuple(e, "names"),
            adjectives=_tuple(e, "adjectives"), members=_tuple(e, "members"), seats=_seats(e),
            bare_names=_tuple(e, "bare_names"), part_of=e.get("part_of"),
        )
    for o in kb.organizations.values():
        if o.part_of is not None and o.part_of not in kb.organizations:
            raise KnowledgeError(f"organizations.yaml: {o.code} is part_of unknown {o.part_of}")
    for e in load_yaml("people.yaml"):
        _need(e, ("id", "name"), "people.yaml")
        if e["id"] in kb.people:
            raise KnowledgeError(f"people.yaml: id {e['id']} appears twice")
        terms = tuple(
            Term(role=t["role"], start=_iso(t.get("start")), end=_iso(t.get("end")), org=t.get("org"))
            for t in e.get("roles") or ()
        )
        kb.people[e["id"]] = Person(
            id=e["id"], name=e["name"], country=e.get("country"), names=_tuple(e, "names"),
            roles=terms, org=e.get("org"),
        )
    for code, nouns in (load_yaml("sectors.yaml") or {}).items():
        if code == "GROUPS":
            kb.group_sectors.update(nouns)
            continue
        for noun in nouns:
            kb.sectors[noun.lower()] = code
    for canonical, phrases in (load_yaml("roles.yaml") or {}).items():
        kb.roles[canonical.lower()] = canonical
        for phrase in phrases or ():
            kb.roles[phrase.lower()] = canonical
    for e in load_yaml("institutions.yaml") or ():
        _need(e, ("name", "country", "sector"), "institutions.yaml")
        if e["country"] not in kb.states:
            raise KnowledgeError(f"institutions.yaml: {e['name']} has unknown country {e['country']}")
        own = e.get("code")
        if own is not None and (not str(own).isupper() or own in kb.states or own in kb.organizations):
            raise KnowledgeError(f"institutions.yaml: {e['name']} has a code {own!r} that is not a new upper-case key")
        kb.institutions.append((e["name"], e["country"], e["sector"], own))
        if own is not None:
            kb.movements.setdefault(own, e["name"])
    for e in load_yaml("places.yaml") or ():
        _need(e, ("name", "country"), "places.yaml")
        if e["country"] not in kb.states:
            raise KnowledgeError(f"places.yaml: {e['name']} has unknown country {e['country']}")
        kb.places.append((e["name"], e["country"]))
    return kb


def _iso(value: Any) -> str | None:
    """YAML reads 2013-03-14 as a date; keep every date as an ISO string prefix."""
    return None if value is None else str(value)
