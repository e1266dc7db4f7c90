"""Claims: who says so, and how sure.

A claim is a proposition the text attributes or qualifies, with its source and epistemic
status (CONTRACT.md). The cues are English and live in knowledge/claim_cues.yaml:

- reported speech and thought: a reporting verb and its complement ("X said that ...",
  "X is believed by Y to be ...", "X calls this 'brazen'", "X seemed convinced that ..."),
  "according to X", "X's claim that ...", "... , this author learned in private discussions";
- qualifying adverbs, phrases, modals and raising verbs ("apparently", "at least on the
  surface", "may", "seems to") mark the clause they modify; inside reported speech they make
  a nested claim carried by the same source;
- impersonal frames ("it is true that", "it should be noted that", "it is likely that").

What is NOT a claim: a plain sentence the author states without a marker. The author's
unmarked narrative is the default reading of every sentence, so claims are emitted only where
a cue exists; `asserted` is kept for explicit certainty markers ("clearly", "it is true
that"), so an analyst can find what the author vouches for.

Status carries across sentences: "these reports remain unverified" / "could not be
verified" upgrade the reported or alleged claims of the preceding sentences that the subject
refers to (to `unverified`; the earlier cue stays in `cues`), and "X denied the reports"
marks the claims it refers to `denied`. Events whose trigger lies inside a claim's span get
that claim's id (the innermost claim wins), so a timeline can show "alleged" beside them.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from realpolitik.extract import REGISTRY, extractor, syntax
from realpolitik.extract.context import ExtractContext
from realpolitik.knowledge import load_yaml
from realpolitik.schema import Claim, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

QUOTES = set('"“”„‟«»')
AUTHOR = "the author"
AUTHOR_WORDS = {"author", "i", "we", "writer"}
SUBJECTS = syntax.NOMINAL_SUBJECT | syntax.PASSIVE_SUBJECT | syntax.CLAUSAL_SUBJECT


@dataclass(frozen=True)
class Cues:
    precedence: tuple[str, ...]
    reporting: dict[str, str]
    epistemic_adjectives: frozenset[str]
    naming: frozenset[str]
    hedging_passives: frozenset[str]
    alleging_passives: frozenset[str]
    source_preps: frozenset[str]
    learning: frozenset[str]
    content_nouns: dict[str, str]
    according: tuple[tuple[str, ...], ...]
    adverbs: dict[str, str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    modals: frozenset[str]
    raising: frozenset[str]
    impersonal: dict[str, str]
    unverified_adjectives: frozenset[str]
    verify_verbs: frozenset[str]
    lookback: int
    anaphor_nouns: frozenset[str]
    gerund_denials: frozenset[str]
    stated_adjectives: frozenset[str]
    stated_nouns: frozenset[str]
    institutional: frozenset[str]
    permission: frozenset[str]

    def stronger(self, a: str, b: str) -> str:
        return a if self.precedence.index(a) <= self.precedence.index(b) else b


@lru_cache(maxsize=1)
def cues() -> Cues:
    d: dict[str, Any] = load_yaml("claim_cues.yaml")
    return Cues(
        precedence=tuple(d["precedence"]),
        reporting=dict(d["reporting_verbs"]),
        epistemic_adjectives=frozenset(d["epistemic_adjectives"]),
        naming=frozenset(d["naming_verbs"]),
        hedging_passives=frozenset(d["hedging_passives"]),
        alleging_passives=frozenset(d["alleging_passives"]),
        source_preps=frozenset(d["source_preps"]),
        learning=frozenset(d["learning_verbs"]),
        content_nouns=dict(d["content_nouns"]),
        according=tuple(tuple(w.lower() for w in p) for p in d["according_to"]),
        adverbs=dict(d["adverbs"]),
        phrases=tuple((tuple(p["words"]), p["status"]) for p in d["phrases"]),
        modals=frozenset(d["modals"]),
        raising=frozenset(d["raising_verbs"]),
        impersonal=dict(d["impersonal"]),
        unverified_adjectives=frozenset(d["unverified_adjectives"]),
        verify_verbs=frozenset(d["verify_verbs"]),
        lookback=int(d["lookback_sentences"]),
        anaphor_nouns=frozenset(d["anaphor_nouns"]),
        gerund_denials=frozenset(d["gerund_denials"]),
        stated_adjectives=frozenset(d["stated_adjectives"]),
        stated_nouns=frozenset(d["stated_nouns"]),
        institutional=frozenset(d["institutional_speakers"]),
        permission=frozenset(d["permission_words"]),
    )


@dataclass
class Found:
    """A claim while it is being built: token-level facts kept for the cross-sentence rules."""

    start: int
    end: int
    status: str
    cues: list[str]
    source: str | None
    source_text: str | None
    quote: bool
    sent: int  # index of the sentence among the body sentences
    anchor: int  # token index of the cue that made it (verb, adverb, "according")
    head: int  # token index of the proposition's head
    src_tokens: tuple[int, int] = (-1, -1)  # token range of the source phrase
    kind: str = "report"  # report | according | qualifier | noun | frame
    extra: dict[str, Any] = field(default_factory=dict)

    def qualify(self, status: str, cue: str, c: Cues) -> None:
        self.status = c.stronger(status, self.status)
        if cue not in self.cues:
            self.cues.append(cue)


# -- token helpers ---------------------------------------------------------------------------

def _lower(t: Token) -> str:
    return t.lower_


def inflections(lemma: str) -> set[str]:
    """Regular forms of a verb, for when the tagger's lemma is wrong ("hopes" -> "hop")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def lemma_in(t: Token, vocab: dict[str, Any] | frozenset[str] | set[str]) -> str | None:
    """The entry of `vocab` that token `t` is a form of, else None."""
    lem = t.lemma_.lower()
    if lem in vocab:
        return lem
    return _forms_of(vocab).get(t.lower_)


# The forms of the cue tables seen, by identity: asked for every verb of every sentence, and
# sorting a table to key the cache cost more than the lookup. Each entry holds its table (so
# the id is not reused) and its size (a table that grew or shrank is looked at again).
_FORMS_OF: dict[int, tuple[Any, int, dict[str, str]]] = {}


