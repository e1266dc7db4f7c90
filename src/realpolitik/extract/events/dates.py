"""When an event happened: the time expression that governs its clause, read from the parse.

The times extractor finds and resolves the expressions (ctx.times); this module decides which
one dates an event. A time expression dates the clause it hangs from, so for an event we try,
in order:

1. the time its clause describes: "in 2018, when Washington left the deal" dates the leaving;
2. a time hung on the event's own verb or noun, or on the verb that controls it ("agreed on
   Monday to invest", "Last week Washington banned ..."), nearest to the trigger;
3. a time at the end of a noun phrase of the same clause ("accused Kyiv after the talks in
   March");
4. a time of an adjunct or an infinitive below its clause ("calls it theft, with Canberra
   saying last year ...", "told Xi when he was in Beijing in 2022", "allowed China to develop the
   region since last year"), never of its reported content ("said that Russia attacked in 2019"
   does not date the saying);
5. the time of the clause that governs it: the reporting verb of a that-clause ("said on Tuesday
   that ..."), the verb a coordinated act shares its subject with ("met Xi on Monday and signed
   ..."), unless it hangs from "after"/"before"/"since";
6. the nearest earlier governing time of the paragraph, for an event told in the past tense;
7. the report's own day (a dateline, or the lede's "on Tuesday"), for an event told in the
   simple past in a paragraph that names no time at all.

Never: a time inside a relative or participle clause of another noun ("the controls first
imposed in October 2022"), a time that only modifies a noun from in front ("the 2019 crisis"),
nor the day the tool runs. When the governing expression cannot be resolved ("on Tuesday" with
no day-precision published date), the date is None rather than an older one found further up.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.times import paragraph_start, precision

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from realpolitik.extract.context import ExtractContext
    from realpolitik.schema import TimeExpr

CLAUSE_DEPS = (syntax.ROOT | syntax.CLAUSAL_COMPLEMENT | syntax.OPEN_COMPLEMENT | syntax.ADVERBIAL_CLAUSE
               | syntax.RELATIVE_CLAUSE | syntax.CLAUSAL_MODIFIER | syntax.CONJUNCT | syntax.PREPOSITION_COMPLEMENT
               | syntax.CLAUSAL_SUBJECT | syntax.PASSIVE_CLAUSAL_SUBJECT | syntax.PARATAXIS)
# Subordinators after which a clause's time is not its governor's ("after Russia attacked").
SEQUENCE_MARKS = {"after", "before", "since", "until", "till", "once", "because", "although", "though",
                  "unless", "if", "whereas"}
PAST = {"VBD"}
# Verbs whose that-clause may promise or announce what is to come: the saying dates it.
SAYING = {"say", "state", "announce", "declare", "confirm", "affirm", "tell", "pledge", "promise", "vow",
          "agree", "add", "note", "stress", "reiterate", "insist", "warn"}
# Nouns a date may premodify and still date the clause: "on Tuesday evening".
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "dawn", "dusk", "noon", "midnight", "weekend"}
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'/&-]*,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]")


class _Site:
    """Where a time expression hangs in the parse."""

    __slots__ = ("time", "host", "clause", "premod", "span")

    def __init__(self, time: TimeExpr, span: Span | None, host: Token | None, clause: Token | None, premod: bool):
        self.time, self.span, self.host, self.clause, self.premod = time, span, host, clause, premod


def _clause_of(tok: Token) -> Token:
    """The head of the clause holding `tok` (a verb, or the sentence root)."""
    node = tok
    for _ in range(40):
        if syntax.attached_as(node, CLAUSE_DEPS) and (
            node.pos_ in ("VERB", "AUX")
            or syntax.attached_as(
                node,
                syntax.ROOT,
                syntax.CLAUSAL_COMPLEMENT,
                syntax.ADVERBIAL_CLAUSE,
                syntax.RELATIVE_CLAUSE,
                syntax.CLAUSAL_MODIFIER,
                syntax.PREPOSITION_COMPLEMENT,
            )
        ):
            return node
        if node.head == node:
            return node
        node = node.head
    return node


def _site(ctx: ExtractContext, t: TimeExpr) -> _Site:
    span = ctx.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return _Site(t, None, None, None, False)
    root = span.root
    node = root
    host = None
    for _ in range(40):
        head = node.head
        if head == node:
            break
        if span.start <= head.i < span.end or head.pos_ == "ADP" or head.lemma_.lower() in PARTS_OF_DAY:
            node = head
            continue
        host = head
        break
    if host is None:
        return _Site(t, span, None, _clause_of(root), False)
    premod = (
        host.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
        and span.end <= host.i
        and not syntax.attached_as(node, syntax.NOUN_PHRASE_ADVERBIAL)
    )
    clause = host if host.pos_ in ("VERB", "AUX") else _clause_of(host)
    return _Site(t, span, host, clause, premod)


def _tense(verb: Token) -> str:
    """past | perfect | pluperfect | present | future | other, of a clause's verb."""
    auxes = syntax.dependents(verb, syntax.AUXILIARY, syntax.PASSIVE_AUXILIARY)
    lowers = {x.lower_ for x in auxes}
    if lowers & {"had", "'d"}:
        return "pluperfect"
    if any(x.tag_ == "MD" for x in auxes):
        return "future" if lowers & {"will", "shall", "'ll", "wo"} else "other"
    if lowers & {"has", "have", "'ve", "'s"} and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ in PAST or any(x.tag_ in PAST for x in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(x.tag_ in ("VBZ", "VBP") for x in auxes):
        return "present"
    if verb.tag_ == "VBG" or verb.tag_ == "VBN":
        return "nonfinite"
    return "other"


def _finite_clause(tok: Token) -> Token:
    """The finite verb whose tense an event is told in (through infinitives and participles)."""
    node = _clause_of(tok)
    for _ in range(6):
        if node.tag_ in ("VBD", "VBZ", "VBP") or any(
            syntax.attached_as(x, syntax.AUXILIARY, syntax.PASSIVE_AUXILIARY)
            and x.tag_ in ("VBD", "VBZ", "VBP", "MD")
            for x in node.children
        ):
            return node
        if node.head == node or not syntax.attached_as(
            node,
            syntax.OPEN_COMPLEMENT,
            syntax.PREPOSITION_COMPLEMENT,
            syntax.ADVERBIAL_CLAUSE,
            syntax.CONJUNCT,
            syntax.CLAUSAL_MODIFIER,
            syntax.PREPOSITION_OBJECT,
            syntax.PREPOSITION,
            syntax.DIRECT_OBJECT,
        ):
            return node
        node = _clause_of(node.head) if node.head != node else node
    return node


def _governs(site: _Site) -> bool:
    """Whether a time can date what follows it in the paragraph: it hangs on a main clause (or
    a that-clause of one), not on a relative clause, a participle or from in front of a noun."""
    if site.host is None or site.premod or site.clause is None:
        return False
    node = site.clause
    for _ in range(10):
        if syntax.attached_as(node, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER):
            return False
        if syntax.attached_as(node, syntax.ADVERBIAL_CLAUSE) and any(
            syntax.attached_as(m, syntax.MARKER) and m.lower_ in SEQUENCE_MARKS for m in node.children
        ):
            return False
        if node.head == node:
            return True
        node = node.head
    return True


def _chain(trigger: Token, clause: Token | None) -> tuple[list[Token], list[Token]]:
    """The tokens a time may hang on to date the event directly, and the governing clause heads
    above them (nearest first) whose time it inherits."""
    own = [trigger]
    if clause is not None and clause != trigger:
        own.append(clause)
    verb = clause if clause is not None and clause.pos_ in ("VERB", "AUX") else _clause_of(trigger)
    if verb not in own:
        own.append(verb)
    node = verb
    while syntax.attached_as(node, syntax.OPEN_COMPLEMENT) and node.head != node:  # "agreed on Monday to invest"
        node = node.head
        own.append(node)
    governors: list[Token] = []
    for _ in range(8):
        if node.head == node:
            break
        if syntax.attached_as(node, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER):
            break
        if syntax.attached_as(node, syntax.ADVERBIAL_CLAUSE) and any(
            syntax.attached_as(m, syntax.MARKER) and m.lower_ in SEQUENCE_MARKS for m in node.children
        ):
            break
        if syntax.attached_as(node, syntax.PREPOSITION_COMPLEMENT) and node.head.lemma_.lower() in SEQUENCE_MARKS:
            break
        if (
            syntax.attached_as(node, syntax.PREPOSITION, syntax.PREPOSITION_OBJECT)
            and node.lemma_.lower() in SEQUENCE_MARKS
        ):
            break
        up = _clause_of(node.head)
        if up == node:
            break
        governors.append(up)
        node = up
    return own, governors


def _descends(clause: Token, own: list[Token]) -> bool:
    """Whether a clause is an adjunct or an infinitive of the event's own clause: not reported
    content (a that-clause), not a relative clause, not a clause of sequence ("after ...")."""
    node = clause
    for _ in range(6):
        if node in own:
            return True
        if node.head == node or syntax.attached_as(node, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER, syntax.ROOT,
                                                   syntax.CONJUNCT, syntax.PARATAXIS):
            return False
        if syntax.attached_as(node, syntax.CLAUSAL_COMPLEMENT) and not syntax.is_to_infinitive(node):
            return False
        if syntax.attached_as(node, syntax.ADVERBIAL_CLAUSE) and any(
                syntax.attached_as(m, syntax.MARKER) and m.lower_ in SEQUENCE_MARKS for m in node.children):
            return False
        if syntax.attached_as(node, syntax.PREPOSITION_COMPLEMENT) and (
            node.head.lemma_.lower() in SEQUENCE_MARKS or node.head.lemma_.lower() == "of"
        ):
            return False  # "accused Bolivia of shelling its posts in 2019": the charge's time
        node = _clause_of(node.head)
    return False


def _described_time(trigger: Token, clause: Token | None, sites: list[_Site]) -> _Site | None:
    """"in 2018, when Washington left the deal": the time a relative clause describes."""
    node = clause if clause is not None else trigger
    for _ in range(6):
        if syntax.attached_as(
            node, syntax.RELATIVE_CLAUSE, syntax.ADVERBIAL_CLAUSE, syntax.CLAUSAL_MODIFIER
        ) and any(
            x.lower_ in ("when", "as") and syntax.attached_as(x, syntax.ADVERBIAL_MODIFIER, syntax.MARKER)
            for x in node.children
        ):
            for s in sites:
                if s.span is not None and s.span.start <= node.head.i < s.span.end:
                    return s
            return None
        if node.head == node or not syntax.attached_as(
            node,
            syntax.CONJUNCT,
            syntax.OPEN_COMPLEMENT,
            syntax.CLAUSAL_COMPLEMENT,
            syntax.PREPOSITION_COMPLEMENT,
            syntax.PREPOSITION,
            syntax.PREPOSITION_OBJECT,
            syntax.DIRECT_OBJECT,
            syntax.ADVERBIAL_CLAUSE,
        ):
            return None
        node = node.head
    return None


def _nearest(sites: list[_Site], anchor: int) -> _Site:
    """The site nearest the trigger, or one of the same clause that refines it ("in October this
    year": the month, not the year)."""
    best = min(sites, key=lambda s: (abs(s.time.span.start - anchor), s.time.span.start < anchor))
    value = best.time.value
    if value:
        finer = [s for s in sites if s.time.value and s.time.value != value and "/" not in s.time.value
                 and s.time.value.startswith(value)]
        if finer:
            return max(finer, key=lambda s: len(s.time.value or ""))
    return best


_DAY_SHIFT = re.compile(
    r"(?i)\b(?:(?:the\s+)?(?P<next>next|following)\s+day|(?P<n>a|one|two|three|\d)\s+days?\s+(?P<dir>later|earlier)"
    r"|the\s+(?P<prev>previous)\s+day|the\s+day\s+(?P<before>before))\b")
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3}


