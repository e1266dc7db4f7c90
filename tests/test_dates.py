"""dates.resolve: ISO prefixes with their precision, relative dates only against publication."""

from __future__ import annotations

import pytest

from realpolitik.dates import normalize_published, parse_iso, parse_number, resolve, year_of

ABSOLUTE = [
    ("February 2022", "2022-02"),
    ("April 5, 2023", "2023-04-05"),
    ("5 April 2023", "2023-04-05"),
    ("Wednesday, April 5, 2023", "2023-04-05"),
    ("the 5th of April 2023", "2023-04-05"),
    ("2023-04-05", "2023-04-05"),
    ("2023", "2023"),
    ("in 2023", "2023"),
    ("mid-2023", "2023"),
    ("the end of 2023", "2023"),
    ("fiscal 2023", "2023"),
    ("the summer of 2023", "2023"),
    ("2010-2014", "2010/2014"),
    ("2023/24", "2023/2024"),
    ("between 2010 and 2014", "2010/2014"),
    ("from May 19 to May 21, 2023", "2023-05-19/2023-05-21"),
    ("the 1990s", "1990/1999"),
    ("the early 1990s", "1990/1999"),
    ("the 21st century", "2001/2100"),
    ("the twentieth century", "1901/2000"),
    ("the first quarter of 2023", "2023-01/2023-03"),
    ("Q3 2023", "2023-07/2023-09"),
    ("the second half of 2022", "2022-07/2022-12"),
]


@pytest.mark.parametrize("text,value", ABSOLUTE)
def test_absolute_dates_need_no_published_date(text: str, value: str) -> None:
    assert resolve(text, None) == value


RELATIVE = [
    # (text, published, value)
    ("last year", "2024", "2023"),
    ("since last year", "2024", "2023"),
    ("this year", "2024", "2024"),
    ("earlier this year", "2024-06-01", "2024"),
    ("late last year", "2024", "2023"),
    ("next year", "2024", "2025"),
    ("two years ago", "2024", "2022"),
    ("a decade ago", "2024", "2014"),
    ("the past 14 years", "2024", "2010/2024"),
    ("the next five years", "2024", "2024/2029"),
    ("the past decade", "2024", "2014/2024"),
    ("last month", "2024-03-10", "2024-02"),
    ("last month", "2024-01-15", "2023-12"),
    ("three months ago", "2024-05", "2024-02"),
    ("next week", "2024-03-10", "2024-03-11/2024-03-17"),
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("Wednesday", "2024-03-10", "2024-03-06"),
    ("last Wednesday", "2019-06-05", "2019-05-29"),
    ("today", "2024", "2024"),
    ("March 3", "2024", "2024-03-03"),
    ("last July", "2023-09-05", "2023-07"),
    ("last July", "2024-07-08", "2023-07"),
    ("last September", "2024-03-15", "2023-09"),
    ("next July", "2023-09-05", "2024-07"),
    ("this October", "2024-03-15", "2024-10"),
    ("in May", "2024-09-10", "2024-05"),
    ("since May", "2024-03-10", "2023-05"),
    ("the end of 2023", "2024-06-01", "2023"),
    ("late last year", "2024-06-01", "2023"),
    ("earlier this month", "2024-06-20", "2024-06"),
]


@pytest.mark.parametrize("text,published,value", RELATIVE)
def test_relative_dates_count_from_publication(text: str, published: str, value: str) -> None:
    assert resolve(text, published) == value


@pytest.mark.parametrize("text", ["last year", "this year", "two years ago", "the past 14 years",
                                  "last month", "Wednesday", "yesterday", "March 3"])
def test_relative_dates_without_published_date_stay_unknown(text: str) -> None:
    assert resolve(text, None) is None


@pytest.mark.parametrize("text,published", [
    ("last month", "2024"),  # the month of publication is unknown
    ("on Wednesday", "2024-03"),  # needs a day
    ("next week", "2024"),
])
def test_precision_of_published_date_limits_what_resolves(text: str, published: str) -> None:
    assert resolve(text, published) is None


@pytest.mark.parametrize("text", ["the first two-to-three years", "the previous year", "two years later",
                                  "the third day", "the past few years", "every year"])
def test_anchored_elsewhere_or_vague_is_unknown(text: str) -> None:
    assert resolve(text, "2024-03-10") is None


def test_tense_decides_direction_of_weekday_and_month() -> None:
    # published Sunday 2024-03-10
    assert resolve("Friday", "2024-03-10") == "2024-03-08"
    assert resolve("Friday", "2024-03-10", future=True) == "2024-03-15"
    assert resolve("November", "2024-03-10") == "2023-11"
    assert resolve("November", "2024-03-10", future=True) == "2024-11"


def test_numbers_in_words_and_digits() -> None:
    assert parse_number("2,600") == 2600
    assert parse_number("twenty-five") == 25
    assert parse_number("a dozen") == 12
    assert parse_number("fourteen") == 14
    assert parse_number("three hundred") == 300
    assert parse_number("several") is None


def test_published_normalisation_kept_working() -> None:
    assert normalize_published("2024-03-10T09:00:00Z") == "2024-03-10"
    assert normalize_published("2024") == "2024"
    assert normalize_published("") is None
    assert year_of("2023-04") == 2023
    assert parse_iso("2023-04") == (2023, 4, None)


@pytest.mark.parametrize("value", ["last tuesday", "yesterday", "2 hours ago", "03/04/2024"])
def test_relative_and_ambiguous_publication_dates_are_refused(value):
    from realpolitik.dates import normalize_published

    assert normalize_published(value) is None


@pytest.mark.parametrize(("value", "iso"), [("5 March 2024", "2024-03-05"), ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
                                            ("13/04/2024", "2024-04-13"), ("2024-03", "2024-03")])
def test_absolute_publication_dates_are_read(value, iso):
    from realpolitik.dates import normalize_published

    assert normalize_published(value) == iso
