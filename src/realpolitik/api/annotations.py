"""Everything the Document view highlights, as one flat list of spans over the document text.

Each annotation is {kind, key, start, end, label, status?, data}: `key` is stable ("event:ID",
"claim:ID", …) so a link can point at one highlight; `data` is the row the details panel shows.
Offsets are the contract's (Python str indices, i.e. code points).

Every highlight comes from the store's per-document queries (events, claims, quantities,
mentions, times and interests with `doc=`), so drawing one document never reads the others.
"""

from __future__ import annotations

from typing import Any

from realpolitik.api.paths import public_document, public_row
from realpolitik.store.base import Store


def actor_table(store: Store) -> dict[str, dict[str, Any]]:
    """id -> name, kind, country, role: after merges and fixes, as queries see them (every
    actor, since the page's correction tools offer any of them as what an actor really is)."""
    return {a.id: {"name": a.name, "kind": a.kind, "country": a.country, "role": a.role}
            for a in store.actors(limit=None)}


def _data(row: Any) -> dict[str, Any]:
    """A row for the details panel: without the contract's `extra`, with no server path."""
    out = public_row(row)
    out.pop("extra", None)
    return out


def for_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    document = store.document(doc_id)
    if document is None:
        return None
    actors = actor_table(store)
    out: list[dict[str, Any]] = []
    for m in store.mentions(doc=doc_id, limit=None):
        if m.actor not in actors:
            continue
        out.append({"kind": "actor", "key": f"actor:{m.actor}:{m.char_start}", "start": m.char_start,
                    "end": m.char_end, "label": actors[m.actor]["name"],
                    "data": {"actor": m.actor, "text": m.text, **actors[m.actor]}})
    for e in store.events(doc=doc_id, limit=None):
        data = _data(e)
        data["source_name"] = actors.get(e.source or "", {}).get("name")
        data["target_name"] = actors.get(e.target or "", {}).get("name")
        out.append({"kind": "event", "key": f"event:{e.id}", "start": e.trigger_start, "end": e.trigger_end,
                    "label": e.type, "status": e.status, "data": data})
    for c in store.claims(doc=doc_id, limit=None):
        data = _data(c)
        data["source_name"] = actors.get(c.source or "", {}).get("name")
        out.append({"kind": "claim", "key": f"claim:{c.id}", "start": c.span_start, "end": c.span_end,
                    "label": c.status, "status": c.status, "data": data})
    for q in store.quantities(doc=doc_id, limit=None):
        out.append({"kind": "quantity", "key": f"quantity:{q.id}", "start": q.span_start, "end": q.span_end,
                    "label": q.text, "data": _data(q)})
    for t in store.times(doc=doc_id, limit=None):
        out.append({"kind": "time", "key": f"time:{t.span_start}-{t.span_end}", "start": t.span_start,
                    "end": t.span_end, "label": t.value or t.text, "data": {"text": t.text, "value": t.value}})
    for i in sorted(store.interests(doc=doc_id, limit=None), key=lambda i: (i.span_start, i.actor)):
        out.append({"kind": "interest", "key": f"interest:{i.actor}:{i.span_start}", "start": i.span_start,
                    "end": i.span_end, "label": i.text,
                    "data": {"actor": i.actor, "rank": i.rank, "text": i.text,
                             "actor_name": actors.get(i.actor, {}).get("name")}})
    out.sort(key=lambda a: (a["start"], -a["end"], a["kind"]))
    return {"document": public_document(document), "annotations": out, "actors": actors}
