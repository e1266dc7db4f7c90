"""Dates as ISO prefixes that keep their precision: "2023", "2023-04", "2023-04-05".

A date is never padded into a false day (followthemoney's habit): "April 2023" is "2023-04".
Ranges are "START/END" ("2010/2024"). Relative expressions ("last year", "two months ago",
"on Wednesday") are resolved only against the document's published date and only when that
date is precise enough: "last month" needs a month, "on Wednesday" needs a day. Nothing here
ever looks at the clock: a text without a published date gets None for relative expressions.

The vocabulary (month and weekday names, number words, time units) lives in
knowledge/time_words.yaml; times and quantities share it through this module.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


NOT_ABSOLUTE = ("is not an absolute date (use YYYY, YYYY-MM, YYYY-MM-DD or e.g. \"5 March 2024\"; relative "
                "dates like \"last Tuesday\" and ambiguous ones like 03/04/2024 are refused)")

# A publication date names its year; a numeric d/m/y whose first two parts could each be the
# month is ambiguous.
_ABSOLUTE_YEAR = re.compile(r"\b(1[89]|2[01])\d{2}\b")
_AMBIGUOUS_NUMERIC = re.compile(r"^\s*(0?[1-9]|1[0-2])[/.\-](0?[1-9]|1[0-2])[/.\-]\d{2,4}\s*$")


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
    if not _ABSOLUTE_YEAR.search(value) or _AMBIGUOUS_NUMERIC.match(value):
        # "last Tuesday", "2 hours ago" would be read against today's clock, and 03/04/2024 is
        # March or April depending on who wrote it: neither is a publication date.
        return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                                  "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


# -- vocabulary ---------------------------------------------------------------


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The parsed time_words.yaml, read once per process."""
    from realpolitik.knowledge import load_yaml

    return load_yaml("time_words.yaml")


def _alternation(words: list[str]) -> str:
    """A regex alternation that tries longer spellings first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Lower-cased month spelling -> month number."""
    return {w.lower(): int(n) for n, ws in vocabulary()["months"].items() for w in ws}


@lru_cache(maxsize=1)
def weekday_numbers() -> dict[str, int]:
    return {w.lower(): int(n) for n, ws in vocabulary()["weekdays"].items() for w in ws}


@lru_cache(maxsize=1)
def time_unit_forms() -> dict[str, tuple[str, int]]:
    """Lower-cased time-unit spelling -> (unit it is counted in, factor)."""
    out: dict[str, tuple[str, int]] = {}
    for spec in vocabulary()["time_units"].values():
        for form in spec["forms"]:
            out[form.lower()] = (spec["as"], int(spec["factor"]))
    return out


