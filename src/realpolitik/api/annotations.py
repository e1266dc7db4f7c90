"""Everything the Document view highlights, as one flat list of spans over the document text.

Each annotation is {kind, key, start, end, label, status?, data}: `key` is stable ("event:ID",
"claim:ID", …) so a link can point at one highlight; `data` is the row the details panel shows.
Offsets are the contract's (Python str indices, i.e. code points).
"""

from __future__ import annotations

from typing import Any

from realpolitik.api.corpus import CorpusView
from realpolitik.store.base import Store


def actor_table(store: Store, view: CorpusView) -> dict[str, dict[str, Any]]:
    """id -> name, kind, country, role: after merges and fixes, as queries see them."""
    return {a.id: {"name": a.name, "kind": a.kind, "country": a.country, "role": a.role}
            for a in view.analysis(store).actors}


def for_document(store: Store, view: CorpusView, doc_id: str) -> dict[str, Any] | None:
    document = store.document(doc_id)
    if document is None:
        return None
    actors = actor_table(store, view)
    extra = view.for_document(store, doc_id)
    out: list[dict[str, Any]] = []
    for actor, m in extra["mentions"]:
        out.append({"kind": "actor", "key": f"actor:{actor.id}:{m.start}", "start": m.start, "end": m.end,
                    "label": actor.name, "data": {"actor": actor.id, "text": m.text, **actors.get(actor.id, {})}})
    for e in store.events(doc=doc_id, limit=None):
        data = {k: v for k, v in e.items() if k != "extra"}
        data["source_name"] = actors.get(e["source"] or "", {}).get("name")
        data["target_name"] = actors.get(e["target"] or "", {}).get("name")
        out.append({"kind": "event", "key": f"event:{e['id']}", "start": e["trigger_start"], "end": e["trigger_end"],
                    "label": e["type"], "status": e.get("status"), "data": data})
    for c in store.claims(doc=doc_id, limit=None):
        data = {k: v for k, v in c.items() if k != "extra"}
        data["source_name"] = actors.get(c["source"] or "", {}).get("name")
        out.append({"kind": "claim", "key": f"claim:{c['id']}", "start": c["span_start"], "end": c["span_end"],
                    "label": c["status"], "status": c["status"], "data": data})
    for q in store.quantities(doc=doc_id, limit=None):
        out.append({"kind": "quantity", "key": f"quantity:{q['id']}", "start": q["span_start"], "end": q["span_end"],
                    "label": q["text"], "data": {k: v for k, v in q.items() if k != "extra"}})
    for t in extra["times"]:
        out.append({"kind": "time", "key": f"time:{t.span.start}-{t.span.end}", "start": t.span.start,
                    "end": t.span.end, "label": t.value or t.text, "data": {"text": t.text, "value": t.value}})
    for i in extra["interests"]:
        out.append({"kind": "interest", "key": f"interest:{i.actor}:{i.span.start}", "start": i.span.start,
                    "end": i.span.end, "label": i.text,
                    "data": {"actor": i.actor, "rank": i.rank, "text": i.text,
                             "actor_name": actors.get(i.actor, {}).get("name")}})
    out.sort(key=lambda a: (a["start"], -a["end"], a["kind"]))
    return {"document": document, "annotations": out, "actors": actors}
