"""GraphML for Gephi and networkx: actors as nodes, directed relations as weighted edges.

An edge from source to target carries the number of events (`weight`), their mean Goldstein
score, and the count per PLOVER type (`n_AGREE`, …). Negated and hypothetical events are not
relations and are left out. GraphML has no null: missing attributes are simply absent.

At level "state" (the default, as ICEWS and GDELT networks are drawn) nodes are states and
organisations: each event's endpoints are rolled up to their unit at the event's date
(analysis/rollup.py), a node's `member_actors` lists who was counted in it ("xi-jinping 13;
CHN 55"), and events inside one unit (a ministry on its own state) are self-loops. At level
"actor" every actor is a node.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from realpolitik.analysis.rollup import Rollup, check_level
from realpolitik.export import exporter
from realpolitik.store.base import Store
from realpolitik.store.records import ActorRow


def build_graph(store: Store, level: str = "state") -> nx.DiGraph:
    level = check_level(level)
    rollup = Rollup.of(store)
    g = nx.DiGraph()
    actors = {a.id: a for a in store.actors(limit=None)}

    def add_node(a: ActorRow) -> None:
        attrs = {k: getattr(a, k) for k in ("name", "kind", "country", "org", "sector", "role")
                 if getattr(a, k) is not None}
        g.add_node(a.id, **attrs, mentions=a.mentions, documents=a.documents)

    for a in actors.values():
        # at state level a person (whose unit depends on the date) is a node only if events put one there
        if level == "actor" or (a.kind != "person" and rollup.path(a.id).id == a.id):
            add_node(a)
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    members: dict[str, Counter[str]] = defaultdict(Counter)
    for e in store.iter_events():
        if not e.source or not e.target or e.negated or e.hypothetical:
            continue
        key = (rollup.unit(e.source, e.dated, level), rollup.unit(e.target, e.dated, level))
        members[key[0]][e.source] += 1
        members[key[1]][e.target] += 1
        types[key][e.type] += 1
        if e.goldstein is not None:
            scores[key].append(float(e.goldstein))
    for (s, t), counts in sorted(types.items()):
        for node in (s, t):
            if node in g:
                continue
            if node in actors:
                add_node(actors[node])
            else:
                g.add_node(node, name=rollup.name(node), **({"kind": rollup.kind(node)} if rollup.kind(node) else {}))
        attrs: dict[str, object] = {"weight": sum(counts.values())}
        if scores[(s, t)]:
            attrs["goldstein_mean"] = round(sum(scores[(s, t)]) / len(scores[(s, t)]), 3)
        attrs.update({f"n_{k}": v for k, v in sorted(counts.items())})
        g.add_edge(s, t, **attrs)
    if level == "state":
        for node, counted in members.items():
            g.nodes[node]["member_actors"] = "; ".join(
                f"{m} {n}" for m, n in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    return g


@exporter("graphml", "states, organisations (or actors) and their relations as a GraphML network (Gephi, networkx)",
          levels=True)
def export_graphml(store: Store, out: Path, level: str = "state") -> list[Path]:
    nx.write_graphml(build_graph(store, level), out)
    return [out]
