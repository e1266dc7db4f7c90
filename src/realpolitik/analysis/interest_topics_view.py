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
    """Topics (rows, heaviest on top) by period (columns) as a heat map of salience, each cell
    annotated with its share and statement count: ten topics stay readable, unlike ten lines."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    path = Path(path)
    xs = [p.period for p in report.periods]
    rows = len(report.topics)
    fig, ax = plt.subplots(figsize=(max(7.0, 3.5 + 0.75 * len(xs)), max(2.6, 1.4 + 0.5 * rows)))
    if rows and xs:
        grid = np.array([[100 * tp.salience for tp in t.periods] for t in report.topics])
        image = ax.imshow(grid, cmap="YlOrRd", vmin=0, vmax=max(10.0, float(grid.max())), aspect="auto")
        for i, t in enumerate(report.topics):
            for j, tp in enumerate(t.periods):
                if tp.n:
                    dark = grid[i, j] > 0.6 * max(10.0, float(grid.max()))
                    ax.text(j, i, f"{grid[i, j]:.0f}%\n({tp.n})", ha="center", va="center", fontsize=7,
                            color="white" if dark else "#222")
        ax.set_xticks(range(len(xs)), [f"{p.period}\n{p.n} st." for p in report.periods], fontsize=8)
        ax.set_yticks(range(rows), [f"{t.id}. {t.label}  ({100 * t.salience:.0f}%, n={t.n})"
                                    for t in report.topics], fontsize=8)
        fig.colorbar(image, ax=ax, fraction=0.025, pad=0.01).set_label("salience %", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no interest topics", ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
    since = f" since {report.since}" if report.since else ""
    ax.set_title(f"{report.name} ({report.actor}): stated interests by topic{since} — salience per {report.by}\n"
                 "(% of the period's interest statements, emphatic ones counting double; n statements)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
