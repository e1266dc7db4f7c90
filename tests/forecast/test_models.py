"""Each static model on small cases solved by hand."""

import pytest

from realpolitik.forecast.models import compromise, median_voter, nash_bargaining, weighted_median


def test_compromise_is_capability_salience_weighted_mean():
    # (1*50*0 + 3*50*100) / (1*50 + 3*50) = 75
    assert compromise([0, 100], [50, 50], [1, 3]) == pytest.approx(75)
    # salience counts like capability: (20*10 + 80*60)/(20 + 80) = 50
    assert compromise([10, 60], [20, 80], [1, 1]) == pytest.approx(50)


def test_compromise_rejects_all_zero_weights():
    with pytest.raises(ValueError):
        compromise([10, 20], [0, 0], [1, 1])


def test_median_voter():
    assert median_voter([10, 20, 30]) == 20
    assert median_voter([10, 20, 30, 40]) == 25          # even count: midpoint of the middle two
    assert median_voter([10, 20, 30], [1, 1, 5]) == 30   # 5 of 7 votes sit at 30
    assert weighted_median([0, 100], [1, 0]) == 0         # zero weight does not count


def test_nash_symmetric_case_splits_the_difference():
    # both actors' worst point is 70 away; equal power → the midpoint
    assert nash_bargaining([30, 70], [50, 50], [1, 1]) == pytest.approx(50, abs=1e-4)


def test_nash_first_order_condition_with_unequal_power():
    # x = 0 and 100 with power 3:1; gains 10000 - x² and x(200 - x).
    # FOC: 3·2x/(10000 - x²) = 2(100 - x)/(x(200 - x))  ⇔  3x²(200 - x) = (100 - x)²(100 + x)
    x = nash_bargaining([0, 100], [100, 100], [3, 1])
    assert 3 * x**2 * (200 - x) == pytest.approx((100 - x) ** 2 * (100 + x), rel=1e-4)
    assert x < 50


def test_nash_with_status_quo_between_actors_is_the_status_quo():
    # one actor on each side of the status quo: every move hurts someone
    assert nash_bargaining([20, 80], [50, 50], [1, 1], disagreement=50) == 50
    # both to the right of it: the solution lies between them
    x = nash_bargaining([60, 80], [50, 50], [1, 1], disagreement=0)
    assert 60 < x < 80
