"""Times: every date expression in the body, normalised against the published date.

Candidates come from two places in one pass each: spaCy's DATE entities and one compiled
pattern for what the small model misses ("since last year", "in the past 14 years",
"2010-2014", "on Wednesday"). Overlaps keep the candidate that resolves, then the longer one.
Values come from realpolitik.dates.resolve, which never looks at the clock: with no published
date, relative expressions keep value None.

Not dates, and dropped: ages ("a 40-year-old"), frequencies ("every year", "annually") and bare
durations ("for three years", "a three-day visit"); durations are quantities.

Later stages read times through `sentence_date` (events take their date from it).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from realpolitik.dates import parse_iso, patterns
from realpolitik.dates import resolve as _resolve
from realpolitik.extract import extractor, syntax
from realpolitik.schema import TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Span

    from realpolitik.extract.context import ExtractContext

__all__ = ["resolve", "sentence_date", "extract_times", "find_candidates"]


def resolve(text: str, published: str | None, future: bool = False) -> str | None:
    """ISO value of a date expression against `published` (None when it cannot be known)."""
    return _resolve(text, published, future)


# -- the pattern for what NER misses, compiled once ----------------------------------

_P = patterns()
_N = rf"(?:{_P['DIGITS']}|(?i:{_P['NUMWORD']}))"
_Y = r"(?:1[5-9]\d\d|20\d\d)"
_D = r"(?:[0-3]?\d(?:st|nd|rd|th)?)"
_M = _P["MONTH"]
_W = _P["WEEKDAY"]
_U = rf"(?i:{_P['TUNIT']})"
_MOD = r"(?i:(?:the\s+)?(?:early|mid|late|end\s+of|start\s+of|beginning\s+of|middle\s+of)[-\s]+(?:the\s+)?)"

# Ordered: at one position the first alternative that matches wins, so longer forms come first.
_ALTERNATIVES = [
    r"\d{4}-\d{2}-\d{2}",
    rf"(?:{_W},?\s+)?{_M}\s+{_D},?\s+{_Y}",
    rf"(?:{_W},?\s+)?(?:the\s+)?{_D}\s+(?:of\s+)?{_M},?\s+{_Y}",
    rf"(?i:between\s+|from\s+)?{_M}\s+{_D}\s*(?:-|–|to|and|through|until)\s*(?:{_M}\s+)?{_D},?\s+{_Y}",
    rf"(?i:between\s+)?{_M}\s*(?:-|–|to|and|through)\s*{_M},?\s+{_Y}",
    rf"{_MOD}?{_M},?\s+(?:of\s+)?{_Y}",
    rf"(?i:(?:between|from)\s+){_Y}\s+(?:and|to|until|through)\s+{_Y}",
    rf"{_Y}\s*[-–/]\s*(?:{_Y}|\d\d)(?![\d,%])",
    rf"(?i:(?:the\s+)?{_MOD}?(?:1[5-9]\d|20\d)0'?s)\b",
    r"(?i:the\s+(?:\d{1,2}(?:st|nd|rd|th)|" + _P["ORDWORD"] + r")\s+century)",
    rf"(?i:(?:the\s+)?(?:first|second|third|fourth)\s+(?:quarter|half)\s+(?:of\s+)?){_Y}",
    rf"[QH][1-4]\s*{_Y}",
    rf"(?:{_MOD}|(?i:(?:the\s+)?(?:fiscal|financial|calendar)(?:\s+year)?\s+|FY\s?|"
    rf"(?:the\s+)?(?:{_P['SEASON']})\s+(?:of\s+)?)){_Y}",
    rf"(?:{_W},?\s+)?{_M}\s+{_D}\b",
    rf"(?:{_W},?\s+)?(?:the\s+)?{_D}\s+(?:of\s+)?{_M}",
    rf"{_MOD}?{_M}\b",
    rf"(?i:(?:early|late|earlier|later|mid)[-\s]+(?:in\s+)?)?(?i:last|this|next|coming|past)\s+{_M}\b",
    r"(?i:(?:(?:early|late|earlier|later|mid)[-\s]+(?:in\s+)?)?(?:the\s+)?"
    r"(?:last|this|next|current|coming|past|previous|following)\s+"
    rf"(?:year|month|week|weekend|decade|quarter|{_P['SEASON']}))\b",
    rf"(?i:(?:the\s+)?(?:past|last|next|coming|previous|following|first|final)\s+)"
    rf"(?:{_N}(?:\s*(?:[-–]?(?:to|or)[-–]?|[-–])\s*{_N})*|(?i:few|several|many|couple\s+of))\s+{_U}\b",
    r"(?i:recent\s+(?:years|months|weeks|decades))",
    rf"(?:{_N}|(?i:an?|several|a\s+few))\s+{_U}\s+(?i:ago|from\s+now|hence)\b",
    r"(?i:\b(?:today|yesterday|tomorrow|tonight)\b)",
    rf"(?:(?i:last|this|next|coming|past)\s+)?{_W}\b",
    rf"{_Y}\b",
]
_PATTERN = re.compile(r"(?<![\w$€£¥,.])(?:" + "|".join(f"(?:{a})" for a in _ALTERNATIVES) + r")(?![\w%])")

# A month name alone, or a year alone, is a date only after words that take a date.
_BARE_MONTH = re.compile(rf"{_MOD}?{_M}")
_BARE_YEAR = re.compile(_Y)
_DATE_PRECEDERS = frozenset(
    "in since by until till from before after during of through throughout around circa early "
    "late mid and or to last next this since between the on".split()
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")

# Not dates: ages, frequencies, bare durations.
_DURATION = re.compile(
    r"(?i:(?:(?:about|some|nearly|almost|over|more\s+than|less\s+than|at\s+least|up\s+to|around|roughly|"
    r"approximately|only|just|another|an?|the|several|a\s+few|few|many|the\s+same|those|these|"
    r"every|each|per|within|for)\s+)*"
    rf"(?:{_N}(?:\s*(?:[-–]?(?:to|or)[-–]?|[-–])\s*{_N})?[-\s]+)?{_U}(?:-long)?)"
)
_FREQUENCY = re.compile(r"(?i:(?:every|each|per)\b.*|annual(?:ly)?|daily|weekly|monthly|yearly|quarterly|"
                        r"biennial(?:ly)?|once\s+a\s+\w+|twice\s+a\s+\w+)")
_AGE_AFTER = re.compile(r"^(?:\s*-?\s*(?:years?|months?)?\s*-?\s*old\b|\s+of\s+age\b)", re.I)
_NOT_YEAR = re.compile(r"\d{1,3}|\d{5,}")  # "Biden, 81": NER's DATE on a bare age
_AGE = re.compile(r"(?i:-old$|\bold$)")
_AGE_BEFORE = re.compile(r"(?i:\b(?:aged|age\s+of|ages\s+of)\s*$)")
_LEAD_WORDS = re.compile(r"^(?i:(?:in|on|at|since|by|during|until|till|through|throughout|of|for|over|around|"
                         r"before|after|as\s+of)\s+)+")
# Verbs and adjectives whose infinitive (in the present tense) is still to happen.
_PLANNING = {"plan", "intend", "expect", "aim", "schedule", "hope", "want", "prepare", "due", "set",
             "promise", "pledge", "vow", "go", "seek", "propose"}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def _is_date_candidate(text: str, start: int, end: int, full: str) -> bool:
    """Drop what only looks like a date: ages, frequencies, durations, lone months and years."""
    t = " ".join(text.split())
    if _DURATION.fullmatch(t) or _FREQUENCY.fullmatch(t) or _AGE.search(t) or _NOT_YEAR.fullmatch(t):
        return False
    if _AGE_AFTER.match(full[end : end + 16]) or _AGE_BEFORE.search(full[max(0, start - 12) : start]):
        return False
    if _BARE_MONTH.fullmatch(t) or _BARE_YEAR.fullmatch(t):
        prev = _PREV_WORD.search(full[max(0, start - 20) : start])
        if not prev or prev.group(1).lower() not in _DATE_PRECEDERS:
            return False
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut leading prepositions and a trailing possessive off an entity's span."""
    lead = _LEAD_WORDS.match(text)
    if lead:
        start += lead.end()
    for tail in ("'s", "\u2019s"):
        if text.endswith(tail) and end - len(tail) > start:
            end -= len(tail)
    return start, end