@lru_cache(maxsize=1)
def patterns() -> dict[str, str]:
    """Regex fragments other modules build on; month names are matched case-sensitively."""
    v = vocabulary()
    month_words = [w for ws in v["months"].values() for w in ws]
    full = [w for w in month_words if len(w) > 3 or w == "May"]
    abbrev = [w for w in month_words if w not in full]
    unit_words = list(v["units_words"])
    tens = [w for w in v["tens_words"] if w not in ("hundred", "dozen")]
    word = (
        rf"(?:(?:{_alternation(tens)})(?:[- ](?:{_alternation(unit_words[1:10])}))?"
        rf"|{_alternation(unit_words)}|a dozen|dozen|a hundred|one hundred|hundred)"
    )
    return {
        "MONTH": rf"(?:{_alternation(full)}|(?:{_alternation(abbrev)})\.?)",
        "WEEKDAY": _alternation([w for ws in v["weekdays"].values() for w in ws]),
        "NUMWORD": word,
        "DIGITS": r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)",
        "TUNIT": _alternation(list(time_unit_forms())),
        "SEASON": _alternation(v["seasons"]),
        "ORDWORD": _alternation(list(v["ordinals"])),
    }


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words: "2,600", "1.5", "twenty-five", "a dozen"."""
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    v = vocabulary()
    small: dict[str, int] = v["units_words"]
    tens: dict[str, int] = v["tens_words"]
    total = 0
    current = 0
    seen = False
    for part in re.split(r"[\s-]+", t):
        if part in ("a", "an", "and"):
            if part != "and" and not seen:
                current = 1
            continue
        if part in small:
            current += small[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "dozen":
            current = (current or 1) * 12
        elif part in tens:
            current += tens[part]
        else:
            return None
        seen = True
    total += current
    return float(total) if seen else None


# -- ISO prefixes and calendar arithmetic ------------------------------------------


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO prefix; missing parts are None. Ranges are not accepted."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    y, mo, d = m.groups()
    return int(y), int(mo) if mo else None, int(d) if d else None


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _day(d: date) -> str:
    return d.isoformat()


def _published_date(pub: tuple[int, int | None, int | None]) -> date | None:
    y, m, d = pub
    if m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


# -- resolving one expression ---------------------------------------------------

_LEAD = re.compile(
    r"^(?:(?:in|on|at|since|from|by|during|until|till|through|throughout|of|for|over|around|"
    r"before|after|as of|as early as|as late as|back in|starting|beginning)\s+)+",
    re.I,
)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2019": "'", "\u00a0": " "})


@lru_cache(maxsize=1)
def _grammar() -> dict[str, re.Pattern[str]]:
    """The compiled forms resolve() understands, built once from the vocabulary."""
    p = patterns()
    M, W, N = p["MONTH"], p["WEEKDAY"], rf"(?:{p['DIGITS']}|{p['NUMWORD']})"
    Y = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
    D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    MOD = r"(?:(?:the\s+)?(?:early|mid|late|end\s+of|start\s+of|beginning\s+of|middle\s+of)[-\s]+(?:the\s+)?)"
    U = p["TUNIT"]
    I = re.I  # noqa: E741 - flags, not a variable name a reader can confuse
    return {
        "iso": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
        "mdy": re.compile(rf"(?:(?:{W}),?\s+)?(?:the\s+)?({M})\s+({D}),?\s+({Y})"),
        "dmy": re.compile(rf"(?:(?:{W}),?\s+)?(?:the\s+)?({D})\s+(?:of\s+)?({M}),?\s+({Y})"),
        "drange": re.compile(
            rf"(?:from\s+|between\s+)?({M})\s+({D})\s*(?:-|to|and|through|until)\s*(?:({M})\s+)?({D}),?\s+({Y})"),
        "mrange": re.compile(rf"(?:between\s+)?({M})\s*(?:-|to|and|through|until)\s*({M}),?\s+({Y})"),
        "my": re.compile(rf"{MOD}?({M}),?\s+(?:of\s+)?({Y})"),
        "yrange": re.compile(rf"(?:between\s+|from\s+)?({Y})\s*(?:-|/|to|and|through|until)\s*({Y}|\d\d)"),
        "decade": re.compile(rf"(?:the\s+)?{MOD}?(?:(1[5-9]\d|20\d)0|'(\d)0)'?s", I),
        "century": re.compile(rf"(?:the\s+)?(\d{{1,2}}(?:st|nd|rd|th)|{p['ORDWORD']})\s+century", I),
        "quarter": re.compile(rf"(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?({Y})", I),
        "q": re.compile(rf"Q([1-4])\s*({Y})"),
        "half": re.compile(rf"(?:the\s+)?(first|second|1st|2nd)\s+half\s+(?:of\s+)?({Y})", I),
        "h": re.compile(rf"H([12])\s*({Y})"),
        "year": re.compile(
            rf"(?:{MOD}|(?:the\s+)?(?:fiscal|financial|calendar)(?:\s+year)?\s+|(?:the\s+)?year\s+|FY\s?|"
            rf"(?:the\s+)?(?:{p['SEASON']})\s+(?:of\s+)?)?({Y})", I),
        "md": re.compile(rf"(?:(?:{W}),?\s+)?(?:the\s+)?({M})\s+({D})"),
        "dm": re.compile(rf"(?:(?:{W}),?\s+)?(?:the\s+)?({D})\s+(?:of\s+)?({M})"),
        "m": re.compile(rf"{MOD}?({M})"),
        "today": re.compile(r"(today|tonight|this\s+(?:morning|afternoon|evening))", I),
        "yday": re.compile(r"(yesterday|tomorrow)", I),
        "rel": re.compile(
            rf"(?:(early|late|earlier|later|mid)[-\s]+(?:in\s+)?)?(the\s+)?"
            rf"(last|this|next|current|coming|past|previous|following)\s+"
            rf"(year|month|week|weekend|decade|quarter|{p['SEASON']})", I),
        "span": re.compile(
            rf"(?:the\s+)?(past|last|next|coming|previous|following|first|final|recent)\s+"
            rf"({N}(?:\s*(?:-?(?:to|or)-?|-)\s*{N})*|few|several|many|couple\s+of)\s+({U})", I),
        "ago": re.compile(rf"({N}|an?|several|a\s+few|few)\s+({U})\s+(ago|earlier|before|later|from\s+now|hence)", I),
        "wday": re.compile(rf"(?:(last|this|next|on|coming|past)\s+)?({W})", I),
        # "last July", "this May", "early next March": the month name stays case-sensitive
        "relmonth": re.compile(
            rf"(?:(?i:early|late|mid|earlier|later)[-\s]+(?:in\s+)?)?(?i:(last|this|next|coming|past))\s+({M})"),
    }


def _to_int(text: str) -> int | None:
    v = parse_number(text)
    return int(v) if v is not None and v == int(v) else None


def _day_num(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve(text: str, published: str | None = None, future: bool = False) -> str | None:
    """The ISO value of one date expression, or None when it cannot be known.

    `published` anchors relative expressions and is the only anchor ever used; `future` says
    the sentence speaks of what is to come, so "on Friday" means the next Friday, not the last.
    """
    whole = " ".join(text.translate(_DASHES).split())
    t = _LEAD.sub("", whole).strip(" ,.;:")
    if not t:
        return None
    if t == "May" and whole != t:
        t = "the May"  # "in May", "since May": after a preposition the word is the month
    g = _grammar()
    months = month_numbers()
    pub = parse_iso(published) if published else None

    def month_of(word: str) -> int:
        return months[word.lower().rstrip(".")]

    if m := g["iso"].fullmatch(t):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := g["mdy"].fullmatch(t):
        return _valid(int(m[3]), month_of(m[1]), _day_num(m[2]))
    if m := g["dmy"].fullmatch(t):
        return _valid(int(m[3]), month_of(m[2]), _day_num(m[1]))
    if m := g["drange"].fullmatch(t):
        y = int(m[5])
        a = _valid(y, month_of(m[1]), _day_num(m[2]))
        b = _valid(y, month_of(m[3] or m[1]), _day_num(m[4]))
        return f"{a}/{b}" if a and b and a < b else None
    if m := g["mrange"].fullmatch(t):
        a, b, y = month_of(m[1]), month_of(m[2]), int(m[3])
        return f"{_ym(y, a)}/{_ym(y, b)}" if a < b else None
    if m := g["my"].fullmatch(t):
        return _ym(int(m[2]), month_of(m[1]))
    if m := g["yrange"].fullmatch(t):
        a = int(m[1])
        b = int(m[2]) if len(m[2]) == 4 else a // 100 * 100 + int(m[2])
        return f"{a}/{b}" if a < b else None
    if m := g["decade"].fullmatch(t):
        start = int(m[1]) * 10 if m[1] else (1900 + int(m[2]) * 10 if int(m[2]) >= 3 else 2000 + int(m[2]) * 10)
        return f"{start}/{start + 9}"
    if m := g["century"].fullmatch(t):
        c = int(m[1][:-2]) if m[1][0].isdigit() else int(vocabulary()["ordinals"][m[1].lower()])
        return f"{(c - 1) * 100 + 1}/{c * 100}" if 1 <= c <= 21 else None
    if (m := g["quarter"].fullmatch(t)) or (m := g["q"].fullmatch(t)):
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m[1].lower()) or int(m[1][0])
        y = int(m[2])
        return f"{_ym(y, 3 * q - 2)}/{_ym(y, 3 * q)}"
    if (m := g["half"].fullmatch(t)) or (m := g["h"].fullmatch(t)):
        h = 1 if m[1].lower() in ("first", "1st", "1") else 2
        y = int(m[2])
        return f"{_ym(y, 6 * h - 5)}/{_ym(y, 6 * h)}"
    if m := g["year"].fullmatch(t):
        return m[1]
    if pub is None:
        return None
    return _resolve_relative(t, pub, future)


def _calendar_year(month: int, pub: tuple[int, int | None, int | None], future: bool) -> int:
    """Year of a month named without one: the published year, stepped back when the month
    is still to come and the sentence speaks of the past (and forward in the opposite case)."""
    y, pm, _ = pub
    if pm is None:
        return y
    if month > pm and not future:
        return y - 1
    if month < pm and future:
        return y + 1
    return y


def _resolve_relative(t: str, pub: tuple[int, int | None, int | None], future: bool) -> str | None:
    g = _grammar()
    months = month_numbers()
    y, pm, pd = pub
    today = _published_date(pub)
    units = time_unit_forms()

    if m := g["md"].fullmatch(t):
        mo = months[m[1].lower().rstrip(".")]
        return _valid(_calendar_year(mo, pub, future), mo, _day_num(m[2]))
    if m := g["dm"].fullmatch(t):
        mo = months[m[2].lower().rstrip(".")]
        return _valid(_calendar_year(mo, pub, future), mo, _day_num(m[1]))
    if t == "the May":
        t = "May"
    elif t == "May":
        return None  # the bare word is more often the modal verb than the month
    if m := g["m"].fullmatch(t):
        mo = months[m[1].lower().rstrip(".")]
        return _ym(_calendar_year(mo, pub, future), mo)
    if m := g["relmonth"].fullmatch(t):
        return _relative_month(m[1].lower(), months[m[2].lower().rstrip(".")], pub)
    if m := g["today"].fullmatch(t):
        return "-".join(f"{x:02d}" if i else f"{x:04d}" for i, x in enumerate((y, pm, pd)) if x is not None)
    if m := g["yday"].fullmatch(t):
        if today is None:
            return None
        return _day(today + timedelta(days=-1 if m[1].lower() == "yesterday" else 1))
    if m := g["rel"].fullmatch(t):
        return _relative_named(m[2], m[3].lower(), m[4].lower(), pub)
    if m := g["span"].fullmatch(t):
        return _relative_span(m[1].lower(), m[2], m[3].lower(), pub, units)
    if m := g["ago"].fullmatch(t):
        n = 1 if m[1].lower() in ("a", "an") else _to_int(m[1])
        word = m[3].lower()
        if n is None or word in ("earlier", "before", "later"):
            return None  # "two years earlier" counts from a narrated time, not from publication
        unit, factor = units[m[2].lower()]
        sign = 1 if word in ("from now", "hence") else -1
        return _shift(pub, unit, sign * n * factor)
    if m := g["wday"].fullmatch(t):
        if today is None:
            return None
        wd = weekday_numbers()[m[2].lower()]
        mod = (m[1] or "").lower()
        back = (today.weekday() - wd) % 7
        ahead = (wd - today.weekday()) % 7
        if mod in ("last", "past"):
            return _day(today - timedelta(days=back or 7))
        if mod == "next":
            return _day(today + timedelta(days=ahead or 7))
        if mod in ("this", "coming") or future:
            return _day(today + timedelta(days=ahead))
        return _day(today - timedelta(days=back))
    return None


def _relative_month(which: str, month: int, pub: tuple[int, int | None, int | None]) -> str | None:
    """"last July" is the most recent July before the published month; "next March" the first
    March after it; "this May" the May of the published year. With only a year published, "last"
    and "next" cannot be placed (last July may be this year's or last year's)."""
    y, pm, _ = pub
    if which == "this":
        return _ym(y, month)
    if pm is None:
        return None
    if which in ("last", "past"):
        return _ym(y if month < pm else y - 1, month)
    return _ym(y if month > pm else y + 1, month)


def _shift(pub: tuple[int, int | None, int | None], unit: str, n: int) -> str | None:
    """Move the published date by n units, keeping the unit's precision."""
    y, pm, pd = pub
    if unit == "year":
        return f"{y + n:04d}"
    if unit == "month":
        if pm is None:
            return None
        return _ym(*_shift_month(y, pm, n))
    today = _published_date(pub)
    if today is None or unit not in ("week", "day"):
        return None
    return _day(today + timedelta(days=n * (7 if unit == "week" else 1)))


