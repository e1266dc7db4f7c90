"""Relations over time between two actors: counts per PLOVER type, a cooperation–conflict index.

The index is the mean Goldstein score of the period's events, always shown with the number of
events behind it (a mean of two events is not a trend). Events that did not happen as told —
negated, hypothetical, or carried by a claim its source denies — are left out of counts and
index and reported as excluded. Events whose date is coarser than the period asked for (a
year-only date in a monthly report) are counted as `unplaced`, never spread over months.

By default a dyad is counted at state level (see analysis/rollup.py): the China–Russia dyad
holds the Xi–Putin summits and the armed forces' exercises as well as the events coded
between the two states, and the report says which member actors contributed how many
events. At actor level each actor stands only for itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.analysis.periods import BY, period_after, period_of, period_start
from realpolitik.analysis.rollup import Rollup, check_level
from realpolitik.schema import EVENT_TYPES
from realpolitik.store.base import Store
from realpolitik.store.records import DyadEventRow, EventRow


@dataclass
class Period:
    period: str
    counts: dict[str, int]
    n: int
    index: float | None  # mean Goldstein of the n events with a score
    scored: int


@dataclass
class Evidence:
    event: str
    doc: str
    date: str | None
    type: str
    source: str | None
    target: str | None
    goldstein: float | None
    sentence: str
    publisher: str | None
    title: str | None
    where: str | None  # the document's URL, else its id (never a local path: reports are shared)
    status: str
    trigger: dict[str, Any]


@dataclass
class DyadReport:
    a: str
    b: str
    names: dict[str, str]
    by: str
    periods: list[Period]
    totals: dict[str, int]
    n: int
    index: float | None
    excluded: dict[str, int]
    unplaced: int
    evidence: list[Evidence] = field(default_factory=list)
    level: str = "state"
    # per side, the actors whose events were counted for it and how many: {"CHN": {"xi-jinping": 9, …}}
    members: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def excluded_reason(e: EventRow) -> str | None:
    """Why an event is not counted (negated, hypothetical, denied), or None when it is."""
    if e.negated:
        return "negated"
    if e.hypothetical:
        return "hypothetical"
    if e.status == "denied":
        return "denied"
    return None


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def strength(e: EventRow) -> float:
    """How strongly an event speaks about the relation: |Goldstein| weighted by confidence."""
    return abs(e.goldstein or 0.0) * float(e.confidence or 0.0)


def _side(rollup: Rollup, actor: str | None, date: str | None, want: str) -> bool:
    """Whether an event's endpoint stands for `want`: it is `want`, or rolls up to it."""
    return actor is not None and (actor == want or rollup.unit(actor, date) == want)


def dyad_events(store: Store, a: str, b: str, level: str = "state", rollup: Rollup | None = None,
                **filters: Any) -> list[DyadEventRow]:
    """The events of the dyad `a`–`b` (either direction) at `level`, in the store's order.

    Each event comes with `side_a` and `side_b`: the endpoint actors that stood for `a` and
    for `b` (Xi Jinping for CHN), and `left_out`: why it is not counted, if it is not.
    `filters` are the store's own (type, since, until).
    """
    def row(e: EventRow, side_a: str | None, side_b: str | None) -> DyadEventRow:
        return DyadEventRow.from_row(e.to_dict(), side_a=side_a, side_b=side_b, left_out=excluded_reason(e))

    level = check_level(level)
    if level == "actor":
        return [row(e, *((e.source, e.target) if e.source == a else (e.target, e.source)))
                for e in store.iter_events(dyad=(a, b), **filters)]
    rollup = rollup or Rollup.of(store)
    kept = []
    for e in store.iter_events(between=(rollup.members(a), rollup.members(b)), **filters):
        s, t, day = e.source, e.target, e.dated
        if _side(rollup, s, day, a) and _side(rollup, t, day, b):
            kept.append(row(e, s, t))
        elif _side(rollup, t, day, a) and _side(rollup, s, day, b):
            kept.append(row(e, t, s))
        # else: a member of the side at another date (a minister before or after office)
    return kept


