"""FollowTheMoney entities as JSON Lines, for Aleph and the OpenSanctions tools.

Written by the published FtM schema (entities are {"id", "schema", "properties": {name:
[values]}}): each document becomes an Article, each actor a PublicBody (states), Person,
Organization (organisations and groups) or Address (places), and each event an Event whose
`involved` are its actors and whose `proof` is its Article. FtM countries are ISO alpha-2
codes, lower case; ours are alpha-3, mapped through the CLDR aliases that Babel ships.
Negated and hypothetical events are not exported: FtM has no way to say "did not happen".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.export import exporter
from realpolitik.store.base import Store

SCHEMA_OF_KIND = {"state": "PublicBody", "person": "Person", "organization": "Organization",
                  "group": "Organization", "location": "Address"}
LEGAL_ENTITIES = {"PublicBody", "Person", "Organization"}  # what an Event may involve
_SPECIAL = {"SUN": "suhh", "XKX": "xk"}
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


@lru_cache(maxsize=512)
def country_code(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    if alpha3 in _SPECIAL:
        return _SPECIAL[alpha3]
    from babel.core import get_global

    found = get_global("territory_aliases").get(alpha3.upper())
    if not found or len(found) != 1 or found[0] == "ZZ":  # ZZ is CLDR's "unknown region"
        return None
    return found[0].lower()


def entity_id(kind: str, value: str) -> str:
    return f"rp-{kind}-" + _UNSAFE.sub("-", value.removeprefix("sha256:")).strip("-")


def entity(id_: str, schema: str, **props: Any) -> dict[str, Any]:
    properties: dict[str, list[str]] = {}
    for k, v in props.items():
        values = v if isinstance(v, list) else [v]
        values = [str(x) for x in values if x not in (None, "")]
        if values:
            properties[k] = values
    return {"id": id_, "schema": schema, "properties": properties}


def document_entity(d: dict[str, Any]) -> dict[str, Any]:
    return entity(entity_id("doc", d["id"]), "Article", title=d["title"] or d["path"] or d["id"],
                  publishedAt=d["published"], publisher=d["publisher"], author=d["author"], sourceUrl=d["url"],
                  fileName=d["path"], contentHash=d["id"].removeprefix("sha256:"), bodyText=d.get("text"))


def actor_entity(a: dict[str, Any]) -> dict[str, Any]:
    schema = SCHEMA_OF_KIND.get(a["kind"], "Organization")
    country = country_code(a["country"])
    props: dict[str, Any] = {"name": a["name"], "alias": a["aliases"], "country": country}
    if schema == "Address":
        props = {"full": a["name"], "country": country}
    elif schema == "PublicBody":
        props["jurisdiction"] = country
    elif schema == "Person":
        props["position"] = a["role"]
    return entity(entity_id("actor", a["id"]), schema, **props)


def event_entity(e: dict[str, Any], schemas: dict[str, str], names: dict[str, str]) -> dict[str, Any]:
    involved = [entity_id("actor", x) for x in (e["source"], e["target"]) if x and schemas.get(x) in LEGAL_ENTITIES]
    parts = [names.get(e["source"], e["source"] or "?"), e["type"], names.get(e["target"], e["target"] or "?")]
    description = (f"PLOVER {e['type']}; CAMEO {e['cameo'] or '-'}; Goldstein "
                   f"{'-' if e['goldstein'] is None else e['goldstein']}; claim status {e['status']}")
    return entity(entity_id("event", f"{e['id']}-{e['doc'].removeprefix('sha256:')[:12]}"), "Event",
                  name=" ".join(parts), date=e["dated"], summary=" ".join(e["sentence"].split()),
                  description=description, involved=involved, proof=entity_id("doc", e["doc"]),
                  sourceUrl=e["url"], publisher=e["publisher"], recordId=e["id"])


@exporter("ftm", "FollowTheMoney entities as JSON Lines (Aleph, OpenSanctions tools)")
def export_ftm(store: Store, out: Path) -> list[Path]:
    actors = store.actors(limit=None)
    schemas = {a["id"]: SCHEMA_OF_KIND.get(a["kind"], "Organization") for a in actors}
    names = {a["id"]: a["name"] for a in actors}
    with open(out, "w", encoding="utf-8") as f:
        def put(obj: dict[str, Any]) -> None:
            f.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")

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
            if not (e["negated"] or e["hypothetical"]):
                put(event_entity(e, schemas, names))
    return [out]
