"""Run the models on a scenario and summarise where they agree."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.forecast.expected_utility import EUResult, expected_utility
from realpolitik.forecast.models import compromise, median_voter, nash_bargaining
from realpolitik.forecast.scenario import Scenario

MODEL_NAMES = ("compromise", "nash", "median", "eu")


@dataclass
class ScenarioForecast:
    forecasts: dict[str, float]
    eu: EUResult | None

    @property
    def spread(self) -> float:
        """Largest minus smallest forecast: how much the models disagree."""
        values = list(self.forecasts.values())
        return max(values) - min(values) if values else 0.0

    def to_dict(self, scenario: Scenario) -> dict:
        names = [a.id for a in scenario.actors]
        out: dict = {"issue": scenario.issue, "illustrative": scenario.illustrative,
                     "scale": {"low": scenario.low, "high": scenario.high},
                     "status_quo": scenario.status_quo,
                     "forecasts": {k: round(v, 2) for k, v in self.forecasts.items()},
                     "spread": round(self.spread, 2)}
        if self.eu is not None:
            out["rounds"] = [{"round": r.number, "forecast": round(r.forecast, 2),
                              "positions": {n: round(p, 2) for n, p in zip(names, r.positions, strict=True)},
                              "moves": [{"actor": names[m.actor], "challenger": names[m.challenger],
                                         "kind": m.kind, "from": round(m.before, 2), "to": round(m.after, 2)}
                                        for m in r.moves]}
                             for r in self.eu.rounds]
        return out


def run_scenario(scenario: Scenario, models: tuple[str, ...] = MODEL_NAMES, rounds: int = 10) -> ScenarioForecast:
    """Every requested model's forecast on the scenario (the EU model with its rounds)."""
    unknown = [m for m in models if m not in MODEL_NAMES]
    if unknown:
        raise ValueError(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODEL_NAMES)}")
    x, s, c = scenario.columns()
    out: dict[str, float] = {}
    eu = None
    for name in models:
        if name == "compromise":
            out[name] = compromise(x, s, c)
        elif name == "nash":
            out[name] = nash_bargaining(x, s, c)
        elif name == "median":
            out[name] = median_voter(x, c)
        else:
            eu = expected_utility(x, s, c, rounds=rounds)
            out[name] = eu.forecast
    return ScenarioForecast(out, eu)
