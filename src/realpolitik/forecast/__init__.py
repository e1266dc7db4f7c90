"""Bargaining forecasts: what actors will settle for, from positions, salience and capability.

Models (each documented with its equations): `compromise`, `nash_bargaining`, `median_voter`
(models.py) and Bueno de Mesquita's `expected_utility` with its rounds (expected_utility.py).
Scenarios are YAML files (scenario.py); `backtest` scores the models on DEU III.
"""

from realpolitik.forecast.expected_utility import EUResult, expected_utility
from realpolitik.forecast.models import compromise, median_voter, nash_bargaining, weighted_median

__all__ = ["EUResult", "compromise", "expected_utility", "median_voter", "nash_bargaining", "weighted_median"]
