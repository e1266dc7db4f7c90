"""What the dependency parse says about a stretch of text: its head, its grammatical role,
the predicate that governs it. Every extractor reads the parse only through here: this is
the one module that writes a dependency label, so the rules and the knowledge files speak of
relations by name (`OPEN_COMPLEMENT`, "possessor") and a parser with another label scheme is
a change to this module alone.

Labels are spaCy's English (ClearNLP) dependency labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What a dependent is to its head, one name per label of the parser's scheme. The rest of the
# package asks `attached_as(tok, OPEN_COMPLEMENT)` and `dependents(tok, PREPOSITION)` and never
# writes a label, so a parser with another label scheme is a change to this block alone.
NOMINAL_SUBJECT = frozenset({"nsubj"})            # "[Russia] invaded"
PASSIVE_SUBJECT = frozenset({"nsubjpass"})        # "[Kyiv] was attacked"
CLAUSAL_SUBJECT = frozenset({"csubj"})            # "[What Moscow wants] is …"
PASSIVE_CLAUSAL_SUBJECT = frozenset({"csubjpass"})
EXPLETIVE = frozenset({"expl"})                   # "[it] is time", "[there] were talks"
DIRECT_OBJECT = frozenset({"dobj"})               # "signed [a deal]"
DATIVE = frozenset({"dative"})                    # "gave [Ukraine] weapons"
NOMINAL_ATTRIBUTE = frozenset({"attr"})           # "is [a red line]"
ADJECTIVAL_COMPLEMENT = frozenset({"acomp"})      # "is [crucial]"
OBJECT_PREDICATE = frozenset({"oprd"})            # "called it [a provocation]"
CLAUSAL_COMPLEMENT = frozenset({"ccomp"})         # "said [that talks would resume]"
OPEN_COMPLEMENT = frozenset({"xcomp"})            # "agreed [to cooperate]"
ADVERBIAL_CLAUSE = frozenset({"advcl"})           # "[if talks fail], …"
RELATIVE_CLAUSE = frozenset({"relcl"})            # "the deal [that was signed]"
CLAUSAL_MODIFIER = frozenset({"acl"})             # "the troops [deployed to the border]"
PREPOSITION = frozenset({"prep"})                 # "talks [with] Iran"
PREPOSITION_OBJECT = frozenset({"pobj"})          # "talks with [Iran]"
PREPOSITION_COMPLEMENT = frozenset({"pcomp"})     # "after [meeting] Putin"
PASSIVE_AGENT = frozenset({"agent"})              # "attacked [by] Russia"
COMPOUND = frozenset({"compound"})                # "[Kremlin] officials"
ADJECTIVAL_MODIFIER = frozenset({"amod"})         # "[Russian] forces"
NOMINAL_MODIFIER = frozenset({"nmod"})
NOUN_PHRASE_ADVERBIAL = frozenset({"npadvmod"})   # "[Moscow]-backed"
POSSESSOR = frozenset({"poss"})                   # "[China's] goal", "[our] priority"
POSSESSIVE_MARKER = frozenset({"case"})           # "China['s]"
APPOSITION = frozenset({"appos"})                 # "Lavrov, [the foreign minister]"
DETERMINER = frozenset({"det"})
PREDETERMINER = frozenset({"predet"})
NUMERIC_MODIFIER = frozenset({"nummod"})
LEGACY_NOUN_COMPOUND = frozenset({"nn"})          # older English schemes' compound
AUXILIARY = frozenset({"aux"})                    # "[will] meet", "[to] meet"
PASSIVE_AUXILIARY = frozenset({"auxpass"})        # "[was] attacked"
NEGATION = frozenset({"neg"})                     # "did [not] sign"
MARKER = frozenset({"mark"})                      # "[if] talks fail", "said [that] …"
ADVERBIAL_MODIFIER = frozenset({"advmod"})
PARTICLE = frozenset({"prt"})                     # "pulled [out]"
CONJUNCT = frozenset({"conj"})                    # "China and [Russia]"
COORDINATING_CONJUNCTION = frozenset({"cc"})      # "China [and] Russia"
PRECONJUNCT = frozenset({"preconj"})              # "[both] China and Russia"
PARATAXIS = frozenset({"parataxis"})
PUNCTUATION = frozenset({"punct"})
META = frozenset({"meta"})
QUANTIFIER_MODIFIER = frozenset({"quantmod"})     # "[about] 300 troops"
INTERJECTION = frozenset({"intj"})
UNCLASSIFIED = frozenset({"dep"})                 # the parser could not say
ROOT = frozenset({"ROOT"})

# the names knowledge files may use: each single relation above, lower-cased
RELATIONS: dict[str, frozenset[str]] = {
    name.lower(): value for name, value in dict(globals()).items()
    if name.isupper() and isinstance(value, frozenset) and len(value) == 1}

SUBJECT = NOMINAL_SUBJECT | PASSIVE_SUBJECT | CLAUSAL_SUBJECT | EXPLETIVE
OBJECT = DIRECT_OBJECT | DATIVE | NOMINAL_ATTRIBUTE | OBJECT_PREDICATE
MODIFIER = COMPOUND | ADJECTIVAL_MODIFIER | NOMINAL_MODIFIER | NOUN_PHRASE_ADVERBIAL  # "Russian forces"
# what narrows a plural noun to particular ones: "the [European] leaders", "leaders [of] the G7"
NARROWING = ADJECTIVAL_MODIFIER | COMPOUND | NUMERIC_MODIFIER | PREPOSITION | RELATIVE_CLAUSE | POSSESSOR
MODAL_WORDS = {"would", "could", "may", "might", "should", "can", "must", "will", "shall"}


@dataclass(frozen=True)
class Role:
    """A mention's place in its clause."""

    head: int          # token index of the mention's syntactic head
    role: str          # subject | passive_subject | object | agent | oblique | possessor | other
    prep: str | None   # the preposition of an oblique ("with", "against", "to")
    predicate: int     # token index of the governing verb (or the sentence root)
    owner: int | None  # for a possessor or modifier: the noun it belongs to ("Russia's war")


