"""Candidate interest statements of a sentence: what a predicate governs, and the subjects
of prescriptive and evaluative clauses.

"We call for an immediate ceasefire": the candidate is "call", its span "an immediate
ceasefire" (what it governs), its holder the subject "We". "Our top priority is ending the
war": the candidate is "is", its span "ending the war", its subject "Our top priority".
A governed list ("call for peace, stability and development") offers each item as well
("peace" | "stability" | "development"), so that the model may take the items one by one
or the list as one. "Diplomacy must prevail", "Peace is crucial for our future": the
subject is the span (cue words in knowledge/interest_candidates.yaml), held by the
attribute's owner ("Reform remains *our* top priority") or else the document's voice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from realpolitik.extract import syntax
from realpolitik.knowledge import KnowledgeError, load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PREDICATE_POS = {"VERB", "AUX", "ADJ", "NOUN"}
CLAUSE_POS = {"VERB", "AUX"}
# what a predicate governs, in the order it is taken as the interest
COMPLEMENTS = (syntax.OPEN_COMPLEMENT, syntax.CLAUSAL_COMPLEMENT, syntax.DIRECT_OBJECT, syntax.NOMINAL_ATTRIBUTE,
               syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE, syntax.CLAUSAL_MODIFIER)
SUBJECTS = syntax.NOMINAL_SUBJECT | syntax.PASSIVE_SUBJECT | syntax.CLAUSAL_SUBJECT
ITEM = "item:"          # prefix of the complement kind of one item of a governed list
SUBJECT_KIND = "subj:"  # prefix of the complement kind of a clause's subject taken as the span


@dataclass(frozen=True)
class Candidate:
    head: int                   # token index of the predicate
    span: tuple[int, int]       # char offsets of what it governs
    complement: str             # the relation that gives the span: its parser label, or "prep:for", ...
    subject: int | None         # token index of the subject's head, if any


@dataclass(frozen=True)
class SubjectCues:
    """Where a clause's subject is what is wanted: lemmas of prescriptive modals and copulas."""

    modals: frozenset[str]
    copulas: frozenset[str]


@dataclass(frozen=True)
class Prescriptions:
    """Where a speaker prescribes another actor's act (syntax.prescribed_clause): lemmas of
    deontic modals, of necessity verbs with a to-infinitive, and of it-is-necessary frames."""

    modals: frozenset[str]
    verbs: frozenset[str]
    frames: frozenset[str]


@lru_cache(maxsize=1)
def prescriptions() -> Prescriptions:
    d: dict[str, Any] = load_yaml("interest_candidates.yaml")
    section = d.get("prescriptions") if isinstance(d, dict) else None
    if not isinstance(section, dict) or not all(isinstance(section.get(k), list) for k in ("modals", "verbs", "frames")):
        raise KnowledgeError("interest_candidates.yaml: prescriptions needs lists 'modals', 'verbs' and 'frames'")
    return Prescriptions(*(frozenset(str(w).lower() for w in section[k]) for k in ("modals", "verbs", "frames")))


@lru_cache(maxsize=1)
def naming_verbs() -> frozenset[str]:
    """Lemmas of verbs that name their object when it has a predicative ("called X illegal")."""
    d: dict[str, Any] = load_yaml("interest_candidates.yaml")
    verbs = d.get("naming_verbs") if isinstance(d, dict) else None
    if not isinstance(verbs, list):
        raise KnowledgeError("interest_candidates.yaml: naming_verbs needs a list of lemmas")
    return frozenset(str(w).lower() for w in verbs)


def names_its_object(tok: Token, complement: Token) -> bool:
    """"Chile called the referendum illegal": the object of a naming verb with a predicative
    beside it is named, not wanted."""
    return (
        syntax.attached_as(complement, syntax.DIRECT_OBJECT)
        and tok.lemma_.lower() in naming_verbs()
        and syntax.has_dependent(tok, syntax.OBJECT_PREDICATE)
    )