def dyad_report(store: Store, a: str, b: str, by: str = "year", evidence: int = 5, level: str = "state") -> DyadReport:
    """Events between `a` and `b` (either direction), per period; names or ids are accepted.

    At level "state" each side holds the actors that roll up to it at the event's date."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    level = check_level(level)
    a = store.resolve_actor(a) or a
    b = store.resolve_actor(b) or b
    rollup = Rollup.of(store)
    members: dict[str, Counter[str]] = {a: Counter(), b: Counter()}
    per: dict[str, list[DyadEventRow]] = defaultdict(list)
    totals: Counter[str] = Counter()
    scores: list[float] = []
    excluded: Counter[str] = Counter()
    unplaced = 0
    kept: list[DyadEventRow] = []
    for e in dyad_events(store, a, b, level=level, rollup=rollup):
        if e.left_out:
            excluded[e.left_out] += 1
            continue
        kept.append(e)
        members[a][str(e.side_a)] += 1  # a dyad event always has both sides
        members[b][str(e.side_b)] += 1
        totals[e.type] += 1
        if e.goldstein is not None:
            scores.append(float(e.goldstein))
        label = period_of(e.dated, by)
        if label is None:
            unplaced += 1
        else:
            per[label].append(e)
    periods = []
    for label in sorted(per):
        events = per[label]
        counts = Counter(e.type for e in events)
        scored = [float(e.goldstein) for e in events if e.goldstein is not None]
        periods.append(Period(label, {t: counts[t] for t in EVENT_TYPES if counts[t]}, len(events), _mean(scored),
                              len(scored)))
    shown = {a, b} | set(members[a]) | set(members[b])
    known = store.actor_names()  # type: ignore[attr-defined]
    names = {k: known.get(k) or rollup.name(k) for k in sorted(shown)}
    strongest = sorted(kept, key=lambda e: (-strength(e), e.dated or "", e.doc, e.sentence_start))
    seen: set[tuple[str, int]] = set()
    chosen: list[Evidence] = []
    for e in strongest:
        if len(chosen) >= evidence:
            break
        if (e.doc, e.sentence_start) in seen:
            continue
        seen.add((e.doc, e.sentence_start))
        chosen.append(Evidence(e.id, e.doc, e.dated, e.type, e.source, e.target, e.goldstein,
                               " ".join(e.sentence.split()), e.publisher, e.title, e.url or e.doc,
                               e.status, {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger_text}))
    return DyadReport(a, b, names, by, periods, {t: totals[t] for t in EVENT_TYPES if totals[t]}, len(kept),
                      _mean(scores), dict(excluded), unplaced, chosen, level,
                      {side: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for side, c in members.items()})


@dataclass(frozen=True)
class IndexPoint:
    """One period's index placed on a real time axis: the period's first and following day, its middle."""
    period: str
    start: date
    end: date
    index: float
    scored: int

    @property
    def middle(self) -> date:
        return self.start + (self.end - self.start) / 2


def index_runs(report: DyadReport) -> list[list[IndexPoint]]:
    """The scored periods as runs of adjacent periods: a line joins points within a run, never
    across a period with no scored event (a gap is a gap, not a trend)."""
    runs: list[list[IndexPoint]] = []
    for p in report.periods:
        if p.index is None:
            continue
        point = IndexPoint(p.period, period_start(p.period), period_after(p.period), p.index, p.scored)
        if runs and runs[-1][-1].end == point.start:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def figure(report: DyadReport) -> Any:
    """The index per period on a date axis (marker size = number of scored events; a thin bar
    spans the period each point stands for), as a matplotlib Figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    runs = index_runs(report)
    fig, ax = plt.subplots(figsize=(9, 4))
    points = [p for run in runs for p in run]
    if points:
        for run in runs:
            if len(run) > 1:
                ax.plot([p.middle for p in run], [p.index for p in run], color="#555", linewidth=1)
        ax.hlines([p.index for p in points], [p.start for p in points], [p.end for p in points],
                  color="#bbb", linewidth=3, zorder=2)
        ax.scatter([p.middle for p in points], [p.index for p in points], s=[20 + 15 * p.scored for p in points],
                   c=[p.index for p in points], cmap="RdYlGn", vmin=-10, vmax=10, zorder=3)
        for p in points:
            ax.annotate(f"n={p.scored}", (p.middle, p.index), textcoords="offset points", xytext=(0, 8),
                        ha="center", fontsize=7)
        pad = max((points[-1].end - points[0].start) / 40, points[0].end - points[0].start)
        ax.set_xlim(points[0].start - pad / 2, points[-1].end + pad / 2)
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        ax.text(0.5, 0.5, "no scored events", ha="center", va="center", transform=ax.transAxes)
    ax.axhline(0, color="#999", linewidth=0.8)
    ax.set_ylim(-10, 10)
    ax.set_ylabel("mean Goldstein (cooperation > 0 > conflict)")
    na, nb = report.names.get(report.a, report.a), report.names.get(report.b, report.b)
    ax.set_title(f"{na} – {nb}: cooperation–conflict index by {report.by}")
    fig.tight_layout()
    return fig


