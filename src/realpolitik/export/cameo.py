"""CAMEO codes for the exports: an event's full code where its rule knows one, and actor codes.

Event codes. The contract keeps an event's CAMEO *root* (`cameo: "12"`); the rule that coded it
usually knows the full code ("veto" is 1241). The rule's name is kept in `Event.pattern`
(`verbal:verb:veto`, with suffixes such as `+counterpart` and a `model+` prefix), so the full
code is read back from the event lexicon — and only used when it refines the stored root and the
rule's type is the event's (a type promoted by a control verb keeps its root). Anything else is
coded at the root's "not specified below" code ("04" -> "040"), which is how CAMEO and GDELT
code a root-level event.

Actor codes follow the CAMEO actor codebook (see knowledge/cameo_actors.yaml): a state is its
ISO alpha-3 code, a sector of a state its code plus the sector (RUSMIL), an organisation its
IGO/NGO code (NATO is IGOWSTNAT), a region its CAMEO region code (the West is WST).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a store row or a dict of its fields: both are read by key here
    from collections.abc import Mapping

    from realpolitik.store.records import ActorRow, EventRow

QUADS = ((5, 1), (8, 2), (13, 3), (20, 4))  # CAMEO roots up to N -> QuadClass


def quad_class(root: str | None) -> int | None:
    """CAMEO's four classes from a root: 01–05 verbal cooperation, 06–08 material cooperation,
    09–13 verbal conflict, 14–20 material conflict."""
    if not root or not root[:2].isdigit():
        return None
    r = int(root[:2])
    return next((q for top, q in QUADS if r <= top), None) if r >= 1 else None


@lru_cache(maxsize=1)
def _rule_codes() -> dict[tuple[str, str], frozenset[str]]:
    """(rule name, PLOVER type) -> the CAMEO codes the event lexicon gives such rules."""
    from realpolitik.extract.events.lexicon import load

    lex = load()
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for patterns in (*lex.patterns.values(), *lex.multiword.values()):
        for p in patterns:
            if p.cameo:
                found[(p.name, p.type)].add(p.cameo)
    return {k: frozenset(v) for k, v in found.items()}


def rule_code(pattern: str | None, type_: str) -> str | None:
    """The full CAMEO code of the lexicon rule named in an event's `pattern`, if exactly one."""
    if not pattern:
        return None
    construction, _, rest = pattern.removeprefix("model+").partition(":")
    if not rest:
        return None  # "model": no rule fired
    parts = rest.split("+")
    codes = _rule_codes()
    for n in range(len(parts), 0, -1):  # longest name first: "verb:walk+out" before "verb:walk"
        found = codes.get(("+".join(parts[:n]), type_))
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


@lru_cache(maxsize=1)
def _type_roots() -> dict[str, str]:
    from realpolitik.extract.events.lexicon import load

    return {name: t.root for name, t in load().types.items()}


def event_code(event: Mapping[str, Any] | EventRow) -> str | None:
    """The most specific CAMEO code known for an event (3 or 4 digits), or None."""
    root = (event.get("cameo") or "")[:2] or _type_roots().get(event.get("type") or "")
    if not root or not root.isdigit():
        return None
    stored = event.get("cameo") or ""
    if len(stored) >= 3:
        return stored
    full = rule_code(event.get("pattern"), event.get("type") or "")
    if full and full.startswith(root) and len(full) >= 3:
        return full
    return root + "0"


def base_code(code: str) -> str:
    return code[:3]


def root_code(code: str) -> str:
    return code[:2]


# -- actors -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActorCode:
    """An actor's CAMEO code broken out as GDELT reports it."""

    code: str = ""
    country: str = ""
    known_group: str = ""
    types: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _actor_table() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    from realpolitik.knowledge import load_yaml

    data = load_yaml("cameo_actors.yaml")
    return dict(data["organizations"]), dict(data["regions"]), frozenset(data["uncoded"])


def actor_code(actor: Mapping[str, Any] | ActorRow | None) -> ActorCode:
    """The CAMEO code of a realpolitik actor; an empty code where CAMEO has none for it."""
    if actor is None:
        return ActorCode()
    orgs, regions, uncoded = _actor_table()
    sector = actor.get("sector") or ""
    sector_types = (sector,) if sector else ()
    if actor.get("kind") == "state":
        return ActorCode(actor["id"], actor["id"])
    if actor.get("country"):  # a person, organ, sector or place of a state: CHN, RUSMIL
        return ActorCode(actor["country"] + sector, actor["country"], "", sector_types)
    org = actor.get("org") or ""
    if org in regions:
        return ActorCode(regions[org] + sector, regions[org], "", sector_types)
    if not org or org in uncoded:
        return ActorCode()
    code = orgs.get(org, "IGO")
    known = code[-3:] if len(code) > 3 else ""
    return ActorCode(code + sector, "", known, (code[:3], *sector_types))
