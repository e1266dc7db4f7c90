"""Dates keep their precision when bucketed and compared."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analysis.periods import overlaps, period_after, period_of


@pytest.mark.parametrize("value, by, expected", [
    ("2019-06-05", "year", "2019"),
    ("2019-06-05", "quarter", "2019-Q2"),
    ("2019-12", "quarter", "2019-Q4"),
    ("2019-06-05", "month", "2019-06"),
    ("2019", "month", None),  # a year-only date is never spread into a month
    ("2019", "quarter", None),
    ("2010/2024", "year", "2010"),
    (None, "year", None),
])
def test_period_of(value, by, expected):
    assert period_of(value, by) == expected


@pytest.mark.parametrize("a, b, window, expected", [
    ("2019-06-05", "2019-06-05", 0, True),
    ("2019-06-05", "2019-06-20", 7, False),
    ("2019-06-05", "2019-06-10", 7, True),
    ("2019", "2019-11-30", 0, True),  # a year contains its days
    ("2019-06", "2019-07-02", 0, False),
    ("2019-06", "2019-07-02", 3, True),
    ("2018", "2019-01-01", 0, False),
    ("2014/2016", "2015-03", 0, True),
    (None, "2019", 365, False),
    ("not a date", "2019", 365, False),
])
def test_overlaps(a, b, window, expected):
    assert overlaps(a, b, window) is expected
    assert overlaps(b, a, window) is expected


@pytest.mark.parametrize("label, after", [
    ("2019", date(2020, 1, 1)),
    ("2019-Q2", date(2019, 7, 1)),
    ("2019-Q4", date(2020, 1, 1)),
    ("2019-06", date(2019, 7, 1)),
    ("2019-12", date(2020, 1, 1)),
])
def test_period_after_is_the_next_periods_first_day(label, after):
    assert period_after(label) == after
