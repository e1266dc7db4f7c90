"""Interests: what each actor is said to want — priorities, goals, needs and red lines.

Rules (English, data in knowledge/interest_patterns.yaml):

- a wanting verb whose subject is an actor: "X wants / needs / seeks / hopes / aims to ...";
  the interest is the complement. A negated one ("X does not want to ...") keeps its
  negation inside the span, so the text reads as what X wants to avoid;
- a wanting adjective: "X is keen on / determined to ...";
- a wanting noun with an owner: "X's desire to ...", "X's need for ...", "X's goal is ...",
  "for X, the key issue is ...". When the noun's complement is a list ("X's three priorities
  have been to A, that B and finally to C") each item is one interest, ranked in order;
  "the key issue is not A, it is B" gives B;
- a demand: "X has demanded / called for / insists on / presses for Y" -> Y is X's interest
  (only the listed preposition counts for a prepositional verb: "called the move illegal"
  states nothing X wants);
- a right the actor claims: "X insists on / reaffirmed its right to Y" -> "its right to Y";
- a red line: "X will not accept / tolerate Y" (negated, with a modal) -> the negation stays
  in the span, "will not accept Y", so the text reads as what X refuses;
- a pronoun subject or owner ("It also wants ...", "its right to ...") is the actor the coref
  stage resolved it to; an unresolved possessive falls back to the clause's subject;
- "That comes before everything else" right after an interest makes it rank 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from realpolitik.extract import extractor, syntax
from realpolitik.extract.claims import _actor_in, _subject, _trim, lemma_in
from realpolitik.extract.context import ExtractContext
from realpolitik.knowledge import load_yaml
from realpolitik.schema import Interest, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

ITEM_OPENERS = {"to", "that", "whether"}
LIST_ADVERBS = {"finally", "lastly", "also", "then", "secondly", "thirdly", "second", "third",
                "first", "firstly", "above", "all", "most", "importantly", "crucially"}
COPULAS = {"be", "remain"}
ADDITIVE_PRONOUNS = {"it", "they", "he", "she"}
ADDITIVE_ADVERBS = {"also", "too", "further", "additionally", "likewise", "moreover"}


@dataclass(frozen=True)
class Patterns:
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: dict[str, bool]  # lemma -> ranked
    needs_modifier: frozenset[str]
    modifiers: frozenset[str]
    first: frozenset[str]
    outranks: tuple[re.Pattern[str], ...]
    prep_verbs: dict[str, frozenset[str]]
    rights: frozenset[str]
    refusals: frozenset[str]
    refusal_modals: frozenset[str]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    d: dict[str, Any] = load_yaml("interest_patterns.yaml")
    return Patterns(
        verbs=frozenset(d["verbs"]),
        adjectives=frozenset(d["adjectives"]),
        nouns={k: bool(v and v.get("ranked")) for k, v in d["nouns"].items()},
        needs_modifier=frozenset(d["needs_modifier"]),
        modifiers=frozenset(d["modifiers"]),
        first=frozenset(d["first"]),
        outranks=tuple(re.compile(p, re.I) for p in d["outranks"]),
        prep_verbs={k: frozenset(v) for k, v in d["prep_verbs"].items()},
        rights=frozenset(d["rights"]),
        refusals=frozenset(d["refusals"]["verbs"]),
        refusal_modals=frozenset(d["refusals"]["modals"]),
    )


def _span_of(toks: list[Token]) -> tuple[int, int] | None:
    toks = _trim(toks)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _clause_end(t: Token) -> int:
    """The last token of t's phrase, short of a coordinated clause with its own subject
    ("that the minister resign, and Chile said ..." ends at "resign")."""
    end = t.i
    for x in t.subtree:
        if (
            syntax.attached_as(x, syntax.CONJUNCT)
            and x.head.i >= t.i
            and syntax.has_dependent(x, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
        ):
            cut = x.left_edge.i - 1
            while cut > t.i and (
                x.doc[cut].is_punct or syntax.attached_as(x.doc[cut], syntax.COORDINATING_CONJUNCTION)
            ):
                cut -= 1
            return max(end, cut) if cut >= t.i else end
        end = max(end, x.i)
    return end


def _clean_tail(toks: list[Token]) -> list[Token]:
    """Cut a parenthetical aside that closes the item: "unification (by which he means ...)"."""
    for k, t in enumerate(toks):
        if t.text == "(" and k > 0:
            rest = [x.text for x in toks[k + 1:]]
            if ")" not in rest or rest.index(")") >= len(rest) - 2:
                return toks[:k]
    return toks


class _Builder:
    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.p = patterns()
        self.text = ctx.document.text
        self.out: list[tuple[int, Interest]] = []  # (sentence index, interest)
        self.seen: set[tuple[str, int, int]] = set()

    def add(self, si: int, actor: str | None, toks: list[Token], rank: int | None) -> None:
        if actor is None:
            return
        toks = _clean_tail(_trim(toks))
        while toks and toks[0].lower_ in LIST_ADVERBS and len(toks) > 2:
            toks = toks[1:]
        span = _span_of(toks)
        if span is None or span[1] - span[0] < 3:
            return
        key = (actor, *span)
        if key in self.seen:
            return
        self.seen.add(key)
        self.out.append((si, Interest(actor=actor, rank=rank, text=self.text[span[0]:span[1]],
                                      doc=self.ctx.doc_id, span=Span(start=span[0], end=span[1]))))

    def actor_of(self, t: Token | None) -> str | None:
        return _actor_in(self.ctx, t) if t is not None else None

    def subject_actor(self, v: Token, si: int) -> str | None:
        """The actor of v's subject. A pronoun subject of an additive want ("It also wants
        ...", "They want more, too") continues the previous interest's holder from the last
        two sentences: an added want belongs to whoever wanted the first thing, whatever
        nearer subject the pronoun could also stand for ("Moscow wants Kazakhstan to stay ...
        It also wants ...")."""
        subj = _subject(v)
        if subj is not None and subj.tag_ == "PRP" and subj.lower_ in ADDITIVE_PRONOUNS:
            additive = any(c.lower_ in ADDITIVE_ADVERBS for h in (v, v.head) for c in h.children
                           if syntax.attached_as(c, syntax.ADVERBIAL_MODIFIER))
            prev = [i for s, i in self.out if si - 2 <= s < si]
            if additive and prev:
                return prev[-1].actor
        return self.actor_of(subj)

    def owner_actor(self, owner: Token | None, n: Token) -> str | None:
        """The actor of a possessive; an unresolved "its"/"their" is the clause's subject
        ("Iran insists on its right to ...")."""
        a = self.actor_of(owner)
        if a is not None or owner is None or owner.tag_ != "PRP$":
            return a
        head = n.head
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subj = _subject(head)
            if subj is not None and subj.i < owner.i:
                return self.actor_of(subj)
        return None

    def _names_interest(self, prep: Token) -> bool:
        """Whether a preposition's object is itself an owned interest noun ("on its right to
        ..."): the noun rule gives the tighter span."""
        obj = syntax.first_dependent(prep, syntax.PREPOSITION_OBJECT)
        return obj is not None and (obj.lemma_.lower() in self.p.rights or obj.lemma_.lower() in self.p.nouns) \
            and syntax.has_dependent(obj, syntax.POSSESSOR)

    # -- "X calls for / insists on / presses for ..." ----------------------------------------
    def prep_verb(self, v: Token, si: int, preps: frozenset[str]) -> None:
        comp = [c for c in v.children if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in preps and c.i > v.i
                and not self._names_interest(c)]
        if not comp:
            return
        actor = self.subject_actor(v, si)
        if actor is None:
            return
        c = comp[0]
        start = c.i + 1
        if syntax.has_dependent(v, syntax.NEGATION):
            start = min(
                x.i
                for x in v.children
                if syntax.attached_as(x, syntax.NEGATION, syntax.AUXILIARY) or x.i == v.i
            )
        self.add(si, actor, [v.doc[i] for i in range(start, _clause_end(c) + 1)], None)

    # -- "X will not accept / tolerate ..." -------------------------------------------------
    def refusal(self, v: Token, si: int) -> None:
        kids = list(v.children)
        if not any(syntax.attached_as(c, syntax.NEGATION) for c in kids):
            return
        if not any(syntax.attached_as(c, syntax.AUXILIARY) and c.lower_ in self.p.refusal_modals for c in kids):
            return
        obj = [
            c
            for c in kids
            if syntax.attached_as(c, syntax.DIRECT_OBJECT, syntax.CLAUSAL_COMPLEMENT, syntax.OPEN_COMPLEMENT)
            and c.i > v.i
        ]
        if not obj:
            return
        actor = self.subject_actor(v, si)
        if actor is None:
            return
        start = min(c.i for c in kids if syntax.attached_as(c, syntax.NEGATION, syntax.AUXILIARY) and c.i < v.i)
        self.add(si, actor, [v.doc[i] for i in range(start, max(_clause_end(c) for c in obj) + 1)], None)

    # -- "X wants ..." -------------------------------------------------------------------
    def verb(self, v: Token, si: int) -> None:
        comp = syntax.dependents(
            v,
            syntax.OPEN_COMPLEMENT,
            syntax.CLAUSAL_COMPLEMENT,
            syntax.DIRECT_OBJECT,
            syntax.OBJECT_PREDICATE,
        )
        comp += [
            c
            for c in v.children
            if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in ("for", "to", "at", "on")
        ]
        if not comp:
            return
        actor = self.subject_actor(v, si)
        if actor is None:
            return
        comp = [c for c in comp if not (syntax.attached_as(c, syntax.PREPOSITION) and self._names_interest(c))]
        if not comp:
            return
        first = min(c.left_edge.i for c in comp)
        last = max(_clause_end(c) for c in comp)
        if first < v.i:
            return
        start = first
        if syntax.has_dependent(v, syntax.NEGATION):
            start = min(
                c.i
                for c in v.children
                if syntax.attached_as(c, syntax.NEGATION, syntax.AUXILIARY) or c.i == v.i
            )
        self.add(si, actor, [v.doc[i] for i in range(start, last + 1)], None)

    def adjective(self, a: Token, si: int) -> None:
        if not syntax.attached_as(a, syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE):
            return
        comp = [c for c in a.children if syntax.attached_as(c, syntax.OPEN_COMPLEMENT, syntax.CLAUSAL_COMPLEMENT)
                or syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in ("on", "to", "for", "about")]
        if not comp:
            return
        actor = self.subject_actor(a.head, si)
        if actor is None:
            return
        last = max(c.right_edge.i for c in comp)
        start = comp[0].left_edge.i
        if syntax.has_dependent(a.head, syntax.NEGATION):
            start = a.head.i
        self.add(si, actor, [a.doc[i] for i in range(start, last + 1)], None)

    # -- "its right to ...", "Iran's right to enrich ..." --------------------------------------
    def right(self, n: Token, si: int) -> None:
        owner = syntax.first_dependent(n, syntax.POSSESSOR)
        comp = [
            c
            for c in n.children
            if (syntax.attached_as(c, syntax.CLAUSAL_MODIFIER) and any(a.lower_ == "to" for a in c.children))
            or (syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in ("to", "of"))
        ]
        if owner is None or not comp:
            return
        actor = self.owner_actor(owner, n)
        if actor is None:
            return
        self.add(si, actor, [n.doc[i] for i in range(owner.i, max(c.right_edge.i for c in comp) + 1)], None)

    # -- "X's desire to ...", "X's priorities are ...", "for X the key issue is ..." ---------
    def noun(self, n: Token, si: int, lemma: str) -> None:
        p = self.p
        mods = {
            c.lower_
            for c in syntax.dependents(
                n,
                syntax.ADJECTIVAL_MODIFIER,
                syntax.COMPOUND,
                syntax.NUMERIC_MODIFIER,
                syntax.ADVERBIAL_MODIFIER,
            )
        }
        mods |= {g.lower_ for c in syntax.dependents(n, syntax.ADJECTIVAL_MODIFIER) for g in c.children}
        if lemma in p.needs_modifier and not mods & p.modifiers:
            return
        owner = syntax.first_dependent(n, syntax.POSSESSOR)
        if owner is None and syntax.attached_as(n, syntax.CONJUNCT):
            owner = syntax.first_dependent(n.head, syntax.POSSESSOR)
        actor = self.owner_actor(owner, n)
        # "X's desire to build ...", "X's need for ..."
        comp = [
            c
            for c in n.children
            if syntax.attached_as(c, syntax.CLAUSAL_MODIFIER) and any(a.lower_ == "to" for a in c.children)
        ]
        comp += [c for c in n.children if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in ("for", "to")]
        if comp and actor is not None and not syntax.attached_as(n, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT) or (
                comp and actor is not None and not self._copula_of(n)):
            last = max(c.right_edge.i for c in comp)
            self.add(si, actor, [n.doc[i] for i in range(comp[0].left_edge.i, last + 1)], None)
            return
        cop = self._copula_of(n)
        if cop is None:
            return
        if actor is None:
            actor = self._for_owner(cop)
        if actor is None:
            return
        target = cop
        if syntax.has_dependent(cop, syntax.NEGATION):
            # "the key issue is not A, it is B"
            target = next((x for x in [cop.head, *cop.children, *cop.head.children]
                           if x.i != cop.i and x.lemma_.lower() in COPULAS and x.i > cop.i
                           and not syntax.has_dependent(x, syntax.NEGATION)), None)
            if target is None:
                return
        head = next(
            (
                c
                for c in target.children
                if syntax.attached_as(
                    c,
                    syntax.NOMINAL_ATTRIBUTE,
                    syntax.OPEN_COMPLEMENT,
                    syntax.CLAUSAL_COMPLEMENT,
                    syntax.ADJECTIVAL_COMPLEMENT,
                )
                and c.i > target.i
            ),
            None,
        )
        if head is None:
            return
        ranked = p.nouns.get(lemma, False) and (
            n.tag_ in ("NNS", "NNPS") or syntax.has_dependent(n, syntax.NUMERIC_MODIFIER)
        )
        items = [it for it in self._items(head) if len(_trim(it)) >= 2]
        if not items:
            return
        if len(items) == 1:
            rank = 1 if mods & p.first else None
            self.add(si, actor, items[0], rank)
            return
        for k, item in enumerate(items, 1):
            self.add(si, actor, item, k if ranked else None)

    def _copula_of(self, n: Token) -> Token | None:
        if syntax.attached_as(n, syntax.NOMINAL_SUBJECT) and n.head.lemma_.lower() in COPULAS:
            return n.head
        return None

    def _for_owner(self, cop: Token) -> str | None:
        for h in (cop, cop.head, *cop.head.children):
            for c in h.children:
                if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ in ("for", "to") and c.i < cop.i:
                    pobj = syntax.first_dependent(c, syntax.PREPOSITION_OBJECT)
                    a = self.actor_of(pobj)
                    if a:
                        return a
        return None

    def _items(self, head: Token) -> list[list[Token]]:
        """Split a complement into list items: at commas or 'and' that open a new item."""
        doc = head.doc
        toks = [t for t in head.subtree]
        toks = [doc[i] for i in range(toks[0].i, toks[-1].i + 1)]
        if head.pos_ in ("NOUN", "PROPN") and any(t.text == "," for t in toks):
            # "A, B and C": commas part the items, the last "and" parts the final two
            cuts = [k for k, t in enumerate(toks) if t.text in (",", ";")]
            last = next(
                (
                    k
                    for k, t in enumerate(toks)
                    if k > cuts[-1] and syntax.attached_as(t, syntax.COORDINATING_CONJUNCTION)
                ),
                None,
            )
            if last is not None:
                cuts.append(last)
            bounds = [-1, *cuts, len(toks)]
            return [toks[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        if head.pos_ in ("NOUN", "PROPN"):
            heads = [head]
            frontier = [head]
            while frontier:
                h = frontier.pop()
                for c in h.children:
                    if syntax.attached_as(c, syntax.CONJUNCT):
                        heads.append(c)
                        frontier.append(c)
            if len(heads) > 1:
                heads.sort(key=lambda t: t.i)
                items = []
                for h in heads:
                    drop = {
                        x.i
                        for c in syntax.dependents(h, syntax.CONJUNCT, syntax.COORDINATING_CONJUNCTION)
                        for x in c.subtree
                    }
                    items.append([x for x in h.subtree if x.i not in drop])
                return items
            return [toks]
        openers = ITEM_OPENERS | {toks[0].lower_}
        cuts = [0]
        for k, t in enumerate(toks):
            if k == 0 or not (t.text in (",", ";") or syntax.attached_as(t, syntax.COORDINATING_CONJUNCTION)):
                continue
            j = k + 1
            while j < len(toks) and (
                syntax.attached_as(toks[j], syntax.COORDINATING_CONJUNCTION)
                or toks[j].lower_ in LIST_ADVERBS
                or toks[j].text == ","
            ):
                j += 1
            if j < len(toks) and toks[j].lower_ in openers and j > cuts[-1] + 1:
                cuts.append(k)
        items = []
        for a, b in zip(cuts, cuts[1:] + [len(toks)], strict=True):
            items.append(toks[a:b])
        return items

    def outranks(self, sent: Any, si: int) -> None:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is None or first.lower_ not in ("that", "this", "it", "which"):
            return
        if not any(rx.search(sent.text) for rx in self.p.outranks):
            return
        prev = [i for s, i in self.out if si - 2 <= s < si]
        if prev:
            last = prev[-1]
            if last.rank is None:
                last.rank = 1


@extractor("interests", requires=("actors", "coref"), components=("tagger", "attribute_ruler", "lemmatizer", "parser"))
def extract_interests(ctx: ExtractContext) -> None:
    b = _Builder(ctx)
    p = b.p
    for si, sent in enumerate(ctx.body_sentences()):
        for t in ctx.tokens()[sent.start:sent.end]:
            lem = t.lemma_.lower()
            if t.pos_ == "VERB" and lemma_in(t, p.verbs):
                b.verb(t, si)
            elif t.pos_ == "VERB" and (v := lemma_in(t, p.prep_verbs)):
                b.prep_verb(t, si, p.prep_verbs[v])
            elif t.pos_ == "VERB" and lemma_in(t, p.refusals):
                b.refusal(t, si)
            elif t.pos_ == "NOUN" and lem in p.rights:
                b.right(t, si)
            elif lem in p.adjectives and t.pos_ == "ADJ":
                b.adjective(t, si)
            elif t.pos_ == "NOUN":
                key = lem
                if lem == "line" and any(c.lower_ == "red" for c in t.children):
                    key = "red line"
                if key in p.nouns:
                    b.noun(t, si, key)
        b.outranks(sent, si)
    ctx.interests.extend(i for _, i in b.out)
