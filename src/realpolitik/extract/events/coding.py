"""From the finder's candidates to a sentence's Events: the target a response answers, the
doers of a coordinated act, one event per act, its date, contexts, trigger span and
confidence. An event needs a source or a target actor; events between an actor and itself
are dropped."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.events.candidate import SPEECH_TYPES, SUBJ, Candidate
from realpolitik.extract.events.dates import event_date
from realpolitik.extract.events.finder import RuleFinder
from realpolitik.extract.events.lexicon import Lexicon, Pattern
from realpolitik.extract.events.noun_phrases import SentenceReader, pobjs
from realpolitik.extract.parties import same_party, same_state
from realpolitik.extract.times import paragraph_start
from realpolitik.schema import Event, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Span


# -- dates, contexts, assembly ---------------------------------------------
def _date(ctx: ExtractContext, sent: Span, c: Candidate) -> str | None:
    """The time expression governing the event's clause (extract/events/dates.py), else None:
    never today."""
    return event_date(ctx, sent, c.trigger, c.clause)


def _contexts(lex: Lexicon, sent: Span, pattern: Pattern) -> list[str]:
    out: list[str] = list(pattern.context)
    for t in sent:
        for w in (t.lemma_.lower(), t.lower_):
            for ctxname in lex.context_words.get(w, ()):
                if ctxname not in out:
                    out.append(ctxname)
    low = sent.text.lower()
    for phrase, names in lex.context_phrases.items():
        if phrase in low:
            for n in names:
                if n not in out:
                    out.append(n)
    return out


def _confidence(c: Candidate, has_target: bool) -> float:
    both = bool(c.sources) and has_target
    base = {"verbal": 0.7, "adjectival": 0.6, "passive-agent": 0.65, "passive": 0.45, "nominal": 0.5,
            "evaluative": 0.45, "obligation": 0.45}.get(c.construction, 0.5)
    if both:
        base += 0.1
    if c.hypothetical:
        base -= 0.1
    return round(max(0.1, min(0.95, base)), 2)


def event_id(doc_id: str, start: int, end: int, type_: str, source: str | None, target: str | None) -> str:
    h = hashlib.sha1(f"{doc_id}|{start}|{end}|{type_}|{source}|{target}".encode()).hexdigest()[:12]
    return f"ev-{h}"


def _trigger_span(c: Candidate) -> tuple[int, int]:
    tok = c.trigger
    start, end = tok.idx, tok.idx + len(tok.text)
    for x in tok.children:
        if syntax.attached_as(x, syntax.PARTICLE) or (
            syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_.lower() in c.pattern.prep
        ):
            start, end = min(start, x.idx), max(end, x.idx + len(x.text))
    return start, end


def _conjoined_acts(a: Candidate, b: Candidate) -> bool:
    """Two verbs of one subject joined by "and", each its own act (not a noun and its light verb)."""
    if "nominal" in (a.construction, b.construction) or a.trigger.i == b.trigger.i:
        return False
    return (syntax.attached_as(b.trigger, syntax.CONJUNCT) and b.trigger.head.i == a.trigger.i) or (
        syntax.attached_as(a.trigger, syntax.CONJUNCT) and a.trigger.head.i == b.trigger.i)


def _response_object(lex: Lexicon, c: Candidate) -> bool:
    """Whether a REJECT/ACCUSE answers a speech act: "rejected the charge", "dismissed the idea"."""
    tok = c.trigger
    if c.construction == "nominal":  # "the rejection of the proposal"
        objs = [
            o
            for x in tok.children
            if syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_ == "of"
            for o in pobjs(x)
        ]
    else:
        objs = syntax.dependents(tok, syntax.DIRECT_OBJECT, syntax.PASSIVE_SUBJECT)
        objs += [
            o
            for x in syntax.dependents(tok, syntax.PARTICLE)
            for y in syntax.dependents(x, syntax.DIRECT_OBJECT)
            for o in [y]
        ]
    return any(o.lemma_.lower() in lex.response_nouns and not any(
        syntax.attached_as(d, syntax.DETERMINER) and d.lower_ in ("a", "an") for d in o.children) for o in objs)


def _previous_speaker(ctx: ExtractContext, lex: Lexicon, previous: tuple[Span, list[Event]] | None) -> str | None:
    """Who spoke in the sentence before: the source of its last event of saying, else the actor
    subject of its main verb when that verb is one of saying ("Ghana proposed a patrol")."""
    if previous is None:
        return None
    sent, evs = previous
    for e in reversed(evs):
        if e.source and (e.type in SPEECH_TYPES or e.type == "ACCUSE"):
            return e.source
    root = sent.root
    if root.lemma_.lower() in lex.speech_verbs:
        for x in root.children:
            if syntax.attached_as(x, SUBJ):
                a = SentenceReader(ctx, lex, sent).np_actor(x)
                if a:
                    return a
    return None


def _speaker_in_sentence(finder: SentenceReader, c: Candidate) -> str | None:
    """Who spoke in the clause this answer is joined to: "The UN has suggested ..., but Moscow
    has dismissed the idea" answers the UN."""
    tok = c.trigger
    if syntax.attached_as(tok, syntax.RELATIVE_CLAUSE) and tok.head.lemma_.lower() in finder.lex.response_nouns:
        # "accused Paris of plotting, a charge French officials dismissed": who made the charge
        node = tok.head
        while (
            syntax.attached_as(
                node,
                syntax.APPOSITION,
                syntax.DIRECT_OBJECT,
                syntax.PREPOSITION_OBJECT,
                syntax.PREPOSITION,
                syntax.PREPOSITION_COMPLEMENT,
                syntax.CONJUNCT,
            )
            and node.head.i != node.i
        ):
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.lower() in finder.lex.speech_verbs:
                return next((finder.np_actor(x) for x in syntax.dependents(node, SUBJ)), None)
        return None
    if (
        not syntax.attached_as(tok, syntax.CONJUNCT)
        or tok.head.i > tok.i
        or tok.head.lemma_.lower() not in finder.lex.speech_verbs
    ):
        return None
    for x in tok.head.children:
        if syntax.attached_as(x, SUBJ):
            return finder.np_actor(x)
    return None


