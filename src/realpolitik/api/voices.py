"""Who says what in the contested list: each event's claim (who is said to have said it, how
surely, and the cues, such as "denied by …", that make it contested) and the actors' names,
added beside the fields /contested already had."""

from __future__ import annotations

from typing import Any

from realpolitik.store.base import Store
from realpolitik.store.records import ClaimRow

CLAIM_FIELDS = ("id", "source", "source_text", "status", "cues", "text", "quote")


def with_voices(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items with `said_by` on every event that a claim carries, and `names` (actor id ->
    name) on every item; nothing else changes."""
    names = store.actor_names() if hasattr(store, "actor_names") else {}
    claims: dict[str, dict[str, ClaimRow]] = {}

    def claim(doc: str, claim_id: str | None) -> dict[str, Any] | None:
        if not claim_id:
            return None
        if doc not in claims:
            claims[doc] = {c.id: c for c in store.claims(doc=doc, limit=None)}
        found = claims[doc].get(claim_id)
        if found is None:
            return None
        out = {k: getattr(found, k) for k in CLAIM_FIELDS}
        out["source_name"] = names.get(found.source or "")
        return out

    enriched = []
    for item in items:
        ids: set[str] = set()
        if "events" in item:
            events = []
            for e in item["events"]:
                ids.update(x for x in (e.get("source"), e.get("target")) if x)
                events.append({**e, "said_by": claim(e["doc"], e.get("claim"))})
            item = {**item, "events": events}
        if item.get("source"):
            ids.add(item["source"])
        item = {**item, "names": {i: names.get(i, i) for i in sorted(ids)}}
        if item.get("kind") == "denied claim":
            item["said_by"] = claim(item["doc"], item.get("claim"))
        enriched.append(item)
    return enriched