def _forms_of(vocab: dict[str, Any] | frozenset[str] | set[str]) -> dict[str, str]:
    got = _FORMS_OF.get(id(vocab))
    if got is None or got[0] is not vocab or got[1] != len(vocab):
        if len(_FORMS_OF) >= 64:
            _FORMS_OF.clear()
        got = _FORMS_OF[id(vocab)] = (vocab, len(vocab), _forms(tuple(sorted(vocab))))
    return got[2]


@lru_cache(maxsize=16)
def _forms(vocab: tuple[str, ...]) -> dict[str, str]:
    return {f: v for v in vocab for f in inflections(v)}


def _is_negated(t: Token) -> bool:
    return syntax.has_dependent(t, syntax.NEGATION)


def _subject(v: Token) -> Token | None:
    """The subject of a verb, looking through conjunction, control and relative clauses."""
    seen = 0
    while v is not None and seen < 4:
        for c in v.children:
            if syntax.attached_as(c, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT, syntax.EXPLETIVE):
                if c.tag_ in ("WDT", "WP") and syntax.attached_as(v, syntax.RELATIVE_CLAUSE):
                    return v.head
                return c
        if (
            syntax.attached_as(
                v,
                syntax.CONJUNCT,
                syntax.OPEN_COMPLEMENT,
                syntax.ADVERBIAL_CLAUSE,
                syntax.ADJECTIVAL_COMPLEMENT,
                syntax.OBJECT_PREDICATE,
                syntax.PREPOSITION_COMPLEMENT,
            )
            and v.head.i != v.i
        ):
            v = v.head
            seen += 1
            continue
        return None
    return None


def _negated_chain(v: Token) -> bool:
    """Whether a verb is negated, directly or through what governs it ("cannot verify",
    "have not been able to verify", "failed to confirm", "was unable to confirm")."""
    t = v
    for _ in range(4):
        if _is_negated(t) or t.lower_ in ("unable", "failed", "fail", "fails", "impossible"):
            return True
        if t.i != v.i and any(x.lower_ in ("cannot", "not", "never") for x in syntax.dependents(t, syntax.AUXILIARY)):
            return True
        if (
            not syntax.attached_as(
                t, syntax.OPEN_COMPLEMENT, syntax.ADJECTIVAL_COMPLEMENT, syntax.CLAUSAL_COMPLEMENT
            )
            or t.head.i == t.i
        ):
            return False
        t = t.head
    return False


def _permission(modal: Token, c: Cues) -> bool:
    """Whether a "may" grants permission ("may enter only with a permit") rather than hedges."""
    if modal.lower_ != "may":
        return False
    verb = modal.head
    if any(x.lower_ == "have" and syntax.attached_as(x, syntax.AUXILIARY) and x.i > modal.i for x in verb.children):
        return False  # "may have been": always a guess about the past
    subj = {x.i for s in syntax.dependents(verb, SUBJECTS) for x in s.subtree}
    return any(x.lower_ in c.permission for x in verb.subtree if x.i not in subj and x.i != modal.i)


def _passive(v: Token) -> bool:
    return (
        syntax.has_dependent(v, syntax.PASSIVE_SUBJECT, syntax.PASSIVE_AUXILIARY)
        or v.tag_ == "VBN"
        and syntax.has_dependent(v, syntax.PASSIVE_AGENT)
    )


def _agent(v: Token) -> Token | None:
    for c in v.children:
        if syntax.attached_as(c, syntax.PASSIVE_AGENT):
            for p in c.children:
                if syntax.attached_as(p, syntax.PREPOSITION_OBJECT):
                    return p
    return None


# what a token run loses at its edges: punctuation, "and", "that", a stray preposition, "'s"
_EDGE = (syntax.PUNCTUATION | syntax.COORDINATING_CONJUNCTION | syntax.MARKER | syntax.PREPOSITION
         | syntax.POSSESSIVE_MARKER)


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation, conjunctions and complementisers at the edges of a token run."""
    while tokens and (syntax.attached_as(tokens[0], _EDGE) and tokens[0].text not in QUOTES or tokens[0].is_space):
        if syntax.attached_as(tokens[0], syntax.PREPOSITION) and len(tokens) > 1:
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in QUOTES or tokens[-1].is_space
                      or syntax.attached_as(tokens[-1], syntax.COORDINATING_CONJUNCTION)):
        tokens = tokens[:-1]
    return tokens


def _contiguous(tokens: list[Token], around: Token) -> list[Token]:
    """The longest contiguous run of token indices that contains `around`."""
    idx = sorted({t.i for t in tokens})
    if not idx:
        return []
    doc = around.doc
    runs: list[list[int]] = [[idx[0]]]
    for i in idx[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = next((r for r in runs if around.i in r), max(runs, key=len))
    return [doc[i] for i in best]


def _content(head: Token, exclude: set[int] | None = None) -> list[Token]:
    """The tokens of a proposition headed by `head`: its subtree less asides about it."""
    drop = set(exclude or ())
    for t in head.subtree:
        # a non-restrictive relative clause (", which encouraged ...") is the author's comment
        if syntax.attached_as(t, syntax.RELATIVE_CLAUSE) and t.i > 0 and t.i != head.i:
            first = t.left_edge
            if first.lower_ in ("which", "who") and first.i > 0 and first.nbor(-1).text == ",":
                drop.update(x.i for x in t.subtree)
                drop.add(first.i - 1)
        # ", a claim that could not be confirmed": the author's comment on the proposition
        if (
            syntax.attached_as(t, syntax.APPOSITION)
            and t.i != head.i
            and t.left_edge.i > 0
            and t.doc[t.left_edge.i - 1].text == ","
            and t.lemma_.lower() in _comment_nouns()
        ):
            drop.update(x.i for x in t.subtree)
            drop.add(t.left_edge.i - 1)
    if head.tag_ == "VB" and any(syntax.attached_as(a, syntax.AUXILIARY) and a.tag_ == "MD" for a in head.children):
        # "would take Kiev ..., and instructed ...": a finite verb cannot share the modal, so
        # the parser hung the next clause of the sentence on the wrong verb
        for cj in head.children:
            if syntax.attached_as(cj, syntax.CONJUNCT) and cj.tag_ in ("VBD", "VBZ", "VBP"):
                drop.update(x.i for x in cj.subtree)
                drop.update(
                    x.i
                    for x in head.children
                    if syntax.attached_as(x, syntax.COORDINATING_CONJUNCTION, syntax.PUNCTUATION)
                    and x.i < cj.i
                    and x.i > cj.left_edge.i - 3
                )
    toks = [t for t in head.subtree if t.i not in drop]
    toks = _contiguous(toks, head) if toks else []
    toks = _trim(toks)
    return _cut_at_quote(toks)


def _cut_at_quote(toks: list[Token]) -> list[Token]:
    """When a proposition opens with a quotation, it ends where the quotation closes."""
    if not toks:
        return toks
    first = 0
    while first < len(toks) and (syntax.attached_as(toks[first], syntax.MARKER) or toks[first].is_space):
        first += 1
    if first < len(toks) and toks[first].text in QUOTES:
        for j in range(first + 1, len(toks)):
            if toks[j].text in QUOTES:
                return toks[: j + 1]
    return toks


@lru_cache(maxsize=1)
def _comment_nouns() -> frozenset[str]:
    c = cues()
    return frozenset(c.content_nouns) | (c.anaphor_nouns - {"it", "this", "that", "which"})


def _chars(toks: list[Token]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _quoted(text: str, start: int, end: int) -> bool:
    """Quotation marks (straight or typographic) around or inside the proposition."""
    window = text[max(0, start - 2): min(len(text), end + 2)]
    n = sum(1 for ch in window if ch in QUOTES)
    if n >= 2:
        return True
    inner = text[start:end]
    return "‘" in inner and "’" in inner[inner.index("‘"):]


def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def _phrase_text(tokens: list[Token]) -> str:
    toks = _trim(list(tokens))
    if not toks:
        return ""
    # doc[i:j].text, not doc.text[s:e]: Doc.text rebuilds the whole document on every call
    return toks[0].doc[toks[0].i: toks[-1].i + 1].text


def _np(t: Token) -> list[Token]:
    """A noun phrase's tokens, without a trailing relative clause or apposition."""
    drop: set[int] = set()
    for c in t.children:
        if syntax.attached_as(c, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER) and c.i > t.i:
            drop.update(x.i for x in c.subtree)
    return [x for x in t.subtree if x.i not in drop]