def _shifted(value: str | None, before_trigger: str) -> str | None:
    """A day inherited from an earlier sentence, moved by "the next day", "two days later",
    "the day before" said ahead of the event."""
    m = _DAY_SHIFT.search(before_trigger)
    if m is None or value is None or precision(value) != "day":
        return value
    if m.group("next"):
        days = 1
    elif m.group("n"):
        n = m.group("n").lower()
        days = _NUMBER.get(n) or int(n)
        days = days if m.group("dir").lower() == "later" else -days
    else:
        days = -1
    from datetime import date, timedelta

    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def _story_date(ctx: ExtractContext) -> str | None:
    """The report's own day: a dateline's date ("NEW DELHI, Nov 12 (Wire) -"), else a
    day-precision time hung on the main verb of the first body sentence ("accused ... on Tuesday")."""
    cache = getattr(ctx, "_story_date_cache", None)
    if cache is not None:
        return cache[0]
    value = None
    sents = ctx.body_sentences()
    if sents:
        first = sents[0]
        text = ctx.document.text
        for t in ctx.times:
            if not first.start_char <= t.span.start < first.end_char or t.value is None:
                continue
            if precision(t.value) != "day":
                continue
            before = text[first.start_char:t.span.start]
            if _DATELINE.match(before) and _DATELINE_AFTER.match(text[t.span.end:t.span.end + 50]):
                value = t.value
                break
            site = _site(ctx, t)
            if (
                site.clause is not None
                and syntax.attached_as(site.clause, syntax.ROOT)
                and not site.premod
                and site.host is not None
                and site.host.pos_ in ("VERB", "AUX")
            ):
                value = t.value
                break
    try:
        ctx._story_date_cache = (value,)  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return value