def find_candidates(full: str, ents: list[Span]) -> list[tuple[int, int]]:
    """Date spans from NER and the pattern, before overlap resolution."""
    found: set[tuple[int, int]] = set()
    for m in _PATTERN.finditer(full):
        if _is_date_candidate(m.group(), m.start(), m.end(), full):
            found.add((m.start(), m.end()))
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        s, e = _trim(ent.text, ent.start_char, ent.end_char)
        if e > s and _is_date_candidate(full[s:e], s, e, full):
            found.add((s, e))
    return sorted(found)


def _is_future(ctx: ExtractContext, start: int, end: int) -> bool:
    """Whether the clause around [start, end) speaks of what is to come (will/shall)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            if (
                any(c.lower_ in _FUTURE_AUX for c in syntax.dependents(tok, syntax.AUXILIARY))
                or tok.lower_ in _FUTURE_AUX
            ):
                return True
            # "plans to take the dispute to the UN in June", "is due to vote in May"
            to = syntax.is_to_infinitive(tok)
            return (
                to
                and syntax.attached_as(tok, syntax.OPEN_COMPLEMENT)
                and tok.head.lemma_.lower() in _PLANNING
                and tok.head.tag_ in ("VBZ", "VBP", "VB", "JJ")
            )
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


@extractor("times", components=("ner", "parser"))
def extract_times(ctx: ExtractContext) -> None:
    """Fill ctx.times, sorted by offset, one expression per stretch of text."""
    full = ctx.document.text
    published = ctx.published
    scored: list[tuple[bool, int, int, int, str | None]] = []
    for s, e in find_candidates(full, list(ctx.doc.ents)):
        if ctx.in_boilerplate(s, e):
            continue
        text = _as_month(ctx, full, s, e)
        value = resolve(text, published)
        if value is not None and published and _needs_tense(full[s:e]):
            value = resolve(text, published, future=_is_future(ctx, s, e))
        scored.append((value is not None, e - s, s, e, value))
    taken: list[tuple[int, int, str | None]] = []
    for _, _, s, e, value in sorted(scored, key=lambda c: (not c[0], -c[1], c[2])):
        if any(s < te and ts < e for ts, te, _ in taken):
            continue
        taken.append((s, e, value))
    for s, e, value in sorted(taken):
        ctx.times.append(TimeExpr(doc=ctx.doc_id, span={"start": s, "end": e}, text=full[s:e], value=value))


_MAY_PRECEDERS = frozenset("in since by until till from before after during of through throughout around "
                           "early late mid".split())


def _as_month(ctx: ExtractContext, full: str, start: int, end: int) -> str:
    """The text to resolve: a bare "May" after a preposition ("in May", "since May") is the
    month, unless the tagger reads a modal there; elsewhere the word stays unresolved."""
    text = full[start:end]
    if text != "May":
        return text
    prev = _PREV_WORD.search(full[max(0, start - 20) : start])
    span = ctx.doc.char_span(start, end)
    if prev and prev.group(1).lower() in _MAY_PRECEDERS and span is not None and span[0].tag_ != "MD":
        return f"{prev.group(1).lower()} May"
    return text


_TENSED = re.compile(rf"(?:{_W}|(?:{_MOD}?{_M}(?:\s+{_D})?)|(?:{_D}\s+(?:of\s+)?{_M}))", re.I)


def _needs_tense(text: str) -> bool:
    """Weekdays and months without a year point backwards or forwards depending on tense."""
    if re.search(r"(?i:last|next|this|coming|past)", text):
        return False
    return bool(_TENSED.fullmatch(" ".join(text.split())))


# -- helpers for later stages ---------------------------------------------------------


def paragraph_start(text: str, offset: int) -> int:
    """Start of the paragraph holding offset: blank lines separate paragraphs when the text
    has any, else single line breaks do."""
    sep = "\n\n" if "\n\n" in text else "\n"
    i = text.rfind(sep, 0, offset)
    return 0 if i < 0 else i + len(sep)


def sentence_date(
    ctx: ExtractContext,
    start: int,
    end: int,
    anchor: int | None = None,
    look_back: bool = True,
    anchor_end: int | None = None,
) -> str | None:
    """The time value governing the sentence [start, end).

    Its own resolved time expression (the one nearest `anchor`, e.g. an event trigger, when
    several), else the nearest resolved one earlier in the same paragraph; None otherwise.
    Expressions containing `anchor` are skipped (a duration is not dated by itself). With
    `anchor_end` the anchor is a stretch [anchor, anchor_end); at equal distance the expression
    after it wins, as English puts time adverbials after the object ("grow 1.4% next year").
    """
    times = ctx.times
    starts = [t.span.start for t in times]
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    own = [
        t for t in times[lo:hi]
        if t.value is not None and t.span.end <= end
        and not (anchor is not None and t.span.start <= anchor < t.span.end)
    ]
    if own:
        if anchor is None:
            return own[0].value
        a, b = anchor, anchor_end if anchor_end is not None else anchor

        def distance(t: TimeExpr) -> tuple[int, int]:
            if t.span.start >= b:
                return t.span.start - b, 0
            return max(0, a - t.span.end), 1

        return min(own, key=distance).value
    if not look_back:
        return None
    para = paragraph_start(ctx.document.text, start)
    for t in reversed(times[:lo]):
        if t.span.start < para:
            break
        if t.value is not None and t.span.end <= start:
            return t.value
    return None


def precision(value: str | None) -> str | None:
    """"year", "month", "day" or "range" for a time value; None for None."""
    if value is None:
        return None
    if "/" in value:
        return "range"
    parts = parse_iso(value)
    if parts is None:
        return None
    return "day" if parts[2] else "month" if parts[1] else "year"