def _same_paragraph(ctx: ExtractContext, a: Span, b: Span) -> bool:
    """(A sentence span ends after the blank line that follows it, so compare paragraph starts.)"""
    text = ctx.document.text
    return paragraph_start(text, a.start_char) == paragraph_start(text, b.start_char)


def _answered(ctx: ExtractContext, source: str | None, previous: tuple[Span, list[Event]] | None) -> str | None:
    """The source of the previous sentence's last event aimed at `source` (who is answering it)."""
    if previous is None or source is None:
        return None
    for e in reversed(previous[1]):
        if e.source and e.target and (e.target == source or same_state(ctx, e.target, source)) \
                and not same_state(ctx, e.source, source):
            return e.source
    return None


def _is_answer(lex: Lexicon, c: Candidate) -> bool:
    """A refusal with no object of its own ("refused to do so"), or an act done in answer
    ("responded by banning ...", "retaliated by expelling ...")."""
    tok = c.trigger
    if (
        c.type == "REJECT"
        and c.construction != "nominal"
        and not syntax.has_dependent(
            tok, syntax.DIRECT_OBJECT, syntax.PASSIVE_SUBJECT, syntax.PREPOSITION, syntax.DATIVE
        )
    ):
        return True
    node = c.clause or tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if syntax.attached_as(node, syntax.PREPOSITION_COMPLEMENT) and node.head.lemma_ == "by":
            node = node.head.head
        elif syntax.attached_as(node, syntax.OPEN_COMPLEMENT, syntax.ADVERBIAL_CLAUSE, syntax.CONJUNCT):
            node = node.head
        else:
            return False
        if node.lemma_.lower() in lex.answer_verbs:
            return True
    return False