def plot(report: DyadReport, path: str | Path) -> Path:
    """Draw the index per period on a real time axis to a PNG file; periods with no scored
    event leave a gap in the line."""
    import matplotlib.pyplot as plt

    path = Path(path)
    fig = figure(report)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def print_dyad(report: DyadReport, console: Any = None) -> None:
    """The report as rich tables: periods with counts and index, then the strongest evidence."""
    import sys

    from rich.console import Console
    from rich.table import Table

    console = console or Console(width=None if sys.stdout.isatty() else 160)
    na, nb = report.names.get(report.a, report.a), report.names.get(report.b, report.b)
    overall = "–" if report.index is None else f"{report.index:+.2f}"
    console.print(f"[bold]{na} ({report.a}) – {nb} ({report.b})[/bold]: {report.n} events, "
                  f"cooperation–conflict index {overall} (counted at {report.level} level)")
    for side in dict.fromkeys((report.a, report.b)):
        who = report.members.get(side) or {}
        if report.level == "state" and who:
            parts = ", ".join(f"{report.names.get(m, m)} ({m}) {n}" for m, n in who.items())
            console.print(f"  {report.names.get(side, side)} counts the events of: {parts}")
    types = list(report.totals)
    table = Table(title=f"Events per {report.by}")
    table.add_column(report.by)
    for t in types:
        table.add_column(t, justify="right")
    table.add_column("n", justify="right")
    table.add_column("index", justify="right")
    for p in report.periods:
        idx = "–" if p.index is None else f"{p.index:+.2f}"
        table.add_row(p.period, *[str(p.counts.get(t, "")) for t in types], str(p.n), f"{idx} (n={p.scored})")
    console.print(table)
    notes = [f"{n} {why}" for why, n in sorted(report.excluded.items())]
    if report.unplaced:
        notes.append(f"{report.unplaced} dated too coarsely for a {report.by}")
    if notes:
        console.print("Left out: " + ", ".join(notes))
    if report.evidence:
        ev = Table(title="Strongest evidence")
        for col in ("id", "date", "type", "source→target", "Goldstein", "status", "publisher", "sentence"):
            ev.add_column(col, overflow="fold")
        for e in report.evidence:
            ev.add_row(e.event, e.date or "?", e.type, f"{e.source or '-'}→{e.target or '-'}",
                       "" if e.goldstein is None else f"{e.goldstein:+.1f}", e.status, e.publisher or "?", e.sentence)
        console.print(ev)
