"""The events table behind the page's Events view: one set of filters for the rows, their facet
counts and the CSV download, so what an analyst downloads is exactly what the table shows.

Type, actor, date range and document are filtered by the store's query; claim status and
publisher by the rows themselves (the store's events() has no such filter), over every
matching event, before paging. Facet counts follow the usual rule: each facet counts the rows
that pass every *other* filter, so choosing a type still shows how many events the other
types hold.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from realpolitik.export.tables import COLUMNS, date_and_precision
from realpolitik.store.base import Store
from realpolitik.store.records import EventRow

FACETS = ("type", "actor", "status", "publisher")
# The columns of `realpolitik export csv`'s events.csv, then the two actors' names.
CSV_COLUMNS = [c for c, _ in COLUMNS["events"]] + ["source_name", "target_name"]


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    doc: str | None = None
    status: str | None = None
    publisher: str | None = None

    def keeps(self, e: EventRow, skip: str | None = None) -> bool:
        """The row-level test of every filter but `skip` (type and actor included, so facet
        counts can drop one filter while the store query keeps only the date range)."""
        return ((skip == "type" or not self.type or e.type == self.type.upper())
                and (skip == "actor" or not self.actor or self.actor in (e.source, e.target))
                and (skip == "status" or not self.status or e.status == self.status)
                and (skip == "publisher" or not self.publisher
                     or (e.publisher or "").lower() == self.publisher.lower()))


def rows(store: Store, f: EventFilter) -> Iterator[EventRow]:
    """Every event the filter keeps, in the store's order (date, document, sentence)."""
    for e in store.iter_events(actor=f.actor, type=f.type, since=f.since, until=f.until, doc=f.doc):
        if f.keeps(e):
            yield e


def page(store: Store, f: EventFilter, limit: int, offset: int) -> list[EventRow]:
    """One page; the store pages itself when no row-level filter is set."""
    if not f.status and not f.publisher:
        return store.events(actor=f.actor, type=f.type, since=f.since, until=f.until, doc=f.doc,
                            limit=limit, offset=offset)
    out = []
    for i, e in enumerate(rows(store, f)):
        if i >= offset + limit:
            break
        if i >= offset:
            out.append(e)
    return out


def facets(store: Store, f: EventFilter, top: int = 100) -> dict[str, Any]:
    """Per facet, how many events each value holds among the rows that pass the other filters;
    with the total, the first and last date, and the actors' names."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in FACETS}
    total = 0
    first: str | None = None
    last: str | None = None
    base = replace(f, type=None, actor=None)  # the store filters dates and document; the rest here
    for e in store.iter_events(since=base.since, until=base.until, doc=base.doc):
        if f.keeps(e):
            total += 1
            if e.dated:
                first = e.dated if first is None or e.dated < first else first
                last = e.dated if last is None or e.dated > last else last
        for facet in FACETS:
            if not f.keeps(e, skip=facet):
                continue
            if facet == "actor":
                counts[facet].update({a for a in (e.source, e.target) if a})
            else:
                counts[facet][getattr(e, facet) or ""] += 1
    names = store.actor_names() if hasattr(store, "actor_names") else {}
    actor_counts = counts["actor"].most_common(top)
    return {"total": total, "first": first, "last": last,
            **{k: dict(sorted(counts[k].items(), key=lambda kv: (-kv[1], kv[0]))) for k in ("type", "status")},
            "publisher": dict(sorted(((p, n) for p, n in counts["publisher"].items() if p),
                                     key=lambda kv: (-kv[1], kv[0]))),
            "actor": [{"id": a, "name": names.get(a, a), "events": n} for a, n in actor_counts]}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def csv_lines(events: Iterable[dict[str, Any]], names: dict[str, str]) -> Iterator[str]:
    """The events (as the dicts a reader gets, api/paths.py's public_row) as CSV, header first,
    one string per row: every text value quoted (so CAMEO "03" and an ISO "2023" stay text in a
    spreadsheet), numbers bare, LF line ends."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n",
                       extrasaction="ignore")

    def flush() -> str:
        text = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return text

    w.writeheader()
    yield flush()
    for e in events:
        row = {**e}
        row["dated_value"], row["dated_precision"] = date_and_precision(e.get("dated"))
        row["source_name"] = names.get(e["source"] or "", None)
        row["target_name"] = names.get(e["target"] or "", None)
        w.writerow({c: _cell(row.get(c)) for c in CSV_COLUMNS})
        yield flush()
