"""Plot the expected-utility model's positions round by round."""

from __future__ import annotations

from pathlib import Path

from realpolitik.forecast.expected_utility import EUResult
from realpolitik.forecast.scenario import Scenario


def plot_rounds(scenario: Scenario, result: EUResult, out: str | Path) -> Path:
    """One line per actor across rounds, the forecast dashed; saved to `out` (PNG, SVG, PDF)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rounds = [r.number for r in result.rounds]
    fig, ax = plt.subplots(figsize=(8, 5))
    for k, actor in enumerate(scenario.actors):
        ax.plot(rounds, [r.positions[k] for r in result.rounds], marker="o", label=actor.name)
    ax.plot(rounds, [r.forecast for r in result.rounds], "k--", linewidth=2, label="forecast (median voter)")
    ax.set_ylim(-2, 102)
    ax.set_xlabel("round")
    ax.set_ylabel(f"position (0 = {scenario.low[:40]}; 100 = {scenario.high[:40]})", fontsize=8)
    title = scenario.issue + (" [illustrative]" if scenario.illustrative else "")
    ax.set_title(title, fontsize=10)
    ax.set_xticks(rounds)
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    path = Path(out)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
