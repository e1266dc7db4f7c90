"""The GDELT 2.0 event table: 61 tab-separated columns in the codebook's order, no header, LF.

A GDELT reader (a pandas read with GDELT 2.0's column names, BigQuery's schema) loads it as it
loads GDELT's own `*.export.CSV` files. What each column holds here, where GDELT's meaning needs
a choice:

- GLOBALEVENTID: a stable number from the event's id and document (the first 60 bits of their
  SHA-256), so a re-export gives the same ids.
- SQLDATE / MonthYear / Year / FractionDate: the event's date, else its document's. GDELT dates
  every event to the day; a month ("2014-03"), a year ("2024") or a range ("2023-02-20/2023-02-26")
  is written as the first day it covers (20140301, 20240101, 20230220) — the same day as the
  tables' `dated_value`, whose `dated_precision` says how precise it really is. Events with no
  date at all are left out. FractionDate is Year + ((month - 1) * 30 + day) / 365 to four places:
  the codebook prints "MONTH * 30", but GDELT's files are computed with month - 1 (2016-04-01 is
  2016.2493), and those are what readers compare against.
- Actor codes by the CAMEO actor codebook (export/cameo.py): CHN, RUSMIL, IGOWSTNAT; names in
  upper case as GDELT writes them. No ethnic or religious codes.
- IsRootEvent: 1 when the event's sentence is in the document's lead paragraph, as GDELT means it.
- EventCode: the full CAMEO code where the rule knows it (1241), else the root's "not specified
  below" code (040); EventBaseCode its first three digits, EventRootCode its first two; QuadClass
  from the root. GoldsteinScale is the root's score (realpolitik scores roots, not sub-codes).
- NumMentions / NumSources / NumArticles: 1 — each row is one extraction from one document.
- AvgTone: empty (no tone is measured). Geography: type 0 and empty fields (nothing is geocoded).
- DATEADDED: when the document was ingested (UTC, YYYYMMDDHHMMSS).
- SOURCEURL: the document's URL, else its content id (sha256:...) — never a local path.

Negated and hypothetical events are left out: GDELT has no way to say "did not happen".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.export import exporter
from realpolitik.export.cameo import actor_code, base_code, event_code, quad_class, root_code
from realpolitik.export.tables import date_and_precision
from realpolitik.store.base import Store
from realpolitik.store.records import ActorRow, EventRow

__all__ = ["COLUMNS", "export_gdelt", "fraction_date", "gdelt_row", "lead_paragraph_end", "quad_class"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO),
    "DATEADDED", "SOURCEURL",
)
_UNSAFE = re.compile(r"[\t\r\n]+")


def global_event_id(event: Mapping[str, Any] | EventRow) -> int:
    digest = hashlib.sha256(f"{event['doc']}\x00{event['id']}".encode()).hexdigest()
    return int(digest[:15], 16)


def fraction_date(day: date) -> float:
    """GDELT's FractionDate for a day, as GDELT's own files compute it."""
    return round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)


def lead_paragraph_end(text: str, boilerplate: list[tuple[int, int]] | list[list[int]]) -> int:
    """Where the document's lead paragraph ends: the first paragraph of body text, paragraphs
    being split by blank lines (by line breaks in a text that has no blank line)."""
    splitter = re.compile(r"\n[ \t]*\n") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n")
    start = 0
    for gap in [*splitter.finditer(text), None]:
        end = gap.start() if gap else len(text)
        body = text[start:end]
        first = start + len(body) - len(body.lstrip())
        last = start + len(body.rstrip())
        if first < last and not any(b0 <= first and last <= b1 for b0, b1 in boilerplate):
            return end
        start = gap.end() if gap else len(text)
    return len(text)


def _text(value: Any) -> str:
    return "" if value is None else _UNSAFE.sub(" ", str(value)).strip()


def _actor_fields(actor: ActorRow | None, fallback_name: str | None) -> list[str]:
    coded = actor_code(actor)
    name = (actor.name if actor else None) or fallback_name or ""
    types = [*coded.types, "", "", ""][:3]
    return [coded.code, _text(name).upper(), coded.country, coded.known_group, "", "", "", *types]


def gdelt_row(event: EventRow, actors: dict[str, ActorRow], ingested: str, lead_end: int) -> list[str] | None:
    """One event as GDELT's 61 fields (as text), or None when GDELT cannot hold it (no date, no code)."""
    day, _ = date_and_precision(event.dated)
    code = event_code(event)
    if day is None or code is None:
        return None
    root = root_code(code)
    goldstein = event.goldstein
    if goldstein is None:
        from realpolitik.extract.events.lexicon import load

        goldstein = load().goldstein.get(root)
    fields = [
        str(global_event_id(event)), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
        f"{fraction_date(day):.4f}",
        *_actor_fields(actors.get(event.source or ""), event.source),
        *_actor_fields(actors.get(event.target or ""), event.target),
        "1" if event.sentence_start < lead_end else "0",
        code, base_code(code), root, str(quad_class(root) or ""), "" if goldstein is None else str(float(goldstein)),
        "1", "1", "1", "",
        *(["0"] + [""] * (len(_GEO) - 1)) * 3,
        ingested, _text(event.url) or event.doc,
    ]
    return fields


def _ingested(value: Any) -> str:
    return value.strftime("%Y%m%d%H%M%S") if hasattr(value, "strftime") else ""


@exporter("gdelt", "the GDELT 2.0 event table (61 tab-separated columns, no header) with CAMEO codes")
def export_gdelt(store: Store, out: Path) -> list[Path]:
    actors = {a.id: a for a in store.actors(limit=None)}
    docs: dict[str, tuple[str, int]] = {}  # doc id -> (DATEADDED, end of its lead paragraph)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for event in store.iter_events():
            if event.negated or event.hypothetical:
                continue
            if event.doc not in docs:
                d = store.document(event.doc)
                docs[event.doc] = (_ingested(d.ingested_at), lead_paragraph_end(d.text, d.boilerplate)) if d else ("", 0)
            row = gdelt_row(event, actors, *docs[event.doc])
            if row is not None:
                f.write("\t".join(row) + "\n")
    return [out]
