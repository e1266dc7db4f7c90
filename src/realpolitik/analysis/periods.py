"""Dates with their precision, as intervals: "2019" is all of 2019, never 1 January 2019."""

from __future__ import annotations

import calendar
from datetime import date

BY = ("month", "quarter", "year")


def period_of(value: str | None, by: str) -> str | None:
    """The period label of an ISO-prefix date, or None when the date is too coarse for `by`."""
    if not value:
        return None
    value = value.split("/", 1)[0]
    if by == "year":
        return value[:4] if len(value) >= 4 else None
    if len(value) < 7:
        return None
    if by == "month":
        return value[:7]
    if by == "quarter":
        return f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}"
    raise ValueError(f"period must be one of {', '.join(BY)}, not {by!r}")


def interval(value: str | None) -> tuple[date, date] | None:
    """First and last day a date (or START/END range) may mean; None when it is not a date."""
    if not value:
        return None
    start, _, end = value.partition("/")
    first = _bound(start, last=False)
    final = _bound(end or start, last=True)
    if first is None or final is None:
        return None
    return first, final


def _bound(value: str, last: bool) -> date | None:
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
        d = int(parts[2][:2]) if len(parts) > 2 else (calendar.monthrange(y, m)[1] if last else 1)
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def overlaps(a: str | None, b: str | None, window_days: int) -> bool:
    """Could two dates be the same happening, allowing `window_days` of slack between them?"""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False
    return (ia[0] - ib[1]).days <= window_days and (ib[0] - ia[1]).days <= window_days


def period_start(label: str) -> date:
    """The first day of a period label: "2019" -> 2019-01-01, "2019-Q2" -> 2019-04-01, "2019-06" -> 2019-06-01."""
    year, _, rest = label.partition("-")
    try:
        if not rest:
            return date(int(year), 1, 1)
        if rest.startswith("Q"):
            return date(int(year), (int(rest[1:]) - 1) * 3 + 1, 1)
        return date(int(year), int(rest), 1)
    except ValueError as exc:
        raise ValueError(f"not a period label: {label!r} (YYYY, YYYY-Qn or YYYY-MM)") from exc


def period_after(label: str) -> date:
    """The first day after a period label: "2019" -> 2020-01-01, "2019-Q4" -> 2020-01-01, "2019-06" -> 2019-07-01."""
    start = period_start(label)
    _, _, rest = label.partition("-")
    months = 12 if not rest else 3 if rest.startswith("Q") else 1
    m = start.month - 1 + months
    return date(start.year + m // 12, m % 12 + 1, 1)
