"""Quantities: money, counts, distances, durations, percentages, masses and energy figures.

Surface patterns built from knowledge/units.yaml find the figures that carry a unit ("$240bn",
"3 million roubles", "2,600 km", "12 per cent", "the past 14 years"); counts ("79 major
projects", "more than 40 times") come from the parse: a number that modifies a noun to its
right. Each figure gets a normalised value, its unit, a bound read from the words around it,
the noun it measures (`subject`, from the dependency parse) and a date from a time expression
in the same sentence.

Bounds: "more than", "over", "at least", "-plus", "upwards of" -> more_than; "less than",
"under", "up to", "nearly", "almost" -> less_than (nearly 40 is below 40: the author gives an
upper bound); "about", "around", "some", "roughly", "approximately" -> about; "2-3",
"between 2 and 3", "two-to-three" -> range (value .. value_max).

Changes: "from 4 million to 2 million barrels" states two figures, the old and the new, not
a range: each side is one exact quantity, and the unit (and a scale written once, "from 2 to
3 million") is shared by both. "between A and B" and "A-B" stay ranges.

Votes: a tally ("by 13 votes to 2", "12 in favour, 2 against", "voted 10-1 in favour") gives
one count of votes per side (unit count, subject "votes"); cue words are in units.yaml.

Vague magnitudes ("a million people", "half a million", "tens of thousands of troops") are
figures too: the value is the magnitude named and the bound is "about" unless a bound word
says otherwise ("more than a million people" -> more_than 1e6). "a"/"an" before a time unit
counts only after a bound word ("more than a decade"); adjectives may sit between a number and
its time unit ("15 consecutive years").

Not quantities: dates and the numbers inside them ("in 2023"), ordinals ("third day"), times
of day, ages ("a 40-year-old"), numbers that are part of a name ("Power 2"), and "the two
men"-style references back to people already named. Durations are the one kind of figure
allowed inside a time expression ("the past 14 years" is a date range and a 14-year span).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from realpolitik.dates import parse_number, patterns, time_unit_forms
from realpolitik.extract import extractor, syntax
from realpolitik.extract.times import sentence_date
from realpolitik.knowledge import load_yaml
from realpolitik.schema import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from realpolitik.extract.context import ExtractContext


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def units() -> dict[str, Any]:
    """units.yaml, read once."""
    return load_yaml("units.yaml")


@dataclass(frozen=True)
class _Grammar:
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]
    measure: re.Pattern[str]
    duration: re.Pattern[str]
    count: re.Pattern[str]
    change: re.Pattern[str]
    tally: re.Pattern[str]
    tally_by: re.Pattern[str]
    tally_dash: re.Pattern[str]
    change_before: re.Pattern[str]
    vague: re.Pattern[str]
    vague_value: dict[str, float]
    tally_context: re.Pattern[str]
    unit_after: re.Pattern[str]
    currency: dict[str, str]  # lower-cased spelling -> ISO code
    measure_unit: dict[str, tuple[str, str]]  # lower-cased spelling -> (unit, kind)
    scale: dict[str, float]


def _grammar() -> _Grammar:
    """Compile every quantity pattern from the unit and time vocabularies."""
    u = units()
    p = patterns()
    currency: dict[str, str] = {}
    symbols: list[str] = []
    codes: list[str] = []
    words: list[str] = []
    for code, spec in u["currencies"].items():
        for s in spec.get("symbols") or []:
            currency[s.lower()] = code
            symbols.append(s)
        for c in spec.get("codes") or []:
            currency[c.lower()] = code
            codes.append(c)
        for w in spec.get("words") or []:
            currency[w.lower()] = code
            words.append(w)
    long_scales = u["scales"]["long"]
    short_scales = u["scales"]["short"]
    scale = {k: float(v) for k, v in {**long_scales, **short_scales}.items()}
    measure_unit: dict[str, tuple[str, str]] = {}
    for unit, spec in u["measures"].items():
        for form in spec["forms"]:
            measure_unit[form.lower()] = (unit, spec["kind"])

    num = rf"(?:{p['DIGITS']}|(?i:{p['NUMWORD']}))"
    digits = p["DIGITS"]
    lead = r"(?<![\w.,$€£¥₹₽\-/])"
    long_s = rf"(?i:{_alt(list(long_scales))})"
    any_s = rf"(?:{long_s}|(?i:{_alt(list(short_scales))}))(?![A-Za-z])"
    rng = r"\s?(?:-|–|to|and|or|-to-|–to–)\s?"
    plus = r"(?P<plus>-?plus\b|\+)?"
    sym = rf"(?:{_alt(symbols)}|(?:{_alt(codes)})\s?)"
    cur_after = rf"(?:{_alt(words)}|{_alt(codes)})"
    tunit = p["TUNIT"]
    mforms = _alt(list(spec_form for spec in u["measures"].values() for spec_form in spec["forms"]))
    dur_adj = rf"(?:(?i:{_alt(u['duration_adjectives'])})\s+)?"
    tally = u["tallies"]
    vague_value = {k.lower(): float(v) for k, v in u["vague_numbers"].items()}
    # the unit shared by both sides of a change: a measure, a currency word or a time unit
    change_unit = rf"(?:(?i:{mforms})|{cur_after}|(?i:{tunit}))(?![\w²])"
    return _Grammar(
        money_before=re.compile(
            rf"{lead}(?P<cur>{sym})\s?(?P<n1>{digits})(?:\s?(?P<s1>{any_s}))?"
            rf"(?:{rng}(?:{sym})?\s?(?P<n2>{digits})(?:\s?(?P<s2>{any_s}))?)?{plus}"
        ),
        money_after=re.compile(
            rf"{lead}(?P<n1>{num})(?:\s?(?P<s1>{long_s})|(?P<s1b>(?i:bn|mn|tn|m|k))(?![A-Za-z]))?"
            rf"(?:{rng}(?P<n2>{num})(?:\s?(?P<s2>{long_s}))?)?{plus}\s+(?P<cur>{cur_after})\b"
        ),
        measure=re.compile(
            rf"{lead}(?P<n1>{num})(?:{rng}(?P<n2>{num}))?{plus}(?:\s?(?P<s1>{long_s}))?[\s-]?"
            rf"(?P<unit>(?i:{mforms}))(?![\w²])"
        ),
        duration=re.compile(
            rf"{lead}(?P<n1>{num}|(?i:an?)(?=\s))(?:{rng}(?P<n2>{num}))?{plus}[\s-]+{dur_adj}(?P<unit>(?i:{tunit}))"
            r"(?![\w²])(?!-old|\s+old\b|\s+of\s+age\b|\s+ago\b|\s+from\s+now\b|\s+hence\b|\s+earlier\b|\s+later\b)"
        ),
        count=re.compile(
            rf"{lead}(?P<n1>{num})(?:{rng}(?P<n2>{num}))?(?:\s?(?P<s1>{long_s}))?{plus}(?![\w%])"
        ),
        change=re.compile(
            rf"(?i:\bfrom)\s+(?P<a>(?P<n1>{num})(?:\s?(?P<s1>{long_s}))?)(?:\s+(?P<u1>{change_unit}))?"
            rf"\s+(?i:to)\s+(?P<b>(?P<n2>{num})(?:\s?(?P<s2>{long_s}))?[\s-]?(?P<unit>{change_unit}))"
        ),
        tally=re.compile(
            rf"{lead}(?P<n1>{num})\s+(?:(?i:votes?)\s+)?(?i:{_alt(tally['sides'])})\b"
        ),
        tally_by=re.compile(
            rf"(?i:\bby\s)(?P<a>(?P<n1>{num})\s+(?i:votes?))\s+(?i:to)\s+(?P<b>(?P<n2>{num}))(?![\w%])"
        ),
        tally_dash=re.compile(
            rf"(?i:\b(?:{_alt(tally['verbs'])})\s+)(?P<a>(?P<n1>{digits}))(?:\s?[-–]\s?|\s+(?i:to)\s+)"
            rf"(?P<b>(?P<n2>{digits}))(?![\w%.,]\w)"
        ),
        vague=re.compile(
            rf"{lead}(?P<v>(?i:{_alt(list(vague_value))}))(?P<of>\s+of)?(?![\w%])"
        ),
        change_before=re.compile(
            rf"(?i:\bfrom)\s+(?P<a>(?P<cur>{sym})\s?(?P<n1>{digits})(?:\s?(?P<s1>{any_s}))?)"
            rf"\s+(?i:to)\s+(?P<b>(?:{sym})?\s?(?P<n2>{digits})(?:\s?(?P<s2>{any_s}))?)(?![\w%])"
        ),
        vague_value=vague_value,
        unit_after=re.compile(rf"^[\s-]?(?P<unit>{change_unit})"),
        tally_context=re.compile(rf"(?i:\b(?:{_alt(tally['context'])}))"),
        currency=currency,
        measure_unit=measure_unit,
        scale=scale,
    )


_G = _grammar()

_BOUND_BEFORE = re.compile(
    r"(?i:(?P<more>more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|greater\s+than|exceeding|above|"
    r"just\s+over|well\s+over|no\s+less\s+than|not\s+less\s+than)"
    r"|(?P<less>less\s+than|fewer\s+than|under|up\s+to|below|at\s+most|no\s+more\s+than|not\s+more\s+than|"
    r"nearly|almost|just\s+under|just\s+shy\s+of)"
    r"|(?P<about>about|around|some|roughly|approximately|approx\.|an\s+estimated|estimated|close\s+to|"
    r"circa|an\s+approximate|nearly\s+about)"
    r"|(?P<range>between|from))\s+$"
)
_BOUND_AFTER = re.compile(r"^\s+(?i:(?P<more>or\s+more)|(?P<less>or\s+less|or\s+fewer)|(?P<about>or\s+so))\b")
_AGE_BEFORE = re.compile(r"(?i:\b(?:aged|age\s+of|ages\s+of)\s*$)")
_EVERY_BEFORE = re.compile(r"(?i:\b(?:every|each|per)\s*$)")
_TIME_OF_DAY_AFTER = re.compile(r"^\s*(?i:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC|hours\s+GMT)\b|^:\d\d")
_YEAR = re.compile(r"(?:1[5-9]\d\d|20\d\d)")
# "2+2 talks", "a 3+3 format": numbers joined by a plus name a format, they count nothing
_FORMULA_AFTER = re.compile(r"^\s?\+\s?\d")
_FORMULA_BEFORE = re.compile(r"\d\s?\+\s?$")
# a model designation, letters and a number joined by a hyphen ("F-16", "S-400", "MiG-29",
# "Fath-360"): the number is part of the name; the plural ("40 F-16s") is a counted noun
_MODEL = re.compile(r"[A-Za-z]{1,8}-\d+[A-Za-z]{0,3}")
_MODEL_PLURAL = re.compile(r"[A-Za-z]{1,8}-\d+[A-Za-z]{0,3}?s")
_ANAPHORIC = frozenset({"the", "these", "those", "both", "all", "their", "its"})
_NAME_LABELS = frozenset({"DATE", "TIME", "ORDINAL", "ORG", "PERSON", "PRODUCT", "LAW", "EVENT", "FAC",
                          "WORK_OF_ART", "GPE", "LOC", "NORP", "LANGUAGE"})
_GENERIC_HEADS = frozenset({"total", "sum", "amount", "value", "figure", "worth", "level", "record", "tune",
                            "estimate", "range", "average", "excess", "upwards", "some", "number"})
_MEASURE_VERBS = frozenset({
    "reach", "amount", "total", "stand", "rise", "fall", "grow", "hit", "top", "exceed", "be", "increase",
    "decrease", "drop", "climb", "surge", "jump", "double", "account", "cost", "come", "soar", "plunge",
    "decline", "shrink", "expand", "hover", "near", "surpass", "remain", "value",
})
_MEASURING_PREPS = frozenset({"of", "to", "at", "worth", "with", "by", "from", "totalling", "totaling"})
_UNIT_WORDS = frozenset(_G.measure_unit) | frozenset(_G.currency) | frozenset(time_unit_forms()) | frozenset(
    _G.scale)
# Overlapping readings: a figure with a unit beats a duration, which beats a bare count.
_PRIORITY = {"money": 0, "percent": 1, "distance": 1, "mass": 1, "energy": 1, "other": 1, "duration": 2,
             "count": 3}


@dataclass
class _Found:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    kind: str
    bound: str
    num_start: int  # where the figure itself begins (after a bound word)
    num_end: int
    subject: str | None = None  # the noun measured, when the pattern itself names it ("votes")


def _number(text: str | None, scale: str | None) -> float | None:
    if not text:
        return None
    v = parse_number(text)
    if v is None:
        return None
    if scale:
        v *= _G.scale[scale.lower()]
    return v


def _bound(full: str, start: int, end: int, has_max: bool, plus: str | None) -> tuple[str, int, int]:
    """The bound and the span widened over the words that state it."""
    before = _BOUND_BEFORE.search(full[max(0, start - 24) : start])
    if before:
        kind = before.lastgroup
        if kind == "range" and not has_max:
            kind = None
        if kind:
            start -= len(before.group())
            return ({"more": "more_than", "less": "less_than", "about": "about", "range": "range"}[kind],
                    start, end)
    if has_max:
        return "range", start, end
    if plus:
        return "more_than", start, end
    after = _BOUND_AFTER.match(full[end : end + 12])
    if after and after.lastgroup:
        bound = {"more": "more_than", "less": "less_than", "about": "about"}[after.lastgroup]
        return bound, start, end + after.end()
    return "exact", start, end


def _values(m: re.Match[str], s1: str | None = None) -> tuple[float, float | None] | None:
    """(value, value_max) of a match; a scale written once applies to both ends ("$2-3bn")."""
    gd = m.groupdict()
    s1 = s1 if s1 is not None else gd.get("s1")
    s2 = gd.get("s2")
    lo = _number(gd["n1"], s1 or s2)
    hi = _number(gd.get("n2"), s2 or s1)
    if lo is None:
        return None
    if hi is not None and hi <= lo:
        return None
    return lo, hi


def _surface_figures(full: str) -> list[_Found]:
    """Every figure that carries its unit in the text, before overlap resolution."""
    found: list[_Found] = []

    def add(m: re.Match[str], value: tuple[float, float | None] | None, unit: str, kind: str) -> None:
        if value is None or _in_formula(full, m.start(), m.end()) or _in_model_name(full, m.start(), m.end()):
            return
        bound, s, e = _bound(full, m.start(), m.end(), value[1] is not None, m.groupdict().get("plus"))
        found.append(_Found(s, e, value[0], value[1], unit, kind, bound, m.start(), m.end()))

    for m in _G.money_before.finditer(full):
        add(m, _values(m), _G.currency[m["cur"].strip().lower()], "money")
    for m in _G.money_after.finditer(full):
        add(m, _values(m, m["s1"] or m["s1b"]), _G.currency[m["cur"].lower()], "money")
    for m in _G.measure.finditer(full):
        unit, kind = _G.measure_unit[m["unit"].lower()]
        add(m, _values(m), unit, kind)
    for m in _G.duration.finditer(full):
        if _AGE_BEFORE.search(full[max(0, m.start() - 12) : m.start()]):
            continue
        if _EVERY_BEFORE.search(full[max(0, m.start() - 8) : m.start()]):
            continue
        n1 = m["n1"].lower()
        if n1 in ("one", "a", "an") and not m.group().lower().startswith(f"{n1}-") and not (
                _BOUND_BEFORE.search(full[max(0, m.start() - 24) : m.start()])):
            continue  # "one day, he ..." is no duration; "a one-year extension" and "over a decade" are
        unit, factor = time_unit_forms()[m["unit"].lower()]
        v = (1.0, None) if n1 in ("a", "an") else _values(m)
        if v is not None:
            v = (v[0] * factor, v[1] * factor if v[1] is not None else None)
        add(m, v, unit, "duration")
    changed = _changes(full)
    found = [f for f in found if not any(f.num_start < c.num_end and c.num_start < f.num_end for c in changed)]
    return found + changed + _tallies(full)


def _unit_of(text: str) -> tuple[str, str, float] | None:
    """(unit, kind, factor) of a unit spelling: a measure, a currency or a time unit."""
    t = text.lower()
    if t in _G.measure_unit:
        return (*_G.measure_unit[t], 1.0)
    if t in _G.currency:
        return _G.currency[t], "money", 1.0
    if t in time_unit_forms():
        unit, factor = time_unit_forms()[t]
        return unit, "duration", factor
    return None


def _changes(full: str) -> list[_Found]:
    """ "from 4 million to 2 million barrels", "from $2bn to $1.5bn": two exact figures, old
    and new, sharing the unit (and a scale written once)."""
    out: list[_Found] = []
    for m in _G.change.finditer(full):
        spec = _unit_of(m["u1"] or m["unit"])
        spec2 = _unit_of(m["unit"])
        if spec is None or spec2 is None:
            continue
        a = _number(m["n1"], m["s1"] or m["s2"])
        b = _number(m["n2"], m["s2"] or m["s1"])
        if a is None or b is None:
            continue
        a_end = m.end("u1") if m["u1"] else m.end("a")
        out.append(_Found(m.start("a"), a_end, a * spec[2], None, spec[0], spec[1], "exact", m.start("a"), a_end))
        out.append(_Found(m.start("b"), m.end("b"), b * spec2[2], None, spec2[0], spec2[1], "exact",
                          m.start("b"), m.end("b")))
    for m in _G.change_before.finditer(full):
        code = _G.currency[m["cur"].strip().lower()]
        a = _number(m["n1"], m["s1"] or m["s2"])
        b = _number(m["n2"], m["s2"] or m["s1"])
        if a is None or b is None:
            continue
        for key, value in (("a", a), ("b", b)):
            out.append(_Found(m.start(key), m.end(key), value, None, code, "money", "exact", m.start(key), m.end(key)))
    return out


def _tallies(full: str) -> list[_Found]:
    """Vote counts: "by 13 votes to 2", "12 in favour, 2 against", "voted 10-1"."""
    out: list[_Found] = []

    def add(start: int, end: int, text: str | None) -> None:
        v = _number(text, None)
        if v is not None and not any(start < f.end and f.start < end for f in out):
            out.append(_Found(start, end, v, None, "count", "count", "exact", start, end, "votes"))

    for rx in (_G.tally_by, _G.tally_dash):
        for m in rx.finditer(full):
            add(m.start("a"), m.end("a"), m["n1"])
            add(m.start("b"), m.end("b"), m["n2"])
    for m in _G.tally.finditer(full):
        if _G.tally_context.search(full[max(0, m.start() - 160) : m.end() + 80]):
            add(m.start(), m.end(), m["n1"])
    return out


def _vague(ctx: ExtractContext, full: str, taken: list[tuple[int, int]]) -> list[tuple[_Found, str]]:
    """ "a million people", "half a million barrels", "tens of thousands of troops": the
    magnitude named, about it unless a bound word says more."""
    out: list[tuple[_Found, str]] = []
    for m in _G.vague.finditer(full):
        s, e = m.start(), m.end("v")
        if any(s < te and ts < e for ts, te in taken):
            continue
        value = _G.vague_value[m["v"].lower()]
        rest = full[m.end() :]
        unit_m = _G.unit_after.match(rest)
        bound, bs, be = _bound(full, s, e, False, None)
        bound = "about" if bound == "exact" else bound
        if unit_m:
            unit, kind, factor = _unit_of(unit_m["unit"]) or ("count", "count", 1.0)
            end = m.end() + unit_m.end()
            out.append((_Found(bs, end, value * factor, None, unit, kind, bound, s, end), ""))
            continue
        span = _tokens(ctx, m.end(), min(len(full), m.end() + 60))
        if span is None:
            continue
        head = _vague_noun(span)
        if head is None:
            continue
        end = head.idx + len(head.text)
        out.append((_Found(bs, end, value, None, "count", "count", bound, s, e), _noun_text(head)))
    return out


def _vague_noun(span: Span) -> Token | None:
    """The noun right after a vague magnitude, over adjectives ("a million displaced Syrians")
    and through a compound ("tens of thousands of factory workers")."""
    for t in span[:5]:
        if t.is_space:
            continue
        if t.pos_ == "NOUN":
            if t.lower_ in _UNIT_WORDS:
                return None
            while (
                syntax.attached_as(t, syntax.COMPOUND)
                and t.i + 1 < len(t.doc)
                and t.nbor(1).pos_ == "NOUN"
                and t.head.i > t.i
            ):
                t = t.nbor(1)
            return t
        if t.pos_ == "ADJ" or t.ent_type_ in ("NORP", "GPE") or (t.pos_ == "VERB" and t.tag_ == "VBN"):
            continue
        return None
    return None


def _in_formula(full: str, start: int, end: int) -> bool:
    """Whether the figure is one side of "2+2" (a format's name, not a count)."""
    return bool(_FORMULA_AFTER.match(full[end : end + 4]) or _FORMULA_BEFORE.search(full[max(0, start - 4) : start]))


def _in_model_name(full: str, start: int, end: int) -> bool:
    """Whether the number sits inside a hyphenated designation ("Su-35", "S-400")."""
    left = re.search(r"[A-Za-z0-9-]*$", full[max(0, start - 10) : start]).group()  # type: ignore[union-attr]
    right = re.match(r"[A-Za-z0-9-]*", full[end : end + 10]).group()  # type: ignore[union-attr]
    word = left + full[start:end] + right
    return "-" in word and bool(_MODEL.fullmatch(word) or _MODEL_PLURAL.fullmatch(word))


def _tokens(ctx: ExtractContext, start: int, end: int) -> Span | None:
    return ctx.doc.char_span(start, end, alignment_mode="expand")


def _counts(ctx: ExtractContext, full: str, taken: list[tuple[int, int]]) -> list[tuple[_Found, Token]]:
    """Numbers that modify a noun to their right: "79 major projects", "more than 40 times"."""
    out: list[tuple[_Found, Token]] = []
    for m in _G.count.finditer(full):
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        n1 = m["n1"]
        if _YEAR.fullmatch(n1) or _TIME_OF_DAY_AFTER.match(full[e : e + 10]):
            continue
        if _in_formula(full, s, e) or _in_model_name(full, s, e):
            continue
        if _AGE_BEFORE.search(full[max(0, s - 12) : s]):
            continue
        value = _values(m)
        if value is None:
            continue
        if value[0] == 1 and not n1[0].isdigit() and not m["s1"]:
            continue  # "one of them", "one day": the word one is rarely a count
        span = _tokens(ctx, s, e)
        if span is None or len(span) == 0:
            continue
        # the number phrase must hang on a noun to its right ("79 major projects"); a number
        # after its noun is a label ("Article 5", "Power 2")
        head = _counted_noun(span)
        model = head is not None and bool(_MODEL_PLURAL.fullmatch(head.text))
        if not model and any(t.ent_type_ in _NAME_LABELS for t in span):
            continue
        if head is None or head.lower_ in _UNIT_WORDS:
            continue
        if head.ent_type_ in _NAME_LABELS - {"DATE"} and not _MODEL_PLURAL.fullmatch(head.text):
            continue  # a name is no counted noun, but "40 F-16s" counts aircraft of a model
        prev = span[0].nbor(-1) if span[0].i > 0 else None
        if not n1[0].isdigit() and prev is not None and prev.lower_ in _ANAPHORIC:
            continue  # "the two men", "both three sides": people and things already named
        bound, bs, be = _bound(full, s, e, value[1] is not None, m["plus"])
        # the span runs on to the counted noun: "79 major projects", not "79"
        be = max(be, head.idx + len(head.text))
        out.append((_Found(bs, be, value[0], value[1], "count", "count", bound, s, e), head))
    return out


def _counted_noun(span: Span) -> Token | None:
    """The noun a number phrase counts, through a modifier in between ("100 F-16 jets")."""
    for t in span:
        if span.start <= t.head.i < span.end or not syntax.attached_as(t, syntax.NUMERIC_MODIFIER) or t.head.i <= t.i:
            continue
        head = t.head
        while (
            head.pos_ in ("NUM", "PROPN")
            and syntax.attached_as(head, syntax.NUMERIC_MODIFIER, syntax.COMPOUND)
            and head.head.i > head.i
        ):
            head = head.head
        if head.pos_ == "NOUN" or _MODEL_PLURAL.fullmatch(head.text):
            return head
    return None


def _inside_time(ctx: ExtractContext, f: _Found) -> bool:
    return any(t.span.start < f.num_end and f.num_start < t.span.end for t in ctx.times)


def _subject(ctx: ExtractContext, f: _Found) -> str | None:
    """The noun the figure measures, found by climbing the parse from the figure."""
    span = _tokens(ctx, f.num_start, f.num_end)
    if span is None or len(span) == 0:
        return None
    inside = {t.i for t in span}
    for t in span:  # "22 bcm of gas", "2% of GDP"
        for child in t.children:
            if syntax.attached_as(child, syntax.PREPOSITION) and child.lower_ == "of" and child.i not in inside:
                for obj in child.children:
                    if (syntax.attached_as(obj, syntax.PREPOSITION_OBJECT) and obj.pos_ in ("NOUN", "PROPN")
                            and obj.lemma_.lower() not in _GENERIC_HEADS):
                        return _noun_text(obj)
    tok = span.root
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.i in inside or head.lower_ in _UNIT_WORDS:
            tok = head
            continue
        if head.pos_ == "ADP" and head.lower_ not in _MEASURING_PREPS:
            return None  # "in the first two years", "for three days": adverbial, measures no noun
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in _GENERIC_HEADS:
            return _noun_text(head)
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.i in inside or child.pos_ not in ("NOUN", "PROPN"):
                    continue
                if syntax.attached_as(child, syntax.COMPOUND) or (
                    syntax.attached_as(child, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
                    and head.lemma_.lower() in _MEASURE_VERBS
                ):
                    return _noun_text(child)
            if not syntax.attached_as(
                head,
                syntax.CLAUSAL_MODIFIER,
                syntax.RELATIVE_CLAUSE,
                syntax.APPOSITION,
                syntax.ADVERBIAL_CLAUSE,
                syntax.OPEN_COMPLEMENT,
            ):
                return None
        tok = head
    return None


def _noun_text(tok: Token) -> str:
    keep = tok.pos_ == "PROPN" or tok.text.isupper() or _MODEL_PLURAL.fullmatch(tok.text)
    return tok.text if keep else tok.text.lower()


def _qid(doc_id: str, start: int, end: int) -> str:
    return "q-" + hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:12]


@extractor("quantities", requires=("times",), components=("ner", "parser", "lemmatizer"))
def extract_quantities(ctx: ExtractContext) -> None:
    """Fill ctx.quantities, one figure per stretch of text, in text order."""
    full = ctx.document.text
    chosen: list[_Found] = []
    for f in sorted(_surface_figures(full), key=lambda f: (_PRIORITY[f.kind], -(f.end - f.start), f.start)):
        if ctx.in_boilerplate(f.start, f.end):
            continue
        if f.kind != "duration" and _inside_time(ctx, f):
            continue
        if any(f.num_start < c.num_end and c.num_start < f.num_end for c in chosen):
            continue
        chosen.append(f)
    heads: dict[int, str] = {}
    taken = [(c.num_start, c.num_end) for c in chosen] + [(t.span.start, t.span.end) for t in ctx.times]
    for f, head in _counts(ctx, full, taken):
        if ctx.in_boilerplate(f.start, f.end):
            continue
        chosen.append(f)
        heads[f.num_start] = _noun_text(head)
    taken += [(f.num_start, f.num_end) for f in chosen]
    for f, noun in _vague(ctx, full, taken):
        if ctx.in_boilerplate(f.start, f.end) or _inside_time(ctx, f):
            continue
        chosen.append(f)
        if noun:
            heads[f.num_start] = noun
    sentences = [(s.start_char, s.end_char) for s in ctx.doc.sents]
    sent_starts = [s for s, _ in sentences]
    for f in sorted(chosen, key=lambda f: f.start):
        subject = heads.get(f.num_start) or f.subject or _subject(ctx, f)
        s, e = sentences[max(0, bisect.bisect_right(sent_starts, f.num_start) - 1)]
        date = sentence_date(ctx, s, e, anchor=f.num_start, look_back=False, anchor_end=f.end)
        ctx.quantities.append(
            Quantity(
                id=_qid(ctx.doc_id, f.start, f.end),
                doc=ctx.doc_id,
                span={"start": f.start, "end": f.end},
                text=full[f.start : f.end],
                value=f.value,
                value_max=f.value_max,
                unit=f.unit,
                kind=f.kind,  # type: ignore[arg-type]
                bound=f.bound,  # type: ignore[arg-type]
                subject=subject,
                date=date,
            )
        )