def attached_as(tok: Token, *relations: frozenset[str]) -> bool:
    """Whether tok hangs from its head by one of these relations."""
    dep = tok.dep_
    for relation in relations:   # a loop, not any(): the rules ask this about half a million times per 40,000 words
        if dep in relation:
            return True
    return False


def _labels(relations: tuple[frozenset[str], ...]) -> frozenset[str]:
    return relations[0] if len(relations) == 1 else frozenset().union(*relations)


def dependents(tok: Token, *relations: frozenset[str]) -> list[Token]:
    """tok's children attached by one of these relations, in sentence order."""
    labels = _labels(relations)
    return [c for c in tok.children if c.dep_ in labels]


def first_dependent(tok: Token, *relations: frozenset[str]) -> Token | None:
    """tok's first child attached by one of these relations, or None."""
    labels = _labels(relations)
    for c in tok.children:
        if c.dep_ in labels:
            return c
    return None


def has_dependent(tok: Token, *relations: frozenset[str]) -> bool:
    """Whether any child of tok is attached by one of these relations."""
    return first_dependent(tok, *relations) is not None


def relation_label(tok: Token) -> str:
    """The parser's own label for tok's relation, as an opaque string: a learned feature, a
    display, or a label read once for a rule that tests many tokens (tested with `label_in`)."""
    return tok.dep_


def label_in(label: str, *relations: frozenset[str]) -> bool:
    """Whether a label read with `relation_label` is one of these relations."""
    return any(label in relation for relation in relations)


def relation_named(name: str) -> frozenset[str]:
    """The relation a knowledge file names in words ("possessor", "direct_object"), so the
    files, like the code, never write a parser label. KeyError for a name that is not one."""
    return RELATIONS[name.strip().lower()]


