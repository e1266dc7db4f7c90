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
- "That comes before everything else" right after an interest makes it rank 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from realpolitik.extract import extractor
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


@dataclass(frozen=True)
class Patterns:
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: dict[str, bool]  # lemma -> ranked
    needs_modifier: frozenset[str]
    modifiers: frozenset[str]
    first: frozenset[str]
    outranks: tuple[re.Pattern[str], ...]


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
    )


def _span_of(toks: list[Token]) -> tuple[int, int] | None:
    toks = _trim(toks)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


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

    # -- "X wants ..." -------------------------------------------------------------------
    def verb(self, v: Token, si: int) -> None:
        comp = [c for c in v.children if c.dep_ in ("xcomp", "ccomp", "dobj", "oprd")]
        comp += [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "at", "on")]
        if not comp:
            return
        actor = self.actor_of(_subject(v))
        if actor is None:
            return
        first = min(c.left_edge.i for c in comp)
        last = max(c.right_edge.i for c in comp)
        if first < v.i:
            return
        start = first
        if any(c.dep_ == "neg" for c in v.children):
            start = min(c.i for c in v.children if c.dep_ in ("neg", "aux") or c.i == v.i)
        self.add(si, actor, [v.doc[i] for i in range(start, last + 1)], None)

    def adjective(self, a: Token, si: int) -> None:
        if a.dep_ not in ("acomp", "oprd"):
            return
        comp = [c for c in a.children if c.dep_ in ("xcomp", "ccomp")
                or c.dep_ == "prep" and c.lower_ in ("on", "to", "for", "about")]
        if not comp:
            return
        actor = self.actor_of(_subject(a.head))
        if actor is None:
            return
        last = max(c.right_edge.i for c in comp)
        start = comp[0].left_edge.i
        if any(c.dep_ == "neg" for c in a.head.children):
            start = a.head.i
        self.add(si, actor, [a.doc[i] for i in range(start, last + 1)], None)

    # -- "X's desire to ...", "X's priorities are ...", "for X the key issue is ..." ---------
    def noun(self, n: Token, si: int, lemma: str) -> None:
        p = self.p
        mods = {c.lower_ for c in n.children if c.dep_ in ("amod", "compound", "nummod", "advmod")}
        mods |= {g.lower_ for c in n.children if c.dep_ == "amod" for g in c.children}
        if lemma in p.needs_modifier and not mods & p.modifiers:
            return
        owner = next((c for c in n.children if c.dep_ == "poss"), None)
        if owner is None and n.dep_ == "conj":
            owner = next((c for c in n.head.children if c.dep_ == "poss"), None)
        actor = self.actor_of(owner)
        # "X's desire to build ...", "X's need for ..."
        comp = [c for c in n.children if c.dep_ in ("acl",) and any(a.lower_ == "to" for a in c.children)]
        comp += [c for c in n.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
        if comp and actor is not None and n.dep_ not in ("nsubj", "nsubjpass") or (
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
        if any(c.dep_ == "neg" for c in cop.children):
            # "the key issue is not A, it is B"
            target = next((x for x in [cop.head, *cop.children, *cop.head.children]
                           if x is not cop and x.lemma_.lower() in COPULAS and x.i > cop.i
                           and not any(c.dep_ == "neg" for c in x.children)), None)
            if target is None:
                return
        head = next((c for c in target.children if c.dep_ in ("attr", "xcomp", "ccomp", "acomp")
                     and c.i > target.i), None)
        if head is None:
            return
        ranked = p.nouns.get(lemma, False) and (n.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "nummod" for c in n.children))
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
        if n.dep_ == "nsubj" and n.head.lemma_.lower() in COPULAS:
            return n.head
        return None

    def _for_owner(self, cop: Token) -> str | None:
        for h in (cop, cop.head, *cop.head.children):
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "to") and c.i < cop.i:
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
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
            last = next((k for k, t in enumerate(toks) if k > cuts[-1] and t.dep_ == "cc"), None)
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
                    if c.dep_ == "conj":
                        heads.append(c)
                        frontier.append(c)
            if len(heads) > 1:
                heads.sort(key=lambda t: t.i)
                items = []
                for h in heads:
                    drop = {x.i for c in h.children if c.dep_ in ("conj", "cc") for x in c.subtree}
                    items.append([x for x in h.subtree if x.i not in drop])
                return items
            return [toks]
        openers = ITEM_OPENERS | {toks[0].lower_}
        cuts = [0]
        for k, t in enumerate(toks):
            if k == 0 or not (t.text in (",", ";") or t.dep_ == "cc"):
                continue
            j = k + 1
            while j < len(toks) and (toks[j].dep_ == "cc" or toks[j].lower_ in LIST_ADVERBS or toks[j].text == ","):
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
        for t in sent:
            lem = t.lemma_.lower()
            if t.pos_ == "VERB" and lemma_in(t, p.verbs):
                b.verb(t, si)
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
