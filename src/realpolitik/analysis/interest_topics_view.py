"""The topic report for people: rich tables in the terminal and a salience plot as PNG."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from realpolitik.analysis.interest_topics import TopicReport


def _share(x: float) -> str:
    return f"{100 * x:.0f}%"


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def print_topics(report: TopicReport, console: Any = None, evidence: bool = True) -> None:
    """Topics as rows, periods as columns (salience share and statement count), then each
    topic's stances, holders and evidence sentences."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(width=None if sys.stdout.isatty() else 200)
    since = f" since {report.since}" if report.since else ""
    console.print(f"[bold]{report.name} ({report.actor})[/bold]: {report.n} stated interests in "
                  f"{report.documents} documents{since}; {len(report.topics)} topics shown, "
                  f"{report.other} statements in no shown topic")
    if not report.topics:
        console.print("No topic: too few interest statements share key terms.")
        return
    table = Table(title=f"Interest topics: salience per {report.by} (share of weighted statements, n)")
    table.add_column("#", justify="right")
    table.add_column("topic", overflow="fold", max_width=34)
    for p in report.periods:
        table.add_column(p.period, justify="right")
    table.add_column("all", justify="right")
    table.add_column("stance", overflow="fold", max_width=26)
    for t in report.topics:
        cells = [f"{_share(tp.salience)} ({tp.n})" if tp.n else "·" for tp in t.periods]
        table.add_row(str(t.id), t.label, *cells, f"{_share(t.salience)} ({t.n})", _summary(t.stances))
    table.add_row("", "[dim]statements (documents)[/dim]", *[f"{p.n} ({p.documents})" for p in report.periods],
                  str(report.n), "")
    console.print(table)
    if report.unplaced:
        console.print(f"{report.unplaced} statements dated too coarsely for a {report.by} count in 'all' only")
    if not evidence or not any(t.evidence for t in report.topics):
        return
    ev = Table(title="Evidence per topic")
    for col in ("#", "date", "stated by", "stance", "emphasis", "source", "sentence"):
        ev.add_column(col, overflow="fold")
    for t in report.topics:
        for s in t.evidence:
            ev.add_row(str(t.id), s.date or "?", s.actor, s.stance, ", ".join(s.emphasis),
                       s.publisher or s.title or s.doc[:19], s.sentence)
    console.print(ev)
    console.print(f"[dim]{report.method}[/dim]")


def plot_topics(report: TopicReport, path: str | Path) -> Path:
    """Each topic's salience per period as a line (marker area = statements) to a PNG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    fig, ax = plt.subplots(figsize=(11, 5.5))
    xs = [p.period for p in report.periods]
    if report.topics and xs:
        colors = plt.get_cmap("tab10")
        for k, t in enumerate(report.topics):
            ys = [100 * tp.salience for tp in t.periods]
            color = colors(k % 10)
            ax.plot(xs, ys, color=color, linewidth=1.6, label=f"{t.id}. {t.label} (n={t.n})")
            ax.scatter(xs, ys, s=[12 + 18 * tp.n for tp in t.periods], color=color, zorder=3, alpha=0.85)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        ax.set_ylim(bottom=0)
    else:
        ax.text(0.5, 0.5, "no interest topics", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel("salience: % of the period's weighted interest statements")
    ax.set_xlabel(report.by + "  (statements per period: " + ", ".join(str(p.n) for p in report.periods) + ")")
    since = f" since {report.since}" if report.since else ""
    ax.set_title(f"{report.name} ({report.actor}): stated interests by topic{since}")
    ax.tick_params(axis="x", rotation=45)
    ax.grid(axis="y", color="#ddd", linewidth=0.6)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
