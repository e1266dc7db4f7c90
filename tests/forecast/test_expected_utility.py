"""The expected-utility model against hand-computed values.

No published worked example with all intermediate numbers was found with the search tool
(Scholz, Calbert & Smith 2011 replicate Bueno de Mesquita's results but their tables were not
retrievable), so these check a three-actor case computed by hand from the equations in
`realpolitik.forecast.expected_utility`.

Case: x = (0, 0.5, 1), every salience 1, every capability 1, Q = 0.5.
  P_AB: votes A +0.5, B -0.5, C -0.5 → 0.5/1.5 = 1/3;  P_AC: A +1, B 0, C -1 → 1/2.
  μ = 0.5. With r = 1: U_s = 2d, U_f = -2d, U_b = d + |x_i - μ|, U_w = -U_b, U_sq = 0.
  E_A(B) = (1/3)(1) + (2/3)(-1) - 0.5·U_w = -1/3 + 0.5 = 1/6      (T = 0: |0-μ| = d)
  E_B(A) = (2/3)(1) + (1/3)(-1) - 0.5·U_b = 1/3 - 0.25 = 1/12     (T = 1)
  E_A(C) = 0.5·2 + 0.5·(-2) - 0.5·1.5 = -3/4
  exposure: A -2/3, B 1/3, C -2/3 → R_A = -1, R_B = 1 → r_A = 2, r_B = 0.5.
"""

import numpy as np
import pytest

from realpolitik.forecast.expected_utility import (
    expected_utilities,
    expected_utility,
    play_round,
    risk_exponents,
    win_probabilities,
)

X = np.array([0.0, 0.5, 1.0])
ONES = np.ones(3)


def test_win_probabilities_by_hand():
    p = win_probabilities(X, ONES, ONES)
    assert p[0, 1] == pytest.approx(1 / 3)
    assert p[1, 0] == pytest.approx(2 / 3)
    assert p[0, 2] == pytest.approx(1 / 2)


def test_expected_utilities_by_hand():
    eu = expected_utilities(X, ONES, ONES, ONES, q=0.5)
    assert eu[0, 1] == pytest.approx(1 / 6)
    assert eu[1, 0] == pytest.approx(1 / 12)
    assert eu[0, 2] == pytest.approx(-3 / 4)
    assert eu[2, 1] == pytest.approx(1 / 6)
    assert np.all(np.diag(eu) == 0)


def test_risk_exponents_by_hand():
    eu = expected_utilities(X, ONES, ONES, ONES, q=0.5)
    r = risk_exponents(eu)
    assert r == pytest.approx([2.0, 0.5, 2.0])


def test_symmetric_case_stays_centred():
    result = expected_utility([0, 50, 100], [100, 100, 100], [1, 1, 1], rounds=5)
    assert result.rounds[0].forecast == 50
    assert result.forecast == pytest.approx(50)


def test_weak_indifferent_actor_gives_way_and_strong_ones_stay():
    # C cares little and is weak: A and B, both at 0, expect to gain by challenging it and C
    # expects to lose by resisting, so only C moves, towards 0 (compromise or capitulation).
    x = np.array([0.0, 0.0, 1.0])
    new, moves = play_round(x, np.array([1.0, 1.0, 0.1]), np.array([1.0, 1.0, 0.1]))
    assert new[0] == new[1] == 0
    assert 0 <= new[2] < 0.5
    assert [m.actor for m in moves] == [2]
    assert moves[0].kind in ("compromise", "capitulation")


def test_rounds_are_recorded_on_the_original_scale():
    result = expected_utility([20, 40, 90], [80, 60, 30], [1, 2, 1], rounds=3)
    assert result.rounds[0].positions == [20, 40, 90]
    assert all(20 <= p <= 90 for r in result.rounds for p in r.positions)
    assert result.forecast == result.rounds[-1].forecast


def test_bad_inputs():
    with pytest.raises(ValueError):
        expected_utility([1, 2], [50], [1, 1])
    with pytest.raises(ValueError):
        play_round(X, ONES, ONES, respond="loudest")