def _relative_named(the: str | None, which: str, unit: str, pub: tuple[int, int | None, int | None]) -> str | None:
    """"last year", "this month", "the past decade", "next week", "last summer"."""
    y, pm, _ = pub
    today = _published_date(pub)
    if which in ("previous", "following") or (the and which == "next"):
        return None  # "the previous year" counts from a narrated time, not from publication
    step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[which]
    if unit == "decade":
        if which in ("last", "past") and (the or which == "past"):
            return f"{y - 10}/{y}"
        start = (y // 10 + step) * 10
        return f"{start}/{start + 9}"
    if the and which in ("last", "past") and unit in ("year", "month", "week"):
        # "the past year" is the stretch just ended, not the previous calendar year
        span = _shift(pub, unit, -1)
        here = _shift(pub, unit, 0)
        return f"{span}/{here}" if span and here else None
    if unit == "year" or unit in vocabulary()["seasons"]:
        return f"{y + step:04d}"
    if unit == "month":
        return _ym(*_shift_month(y, pm, step)) if pm else None
    if unit == "quarter":
        if pm is None:
            return None
        qy, qm = _shift_month(y, (pm - 1) // 3 * 3 + 1, 3 * step)
        return f"{_ym(qy, qm)}/{_ym(*_shift_month(qy, qm, 2))}"
    if today is None:
        return None
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
    if unit == "week":
        return f"{_day(monday)}/{_day(monday + timedelta(days=6))}"
    if unit == "weekend":
        sat = monday + timedelta(days=5)
        if which == "last" and sat >= today:
            sat -= timedelta(weeks=1)
        return f"{_day(sat)}/{_day(sat + timedelta(days=1))}"
    return None


def _relative_span(which: str, amount: str, unit_word: str, pub: tuple[int, int | None, int | None],
                   units: dict[str, tuple[str, int]]) -> str | None:
    """"the past 14 years" -> START/END ending at publication; "the next five years" starts there."""
    if which not in ("past", "last", "next", "coming"):
        return None  # "the first two years (in office)" is anchored to something else
    parts = [x for x in re.split(r"\s*(?:-|to|or)\s*", amount) if x]
    n = _to_int(parts[-1]) if len(parts) >= 1 else None
    if n is None:
        return None
    unit, factor = units[unit_word]
    sign = -1 if which in ("past", "last") else 1
    edge = _shift(pub, unit, sign * n * factor)
    here = _shift(pub, unit, 0)
    if edge is None or here is None:
        return None
    return f"{edge}/{here}" if sign < 0 else f"{here}/{edge}"
