"""Candidate interest statements of a sentence: predicates that govern a complement.

"We call for an immediate ceasefire": the candidate is "call", its span "an immediate
ceasefire" (what it governs), its holder the subject "We". "Our top priority is ending the
war": the candidate is "is", its span "ending the war", its subject "Our top priority".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PREDICATE_POS = {"VERB", "AUX", "ADJ", "NOUN"}
# what a predicate governs, in the order it is taken as the interest
COMPLEMENTS = ("xcomp", "ccomp", "dobj", "attr", "acomp", "oprd", "acl")
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class Candidate:
    head: int                   # token index of the predicate
    span: tuple[int, int]       # char offsets of what it governs
    complement: str             # the dependency that gives the span ("xcomp", "prep:for", ...)
    subject: int | None         # token index of the subject's head, if any


def _subtree_chars(tok: Token) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def complement_of(tok: Token) -> tuple[str, Token] | None:
    children = list(tok.children)
    for dep in COMPLEMENTS:
        for c in children:
            if c.dep_ == dep:
                return dep, c
    for c in children:
        if c.dep_ == "prep":
            objects = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objects:
                return f"prep:{c.lower_}", objects[0]
    return None


def subject_of(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in SUBJECTS:
                return c
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def candidates(sent: Span) -> list[Candidate]:
    out = []
    for tok in sent:
        if tok.pos_ not in PREDICATE_POS:
            continue
        found = complement_of(tok)
        if found is None:
            continue
        dep, comp = found
        start, end = _subtree_chars(comp)
        if end <= start or start < sent.start_char or end > sent.end_char:
            continue
        subject = subject_of(tok)
        out.append(Candidate(tok.i, (start, end), dep, subject.i if subject is not None else None))
    return out
