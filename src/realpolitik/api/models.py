"""Request and response bodies of the API, so the OpenAPI schema says exactly what is accepted."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class DocumentIn(BaseModel):
    """A document given inline, as one JSONL line would give it: `text` (or `html`) plus metadata.

    Nothing is fetched: `url` is recorded as metadata only.
    """

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="Plain text to analyse.")
    html: str | None = Field(None, description="An HTML page; its article text is extracted locally.")
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    url: str | None = Field(None, description="Recorded, never fetched.")


class Page(BaseModel):
    """One page of a list; `next_offset` is null on the last page."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None


class Ingested(BaseModel):
    doc: str
    outcome: str
    version: int
    events: int


class CorrectionIn(BaseModel):
    """One analyst decision. A fix, e.g. {"kind": "fix", "target": "event:ev-…", "value":
    {"type": "ACCUSE", "target": "RUS", "date": "2024-03-01", "negated": false}}."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["reject", "resolve", "merge", "fix"] = Field(
        description="reject an extraction, resolve (fix) an actor's reading, merge two actors, or fix fields")
    target: str = Field(min_length=1, max_length=500,
                        description="reject: 'event:ID'/'claim:ID'/'quantity:ID'; resolve, merge: an actor id; "
                                    "fix: 'event:ID'/'claim:ID'/'actor:ID'")
    value: str | dict[str, Any] | None = Field(
        None, description="resolve: the actor it really is; merge: the actor it is folded into; fix: the fields "
                          "it changes — event: type, source, target, date, negated; claim: status; actor: key, "
                          "kind, country (null clears source, target, date, country)")
    scope: str = Field("*", max_length=200, description="resolve only: a document id, or '*' for every document")
    note: str | None = Field(None, max_length=2000)


class Decision(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int


class Health(BaseModel):
    status: str
    store: str
    counts: dict[str, int]
    schema_version: str
