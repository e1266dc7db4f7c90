"""GraphML for Gephi and networkx: actors as nodes, directed relations as weighted edges.

An edge from source to target carries the number of events (`weight`), their mean Goldstein
score, and the count per PLOVER type (`n_AGREE`, …). Negated and hypothetical events are not
relations and are left out. GraphML has no null: missing attributes are simply absent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from realpolitik.export import exporter
from realpolitik.store.base import Store


def build_graph(store: Store) -> nx.DiGraph:
    g = nx.DiGraph()
    for a in store.actors(limit=None):
        attrs = {k: a[k] for k in ("name", "kind", "country", "org", "sector", "role") if a[k] is not None}
        g.add_node(a["id"], **attrs, mentions=a["mentions"], documents=a["documents"])
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for e in store.iter_events():
        if not e["source"] or not e["target"] or e["negated"] or e["hypothetical"]:
            continue
        key = (e["source"], e["target"])
        types[key][e["type"]] += 1
        if e["goldstein"] is not None:
            scores[key].append(float(e["goldstein"]))
    for (s, t), counts in sorted(types.items()):
        for node in (s, t):
            if node not in g:
                g.add_node(node, name=node)
        attrs: dict[str, object] = {"weight": sum(counts.values())}
        if scores[(s, t)]:
            attrs["goldstein_mean"] = round(sum(scores[(s, t)]) / len(scores[(s, t)]), 3)
        attrs.update({f"n_{k}": v for k, v in sorted(counts.items())})
        g.add_edge(s, t, **attrs)
    return g


@exporter("graphml", "actors and their relations as a GraphML network (Gephi, networkx)")
def export_graphml(store: Store, out: Path) -> list[Path]:
    nx.write_graphml(build_graph(store), out)
    return [out]