def event_date(ctx: ExtractContext, sent: Span, trigger: Token, clause: Token | None = None,
               depth: int = 0) -> str | None:
    """The date of an event triggered by `trigger` in `sent` (see the module's docstring)."""
    times = ctx.times
    starts = [t.span.start for t in times]
    lo = bisect.bisect_left(starts, sent.start_char)
    hi = bisect.bisect_left(starts, sent.end_char)
    sites = [_site(ctx, t) for t in times[lo:hi]
             if t.span.end <= sent.end_char and not (t.span.start <= trigger.idx < t.span.end)]
    own, governors = _chain(trigger, clause)
    described = _described_time(trigger, clause, sites)
    if described is not None:
        return described.time.value
    direct = [s for s in sites if s.host is not None and not s.premod and s.host in own]
    direct += [s for s in sites if s.premod and s.host == trigger and s not in direct]  # "the April attack"
    if not direct:
        direct = [s for s in sites if s.host is None and s.clause in own]
    if direct:
        return _nearest(direct, trigger.idx).time.value
    verb = own[-1]
    trailing = [s for s in sites if s.host is not None and not s.premod and s.host.pos_ not in ("VERB", "AUX")
                and s.clause in own and s.host != trigger]
    resolved = [s for s in trailing if s.time.value is not None]
    if resolved:
        return _nearest(resolved, trigger.idx).time.value
    below = [s for s in sites if s.host is not None and not s.premod and s.clause is not None
             and _descends(s.clause, own)]
    if below:  # "calls it theft, with Canberra saying last year ...", "told Xi when he was in Beijing in 2022"
        return _nearest(below, trigger.idx).time.value
    for g in governors:
        hung = [s for s in sites if s.host is not None and not s.premod and (s.host == g or s.clause == g)]
        if hung:
            return _nearest(hung, trigger.idx).time.value
    tense = _tense(_finite_clause(verb))
    saying = _reporting_head(verb) if depth < 2 else None
    if tense not in ("past", "perfect", "nonfinite", "other"):
        # "Yoon stated that the ROK will withdraw its complaint": a promise is dated by its saying
        return event_date(ctx, sent, saying, saying, depth + 1) if saying is not None else None
    if tense == "pluperfect":
        return None
    para = paragraph_start(ctx.document.text, sent.start_char)
    for t in reversed(times[:lo]):
        if t.span.start < para:
            break
        if t.span.end > sent.start_char:
            continue
        site = _site(ctx, t)
        if _governs(site):
            return _shifted(t.value, ctx.document.text[sent.start_char:trigger.idx])
    if tense != "past":
        return event_date(ctx, sent, saying, saying, depth + 1) if saying is not None else None
    text = ctx.document.text
    sep = "\n\n" if "\n\n" in text else "\n"
    end = text.find(sep, sent.end_char)
    end = len(text) if end < 0 else end
    if any(para <= t.span.start < sent.start_char and t.value is not None for t in times):
        return None  # the paragraph has its own earlier times: another episode
    return _story_date(ctx)


def _reporting_head(verb: Token) -> Token | None:
    """The past-tense verb of saying whose that-clause `verb` heads, if any."""
    node = verb
    for _ in range(3):
        if not syntax.attached_as(node, syntax.CLAUSAL_COMPLEMENT, syntax.CONJUNCT) or node.head.i == node.i:
            return None
        node = node.head
        if not syntax.attached_as(node, syntax.CONJUNCT) and node.tag_ == "VBD" and node.lemma_.lower() in SAYING:
            return node
    return None


__all__ = ["event_date"]