@lru_cache(maxsize=1)
def subject_cues() -> SubjectCues:
    d: dict[str, Any] = load_yaml("interest_candidates.yaml")
    section = d.get("subject_interests") if isinstance(d, dict) else None
    if not isinstance(section, dict) or not all(isinstance(section.get(k), list) for k in ("modals", "copulas")):
        raise KnowledgeError("interest_candidates.yaml: subject_interests needs lists 'modals' and 'copulas'")
    return SubjectCues(frozenset(str(w).lower() for w in section["modals"]),
                       frozenset(str(w).lower() for w in section["copulas"]))


def _chars(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last)


def complement_of(tok: Token) -> tuple[str, Token] | None:
    children = list(tok.children)
    for relation in COMPLEMENTS:
        for c in children:
            if syntax.attached_as(c, relation):
                return syntax.relation_label(c), c
    for c in children:
        if syntax.attached_as(c, syntax.PREPOSITION):
            objects = syntax.dependents(c, syntax.PREPOSITION_OBJECT, syntax.PREPOSITION_COMPLEMENT)
            if objects:
                return f"prep:{c.lower_}", objects[0]
    return None


def subject_of(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if syntax.attached_as(c, SUBJECTS):
                return c
        if (
            syntax.attached_as(cur, syntax.OPEN_COMPLEMENT, syntax.CONJUNCT, syntax.ADVERBIAL_CLAUSE)
            and cur.head.i != cur.i
        ):
            cur = cur.head
            continue
        break
    return None


def _inside(span: tuple[int, int], sent: Span) -> bool:
    return span[1] > span[0] and span[0] >= sent.start_char and span[1] <= sent.end_char


def describes_its_subject(attribute: Token) -> bool:
    """An attribute that says what its subject is set on, able or bound to do, with what it is
    about as its own complement ("The ministry is committed to the reform", "The union is
    ready to talk", "The statement is attributable to the spokesperson"): the subject is the
    one who holds the attitude, not what is wanted (the attribute's complement is its own
    candidate). An evaluative attribute ("Peace is crucial for our future") keeps it."""
    return attribute.pos_ in ("ADJ", "VERB") and any(
        syntax.attached_as(c, syntax.OPEN_COMPLEMENT, syntax.CLAUSAL_COMPLEMENT)
        or (syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ != "for")
        for c in attribute.children
    )


def subject_candidate(tok: Token, cues: SubjectCues) -> Candidate | None:
    """A prescriptive or evaluative clause's subject as the span ("Diplomacy must prevail"),
    its holder the owner named in the attribute ("our top priority"), if any."""
    if tok.pos_ not in CLAUSE_POS:
        return None
    subj = syntax.clause_subject(tok)
    if subj is None or subj.pos_ == "PRON":
        return None
    modal = syntax.modal_of(tok)
    attribute = syntax.attribute_of(tok)
    if modal in cues.modals:
        kind, owner = f"{SUBJECT_KIND}modal", None
    elif tok.lemma_.lower() in cues.copulas and attribute is not None and not describes_its_subject(attribute):
        kind, owner = f"{SUBJECT_KIND}copula", syntax.possessor_in(attribute)
    else:
        return None
    return Candidate(tok.i, syntax.subtree_chars(subj), kind, owner.i if owner is not None else None)


def candidates(sent: Span) -> list[Candidate]:
    cues = subject_cues()
    out = []
    for tok in sent:
        own = subject_candidate(tok, cues)
        if own is not None and _inside(own.span, sent):
            out.append(own)
        if tok.pos_ not in PREDICATE_POS:
            continue
        found = complement_of(tok)
        if found is None:
            continue
        kind, comp = found
        span = syntax.subtree_chars(comp)
        if not _inside(span, sent) or names_its_object(tok, comp):
            continue
        subject = subject_of(tok)
        subject_i = subject.i if subject is not None else None
        out.append(Candidate(tok.i, span, kind, subject_i))
        if not syntax.has_dependent(comp, syntax.COORDINATION):
            continue   # coordinated_items would give the one item, the whole: nothing to add
        items = syntax.coordinated_items(comp)
        if len(items) > 1:
            out.extend(Candidate(tok.i, _chars(first, last), f"{ITEM}{kind}", subject_i) for first, last in items)
    return out
