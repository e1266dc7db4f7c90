"""Bueno de Mesquita's expected-utility model, round by round.

Follows the open reconstruction by Scholz, Calbert & Smith (2011), "Unravelling Bueno De
Mesquita's group decision model", Journal of Theoretical Politics 23(4):510–531, of the
model in Bueno de Mesquita (1985, 1994, 1997). Each round every actor i weighs challenging
every other actor j; j answers the most threatening challenge it receives by fighting,
compromising or capitulating; the forecast is the median voter position after the rounds.

Notation (positions rescaled to [0, 1] over the spread of the initial positions, saliences
to [0, 1]):

    vote of k on i against j   v_k(i,j) = c_k s_k (|x_k - x_j| - |x_k - x_i|)
    i's chance of beating j     P_ij = Σ_{k: v_k > 0} v_k / Σ_k |v_k|
    median voter                μ = weighted median of x with weights c·s

    utilities of i against j, with risk exponent r_i:
    U_s  = 2 - 4 (0.5 - 0.5 |x_i - x_j|)^r_i                   success
    U_f  = 2 - 4 (0.5 + 0.5 |x_i - x_j|)^r_i                   failure
    U_b  = 2 - 4 (0.5 - 0.25 (|x_i - μ| + |x_i - x_j|))^r_i    status quo improves
    U_w  = 2 - 4 (0.5 + 0.25 (|x_i - μ| + |x_i - x_j|))^r_i    status quo worsens
    U_sq = 2 - 4 (0.5)^r_i                                      status quo holds

    E_i(j) = s_j [P_ij U_s + (1 - P_ij) U_f] + (1 - s_j) U_s
             - Q U_sq - (1 - Q) [T U_b + (1 - T) U_w]

with Q the chance that nothing changes without a challenge and T = 1 when j drifting
towards μ would help i (|x_i - μ| < |x_i - x_j|), else 0.

    risk: R_i = (2 Σ_{j≠i} E_j(i) - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k),
          S_k = Σ_{j≠k} E_j(k)   (how attractive a target k is)
          r_i = (1 - R_i/3) / (1 + R_i/3)
    (first pass with r = 1 to get the E's, second pass with these r's).

Each challenge from i with E_i(j) > 0 would, by j's own E_j(i), end in one of the outcomes
below; j settles the one that moves it least (the cheapest demand it cannot refuse — the
reconstructions disagree here; `respond="strongest"` instead answers the challenger with the
largest E_i(j)):
    E_j(i) > 0 and P_ij > 0.5              conflict, j loses: x_j ← x_i
    E_j(i) > 0 and P_ij ≤ 0.5              conflict, j prevails: j stays
    E_j(i) ≤ 0 and |E_j(i)| < E_i(j)       compromise: x_j ← x_j + (x_i - x_j) |E_j(i) / E_i(j)|
    E_j(i) ≤ 0 and |E_j(i)| ≥ E_i(j)       capitulation: x_j ← x_i
All moves of a round are computed from the positions at its start, then applied together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from realpolitik.forecast.models import Numbers, weighted_median


@dataclass(frozen=True)
class Move:
    """One actor's change of position in a round, and why."""

    actor: int
    challenger: int
    kind: str  # "conflict-lost" | "compromise" | "capitulation"
    before: float
    after: float


@dataclass
class Round:
    """Positions at the end of a round (on the original scale) and the forecast they imply."""

    number: int
    positions: list[float]
    forecast: float
    moves: list[Move] = field(default_factory=list)


@dataclass
class EUResult:
    """The forecast (median voter after the last round) and the full history of rounds."""

    forecast: float
    rounds: list[Round]


def win_probabilities(x: np.ndarray, s: np.ndarray, c: np.ndarray) -> np.ndarray:
    """P[i, j]: i's chance against j from everyone's salience-weighted votes (P_ij + P_ji = 1)."""
    votes = c[:, None, None] * s[:, None, None] * (
        np.abs(x[:, None, None] - x[None, None, :]) - np.abs(x[:, None, None] - x[None, :, None]))
    total = np.abs(votes).sum(axis=0)
    favour = np.clip(votes, 0, None).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(total > 0, favour / np.where(total > 0, total, 1.0), 0.5)
    return p