def span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside it (the first such one)."""
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            return tok
    return doc[start]


def predicate_of(tok: Token) -> Token:
    """The nearest verb (or auxiliary) at or above tok; the clause root otherwise."""
    cur = tok
    for _ in range(40):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def role_of(doc: Doc, start: int, end: int) -> Role:
    head = span_head(doc, start, end)
    tok = head
    # a conjunct takes the role of the first conjunct ("China and Russia signed")
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    owner = None
    if tok.dep_ in ("poss",) or tok.dep_ in MODIFIER:
        owner = tok.head.i
        role = "possessor"
        anchor = tok.head
    else:
        anchor = tok
        role = "other"
    dep = anchor.dep_ if owner is not None else tok.dep_
    prep = None
    if owner is None:
        if dep in ("nsubj", "csubj", "expl"):
            role = "subject"
        elif dep == "nsubjpass":
            role = "passive_subject"
        elif dep in OBJECT:
            role = "object"
        elif dep == "pobj" and tok.head.dep_ == "agent":
            role = "agent"
        elif dep == "pobj":
            role = "oblique"
            prep = tok.head.lower_
        elif dep == "appos":
            role = "appos"
    return Role(head=head.i, role=role, prep=prep, predicate=predicate_of(anchor).i, owner=owner)


def subtree_chars(tok: Token) -> tuple[int, int]:
    """The character span of a token's subtree: what a predicate governs, or a subject's whole
    mention ("the Kenyan delegation") as the interest encoder pools it, in training and at run
    time alike."""
    words = list(tok.subtree)
    return words[0].idx, words[-1].idx + len(words[-1])


def is_negated(tok: Token) -> bool:
    return any(c.dep_ in NEGATION for c in tok.children)


def modal_of(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in MODAL_WORDS:
            return c.lower_
    return None


def path_up(tok: Token, limit: int = 8) -> list[Token]:
    """tok and its ancestors, nearest first (at most limit)."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < limit:
        out.append(out[-1].head)
    return out


def lowest_common_ancestor(a: Token, b: Token) -> Token | None:
    up_a = {t.i: t for t in path_up(a, 20)}
    for t in path_up(b, 20):
        if t.i in up_a:
            return t
    return None


COORDINATION = CONJUNCT
COORDINATOR = COORDINATING_CONJUNCTION | PRECONJUNCT
ATTRIBUTE = NOMINAL_ATTRIBUTE | ADJECTIVAL_COMPLEMENT   # what a copula says of its subject


def coordinated_items(tok: Token) -> list[tuple[Token, Token]]:
    """The first and last token of each item of the coordination tok heads, in order:
    "peace, stability and development" -> peace | stability | development; one item when
    tok coordinates nothing. An item is its head's phrase without the items it coordinates
    (and without the commas and "and" before them)."""
    heads = [tok, *sorted(tok.conjuncts, key=lambda t: t.i)] if any(
        c.dep_ in COORDINATION for c in tok.children) else [tok]
    if len(heads) == 1:
        toks = list(tok.subtree)
        return [(toks[0], toks[-1])]
    out = []
    for h in heads:
        dropped = {x.i for c in h.children if c.dep_ in COORDINATION for x in c.subtree}
        dropped |= {c.i for c in h.children if c.dep_ in COORDINATOR or (c.is_punct and c.i > h.i)}
        toks = [x for x in h.subtree if x.i not in dropped]
        while toks and (toks[-1].is_punct or toks[-1].dep_ in COORDINATOR):
            toks.pop()
        if toks:
            out.append((toks[0], toks[-1]))
    return out


def _full_clause(tok: Token) -> bool:
    """A clause coordinated with another and with a subject of its own ("…, and Chile said …")."""
    return tok.dep_ in COORDINATION and tok.pos_ in ("VERB", "AUX") and clause_subject(tok) is not None


