"""The actor network: who acted on whom, how often, and how warmly.

Edges are unordered actor pairs (or, with `directed`, one edge per direction: who acted on
whom) weighted by event count and coloured by the mean Goldstein
score of the events that carry one. A large graph is capped to the `limit` busiest actors;
`focus` adds one actor and all its partners, so the page can expand a node without ever
drawing the whole corpus.

At level "state" (the default) each endpoint is counted as its state or organisation at the
event's date (analysis/rollup.py), and each node lists the member actors whose events it
holds; at level "actor" every actor is its own node.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from realpolitik.analysis.rollup import Rollup, check_level
from realpolitik.store.base import Store


@dataclass
class _Edge:
    events: int = 0
    goldstein_sum: float = 0.0
    scored: int = 0
    types: Counter[str] = field(default_factory=Counter)


def build(store: Store, limit: int = 30, focus: list[str] | None = None, since: str | None = None,
          until: str | None = None, level: str = "state", directed: bool = False) -> dict[str, Any]:
    level = check_level(level)
    rollup = Rollup.of(store)
    edges: dict[tuple[str, str], _Edge] = {}
    members: dict[str, Counter[str]] = {}
    for e in store.iter_events(since=since, until=until):
        a, b = rollup.unit(e.source, e.dated, level), rollup.unit(e.target, e.dated, level)
        if not a or not b or a == b:
            continue
        members.setdefault(a, Counter())[str(e.source)] += 1  # both sides are there (a and b are)
        members.setdefault(b, Counter())[str(e.target)] += 1
        edge = edges.setdefault((a, b) if directed else (min(a, b), max(a, b)), _Edge())
        edge.events += 1
        edge.types[e.type] += 1
        if e.goldstein is not None:
            edge.goldstein_sum += float(e.goldstein)
            edge.scored += 1
    degree: Counter[str] = Counter()
    for (a, b), edge in edges.items():
        degree[a] += edge.events
        degree[b] += edge.events
    keep = {actor for actor, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    for actor in focus or []:
        if actor in degree:
            keep.add(actor)
            keep.update(b if a == actor else a for (a, b) in edges if actor in (a, b))
    nodes = [{"id": actor, "name": rollup.name(actor), "kind": rollup.kind(actor), "events": degree[actor],
              "members": dict(sorted(members[actor].items(), key=lambda kv: (-kv[1], kv[0])))}
             for actor in sorted(keep, key=lambda x: (-degree[x], x))]
    out_edges = [{"source": a, "target": b, "events": edge.events,
                  "goldstein": round(edge.goldstein_sum / edge.scored, 3) if edge.scored else None,
                  "types": dict(edge.types.most_common())}
                 for (a, b), edge in sorted(edges.items()) if a in keep and b in keep]
    return {"nodes": nodes, "edges": out_edges, "total_actors": len(degree), "capped": len(keep) < len(degree),
            "level": level, "directed": directed, "since": since, "until": until}