def _actor_in(ctx: ExtractContext, head: Token) -> str | None:
    """The actor a noun phrase names: its head, else a modifier ("Western media", "X's")."""
    a = ctx.actor_of_token(head)
    if a:
        return a
    near = sorted(
        head.children,
        key=lambda c: (
            not syntax.attached_as(
                c,
                syntax.COMPOUND,
                syntax.POSSESSOR,
                syntax.ADJECTIVAL_MODIFIER,
                syntax.NOMINAL_MODIFIER,
                syntax.APPOSITION,
            ),
            abs(c.i - head.i),
        ),
    )
    for c in near:
        for t in [c, *c.subtree]:
            a = ctx.actor_of_token(t)
            if a:
                return a
    return None


# -- the extractor ---------------------------------------------------------------------------

class _Builder:
    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.c = cues()
        # first words of cue phrases: most tokens start none and are skipped at once
        self.according_first = _first_words(self.c.according)
        self.phrase_first = _first_words(tuple(w for w, _ in self.c.phrases))
        self.text = ctx.document.text
        self.found: list[Found] = []
        self.by_anchor: dict[int, Found] = {}
        self.by_head: dict[int, list[Found]] = {}
        self.sents: list[SpacySpan] = []

    # every new claim goes through here
    def add(self, toks: list[Token], status: str, cue: str, sent: int, anchor: Token, head: Token,
            source: str | None, source_text: str | None, src: tuple[int, int] = (-1, -1),
            kind: str = "report") -> Found | None:
        toks = _trim(toks)
        if not toks:
            return None
        start, end = _chars(toks)
        if end - start < 3:
            return None
        f = Found(start, end, status, [cue], source, source_text or AUTHOR,
                  _quoted(self.text, start, end), sent, anchor.i, head.i, src, kind)
        self.found.append(f)
        self.by_anchor.setdefault(anchor.i, f)
        self.by_head.setdefault(head.i, []).append(f)
        return f

    def source_of(self, np_head: Token | None) -> tuple[str | None, str | None, tuple[int, int]]:
        if np_head is None:
            return None, None, (-1, -1)
        if np_head.lower_ in AUTHOR_WORDS or np_head.lower_ in ("i", "we"):
            toks = _np(np_head)
            return None, _phrase_text(toks) or AUTHOR, (toks[0].i, toks[-1].i + 1)
        toks = _np(np_head)
        actor = _actor_in(self.ctx, np_head) or self.context_source(np_head)
        return actor, _phrase_text(toks), (toks[0].i, toks[-1].i + 1)

    def context_source(self, np_head: Token) -> str | None:
        """The state an unnamed institutional speaker stands for ("a spokesman said", "the
        army's media wing said"): the same speaker earlier in the text, else the actor the
        sentence is about, else the one the preceding sentences of the paragraph are about."""
        c = self.c
        if np_head.lemma_.lower() not in c.institutional and np_head.lower_ not in c.institutional:
            return None
        if any(syntax.attached_as(x, syntax.POSSESSOR) and x.pos_ == "PRON" for x in np_head.children):
            return None  # "their spokesman": coreference's business, not a guess
        names = {np_head.lower_, np_head.lemma_.lower()}
        for f in reversed(self.found):
            words = (f.source_text or "").lower().split()
            if f.source and words and words[-1] in names:
                return f.source
        sent = np_head.sent
        mine = {x.i for x in np_head.subtree}
        idx = next((k for k, s in enumerate(self.sents) if s.start == sent.start), None)
        about = [sent] if idx is None else [sent] + [self.sents[k] for k in range(idx - 1, max(-1, idx - 3), -1)]
        text = self.text
        for k, s in enumerate(about):
            if k and "\n" in text[s.start_char:about[k - 1].start_char]:
                break  # another paragraph
            # in the speaker's own sentence only what comes before the speaker: the clause after
            # "X said" is the claim, and the actors in it are not who speaks
            subjects = syntax.dependents(s.root, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT) + [
                x
                for x in s
                if syntax.attached_as(x, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
                and x.head.i != s.root.i
            ]
            if k == 0:
                subjects = [x for x in subjects if x.i < np_head.i]
            for x in subjects:
                if x.i not in mine:
                    a = _actor_in(self.ctx, x)
                    if a:
                        return a
        return None

    # -- sentence rules --------------------------------------------------------------------
    def sentence(self, sent: SpacySpan, si: int) -> None:
        # Six passes over the sentence: its tokens and the words the rules test are read once
        # (iterating a Span makes new Tokens, and each attribute is a lookup), and a rule is
        # called only for the tokens its own first test lets through.
        tokens = [
            (t, t.lower_, t.lemma_.lower(), t.pos_, syntax.relation_label(t))
            for t in self.ctx.tokens()[sent.start : sent.end]
        ]
        for t, _, lem, pos, _ in tokens:
            if lem in self.c.stated_nouns and pos == "NOUN":
                self.stated(t, si)
        for t, low, _, _, _ in tokens:
            if low in self.according_first:
                self.according(t, sent, si)
        for t, low, lem, pos, _ in tokens:
            if pos in ("VERB", "AUX") and lemma_in(t, self.c.reporting):
                self.reporting(t, si)
            elif (
                low in self.c.epistemic_adjectives
                and pos in ("ADJ", "VERB")
                and not syntax.has_dependent(t, syntax.DIRECT_OBJECT)
            ):
                self.epistemic(t, si)
            if lem in self.c.naming and pos == "VERB":
                self.naming(t, si)
            if lem in self.c.content_nouns and pos in ("NOUN", "PROPN"):
                self.content_noun(t, si)
        for t, _, _, _, dep in tokens:
            if syntax.label_in(dep, syntax.CLAUSAL_COMPLEMENT):
                self.frames(t, si)
        for t, low, lem, pos, dep in tokens:
            if self.may_qualify(low, lem, pos, dep):
                self.qualifiers(t, sent, si)
        for t, low, lem, pos, dep in tokens:
            if self.may_be_unverified(low, lem, pos, dep):
                self.unverified(t, si)

    def according(self, t: Token, sent: SpacySpan, si: int) -> None:
        if t.lower_ not in self.according_first:
            return
        for words in self.c.according:
            if t.i + len(words) > sent.end:
                continue
            seq = [t.doc[t.i + k] for k in range(len(words))]
            if [x.lower_ for x in seq] != list(words):
                continue
            last = seq[-1]
            src = syntax.first_dependent(last, syntax.PREPOSITION_OBJECT, syntax.DIRECT_OBJECT)
            if src is None:
                continue
            phrase = {x.i for x in seq} | {x.i for x in src.subtree}
            head = t.head
            while head.i in phrase and head.head.i != head.i:
                head = head.head
            if head.i in phrase:
                continue
            toks = [x for x in _content(head, phrase) if x.i not in phrase]
            toks = _contiguous(toks, head) if toks else []
            source, stext, rng = self.source_of(src)
            self.add(toks, "reported", " ".join(words), si, t, head, source, stext, rng, kind="according")
            return

    def reporting(self, v: Token, si: int) -> None:
        c = self.c
        lem = lemma_in(v, c.reporting) or v.lemma_.lower()
        status = c.reporting[lem]
        if _is_negated(v):
            if status != "denied":
                return
            status = "reported"  # "did not deny that ..."
        children = list(v.children)
        ccomp = self.complement(v)
        xcomp = syntax.first_dependent(v, syntax.OPEN_COMPLEMENT)
        dobj = syntax.first_dependent(v, syntax.DIRECT_OBJECT)
        passive = _passive(v)
        # who says so
        if (
            passive
            and ccomp is not None
            and _agent(v) is None
            and any(syntax.attached_as(x, syntax.PASSIVE_SUBJECT) and x.lower_ == "it" for x in children)
            and lem in c.impersonal
        ):
            return  # "it should be noted that ...": an impersonal frame, not a report
        if passive:
            subj_np = _agent(v)
        else:
            subj_np = _subject(v)
        source, stext, rng = self.source_of(subj_np)
        if lem in c.learning:
            for p in children:
                if syntax.attached_as(p, syntax.PREPOSITION) and p.lower_ in c.source_preps:
                    pobj = syntax.first_dependent(p, syntax.PREPOSITION_OBJECT)
                    if pobj is not None:
                        source2, stext2, rng2 = self.source_of(pobj)
                        source, stext, rng = source2, stext2, rng2
                        break
        cue = v.text.lower()
        toks: list[Token] = []
        head = v
        tail: set[int] = set()
        if subj_np is None and ccomp is not None and ccomp.i < v.i and not passive:
            # "Talks went well, a senior aide said": the parser may hang the speaker on the
            # quoted clause; the phrase between the last comma and the verb is the speaker
            k = v.i - 1
            while k > ccomp.left_edge.i and v.doc[k].text not in (",", ";"):
                k -= 1
            span = [v.doc[i] for i in range(k + 1, v.i)]
            roots = [t for t in span if not (k < t.head.i < v.i) and t.pos_ in ("NOUN", "PROPN", "PRON")]
            if v.doc[k].text == "," and len(roots) == 1:
                subj_np = roots[0]
                source, stext, rng = self.source_of(subj_np)
                tail = set(range(k, v.i))
        if ccomp is not None:
            head = ccomp
            toks = _content(ccomp, tail)
        elif passive and xcomp is not None:
            subj = syntax.first_dependent(v, syntax.PASSIVE_SUBJECT)
            head = xcomp
            toks = list(xcomp.subtree)
            if subj is not None:
                toks = sorted(set(_np(subj)) | set(toks) | {v}, key=lambda x: x.i)
                toks = [v.doc[i] for i in range(toks[0].i, toks[-1].i + 1)]
                # the subject of a passive report is the proposition's own, not its source
            if subj_np is None:
                status = ("hedged" if lem in c.hedging_passives else
                          "alleged" if lem in c.alleging_passives else status)
                source, stext, rng = None, None, (-1, -1)
        elif syntax.attached_as(v, syntax.PARATAXIS, syntax.CLAUSAL_COMPLEMENT) and v.i > v.head.i:
            # "Talks went well, he said." / "..., a senior aide said": the parser made the
            # reported clause the root; the speaker is the phrase after the last comma
            head = v.head
            k = v.i - 1
            while k > head.i and v.doc[k].text not in (",", ";"):
                k -= 1
            if v.doc[k].text != ",":
                return
            span = [v.doc[i] for i in range(k + 1, v.i)]
            roots = [t for t in span if not (k < t.head.i < v.i) and t.pos_ in ("NOUN", "PROPN", "PRON")]
            if len(roots) == 1 and (subj_np is None or subj_np.i < k):
                subj_np = roots[0]
            elif subj_np is None or subj_np.i < k:
                return
            source, stext, rng = self.source_of(subj_np)
            toks = _content(head, {y.i for y in v.subtree} | set(range(k, v.i)))
        elif syntax.attached_as(v, syntax.PARATAXIS) and v.i < v.head.i and any(
                x.text == "," for x in v.doc[max(0, v.left_edge.i - 1): v.i]) and any(
                x.text == "," for x in v.doc[v.i + 1: v.right_edge.i + 2]):
            # "Chile, she said, was ready to sign": the speaker's aside inside the claim
            head = v.head
            toks = _content(head)
        elif status == "denied" and lem in c.gerund_denials and not passive and (
                xcomp is not None or dobj is not None and dobj.tag_ == "VBG"):
            # "X denied firing first", "Y denies having sent drones": the gerund is what is denied
            head = xcomp if xcomp is not None else dobj
            toks = _content(head)
        elif dobj is not None and status == "denied" and (
                lem in ("deny", "refute", "dispute") or dobj.lemma_.lower() in c.anaphor_nouns
                or dobj.lemma_.lower() in c.content_nouns):
            # rejecting an offer is an act (an event), rejecting a report is a denial
            self.denial(v, dobj, si, source, stext, rng)
            return
        elif dobj is not None and lem in ("accuse", "charge"):
            of = next(
                (
                    p
                    for p in children
                    if syntax.attached_as(p, syntax.PREPOSITION) and p.lower_ in ("of", "with")
                ),
                None,
            )
            if of is None:
                return
            head = of
            toks = [v.doc[i] for i in range(dobj.left_edge.i, of.right_edge.i + 1)]
            status = "alleged"
        if not toks:
            return
        if passive and subj_np is None and lem in c.alleging_passives and ccomp is not None:
            status = "alleged"  # "it is said that ...": nobody named
        f = self.add(toks, status, cue, si, v, head, source, stext, rng)
        if f is None:
            return
        # a hedge on the saying is a hedge on what is said; so is "seemed to believe"
        for x in children:
            if syntax.attached_as(x, syntax.ADVERBIAL_MODIFIER) and x.lower_ in c.adverbs:
                f.qualify(c.adverbs[x.lower_], x.lower_, c)
        if (
            syntax.attached_as(
                v, syntax.OPEN_COMPLEMENT, syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE
            )
            and v.head.lemma_.lower() in c.raising
        ):
            f.qualify("hedged", v.head.text.lower(), c)
        if subj_np is not None:
            for x in subj_np.subtree:
                if x.lower_ in c.unverified_adjectives:
                    f.qualify("unverified", x.lower_, c)

    def complement(self, v: Token) -> Token | None:
        """The clause a reporting verb puts forward: its ccomp, or a that-clause the parser
        hung elsewhere; never a clause before it across a semicolon (another sentence)."""
        best = None
        for x in v.children:
            that = any(syntax.attached_as(m, syntax.MARKER) and m.lower_ == "that" for m in x.children)
            if syntax.attached_as(x, syntax.CLAUSAL_COMPLEMENT) or (
                syntax.attached_as(x, syntax.ADVERBIAL_CLAUSE, syntax.CONJUNCT) and that and x.i > v.i
            ):
                if x.i < v.i:
                    between = v.doc[x.right_edge.i + 1: v.i]
                    if any(t.text == ";" for t in between) or self.is_frame(x):
                        continue
                if best is None or (best.i < v.i < x.i):
                    best = x
        if best is None:
            # "say privately that ...": the parser may hang the clause on the adverb
            for a in v.children:
                if syntax.attached_as(a, syntax.ADVERBIAL_MODIFIER) and a.i > v.i:
                    for x in a.children:
                        if syntax.attached_as(x, syntax.CLAUSAL_COMPLEMENT, syntax.ADVERBIAL_CLAUSE) and any(
                                syntax.attached_as(m, syntax.MARKER) and m.lower_ == "that" for m in x.children):
                            return x
        if best is None:
            # "told reporters after the talks that ...": the that-clause hung on the noun of a
            # phrase in between; it is a complement when "that" opens it as a conjunction
            # (a relative "that" is the clause's subject or object, so the clause has a gap)
            for p in v.children:
                if not syntax.attached_as(p, syntax.PREPOSITION) or p.i < v.i:
                    continue
                for obj in p.children:
                    if (
                        not syntax.attached_as(obj, syntax.PREPOSITION_OBJECT)
                        or obj.lemma_.lower() in self.c.content_nouns
                    ):
                        continue
                    for x in obj.children:
                        if (
                            not syntax.attached_as(
                                x, syntax.CLAUSAL_MODIFIER, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_COMPLEMENT
                            )
                            or x.left_edge.lower_ != "that"
                        ):
                            continue
                        that = x.left_edge
                        own = [y for y in x.children if syntax.attached_as(y, SUBJECTS) and y.i != that.i]
                        if syntax.attached_as(that, syntax.MARKER) or (
                            own
                            and any(
                                syntax.attached_as(y, syntax.DIRECT_OBJECT) and y.i != that.i
                                for y in x.children
                            )
                        ):
                            return x
        return best

    def is_frame(self, h: Token) -> bool:
        return any(
            c.lower_ == "it" and syntax.attached_as(c, SUBJECTS, syntax.EXPLETIVE) for c in h.children
        ) and any(
            c.lemma_.lower() in self.c.impersonal
            for c in syntax.dependents(h, syntax.ADJECTIVAL_COMPLEMENT, syntax.NOMINAL_ATTRIBUTE)
        )

    def stated(self, n: Token, si: int) -> None:
        """ "Canada's stated aim is to ...": the clause the noun is the subject of is the
        owner's own account of what it wants."""
        if not syntax.attached_as(n, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT) or not any(
            syntax.attached_as(x, syntax.ADJECTIVAL_MODIFIER) and x.lower_ in self.c.stated_adjectives
            for x in n.children
        ):
            return
        owner = syntax.first_dependent(n, syntax.POSSESSOR)
        if owner is None:
            of = next((x for x in n.children if syntax.attached_as(x, syntax.PREPOSITION) and x.lower_ == "of"), None)
            owner = syntax.first_dependent(of, syntax.PREPOSITION_OBJECT) if of is not None else None
        if owner is None:
            return  # "the official position is ...": whose, the text does not say
        v = n.head
        source, stext, rng = self.source_of(owner)
        for tail in ("'s", "\u2019s", "'", "\u2019"):
            if stext and stext.endswith(tail):
                stext = stext[: -len(tail)]
                break
        toks = _content(v)
        self.add(
            toks,
            "reported",
            f"{next(x.lower_ for x in syntax.dependents(n, syntax.ADJECTIVAL_MODIFIER))} {n.lower_}",
            si,
            n,
            v,
            source,
            stext,
            rng,
            kind="noun",
        )

    def epistemic(self, a: Token, si: int) -> None:
        ccomp = syntax.first_dependent(a, syntax.CLAUSAL_COMPLEMENT)
        if ccomp is None or _is_negated(a.head) or _is_negated(a):
            return
        source, stext, rng = self.source_of(_subject(a))
        f = self.add(_content(ccomp), "reported", a.text.lower(), si, a, ccomp, source, stext, rng)
        if f and a.head.lemma_.lower() in self.c.raising:
            f.qualify("hedged", a.head.text.lower(), self.c)
        if f:
            for x in [*a.children, *a.head.children]:
                if syntax.attached_as(x, syntax.ADVERBIAL_MODIFIER) and x.lower_ in self.c.adverbs:
                    f.qualify(self.c.adverbs[x.lower_], x.lower_, self.c)

    def naming(self, v: Token, si: int) -> None:
        dobj = syntax.first_dependent(v, syntax.DIRECT_OBJECT)
        pred = syntax.first_dependent(v, syntax.OBJECT_PREDICATE, syntax.OPEN_COMPLEMENT)
        if pred is None:
            pred = next((x for x in v.children if syntax.attached_as(x, syntax.PREPOSITION) and x.lower_ == "as"), None)
        if dobj is None or pred is None or pred.i < dobj.i or v.i in self.by_anchor:
            return
        toks = [v.doc[i] for i in range(dobj.left_edge.i, pred.right_edge.i + 1)]
        # a closing quotation mark belongs to the predicate it closes
        after = pred.right_edge.i + 1
        if after < len(v.doc) and v.doc[after].text in QUOTES:
            toks.append(v.doc[after])
        source, stext, rng = self.source_of(_subject(v))
        self.add(toks, "reported", v.text.lower(), si, v, pred, source, stext, rng)

    def content_noun(self, n: Token, si: int) -> None:
        clause = next(
            (
                x
                for x in n.children
                if syntax.attached_as(
                    x, syntax.CLAUSAL_MODIFIER, syntax.CLAUSAL_COMPLEMENT, syntax.RELATIVE_CLAUSE
                )
                and any(syntax.attached_as(m, syntax.MARKER) and m.lower_ == "that" for m in x.children)
            ),
            None,
        )
        if clause is None:
            return
        if n.head.lemma_.lower() in self.c.reporting and self.c.reporting[n.head.lemma_.lower()] == "denied":
            return  # "rejected reports that ...": the denial rule takes it
        status = self.c.content_nouns[n.lemma_.lower()]
        owner = syntax.first_dependent(n, syntax.POSSESSOR)
        if owner is None:
            by = next(
                (
                    x
                    for x in n.children
                    if syntax.attached_as(x, syntax.PREPOSITION) and x.lower_ in ("by", "from")
                ),
                None,
            )
            owner = syntax.first_dependent(by, syntax.PREPOSITION_OBJECT) if by is not None else None
        if owner is None and syntax.attached_as(n, syntax.DIRECT_OBJECT):
            owner = _subject(n.head)
        source, stext, rng = self.source_of(owner)
        if owner is None:
            stext = _phrase_text([x for x in n.subtree if x.i < clause.left_edge.i])
        f = self.add(_content(clause), status, n.lemma_.lower(), si, n, clause, source, stext, rng, kind="noun")
        if f:
            for x in n.children:
                if x.lower_ in self.c.unverified_adjectives:
                    f.qualify("unverified", x.lower_, self.c)

    def denial(self, v: Token, dobj: Token, si: int, source: str | None, stext: str | None,
               rng: tuple[int, int]) -> None:
        """ "X denied the reports" reaches back; "X denied the seriousness of Y" denies Y."""
        clause = next(
            (
                x
                for x in dobj.children
                if syntax.attached_as(
                    x, syntax.CLAUSAL_MODIFIER, syntax.CLAUSAL_COMPLEMENT, syntax.RELATIVE_CLAUSE
                )
                and any(syntax.attached_as(m, syntax.MARKER) and m.lower_ == "that" for m in x.children)
            ),
            None,
        )
        if clause is not None:
            self.add(_content(clause), "denied", v.text.lower(), si, v, clause, source, stext, rng)
            return
        anaphoric = (dobj.lemma_.lower() in self.c.anaphor_nouns and (
            dobj.pos_ == "PRON" or any(d.lower_ in ("these", "those", "the", "such", "this", "that")
                                        for d in syntax.dependents(dobj, syntax.DETERMINER))))
        if anaphoric:
            marked = self.reach_back(si, dobj, "denied", f"{v.text.lower()} by {stext or 'source'}")
            if marked:
                return
        self.add(_np(dobj), "denied", v.text.lower(), si, v, dobj, source, stext, rng)

    def frames(self, t: Token, si: int) -> None:
        """ "it is true that ...", "it should be noted that ...", "it is likely that ..." """
        if not syntax.attached_as(t, syntax.CLAUSAL_COMPLEMENT):
            return
        h = t.head
        if not any(
            syntax.attached_as(c, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT, syntax.EXPLETIVE)
            and c.lower_ == "it"
            for c in h.children
        ):
            if not (
                syntax.attached_as(h, syntax.ADJECTIVAL_COMPLEMENT, syntax.NOMINAL_ATTRIBUTE)
                and any(c.lower_ == "it" for c in h.head.children)
            ):
                return
        words = [h.lemma_.lower()] + [
            c.lemma_.lower()
            for c in syntax.dependents(h, syntax.ADJECTIVAL_COMPLEMENT, syntax.NOMINAL_ATTRIBUTE)
        ]
        if syntax.attached_as(h, syntax.ADJECTIVAL_COMPLEMENT, syntax.NOMINAL_ATTRIBUTE):
            words.append(h.lemma_.lower())
        key = next((w for w in words if w in self.c.impersonal), None)
        if key is None or self.by_anchor.get(h.i):
            return
        it = next((c for c in h.children if c.lower_ == "it"), None) or next(
            (c for c in h.head.children if c.lower_ == "it"), h)
        cue = self.text[it.idx: t.left_edge.idx].strip(" ,") if it.i < t.left_edge.i else key
        if any(f.head == t.i for f in self.found):
            return
        self.add(_content(t), self.c.impersonal[key], cue.lower(), si, h, t, None, AUTHOR, kind="frame")

    def may_qualify(self, low: str, lem: str, pos: str, dep: str) -> bool:
        """Whether qualifiers() can take a token with these words at all: one of its branches'
        first tests (kept in step with them; any other token finds no cue and is left)."""
        c = self.c
        return (syntax.label_in(dep, syntax.ADVERBIAL_MODIFIER) and low in c.adverbs
                or syntax.label_in(dep, syntax.AUXILIARY) and low in c.modals
                or lem in c.raising and pos in ("VERB", "AUX") or low == "likely" and pos == "ADJ"
                or low in self.phrase_first)

    def qualifiers(self, t: Token, sent: SpacySpan, si: int) -> None:
        c = self.c
        status = cue = None
        head = None
        if syntax.attached_as(t, syntax.ADVERBIAL_MODIFIER) and t.lower_ in c.adverbs:
            status, cue, head = c.adverbs[t.lower_], t.lower_, t.head
        elif syntax.attached_as(t, syntax.AUXILIARY) and t.lower_ in c.modals:
            if syntax.attached_as(t.head, syntax.ADVERBIAL_CLAUSE) and any(
                m.lower_ in ("if", "unless") for m in t.head.children
            ):
                return
            if _permission(t, c):
                return
            status, cue, head = "hedged", t.lower_, t.head
        elif (
            t.lemma_.lower() in c.raising
            and t.pos_ in ("VERB", "AUX")
            and syntax.has_dependent(
                t,
                syntax.OPEN_COMPLEMENT,
                syntax.CLAUSAL_COMPLEMENT,
                syntax.ADJECTIVAL_COMPLEMENT,
                syntax.OBJECT_PREDICATE,
            )
        ):
            status, cue, head = "hedged", t.text.lower(), t
        elif t.lower_ == "likely" and t.pos_ == "ADJ" and syntax.has_dependent(t, syntax.OPEN_COMPLEMENT):
            status, cue, head = "hedged", "likely", t.head
        elif t.lower_ in self.phrase_first:
            for words, st in c.phrases:
                n = len(words)
                if t.i + n <= sent.end and [t.doc[t.i + k].lower_ for k in range(n)] == list(words):
                    phrase = {t.i + k for k in range(n)}
                    h = t
                    while h.i in phrase and h.head.i != h.i:
                        h = h.head
                    if h.i in phrase:
                        return
                    status, cue, head = st, " ".join(words), h
                    break
        if head is None or status is None or cue is None:
            return
        # a qualifier of a reporting verb (or its raising verb) qualifies that report
        for f in (
            self.by_anchor.get(head.i),
            *[
                self.by_anchor.get(x.i)
                for x in head.children
                if syntax.attached_as(
                    x, syntax.OPEN_COMPLEMENT, syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE
                )
            ],
        ):
            if f is not None:
                f.qualify(status, cue, c)
                return
        outer = self.by_head.get(head.i, [])
        for f in outer:
            if f.kind in ("according", "noun", "frame") or f.status == status:
                f.qualify(status, cue, c)
                return
        if (
            head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN")
            and not syntax.attached_as(head, syntax.ROOT)
            and not (
                head.pos_ == "ADP"
                and syntax.has_dependent(head, syntax.PREPOSITION_OBJECT, syntax.PREPOSITION_COMPLEMENT)
            )
        ):
            return  # an adverb may qualify a verb, a predicate, a noun or a phrase ("only after ...")
        exclude = {x.i for x in t.subtree} if cue in ("likely",) else set()
        toks = _content(head, exclude)
        if not toks:
            return
        # nested: "X said that Y allegedly ..." is an allegation carried by X
        source, stext = None, AUTHOR
        s0, e0 = _chars(toks)
        for f in outer or [f for f in self.found if f.start <= s0 and e0 <= f.end and f.kind != "qualifier"]:
            source, stext = f.source, f.source_text
            break
        if any(f.start == s0 and f.end == e0 for f in self.found) and t.i > toks[0].i:
            # same clause as the report that carries it: the qualified part is the predicate
            toks = [x for x in toks if x.i >= t.i]
        self.add(toks, status, cue, si, t, head, source, stext, kind="qualifier")

    # -- unverified, within and across sentences --------------------------------------------
    def may_be_unverified(self, low: str, lem: str, pos: str, dep: str) -> bool:
        """Whether unverified() can take a token with these words at all (its two branches'
        first tests, kept in step with them)."""
        c = self.c
        return (low in c.unverified_adjectives and syntax.label_in(
                    dep, syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE, syntax.NOMINAL_ATTRIBUTE,
                    syntax.OPEN_COMPLEMENT)
                or lem in c.verify_verbs and pos == "VERB")

    def unverified(self, t: Token, si: int) -> None:
        c = self.c
        subject = None
        cue = None
        if t.lower_ in c.unverified_adjectives and syntax.attached_as(
            t,
            syntax.ADJECTIVAL_COMPLEMENT,
            syntax.OBJECT_PREDICATE,
            syntax.NOMINAL_ATTRIBUTE,
            syntax.OPEN_COMPLEMENT,
        ):
            subject, cue = _subject(t), f"{t.head.lower_} {t.lower_}"
        elif t.lemma_.lower() in c.verify_verbs and t.pos_ == "VERB":
            if not _negated_chain(t):
                return
            if _passive(t):
                subject = syntax.first_dependent(t, syntax.PASSIVE_SUBJECT)
            else:
                subject = syntax.first_dependent(t, syntax.DIRECT_OBJECT)
            cue = "not " + t.text.lower()
        if subject is None or cue is None:
            return
        if subject.tag_ in ("WDT", "WP"):
            # "..., a claim that could not be confirmed": the relative clause's noun
            rel = t
            for _ in range(4):
                if syntax.attached_as(rel, syntax.RELATIVE_CLAUSE) or rel.head.i == rel.i:
                    break
                rel = rel.head
            if syntax.attached_as(rel, syntax.RELATIVE_CLAUSE):
                subject = rel.head
        # "the claim that X remains unverified": the claim in this sentence
        for f in self.found:
            if f.sent == si and f.kind == "noun" and subject.left_edge.i <= f.anchor <= subject.right_edge.i:
                f.qualify("unverified", cue, c)
                return
        refers = subject.pos_ in ("PRON", "DET") or subject.lemma_.lower() in c.anaphor_nouns
        # "X said ..., but this could not be confirmed": a claim earlier in the same sentence
        here = [f for f in self.found if f.sent == si and f.start < subject.idx and f.kind != "qualifier"]
        if refers and here:
            last = max(f.start for f in here)
            for f in here:
                if f.start == last:
                    f.qualify("unverified", cue, c)
                    f.status = "unverified"
            return
        if self.reach_back(si, subject, "unverified", cue):
            return
        if subject.pos_ in ("PRON", "DET") or any(f.sent == si and f.status == "unverified" for f in self.found):
            return
        # "The exact toll remains unconfirmed": nothing earlier carries it, so the subject is
        # the unverified claim (the author's, who says it is unconfirmed)
        toks = list(_np(subject))
        if subject.i < t.i and syntax.attached_as(subject, SUBJECTS):
            toks = [t.doc[i] for i in range(toks[0].i, t.i + 1)]
        self.add(toks, "unverified", cue, si, t, subject, None, AUTHOR, kind="frame")

    def reach_back(self, si: int, np: Token, status: str, cue: str) -> bool:
        """Mark the earlier claims an anaphoric noun phrase ("these reports") refers to."""
        nouns = {x.lemma_.lower() for x in np.subtree if x.lemma_.lower() in self.c.anaphor_nouns}
        if not nouns:
            return False
        earlier = [f for f in self.found if si - self.c.lookback <= f.sent < si
                   and f.status in ("reported", "alleged", "hedged", "unverified")]
        if not earlier:
            return False
        named = [f for f in earlier if any(n in (f.source_text or "").lower() or n in f.cues for n in nouns)]
        if named:
            chosen = named
        else:
            last = max(f.sent for f in earlier)
            chosen = [f for f in earlier if f.sent == last]
        for f in chosen:
            f.qualify(status, cue, self.c)
            f.status = status
        return True

    # -- result ------------------------------------------------------------------------------
    def claims(self) -> list[Claim]:
        merged: dict[tuple[int, int], Found] = {}
        for f in self.found:
            have = merged.get((f.start, f.end))
            if have is None:
                merged[(f.start, f.end)] = f
                continue
            for cue in f.cues:
                have.qualify(f.status, cue, self.c)
            if have.source is None and f.source is not None:
                have.source, have.source_text = f.source, f.source_text
        out = []
        for f in sorted(merged.values(), key=lambda f: (f.start, f.end)):
            key = f"{self.ctx.doc_id}:{f.start}:{f.end}:{f.anchor}".encode()
            out.append(Claim(
                id="cl-" + hashlib.sha1(key).hexdigest()[:12], doc=self.ctx.doc_id,
                span=Span(start=f.start, end=f.end), source=f.source, source_text=f.source_text,
                status=f.status, cues=f.cues, quote=f.quote,
            ))
        return out


def link_events(ctx: ExtractContext) -> None:
    """Each event inside a claim's span carries the innermost such claim's id."""
    for e in ctx.events:
        inside = [c for c in ctx.claims if c.span.start <= e.trigger.start and e.trigger.end <= c.span.end]
        if inside:
            e.claim = min(inside, key=lambda c: (c.span.end - c.span.start, -c.span.start)).id


def _requires() -> tuple[str, ...]:
    """Claims link events, so the events extractor (when installed) must run first."""
    if "events" not in REGISTRY:
        try:
            importlib.import_module("realpolitik.extract.events")
        except ImportError:
            pass
    return ("actors", "coref") + (("events",) if "events" in REGISTRY else ())


_REQUIRES = _requires()


@extractor("claims", requires=_REQUIRES, components=("tagger", "attribute_ruler", "lemmatizer", "parser"))
def extract_claims(ctx: ExtractContext) -> None:
    b = _Builder(ctx)
    b.sents = list(ctx.body_sentences())
    for si, sent in enumerate(b.sents):
        b.sentence(sent, si)
    ctx.claims.extend(b.claims())
    link_events(ctx)
