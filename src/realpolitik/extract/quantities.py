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
from realpolitik.extract import extractor
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
            rf"{lead}(?P<n1>{num})(?:{rng}(?P<n2>{num}))?{plus}[\s-]+(?P<unit>(?i:{tunit}))"
            r"(?![\w²])(?!-old|\s+old\b|\s+of\s+age\b|\s+ago\b|\s+from\s+now\b|\s+hence\b|\s+earlier\b|\s+later\b)"
        ),
        count=re.compile(
            rf"{lead}(?P<n1>{num})(?:{rng}(?P<n2>{num}))?(?:\s?(?P<s1>{long_s}))?{plus}(?![\w%])"
        ),
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
        if n1 in ("one", "a", "an") and not m.group().lower().startswith(f"{n1}-"):
            continue  # "one day, he ..." is no duration; "a one-year extension" is
        unit, factor = time_unit_forms()[m["unit"].lower()]
        v = _values(m)
        if v is not None:
            v = (v[0] * factor, v[1] * factor if v[1] is not None else None)
        add(m, v, unit, "duration")
    return found


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
        if span.start <= t.head.i < span.end or t.dep_ != "nummod" or t.head.i <= t.i:
            continue
        head = t.head
        while head.pos_ in ("NUM", "PROPN") and head.dep_ in ("nummod", "compound") and head.head.i > head.i:
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
            if child.dep_ == "prep" and child.lower_ == "of" and child.i not in inside:
                for obj in child.children:
                    if (obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
                            and obj.lemma_.lower() not in _GENERIC_HEADS):
                        return _noun_text(obj)
    tok = span.root
    for _ in range(6):
        head = tok.head
        if head is tok:
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
                if child.dep_ == "compound" or (
                    child.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _MEASURE_VERBS
                ):
                    return _noun_text(child)
            if head.dep_ not in ("acl", "relcl", "appos", "advcl", "xcomp"):
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
    sentences = [(s.start_char, s.end_char) for s in ctx.doc.sents]
    sent_starts = [s for s, _ in sentences]
    for f in sorted(chosen, key=lambda f: f.start):
        subject = heads.get(f.num_start) or _subject(ctx, f)
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