def coordinated_clause_chars(tok: Token) -> tuple[int, int]:
    """The character span of the clause holding tok when its sentence coordinates clauses that
    each have their own subject: "Bolivia demanded that the envoy leave, and Chile said it would
    review the case" is two statements by two actors. The whole sentence when it has no such
    clauses. A clause is its head's words without the full clauses coordinated inside it (nor
    the comma and "and" before them)."""
    top = next((t for t in path_up(tok, 100) if _full_clause(t)), tok.sent.root)
    dropped = {x.i for t in top.subtree if t.i != top.i and _full_clause(t) for x in t.subtree}
    if top.i == tok.sent.root.i and not dropped:
        return tok.sent.start_char, tok.sent.end_char
    words = [x for x in top.subtree if x.i not in dropped]
    while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ in COORDINATOR):
        words.pop()
    while len(words) > 1 and (words[0].is_punct or words[0].dep_ in COORDINATOR):
        words.pop(0)
    return words[0].idx, words[-1].idx + len(words[-1])


def clause_subject(tok: Token) -> Token | None:
    """The subject of the clause tok heads, if it has one of its own."""
    for c in tok.children:
        if c.dep_ in SUBJECT - {"expl"}:
            return c
    return None


def attribute_of(tok: Token) -> Token | None:
    """What a copula says of its subject: "is [crucial]", "remains [our top priority]"."""
    for c in tok.children:
        if c.dep_ in ATTRIBUTE:
            return c
    return None


def possessor_in(tok: Token) -> Token | None:
    """The possessor inside tok's phrase: "our top priority" -> our, "China's goal" -> China."""
    for x in tok.subtree:
        if x.dep_ in POSSESSOR:
            return x
    return None


# The dependencies that lead from a predicate up to the head of its clause: "must [be] firm",
# "has to [redouble]", "must accept … and [withdraw]".
UP_TO_CLAUSE = {"xcomp", "acomp", "attr", "oprd", "conj"}


def prescribed_clause(tok: Token, modals: frozenset[str], verbs: frozenset[str],
                      frames: frozenset[str]) -> Token | None:
    """The head of the clause that prescribes tok's act, or None where it only describes: a
    deontic modal on the clause ("The Council must act"), a necessity verb taking it as a
    to-infinitive ("needs to be reformed", "has to redouble"), or an it-is-necessary frame
    whose for-to clause it heads ("It is time for the parties to accept", "it is important for
    States to build"). The lists are lemmas (knowledge/interest_candidates.yaml)."""
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in cur.children):
            return cur
        if cur.lemma_.lower() in verbs and any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in cur.children):
            return cur
        frame = _necessity_frame(cur, frames)
        if frame is not None:
            return frame
        if cur.dep_ not in UP_TO_CLAUSE or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def is_to_infinitive(tok: Token) -> bool:
    """Whether tok heads a to-infinitive: "agreed [to cooperate]", "in order [to coordinate]"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _necessity_frame(tok: Token, frames: frozenset[str]) -> Token | None:
    """The copula of "it is time / important for X to <tok>", when tok heads the for-to clause."""
    if not (is_to_infinitive(tok) and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)):
        return None
    governor = tok.head
    if governor.dep_ in ATTRIBUTE and governor.lemma_.lower() in frames:   # "time" in "it is time for …"
        return governor.head
    if any(c.dep_ in ATTRIBUTE and c.lemma_.lower() in frames for c in governor.children):   # "is important for …"
        return governor
    return None


def reporting_subject(clause: Token) -> Token | None:
    """Whose words a complement clause reports: the subject of the verb it completes
    ("Lavrov said [Kyiv should accept]" -> Lavrov); None for a clause of its own."""
    while clause.dep_ in COORDINATION and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.i != clause.i:
        return clause_subject(clause.head)
    return None
