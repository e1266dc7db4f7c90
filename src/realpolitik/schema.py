"""The analysis contract (`realpolitik.analysis/1`) as typed models.

Every stage speaks these types; the JSON written by `realpolitik analyze --json` is their
serialisation (see CONTRACT.md in the design notes). Fields may be added, never renamed or
dropped without bumping SCHEMA_VERSION. Offsets are Python str indices into Document.text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "realpolitik.analysis/1"

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
ActorKind = Literal["state", "person", "organization", "group", "location"]
ClaimStatus = Literal["asserted", "reported", "alleged", "unverified", "hedged", "denied"]
CLAIM_STATUSES: tuple[str, ...] = ClaimStatus.__args__  # type: ignore[attr-defined]
QuantityKind = Literal["money", "count", "distance", "duration", "percent", "mass", "energy", "other"]
Bound = Literal["exact", "more_than", "less_than", "about", "range"]


class _Model(BaseModel):
    # Extra fields are kept, not rejected: the contract may grow, and readers must not break.
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Span(_Model):
    start: int
    end: int


class TextSpan(Span):
    text: str


class Mention(_Model):
    doc: str
    start: int
    end: int
    text: str


class Document(_Model):
    id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    path: str | None = None
    url: str | None = None
    lang: str | None = "en"
    text: str
    boilerplate: list[tuple[int, int]] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Event(_Model):
    id: str
    doc: str
    type: EventType
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    source: str | None = None
    target: str | None = None
    date: str | None = None
    negated: bool = False
    hypothetical: bool = False
    claim: str | None = None
    sentence: Span
    trigger: TextSpan
    confidence: float = 0.5
    cameo: str | None = None
    goldstein: float | None = None
    pattern: str | None = None  # which rule fired: every score explains itself


class Claim(_Model):
    id: str
    doc: str
    span: Span
    source: str | None = None
    source_text: str | None = None
    status: ClaimStatus
    cues: list[str] = Field(default_factory=list)
    quote: bool = False


class Quantity(_Model):
    id: str
    doc: str
    span: Span
    text: str
    value: float | None
    value_max: float | None = None
    unit: str
    kind: QuantityKind
    bound: Bound = "exact"
    subject: str | None = None
    date: str | None = None


class TimeExpr(_Model):
    doc: str
    span: Span
    text: str
    value: str | None


class Interest(_Model):
    actor: str
    rank: int | None = None
    text: str
    doc: str
    span: Span


class Analysis(_Model):
    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    documents: list[Document] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def content_id(text: str) -> str:
    """Same text, same id: the document's identity is its content."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def merge_actor(into: dict[str, Actor], actor: Actor) -> None:
    """Fold one document's view of an actor into a corpus-wide table keyed by id."""
    have = into.get(actor.id)
    if have is None:
        into[actor.id] = actor.model_copy(deep=True)
        return
    for alias in actor.aliases:
        if alias not in have.aliases:
            have.aliases.append(alias)
    have.mentions.extend(actor.mentions)
    for field in ("country", "org", "sector", "role"):
        if getattr(have, field) is None and getattr(actor, field) is not None:
            setattr(have, field, getattr(actor, field))


def merge(parts: Iterable[Analysis]) -> Analysis:
    """Combine per-document analyses into one, actors merged by id, input order kept."""
    out = Analysis()
    actors: dict[str, Actor] = {}
    for part in parts:
        out.documents.extend(part.documents)
        for actor in part.actors:
            merge_actor(actors, actor)
        out.events.extend(part.events)
        out.claims.extend(part.claims)
        out.quantities.extend(part.quantities)
        out.times.extend(part.times)
        out.interests.extend(part.interests)
    out.actors = list(actors.values())
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, as `realpolitik schema` prints it."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = SCHEMA_VERSION
    return schema


def validate(data: dict[str, Any]) -> Analysis:
    """Parse and check a contract object; raises pydantic.ValidationError when it is not one."""
    if data.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"unknown schema {data.get('schema')!r}, expected {SCHEMA_VERSION!r}")
    analysis = Analysis.model_validate(data)
    _check_offsets(analysis)
    return analysis


def _check_offsets(analysis: Analysis) -> None:
    """Evidence or nothing: every span must point inside its document."""
    lengths = {d.id: len(d.text) for d in analysis.documents}

    def check(doc: str, start: int, end: int, what: str) -> None:
        if doc not in lengths:
            raise ValueError(f"{what} refers to unknown document {doc}")
        if not 0 <= start <= end <= lengths[doc]:
            raise ValueError(f"{what} span {start}:{end} outside document {doc}")

    for a in analysis.actors:
        for m in a.mentions:
            check(m.doc, m.start, m.end, f"actor {a.id} mention")
    for e in analysis.events:
        check(e.doc, e.sentence.start, e.sentence.end, f"event {e.id}")
        check(e.doc, e.trigger.start, e.trigger.end, f"event {e.id} trigger")
    for c in analysis.claims:
        check(c.doc, c.span.start, c.span.end, f"claim {c.id}")
    for q in analysis.quantities:
        check(q.doc, q.span.start, q.span.end, f"quantity {q.id}")
    for t in analysis.times:
        check(t.doc, t.span.start, t.span.end, "time")
    for i in analysis.interests:
        check(i.doc, i.span.start, i.span.end, "interest")


def read(path: str | Path) -> Analysis:
    with open(path, encoding="utf-8") as f:
        return validate(json.load(f))


def write(analysis: Analysis, path: str | Path) -> None:
    """Write atomically: a crash never leaves half a JSON file behind."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(analysis.to_dict(), f, ensure_ascii=False, indent=1)
    tmp.replace(path)
