"""The readable summary `realpolitik analyze` prints: actors, timeline, claims, interests, figures."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.table import Table

from realpolitik.schema import Analysis


def _snippet(text: str, start: int, end: int, width: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def print_report(analysis: Analysis, console: Console | None = None) -> None:
    # In a pipe rich assumes 80 columns, which folds every evidence sentence: use a wider page.
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    texts = {d.id: d.text for d in analysis.documents}
    names = {a.id: a.name for a in analysis.actors}
    console.print(f"[bold]{len(analysis.documents)} document(s)[/bold]: "
                  + ", ".join(d.title or d.path or d.id[:19] for d in analysis.documents[:5])
                  + (" …" if len(analysis.documents) > 5 else ""))

    actors = Table(title="Actors", show_lines=False)
    for col in ("id", "name", "kind", "country/org", "sector", "role", "mentions"):
        actors.add_column(col)
    for a in sorted(analysis.actors, key=lambda a: -len(a.mentions)):
        actors.add_row(a.id, a.name, a.kind, a.country or a.org or "", a.sector or "", a.role or "",
                       str(len(a.mentions)))
    console.print(actors)

    if analysis.events:
        claims = {c.id: c for c in analysis.claims}
        timeline = Table(title="Events (timeline)")
        for col in ("date", "type", "source", "target", "flags", "evidence"):
            timeline.add_column(col, overflow="fold")
        for e in sorted(analysis.events, key=lambda e: (e.date is None, e.date or "", e.sentence.start)):
            flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical)) if on]
            if e.mode:
                flags.append(e.mode)
            if e.claim and e.claim in claims:
                flags.append(claims[e.claim].status)
            timeline.add_row(e.date or "?", e.type, names.get(e.source or "", e.source or "-"),
                             names.get(e.target or "", e.target or "-"), ", ".join(flags),
                             _snippet(texts[e.doc], e.sentence.start, e.sentence.end))
        console.print(timeline)

    if analysis.claims:
        # grouped by status (most doubtful first), then by who says so
        order = {s: k for k, s in enumerate(("denied", "unverified", "alleged", "hedged", "reported", "asserted"))}
        ledger = Table(title="Claims ledger (by status and source)")
        for col in ("status", "source", "cues", "quoted", "claim"):
            ledger.add_column(col, overflow="fold")
        groups: dict[tuple[str, str], list] = {}
        for c in analysis.claims:
            who = names.get(c.source or "", None) or c.source_text or "-"
            groups.setdefault((c.status, who), []).append(c)
        for (status, who), items in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
            for n, c in enumerate(sorted(items, key=lambda c: (c.doc, c.span.start))):
                ledger.add_row(status if n == 0 else "", who if n == 0 else "", ", ".join(c.cues),
                               "yes" if c.quote else "", _snippet(texts[c.doc], c.span.start, c.span.end))
        console.print(ledger)

    if analysis.interests:
        interests = Table(title="Stated interests (by actor, ranked first)")
        for col in ("actor", "rank", "interest"):
            interests.add_column(col, overflow="fold")
        by_actor: dict[str, list] = {}
        for i in analysis.interests:
            by_actor.setdefault(i.actor, []).append(i)
        for actor, items in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            items.sort(key=lambda i: (i.rank is None, i.rank or 0, i.doc, i.span.start))
            for n, i in enumerate(items):
                interests.add_row(names.get(actor, actor) if n == 0 else "", str(i.rank or ""),
                                  _snippet(texts[i.doc], i.span.start, i.span.end))
        console.print(interests)

    if analysis.times:
        times = Table(title="Dates")
        times.add_column("text")
        times.add_column("value")
        times.add_column("count")
        for (text, value), n in Counter((t.text, t.value) for t in analysis.times).most_common():
            times.add_row(text, value or "(unresolved)", str(n))
        console.print(times)

    if analysis.quantities:
        figures = Table(title="Figures")
        for col in ("text", "value", "unit", "bound", "subject", "date"):
            figures.add_column(col)
        for q in analysis.quantities:
            value = "" if q.value is None else f"{q.value:,.0f}" if q.value >= 1000 else f"{q.value:g}"
            if q.value_max is not None:
                value += f"–{q.value_max:g}"
            figures.add_row(q.text, value, q.unit, q.bound, q.subject or "", q.date or "")
        console.print(figures)
