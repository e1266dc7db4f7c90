"""Static bargaining models: one forecast from actors' positions, saliences and capabilities.

Conventions shared by every model here: positions lie on the issue's scale (0–100 in scenario
files and in DEU), saliences on 0–100 (how much the issue matters to the actor), capabilities
are any non-negative numbers (only their ratios matter).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize_scalar

Numbers = Sequence[float] | np.ndarray


def _arrays(*columns: Numbers) -> list[np.ndarray]:
    arrays = [np.asarray(c, dtype=float) for c in columns]
    if len({a.shape for a in arrays}) != 1 or arrays[0].ndim != 1 or arrays[0].size == 0:
        raise ValueError("positions, saliences and capabilities must be equal-length, non-empty lists")
    return arrays


def compromise(positions: Numbers, saliences: Numbers, capabilities: Numbers) -> float:
    """Compromise model: the capability × salience weighted mean of positions.

        x* = Σ_i c_i s_i x_i / Σ_i c_i s_i

    Why: actors pull the outcome towards themselves in proportion to how much they can bring
    to bear (c) and how much they care (s); it is also the Nash bargaining solution under
    quadratic losses (Achen 2006), and the best-performing simple model on DEU data.
    """
    x, s, c = _arrays(positions, saliences, capabilities)
    w = c * s
    if w.sum() <= 0:
        raise ValueError("compromise model: every actor has zero capability × salience")
    return float((w * x).sum() / w.sum())


def weighted_median(values: Numbers, weights: Numbers) -> float:
    """The value at which half the total weight lies on either side (the midpoint when it falls exactly between two values).

    Why: on one dimension with single-peaked preferences, the weighted median beats every other
    position in pairwise majority votes (Black 1948), so it is the Condorcet winner.
    """
    v, w = _arrays(values, weights)
    keep = w > 0
    if not keep.any():
        raise ValueError("weighted median: every weight is zero")
    v, w = v[keep], w[keep]
    order = np.argsort(v, kind="stable")
    v, w = v[order], w[order]
    cum = np.cumsum(w)
    half = cum[-1] / 2.0
    i = int(np.searchsorted(cum, half - 1e-12 * cum[-1]))
    if np.isclose(cum[i], half) and i + 1 < len(v):
        return float((v[i] + v[i + 1]) / 2.0)
    return float(v[i])


def median_voter(positions: Numbers, capabilities: Numbers | None = None) -> float:
    """Median voter: the capability-weighted median of positions.

        x* = x_(k) with Σ_{x_i < x*} c_i ≤ C/2 and Σ_{x_i > x*} c_i ≤ C/2,  C = Σ c_i

    With equal capabilities this is the plain median (an even count gives the midpoint of the
    two middle positions). Salience is deliberately ignored: a vote counts whether or not its
    holder cares.
    """
    x = np.asarray(positions, dtype=float)
    c = np.ones_like(x) if capabilities is None else np.asarray(capabilities, dtype=float)
    return weighted_median(x, c)


def nash_bargaining(positions: Numbers, saliences: Numbers, capabilities: Numbers,
                    disagreement: float | None = None, scale: tuple[float, float] = (0.0, 100.0)) -> float:
    """Asymmetric Nash bargaining solution with quadratic utilities.

        u_i(x) = -(x - x_i)²,  gains g_i(x) = u_i(x) - u_i(d_i)
        x* = argmax_x Π_i g_i(x)^(c_i s_i)   over x with every g_i(x) ≥ 0

    Bargaining power is c_i × s_i. The disagreement outcome d_i is, by default, the worst point
    of the scale for actor i (the far end), so every interior point is a gain for everyone and
    the solution always exists. Given a common `disagreement` point (e.g. the status quo),
    only outcomes no one prefers less than it are feasible; when actors sit on both sides of
    it, or at it, that set is the point itself and the solution is the status quo — the
    unanimity reading of Nash's axioms.
    """
    x, s, c = _arrays(positions, saliences, capabilities)
    w = c * s
    if w.sum() <= 0:
        raise ValueError("Nash bargaining: every actor has zero capability × salience")
    x, w = x[w > 0], w[w > 0]
    lo, hi = scale
    if disagreement is None:
        worst = np.maximum((x - lo) ** 2, (hi - x) ** 2)
    else:
        worst = (disagreement - x) ** 2
        # feasible set: intersection over actors of the interval [x_i - |d - x_i|, x_i + |d - x_i|]
        radius = np.abs(disagreement - x)
        left, right = float(np.max(x - radius)), float(np.min(x + radius))
        if right - left <= 1e-9:
            return float(disagreement)
        lo, hi = max(lo, left), min(hi, right)

    def objective(point: float) -> float:
        gain = worst - (point - x) ** 2
        if np.any(gain <= 0):
            return np.inf
        return float(-(w * np.log(gain)).sum())

    eps = 1e-9 * (hi - lo)
    result = minimize_scalar(objective, bounds=(lo + eps, hi - eps), method="bounded",
                             options={"xatol": 1e-7})
    return float(result.x)
