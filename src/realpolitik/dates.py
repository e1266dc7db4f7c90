"""Dates as ISO prefixes that keep their precision: "2023", "2023-04", "2023-04-05".

A date is never padded into a false day (followthemoney's habit): "April 2023" is "2023-04".
"""

from __future__ import annotations

import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalize_published(value: str | None) -> str | None:
    """Turn a user- or feed-given publication date into an ISO prefix, or None if it is not one."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        year, month, day = m.groups()
        if month and not 1 <= int(month) <= 12:
            return None
        if day and not 1 <= int(day) <= 31:
            return None
        return "-".join(p for p in (year, month, day) if p)
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                                  "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None
