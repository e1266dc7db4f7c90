"""FollowTheMoney entities as JSON Lines, for Aleph and the OpenSanctions tools.

Built with the `followthemoney` library's own model, and every entity is checked by its schema
before it is written, so what Aleph or `ftm validate` reads is what FtM itself accepts. Each
document becomes an Article, each actor a PublicBody (states), Person, Organization
(organisations and groups) or Address (places), and each event an Event whose `involved` are its
actors and whose `proof` is its Article.

- Countries are FtM's own codes (ISO alpha-2 in lower case, `suhh` for the Soviet Union),
  converted from our alpha-3 codes by FtM's country type.
- contentHash is FtM's checksum type, a SHA-1: here the SHA-1 of the article's text exactly as
  exported in `bodyText` (UTF-8; FtM trims the text's surrounding white space). Our own document id (the SHA-256 of that text) cannot be an
  FtM checksum; it stays in the entity id (rp-doc-<sha256>).
- No local paths: a document is known by its URL and its content id, never by where the file
  lay on the machine that ingested it.
- An event dated by a range ("2023-02-20/2023-02-26") gets startDate and endDate; any other
  date is its `date` (FtM dates are ISO prefixes, as ours are).
Negated and hypothetical events are not exported: FtM has no way to say "did not happen".
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from realpolitik.export import exporter
from realpolitik.store.base import Store
from realpolitik.store.records import ActorRow, DocumentRow, EventRow

SCHEMA_OF_KIND = {"state": "PublicBody", "person": "Person", "organization": "Organization",
                  "group": "Organization", "location": "Address"}
LEGAL_ENTITIES = {"PublicBody", "Person", "Organization"}  # what an Event may involve
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


@lru_cache(maxsize=512)
def country_code(alpha3: str | None) -> str | None:
    """FtM's country code for one of ours (CHN -> cn, SUN -> suhh), or None if FtM has none."""
    return registry.country.clean(alpha3) if alpha3 else None


def entity_id(kind: str, value: str) -> str:
    return f"rp-{kind}-" + _UNSAFE.sub("-", value.removeprefix("sha256:")).strip("-")


def make(schema: str, id_: str, **props: Any) -> EntityProxy:
    """An entity of `schema` from the FtM model, with each non-empty value added (and cleaned)."""
    entity = model.make_entity(schema)
    entity.id = id_
    for name, value in props.items():
        for v in value if isinstance(value, list) else [value]:
            if v not in (None, ""):
                entity.add(name, str(v))
    return entity


def content_hash(text: str | None) -> str | None:
    return hashlib.sha1(text.encode("utf-8")).hexdigest() if text else None


def document_entity(d: DocumentRow) -> EntityProxy:
    article = make("Article", entity_id("doc", d.id), title=d.title or d.url or d.id,
                   publishedAt=d.published, publisher=d.publisher, author=d.author, sourceUrl=d.url,
                   language=d.lang, bodyText=getattr(d, "text", None))
    # FtM trims the text it stores; the checksum is of the text a reader of the export gets
    body = article.first("bodyText")
    if body:
        article.add("contentHash", content_hash(body))
    return article


def actor_entity(a: ActorRow) -> EntityProxy:
    schema = SCHEMA_OF_KIND.get(a.kind, "Organization")
    country = country_code(a.country)
    if schema == "Address":
        return make(schema, entity_id("actor", a.id), full=a.name, country=country)
    props: dict[str, Any] = {"name": a.name, "alias": a.aliases, "country": country}
    if schema == "PublicBody":
        props["jurisdiction"] = country
    elif schema == "Person":
        props["position"] = a.role
    return make(schema, entity_id("actor", a.id), **props)


def event_entity(e: EventRow, schemas: dict[str, str], names: dict[str, str]) -> EntityProxy:
    involved = [entity_id("actor", x) for x in (e.source, e.target) if x and schemas.get(x) in LEGAL_ENTITIES]
    parts = [names.get(e.source or "", e.source or "?"), e.type, names.get(e.target or "", e.target or "?")]
    description = (f"PLOVER {e.type}; CAMEO {e.cameo or '-'}; Goldstein "
                   f"{'-' if e.goldstein is None else e.goldstein}; claim status {e.status}")
    start, _, end = (e.dated or "").partition("/")
    dates = {"startDate": start, "endDate": end} if end else {"date": start}
    return make("Event", entity_id("event", f"{e.id}-{e.doc.removeprefix('sha256:')[:12]}"),
                name=" ".join(parts), summary=" ".join(e.sentence.split()), description=description,
                involved=involved, proof=entity_id("doc", e.doc), sourceUrl=e.url, publisher=e.publisher,
                recordId=e.id, **dates)


def checked(entity: EntityProxy) -> dict[str, Any]:
    """The entity as FtM writes it, after FtM's own schema validation (raises InvalidData)."""
    data = entity.to_dict()
    entity.schema.validate(data)
    return data


@exporter("ftm", "FollowTheMoney entities as JSON Lines (Aleph, OpenSanctions tools)")
def export_ftm(store: Store, out: Path) -> list[Path]:
    actors = store.actors(limit=None)
    schemas = {a.id: SCHEMA_OF_KIND.get(a.kind, "Organization") for a in actors}
    names = {a.id: a.name for a in actors}
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        def put(entity: EntityProxy) -> None:
            f.write(json.dumps(checked(entity), ensure_ascii=False, sort_keys=True) + "\n")

        offset = 0
        while True:
            docs = store.documents(limit=500, offset=offset, include_text=True)
            for d in docs:
                put(document_entity(d))
            if len(docs) < 500:
                break
            offset += 500
        for a in actors:
            put(actor_entity(a))
        for e in store.iter_events():
            if not (e.negated or e.hypothetical):
                put(event_entity(e, schemas, names))
    return [out]
