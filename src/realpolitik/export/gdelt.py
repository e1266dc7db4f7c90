"""A GDELT-style event table (tab-separated, GDELT 2.0 column names) for GDELT users' tools.

Each realpolitik event is one row with CAMEO codes and the Goldstein scale. Dates keep their
precision: SQLDATE (YYYYMMDD) only when the day is known, MonthYear only with the month, Year
always when dated — never a padded false day. Actor codes follow CAMEO's habit: a state is its
ISO alpha-3 code, anyone else their country code plus sector (RUSGOV). QuadClass follows the
CAMEO root: 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict,
14–20 material conflict. Negated and hypothetical events are left out (GDELT has no such flag).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from realpolitik.export import exporter
from realpolitik.store.base import Store

COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
           "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
           "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
           "SOURCEURL", "PLOVER", "RealpolitikID", "DocID")


def quad_class(root: str | None) -> int | None:
    if not root or not root[:2].isdigit():
        return None
    r = int(root[:2])
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def actor_code(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return ""
    if actor["kind"] == "state":
        return actor["id"]
    base = actor.get("country") or actor.get("org") or ""
    return base + (actor.get("sector") or "")


def gdelt_row(n: int, e: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    dated = (e["dated"] or "").split("/", 1)[0]
    a1, a2 = actors.get(e["source"] or ""), actors.get(e["target"] or "")
    cameo = e["cameo"] or ""
    return {
        "GLOBALEVENTID": n, "SQLDATE": dated.replace("-", "") if len(dated) == 10 else "",
        "MonthYear": dated[:7].replace("-", "") if len(dated) >= 7 else "", "Year": dated[:4],
        "Actor1Code": actor_code(a1), "Actor1Name": (a1 or {}).get("name", e["source"] or ""),
        "Actor1CountryCode": (a1 or {}).get("country") or "",
        "Actor2Code": actor_code(a2), "Actor2Name": (a2 or {}).get("name", e["target"] or ""),
        "Actor2CountryCode": (a2 or {}).get("country") or "",
        "IsRootEvent": 1, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": quad_class(cameo) or "", "GoldsteinScale": "" if e["goldstein"] is None else e["goldstein"],
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1, "SOURCEURL": e["url"] or e["path"] or "",
        "PLOVER": e["type"], "RealpolitikID": e["id"], "DocID": e["doc"],
    }


@exporter("gdelt", "a GDELT-style tab-separated event table with CAMEO codes and Goldstein scores")
def export_gdelt(store: Store, out: Path) -> list[Path]:
    actors = {a["id"]: a for a in store.actors(limit=None)}
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t")
        w.writeheader()
        n = 0
        for e in store.iter_events():
            if e["negated"] or e["hypothetical"]:
                continue
            n += 1
            w.writerow(gdelt_row(n, e, actors))
    return [out]
