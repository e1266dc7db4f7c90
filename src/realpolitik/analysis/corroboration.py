"""Which events are told by several documents, and which are contested.

Two events are the same happening when they share the dyad (either direction), the PLOVER
type, and dates that could coincide within a window (a year-only date matches any day of
that year). Such events form one cluster; its strength is the number of independent
publishers, not of documents (one wire copied by three sites is one voice).

A cluster is contested when it holds both sides: events told as happening and events told
as not happening (negated) or carried by a claim whose source denies it. A cluster made only
of denials is contested too: someone asserted what its source denies.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from realpolitik.analysis.periods import interval, overlaps
from realpolitik.store.base import Store
from realpolitik.store.records import ClaimRow, EventRow

DEFAULT_WINDOW_DAYS = 31
_PAREN = re.compile(r"\s*\(.*?\)\s*")


@dataclass
class Cluster:
    dyad: tuple[str, str]
    type: str
    dates: list[str]
    events: list[EventRow] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len({e.doc for e in self.events})

    @property
    def publishers(self) -> list[str]:
        return sorted({publisher_of(e) for e in self.events})

    @property
    def affirmed(self) -> list[EventRow]:
        return [e for e in self.events if not denies(e)]

    @property
    def denied(self) -> list[EventRow]:
        return [e for e in self.events if denies(e)]

    def to_dict(self) -> dict[str, Any]:
        def brief(e: EventRow) -> dict[str, Any]:
            return {k: getattr(e, k) for k in ("id", "doc", "dated", "source", "target", "negated", "status",
                                               "publisher", "title", "sentence", "claim")}

        return {"dyad": self.dyad, "type": self.type, "dates": list(self.dates),
                "events": [brief(e) for e in self.events], "documents": self.documents,
                "publishers": self.publishers, "independent": len(self.publishers),
                "affirmed": [e.id for e in self.affirmed], "denied": [e.id for e in self.denied]}


def publisher_of(e: Mapping[str, Any] | EventRow | ClaimRow) -> str:
    """A publisher's identity: its name without parenthetical notes, else the URL's host, else the
    doc (from any row that has publisher, url and doc: an event, a claim, or a dict of them)."""
    if e.get("publisher"):
        return _PAREN.sub(" ", e["publisher"]).strip().lower()
    url = e.get("url") or ""
    if "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].lower()
    return "doc:" + e["doc"]


def denies(e: EventRow) -> bool:
    return bool(e.negated) or e.status == "denied"


def clusters(store: Store, window_days: int = DEFAULT_WINDOW_DAYS, actor: str | None = None) -> list[Cluster]:
    """Every cluster of dated, non-hypothetical events with two actors; singletons included."""
    groups: dict[tuple[tuple[str, str], str], list[EventRow]] = defaultdict(list)
    for e in store.iter_events(actor=actor):
        if e.hypothetical or not e.source or not e.target or e.source == e.target:
            continue
        if interval(e.dated) is None:
            continue
        dyad = tuple(sorted((e.source, e.target)))
        groups[(dyad, e.type)].append(e)  # type: ignore[index]
    out: list[Cluster] = []
    for (dyad, type_), events in sorted(groups.items()):
        for members in _link(events, window_days):
            dates = sorted({m.dated for m in members if m.dated})
            out.append(Cluster(dyad, type_, dates, members))  # type: ignore[arg-type]
    return out


def _link(events: list[EventRow], window_days: int) -> list[list[EventRow]]:
    """Single-linkage groups of events whose dates overlap within the window (union-find)."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if overlaps(events[i].dated, events[j].dated, window_days):
                parent[root(i)] = root(j)
    found: dict[int, list[EventRow]] = defaultdict(list)
    for i, e in enumerate(events):
        found[root(i)].append(e)
    return sorted(found.values(), key=lambda m: (m[0].dated, m[0].doc, m[0].id))


def corroborated(store: Store, min_publishers: int = 2, window_days: int = DEFAULT_WINDOW_DAYS,
                 actor: str | None = None) -> list[Cluster]:
    """Clusters told as happening by at least `min_publishers` independent publishers."""
    out = []
    for c in clusters(store, window_days, actor):
        told = Cluster(c.dyad, c.type, c.dates, c.affirmed)
        if len(told.publishers) >= min_publishers:
            out.append(c)
    return sorted(out, key=lambda c: (-len(c.publishers), c.dates[0], c.dyad, c.type))


def contested(store: Store, window_days: int = DEFAULT_WINDOW_DAYS, actor: str | None = None) -> list[dict[str, Any]]:
    """Contested event clusters, then denied claims that carry no event, each with its evidence."""
    out: list[dict[str, Any]] = []
    for c in clusters(store, window_days, actor):
        if c.denied:
            item = c.to_dict()
            item["kind"] = "opposite polarity" if c.affirmed else "denied"
            out.append(item)
    carried = {e.claim for c in clusters(store, window_days, actor) for e in c.events if e.claim}
    for claim in _all_claims(store, status="denied"):
        if claim.id in carried:
            continue
        if actor and actor not in (claim.source,):
            continue
        out.append({"kind": "denied claim", "claim": claim.id, "doc": claim.doc, "source": claim.source,
                    "source_text": claim.source_text, "text": claim.text, "publisher": claim.publisher,
                    "published": claim.published})
    return out


def _all_claims(store: Store, status: str, batch: int = 5000) -> list[ClaimRow]:
    out: list[ClaimRow] = []
    while True:
        rows = store.claims(status=status, limit=batch, offset=len(out))
        out.extend(rows)
        if len(rows) < batch:
            return out