def events_in_sentence(ctx: ExtractContext, lex: Lexicon, sent: Span,
                       previous: tuple[Span, list[Event]] | None = None,
                       earlier: tuple[Span, list[Event]] | None = None) -> list[Event]:
    """The events of one body sentence; `previous` is the sentence before it with its events
    (a rejection of "the charge" answers whoever made it there), `earlier` the one before that,
    asked when `previous` only quotes the charge ("..., the spokesman told reporters")."""
    finder = RuleFinder(ctx, lex, sent)
    out: list[Event] = []
    seen: dict[tuple, int] = {}
    kept: dict[int, Candidate] = {}
    for c in finder.candidates():
        source = c.sources[0] if c.sources else None
        if source is None and c.construction in ("verbal", "adjectival", "evaluative", "obligation"):
            continue  # an active clause whose actor we cannot name: the parse failed us
        if source is None and c.hypothetical:
            continue  # "if it is attacked": an act imagined by no one named
        targets = [t for t in c.targets if t != source and not same_state(ctx, source, t)]
        target = targets[0] if targets else None
        symmetric = c.pattern.symmetric or lex.types[c.type].symmetric and c.construction != "nominal"
        preps = c.pattern.targets if c.pattern.targets is not None else lex.types[c.type].target_preps
        # "the capital that both Moscow and Kyiv talk to", "met with reporters": a counterpart
        # named and no actor, so the coordinated subjects are not each other's
        elsewhere = any(syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_.lower() in preps and not any(
            finder.np_actors(o) for o in pobjs(x)) for x in c.trigger.children)
        if target is None and symmetric and len(c.sources) > 1 and not elsewhere:
            target = c.sources[1]
        joint = target is None and len(c.sources) > 1 and c.collective  # "Both leaders called for calm"
        own_circle = target is None and _aimed_at_own_circle(ctx, lex, c, source)
        if target is None and c.type in lex.response_types and _response_object(lex, c):
            answered = _speaker_in_sentence(finder, c) or _previous_speaker(ctx, lex, previous)
            if answered is None and earlier is not None and _same_paragraph(ctx, earlier[0], sent):
                answered = _previous_speaker(ctx, lex, earlier) or _answered(ctx, source, earlier)
            if answered and answered != source and not same_state(ctx, source, answered):
                target = answered
        if target is None and _is_answer(lex, c):
            target = _answered(ctx, source, previous)
        if target is None and (lex.types[c.type].needs_target or lex.types[c.pattern.type].needs_target
                               or c.pattern.needs_target):
            continue  # a visit to a place, support for a cause, aid to no one: no event
        if source is None and target is None:
            continue
        if source == target:
            continue
        doers = [source]
        if not symmetric and len(c.sources) > 1 and not c.collective:
            # "Israel and the United States bombed the plants": each of them bombed
            doers = [d for d in _one_per_party(ctx, c.sources) if d != target and not same_state(ctx, d, target)]
        start, end = _trigger_span(c)
        root = lex.root_of(c.pattern) if c.type == c.pattern.type else lex.types[c.type].root
        mode = c.mode or (c.pattern.mode if c.type == c.pattern.type else None)
        date = _date(ctx, sent, c)
        for doer in doers:
            key = (c.type, *sorted([doer or "", target or ""])) if symmetric or lex.types[c.type].symmetric \
                else (c.type, doer, target)
            ev = Event(
                id=event_id(ctx.doc_id, start, end, c.type, doer, target), doc=ctx.doc_id, type=c.type,
                mode=mode, contexts=_contexts(lex, sent, c.pattern), source=doer, target=target,
                date=date, negated=c.negated, hypothetical=c.hypothetical,
                sentence={"start": sent.start_char, "end": sent.end_char},
                trigger=TextSpan(start=start, end=end, text=ctx.document.text[start:end]),
                confidence=_confidence(c, target is not None), cameo=root, goldstein=lex.goldstein.get(root),
                pattern=f"{c.construction}:{c.pattern.name}" + ("+joint" if joint else "")
                + ("+own-circle" if own_circle else ""),
            )
            if key in seen and _conjoined_acts(kept[seen[key]], c):
                key = (*key, c.trigger.i)  # "banned Russian ships and froze Russian assets": two acts
            if key in seen:
                have = out[seen[key]]
                if ev.confidence > have.confidence:
                    out[seen[key]] = ev
                continue
            seen[key] = len(out)
            kept[len(out)] = c
            out.append(ev)
    return out


def _aimed_at_own_circle(ctx: ExtractContext, lex: Lexicon, c: Candidate, source: str | None) -> bool:
    """ "Ukraine asked its partners", "accused Ukraine's allies of watching": the object is a
    circle the doer names as its own, not the doer's adversary."""
    for x in c.trigger.children:
        if syntax.attached_as(x, syntax.DIRECT_OBJECT, syntax.DATIVE) and x.lemma_.lower() in lex.circle_nouns:
            owner = syntax.first_dependent(x, syntax.POSSESSOR)
            if owner is None:
                continue
            if owner.lower_ in ("its", "their", "our", "his", "her") and ctx.actor_of_token(owner) in (None, source):
                return True
            owner_actor = ctx.actor_of_token(owner)
            if owner_actor is not None and (owner_actor == source or same_party(ctx, owner_actor, source or "")):
                return True
    return False


def _one_per_party(ctx: ExtractContext, actors: list[str]) -> list[str]:
    """The first actor of each party among coordinated doers ("Xi and Chinese officials" is one)."""
    out: list[str] = []
    for a in actors:
        if not any(a == b or same_state(ctx, a, b) or same_party(ctx, a, b) for b in out):
            out.append(a)
    return out