def expected_utilities(x: np.ndarray, s: np.ndarray, c: np.ndarray, r: np.ndarray,
                       q: float = 0.5) -> np.ndarray:
    """E[i, j]: i's expected utility of challenging j (diagonal zero); see the module equations."""
    mu = weighted_median(x, c * s) if (c * s).sum() > 0 else float(np.mean(x))
    d = np.abs(x[:, None] - x[None, :])
    dm = np.abs(x - mu)[:, None]
    rr = r[:, None]
    u_s = 2 - 4 * (0.5 - 0.5 * d) ** rr
    u_f = 2 - 4 * (0.5 + 0.5 * d) ** rr
    u_b = 2 - 4 * np.clip(0.5 - 0.25 * (dm + d), 0, None) ** rr
    u_w = 2 - 4 * (0.5 + 0.25 * (dm + d)) ** rr
    u_sq = 2 - 4 * 0.5 ** rr
    t = (dm < d).astype(float)
    p = win_probabilities(x, s, c)
    sj = s[None, :]
    eu = sj * (p * u_s + (1 - p) * u_f) + (1 - sj) * u_s - q * u_sq - (1 - q) * (t * u_b + (1 - t) * u_w)
    np.fill_diagonal(eu, 0.0)
    return eu


def risk_exponents(eu: np.ndarray) -> np.ndarray:
    """r_i from how attractive a target each actor is (see module docstring); 1 when all equal."""
    exposure = eu.sum(axis=0)  # Σ_j E_j(i): what others expect from challenging i
    hi, lo = exposure.max(), exposure.min()
    if hi - lo <= 1e-12:
        return np.ones_like(exposure)
    big_r = (2 * exposure - hi - lo) / (hi - lo)
    return (1 - big_r / 3) / (1 + big_r / 3)


def play_round(x: np.ndarray, s: np.ndarray, c: np.ndarray, q: float = 0.5,
               respond: str = "nearest") -> tuple[np.ndarray, list[Move]]:
    """One round on rescaled positions: returns the new positions and the moves made.

    `respond` is how j picks among the challenges that would move it: "nearest", the least
    costly demand (j accepts the smallest move it cannot refuse), or "strongest", the
    challenger expecting the most from it (ties: the nearer).
    """
    if respond not in ("nearest", "strongest"):
        raise ValueError(f"respond must be 'nearest' or 'strongest', not {respond!r}")
    n = len(x)
    eu = expected_utilities(x, s, c, np.ones(n), q)
    eu = expected_utilities(x, s, c, risk_exponents(eu), q)
    p = win_probabilities(x, s, c)
    new = x.copy()
    moves: list[Move] = []
    for j in range(n):
        options: list[tuple[float, float, int, str]] = []
        for i in range(n):
            if i == j or eu[i, j] <= 0 or abs(x[i] - x[j]) <= 1e-12:
                continue
            mine, theirs = eu[j, i], eu[i, j]
            if mine > 0:
                if p[i, j] <= 0.5:
                    continue  # j would prevail in the fight: this challenge moves nothing
                target, kind = x[i], "conflict-lost"
            elif abs(mine) < theirs:
                target, kind = x[j] + (x[i] - x[j]) * abs(mine / theirs), "compromise"
            else:
                target, kind = x[i], "capitulation"
            step = abs(target - x[j])
            options.append((step, -theirs, i, kind, target) if respond == "nearest"
                           else (-theirs, step, i, kind, target))
        if options:
            *_, i, kind, target = min(options)
            new[j] = target
            moves.append(Move(j, i, kind, float(x[j]), float(target)))
    return new, moves


def expected_utility(positions: Numbers, saliences: Numbers, capabilities: Numbers,
                     rounds: int = 10, q: float = 0.5, respond: str = "nearest",
                     tol: float = 1e-6) -> EUResult:
    """Run the expected-utility model for up to `rounds` rounds (fewer if positions settle).

    Saliences are on 0–100, capabilities any non-negative numbers. Round 0 is the starting
    position; the forecast is the c·s-weighted median position after the last round.
    """
    x0 = np.asarray(positions, dtype=float)
    s = np.asarray(saliences, dtype=float) / 100.0
    c = np.asarray(capabilities, dtype=float)
    if not (x0.shape == s.shape == c.shape) or x0.ndim != 1 or x0.size == 0:
        raise ValueError("positions, saliences and capabilities must be equal-length, non-empty lists")
    if (c * s).sum() <= 0:
        raise ValueError("expected-utility model: every actor has zero capability × salience")
    lo, spread = float(x0.min()), float(x0.max() - x0.min())
    spread = spread if spread > 0 else 1.0
    x = (x0 - lo) / spread

    def to_scale(values: np.ndarray) -> list[float]:
        return [float(v) for v in lo + values * spread]

    def median(values: np.ndarray) -> float:
        return float(lo + weighted_median(values, c * s) * spread)

    history = [Round(0, to_scale(x), median(x))]
    for number in range(1, rounds + 1):
        new, moves = play_round(x, s, c, q, respond)
        scaled = [Move(m.actor, m.challenger, m.kind, lo + m.before * spread, lo + m.after * spread)
                  for m in moves]
        history.append(Round(number, to_scale(new), median(new), scaled))
        settled = float(np.max(np.abs(new - x))) < tol
        x = new
        if settled:
            break
    return EUResult(history[-1].forecast, history)
