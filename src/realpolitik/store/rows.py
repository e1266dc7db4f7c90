"""Contract objects to table rows and back, shared by every SQL backend.

Fields the contract may add later (pydantic's model_extra) are kept in an `extra` JSON column,
so a store round-trips what it was given even before its tables learn the new field.
"""

from __future__ import annotations

import json
from typing import Any

from realpolitik.schema import Actor, Claim, Document, Event, Interest, Quantity, TimeExpr

DOC_COLS = ("id", "doc_key", "version", "is_current", "title", "author", "publisher", "published", "path",
            "url", "lang", "text", "boilerplate", "metadata", "extra", "ingested_at")
ACTOR_COLS = ("id", "name", "kind", "country", "org", "sector", "role", "aliases", "extra")
MENTION_COLS = ("doc", "actor", "char_start", "char_end", "text")
EVENT_COLS = ("doc", "id", "type", "mode", "contexts", "source", "target", "date", "negated", "hypothetical",
              "claim", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger_text",
              "confidence", "cameo", "goldstein", "pattern", "extra")
CLAIM_COLS = ("doc", "id", "span_start", "span_end", "source", "source_text", "status", "cues", "quote", "extra")
QUANTITY_COLS = ("doc", "id", "span_start", "span_end", "text", "value", "value_max", "unit", "kind", "bound",
                 "subject", "date", "extra")
TIME_COLS = ("doc", "span_start", "span_end", "text", "value")
INTEREST_COLS = ("doc", "actor", "rank", "text", "span_start", "span_end")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def loads(value: str | None) -> Any:
    return json.loads(value) if value else None


def _extra(model: Any) -> str:
    return dumps(dict(model.model_extra or {}))


def document_row(d: Document, key: str, version: int, now: Any) -> tuple[Any, ...]:
    return (d.id, key, version, True, d.title, d.author, d.publisher, d.published, d.path, d.url, d.lang,
            d.text, dumps([list(b) for b in d.boilerplate]), dumps(d.metadata), _extra(d), now)


def actor_row(a: Actor) -> tuple[Any, ...]:
    return (a.id, a.name, a.kind, a.country, a.org, a.sector, a.role, dumps(a.aliases), _extra(a))


def event_row(e: Event) -> tuple[Any, ...]:
    return (e.doc, e.id, e.type, e.mode, dumps(e.contexts), e.source, e.target, e.date, e.negated,
            e.hypothetical, e.claim, e.sentence.start, e.sentence.end, e.trigger.start, e.trigger.end,
            e.trigger.text, e.confidence, e.cameo, e.goldstein, e.pattern, _extra(e))


def claim_row(c: Claim) -> tuple[Any, ...]:
    return (c.doc, c.id, c.span.start, c.span.end, c.source, c.source_text, c.status, dumps(c.cues), c.quote,
            _extra(c))


def quantity_row(q: Quantity) -> tuple[Any, ...]:
    return (q.doc, q.id, q.span.start, q.span.end, q.text, q.value, q.value_max, q.unit, q.kind, q.bound,
            q.subject, q.date, _extra(q))


def time_row(t: TimeExpr) -> tuple[Any, ...]:
    return (t.doc, t.span.start, t.span.end, t.text, t.value)


def interest_row(i: Interest) -> tuple[Any, ...]:
    return (i.doc, i.actor, i.rank, i.text, i.span.start, i.span.end)


# -- rows (from the views) back to contract objects ---------------------------
def document_from(r: dict[str, Any]) -> Document:
    return Document(id=r["id"], title=r["title"], author=r["author"], publisher=r["publisher"],
                    published=r["published"], path=r["path"], url=r["url"], lang=r["lang"], text=r["text"],
                    boilerplate=[tuple(b) for b in loads(r["boilerplate"]) or []],
                    metadata=loads(r["metadata"]) or {}, **(loads(r["extra"]) or {}))


def event_from(r: dict[str, Any]) -> Event:
    return Event(id=r["id"], doc=r["doc"], type=r["type"], mode=r["mode"], contexts=loads(r["contexts"]) or [],
                 source=r["source"], target=r["target"], date=r["date"], negated=bool(r["negated"]),
                 hypothetical=bool(r["hypothetical"]), claim=r["claim"],
                 sentence={"start": r["sentence_start"], "end": r["sentence_end"]},
                 trigger={"start": r["trigger_start"], "end": r["trigger_end"], "text": r["trigger_text"]},
                 confidence=r["confidence"], cameo=r["cameo"], goldstein=r["goldstein"], pattern=r["pattern"],
                 **(loads(r["extra"]) or {}))


def claim_from(r: dict[str, Any]) -> Claim:
    return Claim(id=r["id"], doc=r["doc"], span={"start": r["span_start"], "end": r["span_end"]},
                 source=r["source"], source_text=r["source_text"], status=r["status"],
                 cues=loads(r["cues"]) or [], quote=bool(r["quote"]), **(loads(r["extra"]) or {}))


def quantity_from(r: dict[str, Any]) -> Quantity:
    return Quantity(id=r["id"], doc=r["doc"], span={"start": r["span_start"], "end": r["span_end"]},
                    text=r["text"], value=r["value"], value_max=r["value_max"], unit=r["unit"], kind=r["kind"],
                    bound=r["bound"], subject=r["subject"], date=r["date"], **(loads(r["extra"]) or {}))
