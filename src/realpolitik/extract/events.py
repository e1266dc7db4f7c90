"""Events: who did what to whom, and when, coded to PLOVER with CAMEO roots and Goldstein scores.

The English is data (knowledge/event_patterns.yaml, read by event_lexicon.py); this module
walks the dependency parse of each body sentence:

- triggers: a verb, an event noun or a predicative adjective whose lemma (plus any particle,
  preposition or object the pattern asks for) is in the lexicon;
- source: the clause's subject, the agent of a passive ("by X"), the controller of an
  infinitive ("decided to mediate", "encouraged Putin to attack"), the possessor of an
  agentive noun ("Beijing's decision to side with"), the head of a participle or relative
  clause; for an event noun its possessor or adjective ("Western sanctions"), else the subject
  of the light verb that governs it ("imposed sanctions");
- target: the object, the dative, the object of the pattern's prepositions; for a symmetric
  event of coordinated subjects ("China and Russia agreed") the second subject;
- actors are read through ctx.actor_of_token (gazetteer, roles, coreference); a noun phrase's
  actor is its head's own mention, else its possessor, compound or adjective, else its
  apposition — never a locative modifier ("the Chinese embassy in Ukraine" is China's);
- flags: negation (not/never/no, a failed or denied clause), hypothetical (if/unless/whether
  clauses, could/might/may/should, would outside reported speech), intent and plans in mode.

Operational note: an event needs a source or a target actor; events between an actor and
itself are dropped, and nothing is read from boilerplate (ctx.body_sentences()).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from realpolitik.extract import extractor
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.event_dates import event_date
from realpolitik.extract.event_lexicon import Lexicon, Pattern, load
from realpolitik.extract.parties import bloc_in_view, pair_in_view, party_key, prominent
from realpolitik.extract.times import paragraph_start
from realpolitik.schema import Event, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
NP_MODIFIERS = ("poss", "compound", "amod", "nmod", "nn")
IF_MARKS = {"if", "unless", "whether"}
SPECULATIVE = {"could", "might", "may", "should", "ought"}
FUTURE = {"will", "shall", "'ll"}
REPORTING_CONTEXT = ("ccomp",)
NON_SPECIFIC = {"any", "every", "no"}
# Events whose clause complement is their content, not a second event.
SPEECH_TYPES = {"AGREE", "CONSULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}  # "any threat against its trade" names no event


@dataclass
class Candidate:
    trigger: Token
    pattern: Pattern
    type: str
    construction: str  # verbal | passive | nominal | adjectival | evaluative
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    mode: str | None = None
    clause: Token | None = None  # the verb whose clause carries the event (light verb for nouns)
    dropped: bool = False
    collective: bool = False  # sources read from "the two leaders", "both sides", "they"


class _Sentence:
    """Event finding in one sentence; holds the lexicon and the context for the helpers."""

    def __init__(self, ctx: ExtractContext, lex: Lexicon, sent: Span):
        self.ctx = ctx
        self.lex = lex
        self.sent = sent

    # -- actors -----------------------------------------------------------
    def np_actor(self, tok: Token, depth: int = 0) -> str | None:
        """The actor a noun phrase headed by `tok` names, or None."""
        if depth > 3:
            return None
        if tok.pos_ == "ADP":  # "to" parsed as a dative: its object names the actor
            for o in tok.children:
                if o.dep_ == "pobj":
                    return self.np_actor(o, depth + 1)
            return None
        if tok.lemma_.lower() in self.lex.counterpart_nouns:
            for c in tok.children:  # "his Chinese counterpart": the other side is the demonym's
                if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                    a = self.ctx.actor_of_token(c)
                    if a:
                        return a
        a = self.ctx.actor_of_token(tok)
        if a:
            actor = self.ctx.actors.get(a)
            if actor is not None and actor.kind != "state" and not actor.country:
                # "the coast guard of Vietnam": a body known by no country belongs to the state it is of
                return self.of_state(tok) or a
            return a
        for dep in NP_MODIFIERS:
            for c in tok.children:
                if c.dep_ == dep:
                    a = self.ctx.actor_of_token(c) or (self.np_actor(c, depth + 1) if dep == "poss" else None)
                    if a:
                        return a
        for c in tok.children:  # "Kazakh-registered firms", "Iranian-made drones"
            if c.dep_ == "amod":
                for g in c.children:
                    if g.i == c.i - 2 and g.nbor().text == "-" and (a := self.ctx.actor_of_token(g)):
                        return a
        for c in tok.children:
            if c.dep_ == "appos":
                a = self.np_actor(c, depth + 1)
                if a:
                    return a
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_ == "of" and tok.lemma_.lower() in self.lex.of_heads:
                for o in c.children:
                    if o.dep_ == "pobj":
                        a = self.np_actor(o, depth + 1)
                        if a:
                            return a
        return None

    def of_state(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_ == "of":
                for o in _pobjs(c):
                    a = self.ctx.actor_of_token(o)
                    actor = self.ctx.actors.get(a) if a else None
                    if actor is not None and actor.country:
                        return a
        return None

    def inner_actors(self, tok: Token, preps: tuple[str, ...] = ()) -> list[str]:
        """Actors inside a noun phrase besides its owner: "its Chinese frontier", "its border
        with Laos" (where "its" is the source itself)."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                for x in [c, *conjuncts(c)]:
                    a = self.ctx.actor_of_token(x)
                    if a and a not in out:
                        out.append(a)
            elif c.dep_ == "prep" and c.lemma_.lower() in ("with", "between", *preps):
                for o in _pobjs(c):
                    out.extend(a for a in self.np_actors(o) if a not in out)
        return out

    def located(self, tok: Token) -> list[str]:
        """Last resort for a subject naming no actor: where it is ("rebels in the Ivory Coast")."""
        if tok.pos_ not in ("NOUN",):
            return []
        if tok.lemma_.lower() in self.lex.of_heads:  # "thousands of students throughout Chile"
            for o in (o for p in tok.children if p.dep_ == "prep" and p.lemma_ == "of" for o in _pobjs(p)):
                found = self.located(o)
                if found:
                    return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_ in ("in", "throughout", "from"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        a = self.ctx.actor_of_token(o)
                        if a and self.ctx.actors.get(a) is not None and self.ctx.actors[a].country:
                            return [a]
        return []

    def collective(self, tok: Token, depth: int = 0) -> list[str]:
        """ "The two presidents", "both sides", "they": the pair of parties the passage has
        just named, or for "the allies", "member states" the bloc it names (extract/parties.py).
        "They" follows the plural phrase before it: a pair of actors ("China and Russia met ...
        They agreed"), a collective, a sentence naming exactly two parties — never a thing
        ("the patrols ... they threatened") and never a guess among three."""
        low = tok.lower_
        if low == "they":
            before = self.subject_before(tok)
            if before is None or depth > 2:
                return []
            pair = self.np_actors(before)
            if len(pair) >= 2:
                return pair if len(pair) == 2 else []  # "Chile, Peru and Bolivia ... They": no pair
            if pair:  # "Petro received Noboa ... They agreed": the two its sentence named
                return pair_in_view(self.ctx, tok, sentences_back=1, exactly_two=True)
            return self.collective(before, depth + 1)
        if low == "both" and tok.dep_ in SUBJ:
            return pair_in_view(self.ctx, tok, sentences_back=3, exactly_two=True)
        lemma = tok.lemma_.lower()
        member = any(x.dep_ == "compound" and x.lower_ == "member" for x in tok.children)  # "member states"
        if tok.tag_ != "NNS" or not member and lemma not in self.lex.collective_nouns | self.lex.bloc_nouns:
            return []
        people = lemma in self.lex.collective_people
        if any(x.lower_ in ("two", "both") for x in tok.children if x.i < tok.i):
            return pair_in_view(self.ctx, tok, sentences_back=3, exactly_two=False, people=people)
        if not member and any(x.dep_ in ("amod", "compound", "nummod", "prep", "relcl", "poss") for x in tok.children):
            return []  # "the European leaders", "leaders of the G7": their own words name them
        bloc = bloc_in_view(self.ctx, tok) if lemma in self.lex.bloc_nouns or member else None
        if bloc is not None and (member or lemma not in self.lex.collective_nouns or prominent(self.ctx, bloc)):
            return [bloc]  # "the leaders" of a G7 summary are the G7, not the last two named
        if lemma in self.lex.collective_nouns and not member and any(
                x.dep_ == "det" and x.lower_ == "the" for x in tok.children):
            pair = pair_in_view(self.ctx, tok, sentences_back=2, exactly_two=True, people=people)
            if pair:
                return pair
        return [bloc] if bloc else []

    def collective_of(self, c: Candidate, tok: Token) -> list[str]:
        """The collective's parties as the candidate's doers, remembering they were read so."""
        found = self.collective(tok)
        c.collective = c.collective or bool(found)
        return found

    def subject_before(self, tok: Token) -> Token | None:
        """The plural noun phrase nearest before `tok` in its own sentence, else the main subject
        of the sentence before it."""
        sent = tok.sent
        for t in reversed(sent[: tok.i - sent.start]):
            # the nearest plural one: "They said that Moscow ..., which they" is the first "They";
            # "described the patrols as a provocation and said they threatened ..." the patrols
            if t.dep_ in (*SUBJ, *PASSIVE_SUBJ, "dobj", "pobj") and (
                    t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "we") or any(x.dep_ == "conj" for x in t.children)):
                return t
        if sent.start == 0:
            return None
        previous = self.ctx.doc[sent.start - 1].sent
        return next((t for t in previous.root.children if t.dep_ in SUBJ + PASSIVE_SUBJ), None)

    def np_actors(self, tok: Token) -> list[str]:
        """Actors of a noun phrase and of the phrases coordinated with it ("China and Russia")."""
        out: list[str] = []
        for t in [tok, *conjuncts(tok)]:
            a = self.np_actor(t)
            if a and a not in out:
                out.append(a)
            for m in t.children:  # "Indian and Chinese troops"
                if m.dep_ in ("amod", "nmod") and self.ctx.actor_of_token(m):
                    for x in conjuncts(m):
                        b = self.ctx.actor_of_token(x)
                        if b and b not in out:
                            out.append(b)
        return out

    # -- clause structure -------------------------------------------------
    def subject(self, verb: Token, depth: int = 0, charged: bool = False) -> tuple[list[Token], str]:
        """The tokens naming who acts in `verb`'s clause, and how they were found; `charged`: an
        act of material conflict, whose actor may be the one an accusation charges with it."""
        if depth > 6:
            return [], "none"
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        if subjects:
            # the one nearest the verb: "SEOUL, Nov 5 (Wire) - South Korea summoned ..." parses
            # the dateline as a second subject
            c = min(subjects, key=lambda x: abs(verb.i - x.i))
            if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return [verb.head], "relative"
            return [c], "subject"
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return objs, "agent"
        if any(c.dep_ in PASSIVE_SUBJ for c in verb.children):
            return [], "passive"
        head = verb.head
        if head.i == verb.i:
            return [], "none"
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            control = self.lex.control.get(head.lemma_.lower())
            if control and control.object:
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs:
                    return objs, "object-control"
            if head.pos_ in ("ADJ", "NOUN") and head.dep_ in ("acomp", "attr", "oprd"):
                return self.subject(head.head, depth + 1, charged)
            return self.subject(head, depth + 1, charged)
        if verb.dep_ == "conj":
            if verb.tag_ == "VBD" and head.tag_ in ("VBG", "VBN") and head.dep_ in ("acl", "relcl", "ccomp"):
                # "was in possession of evidence that X was communicating ... and sent it":
                # a finite verb hung on a subordinate participle belongs to the clause above.
                up = head.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                if up.pos_ in ("VERB", "AUX") and up.i != head.i:
                    return self.subject(up, depth + 1, charged)
            return self.subject(head, depth + 1, charged)
        if verb.dep_ in ("acl", "relcl"):
            if verb.tag_ == "VBN":
                return [], "passive"
            return [head], "modified-noun"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return self.subject(head, depth + 1, charged)
        charger = head.head
        if charger.pos_ == "ADJ" and charger.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
            charger = charger.head  # "holds them responsible for shipping arms"
        if verb.dep_ == "pcomp" and charger.lemma_.lower() in self.lex.charge_verbs \
                and head.lemma_.lower() in self.lex.charge_verbs[charger.lemma_.lower()]:
            # "accused Togo of opening fire": the one charged is who acted
            objs = [c for c in charger.children if c.dep_ in ("dobj", "nsubjpass")]
            objs = [charger.head if o.tag_ in ("WDT", "WP") and charger.dep_ == "relcl" else o for o in objs]
            return (objs, "charged") if objs and charged else ([], "none")
        if verb.dep_ == "pcomp" and head.lemma_ in ("by", "through", "after", "before", "while", "in", "for", "as", "without"):
            return self.subject(head.head, depth + 1, charged) if head.head.pos_ in ("VERB", "AUX") else ([], "none")
        return [], "none"

    # -- matching ---------------------------------------------------------
    def attached(self, tok: Token) -> set[str]:
        words = set()
        for c in tok.children:
            if c.dep_ in ("prep", "prt", "agent", "dobj", "advmod", "dative", "pobj"):
                words.add(c.lemma_.lower())
                words.add(c.lower_)
        if tok.pos_ == "NOUN":
            words.add(tok.head.lemma_.lower())
        return words

    def objects(self, tok: Token) -> set[str]:
        out = set()
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr") or (c.dep_ == "prep" and tok.pos_ == "VERB"):
                targets = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
                if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    targets = [tok.head]  # "the drones that Russia used": the noun is the object
                for t in list(targets):
                    if t.lemma_.lower() in self.lex.partitives:  # "suspended part of its aid"
                        targets += [o for p in t.children if p.dep_ == "prep" and p.lemma_ == "of" for o in _pobjs(p)]
                for t in targets:
                    for x in [t, *conjuncts(t)]:
                        out.add(x.lemma_.lower())
                        out.add(x.lower_)
                        for m in x.children:
                            if m.dep_ == "compound":
                                out.add(f"{m.lower_} {x.lemma_.lower()}")
        return out

    def match(self, tok: Token) -> Pattern | None:
        pos = tok.pos_
        lemma = tok.lemma_
        if pos == "AUX" and lemma != "be":
            pos = "VERB"
        lower = lemma.lower()
        if (lower, pos) not in self.lex.patterns and not (pos == "NOUN" and lower in self.lex.multiword):
            return None   # no pattern of this word: most tokens, and none of the tests below can add one
        if pos == "PROPN":
            return None
        if pos == "VERB" and tok.dep_ in ("amod", "compound"):
            return None
        if pos == "ADJ" and tok.dep_ not in ("acomp", "oprd", "xcomp"):
            return None
        if pos == "NOUN" and self.ctx.actor_of_token(tok):
            return None
        if pos == "NOUN" and tok.dep_ == "compound" and tok.head.lemma_.lower() not in self.lex.light_nouns:
            return None
        cands = list(self.lex.patterns.get((tok.lemma_.lower(), pos), ()))
        if pos == "NOUN":
            for p in self.lex.multiword.get(tok.lemma_.lower(), ()):
                words = p.lemma.split()[:-1]
                before = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
                if before[-len(words):] == words:
                    cands.insert(0, p)
        if not cands:
            return None
        attached = objects = None
        for p in cands:
            if p.not_prep:
                attached = attached if attached is not None else self.attached(tok)
                if any(w in attached for w in p.not_prep):
                    continue  # "struck back": retaliation, not a strike
            if p.prep:
                attached = attached if attached is not None else self.attached(tok)
                words = attached
                if p.obj:  # "used drones against the cities": the phrase may hang on the object
                    words = attached | {y.lemma_.lower() for x in tok.children if x.dep_ == "dobj"
                                        for y in x.children if y.dep_ == "prep"}
                if not all(w in words for w in p.prep):
                    continue
            if p.obj:
                objects = objects if objects is not None else self.objects(tok)
                if not any(o in objects for o in p.obj):
                    continue
            if p.needs_obj and not any(x.dep_ == "dobj" for x in tok.children):
                continue
            if p.needs_xcomp and not any(x.dep_ == "xcomp" for x in tok.children):
                continue
            if p.not_obj and any(x.dep_ == "dobj" and x.lemma_.lower() in p.not_obj for x in tok.children):
                continue  # "signed a law", "offered no proof"
            if p.no_clause and any(x.dep_ == "ccomp" for x in tok.children):
                continue  # "told Stockholm it should not expect support": what was said, no meeting
            if p.not_xcomp and any(x.dep_ == "xcomp" and x.lemma_.lower() in p.not_xcomp for x in tok.children):
                continue  # "who asked not to be named"
            if p.obj_actor and not any(
                    x.dep_ == "dobj" and x.pos_ != "PRON" and self.np_actor(x) for x in tok.children):
                continue
            return p
        return None


def conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(conjuncts(c))
    return out


def _core(tok: Token) -> list[Token]:
    """A phrase's tokens outside its prepositional phrases and clauses, in text order."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ not in ("prep", "relcl", "acl", "advcl", "punct", "cc", "appos"))
    return sorted(out, key=lambda t: t.i)


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]


class _Finder(_Sentence):
    def candidates(self) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        tokens = self.ctx.tokens()[self.sent.start:self.sent.end]   # three passes: no new Tokens each time
        for tok in tokens:
            p = self.match(tok)
            if p is None:
                continue
            kind = {"VERB": "verbal", "NOUN": "nominal", "ADJ": "adjectival"}[p.pos]
            found[tok.i] = Candidate(tok, p, p.type, kind)
        for tok in tokens:
            if tok.i not in found and tok.lemma_.lower() in self.lex.evaluative_verbs and tok.pos_ == "VERB":
                c = self.evaluative(tok)
                if c:
                    found[tok.i] = c
        for tok in tokens:
            if tok.i not in found and tok.lemma_.lower() in self.lex.obligation_verbs and tok.pos_ == "VERB":
                c = self.obligation(tok)
                if c:
                    found[tok.i] = c
        cands = list(found.values())
        for c in cands:
            self.fill(c, found)
        for c in cands:
            if not c.dropped and self.is_content(c, found):
                c.dropped = True
        for c in cands:
            if c.construction == "evaluative" and not c.dropped and any(
                    not o.dropped and o is not c and o.construction != "evaluative"
                    and o.trigger.is_ancestor(c.trigger) is False and c.trigger.is_ancestor(o.trigger)
                    for o in cands):
                c.dropped = True  # "said Washington had imposed sanctions on terrorist financiers": a report of an act
        return [c for c in cands if not c.dropped]

    def is_content(self, c: Candidate, found: dict[int, Candidate]) -> bool:
        """Whether the event is only what another event says, asks or promises ("agreed that their
        countries should cooperate", "urged Iran to stop enriching"), or a purpose ("in order to
        coordinate"): then that other event, or none, is what happened."""
        node = c.clause or c.trigger
        embedded = False
        for _ in range(8):
            if node.head.i == node.i:
                return False
            dep = node.dep_
            if dep in ("relcl",):
                return False
            if dep == "advcl":
                if any(x.dep_ == "aux" and x.lower_ == "to" for x in node.children) and not any(
                        x.dep_ in SUBJ for x in node.children):
                    return True  # a purpose: "(in order) to coordinate with Putin"
                return False
            if dep == "conj" and embedded:
                return False  # "called for calm and said it supported X": said's content, not the call's
            if dep in ("ccomp", "xcomp") or (dep == "acl" and node.head.lemma_.lower() in self.lex.response_nouns):
                embedded = True  # "rejected suggestions that Kazakhstan helps Russia": the suggestion's content
            node = node.head
            outer = found.get(node.i)
            if outer is not None and outer is not c and not outer.dropped and embedded \
                    and outer.construction not in ("nominal", "evaluative") and outer.type in SPEECH_TYPES:
                return True
        return False

    def evaluative(self, verb: Token) -> Candidate | None:
        """A report that names wrongdoing is an accusation: "called the move illegal"."""
        comps = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp", "acomp")]
        comps += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in _pobjs(c)]  # "described it as a provocation"
        for comp in comps:
            for t in comp.subtree:
                if t.lemma_.lower() in self.lex.evaluative_cues or t.lower_ in self.lex.evaluative_cues:
                    p = Pattern(lemma=verb.lemma_.lower(), pos="VERB", type="ACCUSE", mode="disapprove", cameo="111",
                          example="")
                    c = Candidate(verb, p, "ACCUSE", "evaluative")
                    c.mode = "disapprove"
                    return c
        return None

    def obligation(self, verb: Token) -> Candidate | None:
        """What a speaker says another must do is a demand: "declared that China must drop barriers"."""
        for comp in (x for x in verb.children if x.dep_ == "ccomp"):
            modals = {x.lower_ for x in comp.children if x.dep_ == "aux" and x.tag_ == "MD"}
            if modals & self.lex.obligation_modals and not any(x.dep_ == "neg" for x in comp.children):
                p = Pattern(lemma=verb.lemma_.lower(), pos="VERB", type="REQUEST", cameo="100", example="")
                return Candidate(verb, p, "REQUEST", "obligation")
        return None

    # -- filling a candidate ---------------------------------------------
    def fill(self, c: Candidate, found: dict[int, Candidate]) -> None:
        tok = c.trigger
        if c.construction == "nominal":
            self.fill_nominal(c, found)
        else:
            self.fill_verbal(c, found)
        if c.dropped:
            return
        clause = c.clause or tok
        if c.construction == "nominal" and c.clause is not None and c.clause.lemma_.lower() not in self.lex.light_verbs \
                and c.clause.lemma_.lower() not in c.pattern.prep:
            clause = tok  # a governing verb that is no light verb does not negate the noun ("not to mention aid")
        self.flags(c, clause)
        self.control(c, clause, found)
        node = clause
        for _ in range(6):
            if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lex.conditional_threat
                                            for m in node.children):
                c.dropped = True  # "unless Israel lifts the curfew": the condition set, not an act
                return
            if node.head == node or node.dep_ not in ("advcl", "dobj", "pobj", "prep", "xcomp", "conj", "ccomp"):
                break
            node = node.head
        if clause.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in self.lex.condition_marks
                                          for m in clause.children) \
                and any(x.dep_ == "aux" and x.tag_ == "MD" for x in clause.head.children):
            c.dropped = True  # "would rejoin only when the West lifted the curbs": a condition, not an act
            return
        condition = self.condition(clause)
        if condition is None and c.type == "THREATEN":
            for x in clause.children:  # "threatened to strike unless ...": the condition hangs below
                if x.dep_ == "xcomp":
                    condition = self.condition(x)
        if condition is not None and c.type == "THREATEN" and not c.targets:
            for x in condition.children:  # "threatened to strike unless Israel withdrew"
                if x.dep_ in SUBJ:
                    c.targets = [a for a in self.np_actors(x) if a not in c.sources]
        if condition is not None and c.mode == "future" and not c.negated and c.type not in ("THREATEN", "REQUEST"):
            # "will withdraw its troops unless the junta holds elections": a conditional threat
            # aimed at whoever must meet the condition
            c.type, c.hypothetical, c.mode = "THREATEN", False, None
            for x in condition.children:
                if x.dep_ in SUBJ:
                    c.targets = [a for a in self.np_actors(x) if a not in c.sources] + c.targets
            return
        if (c.mode == "future" or c.hypothetical) and self.foretold(c, clause):
            c.dropped = True  # "Analysts said China would invade", "Kenya hopes Uganda will sign": no one's act
            return
        if c.negated and c.type in self.lex.refusable and self.announced(clause):
            # "would never recognise Kosovo", "will not send troops": an announced refusal
            c.type, c.negated, c.mode = "REJECT", False, None
            c.hypothetical = any(x.dep_ == "advcl" and any(m.lower_ == "if" for m in x.children)
                                 for x in clause.children)
            return
        if c.mode == "future" and not c.negated and c.type == c.pattern.type:
            if c.type in self.lex.future_promise:
                c.type = "AGREE"  # PLOVER: a promised cooperative act is AGREE
            elif c.type in self.lex.future_threat:
                c.type = "THREATEN"  # an announced coercive act is a threat

    @staticmethod
    def announced(clause: Token) -> bool:
        """The clause says what its subject will or would do: "will not", "would never"."""
        return any(x.dep_ == "aux" and x.lower_ in ("will", "would", "'ll", "wo", "shall") for x in clause.children)

    def foretold(self, c: Candidate, clause: Token) -> bool:
        """Whether a future act is only what someone else says or hopes another will do: the
        that-clause of a speaker who is not its actor (a state's own spokesman commits it)."""
        node = clause
        while node.pos_ not in ("VERB", "AUX") and node.head != node:
            node = node.head  # "would return to the deal": the noun's clause
        while node.dep_ in ("xcomp", "conj") and node.head != node:
            node = node.head
        if node.dep_ != "ccomp" or not c.sources:
            return False
        subj_toks, _ = self.subject(node.head)
        speakers = [a for t in subj_toks for a in self.np_actors(t)]
        if speakers:
            return not any(sp == src or _same_state(self.ctx, sp, src) for sp in speakers for src in c.sources)
        return any(t.lemma_.lower() in self.lex.predictors for t in subj_toks)

    def condition(self, clause: Token) -> Token | None:
        """The "unless" clause of the event's clause (or of the verbs it hangs from), if any."""
        node = clause
        for _ in range(4):
            for x in node.children:
                if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lex.conditional_threat
                                             for m in x.children):
                    return x
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return None
            node = node.head
        return None

    def fill_verbal(self, c: Candidate, found: dict[int, Candidate]) -> None:
        tok = c.trigger
        verb = tok.head if c.construction == "adjectival" else tok
        c.clause = verb
        subj_toks, how = self.subject(verb, charged=c.type in self.lex.charged_types)
        if how == "passive":
            c.construction = "passive"
        for s in subj_toks:
            for a in self.np_actors(s) or self.located(s) or self.collective_of(c, s):
                if a not in c.sources:
                    c.sources.append(a)
        if how == "subject":
            for s in subj_toks:
                n = found.get(s.i)
                if n is not None and n.construction == "nominal" and n.pattern.pos == "NOUN" \
                        and self.lex.types[n.type].quad == self.lex.types[c.type].quad:
                    # "the Russian attack on Odesa destroyed the port", "a roadside bombing killed
                    # two American soldiers": one act, the noun's, aimed at the verb's object if
                    # the noun names no target
                    c.dropped = True
                    if not n.targets:
                        n.targets = [a for a in self.targets(c, [tok]) if a not in n.sources]
                    return
        if how == "agent":
            c.construction = "passive-agent"
        c.targets = self.targets(c, [tok] if tok is verb else [tok, verb])
        ctl = self.lex.control.get(tok.lemma_.lower())
        if ctl is not None and ctl.object and not c.targets:
            # "allowed China to develop", parsed with China as the infinitive's subject
            for comp in (x for x in tok.children if x.dep_ in ("ccomp", "xcomp")):
                for subj in (x for x in comp.children if x.dep_ in SUBJ):
                    c.targets.extend(a for a in self.np_actors(subj) if a not in c.targets)
        if how == "modified-noun" and subj_toks and tok.tag_ == "VBN":
            c.targets = self.np_actors(subj_toks[0]) + c.targets
        if how == "agent" and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            # "Syrian rebels, backed by Turkey, ...": the modified noun suffers the act
            c.targets = [a for a in self.np_actors(verb.head) if a not in c.sources and a not in c.targets] + c.targets
        # "demanded that the US cancel ...": the clause's subject is who is asked, accused, warned.
        if c.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT") and not c.targets:
            for comp in (x for x in tok.children if x.dep_ == "ccomp"):
                for subj in (x for x in comp.children if x.dep_ in SUBJ + PASSIVE_SUBJ):
                    c.targets.extend(a for a in self.np_actors(subj) if a not in c.targets)
        # A promise whose clause names the partner: "promised that China-Russia cooperation ..."
        if c.type == "AGREE" and not c.targets:
            for comp in (x for x in tok.children if x.dep_ == "xcomp"):
                c.targets.extend(a for a in self.targets(c, [comp]) if a not in c.sources and a not in c.targets)
                for x in comp.children:  # "pledged to send police officers to Haiti"
                    if x.dep_ in ("prep", "dative") and x.lemma_.lower() in ("to", "with", "for"):
                        for o in _pobjs(x) or [x]:
                            c.targets.extend(a for a in self.np_actors(o) if a not in c.sources and a not in c.targets)
            for comp in (x for x in tok.children if x.dep_ == "ccomp"):
                for s in (x for x in comp.children if x.dep_ in SUBJ):
                    for t in s.subtree:
                        a = self.ctx.actor_of_token(t)
                        if a and a not in c.sources and a not in c.targets:
                            c.targets.append(a)
        if c.construction == "evaluative" and not c.targets:
            # "called Minsk reckless", "called the Chinese campaign reckless": whom the words judge
            for x in tok.children:
                if x.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "acomp", "attr"):
                    for t in _core(x):  # not inside its "of" phrases: "theft of Western secrets"
                        a = self.ctx.actor_of_token(t)
                        if a and a not in c.sources and a not in c.targets:
                            c.targets.append(a)
                            break
        if not [t for t in c.targets if t not in c.sources] and tok.dep_ == "conj" and how == "subject" and not any(
                x.dep_ in SUBJ for x in tok.children):
            # "expelled the envoy and suspended trade talks": the second act of a shared subject,
            # naming no one, is aimed where the first one was (when both are of one kind)
            first = found.get(tok.head.i)
            if first is not None and not first.dropped and first.targets and first.sources == c.sources \
                    and self.lex.types[first.type].quad == self.lex.types[c.type].quad:
                c.targets = list(first.targets)
        if c.type == "AGREE" and any(x.dep_ == "xcomp" and (x.lemma_.lower() in self.lex.retaliation_verbs or any(
                y.dep_ in ("prt", "advmod") and y.lower_ == "back" for y in x.children)) for x in tok.children):
            c.type = "THREATEN"  # "promised to retaliate", "vowed to hit back": a threat, not a promise
        if c.pattern.foretells and not self.foretold_content(tok):
            c.dropped = True
            return
        # A denial's that-clause is a negated event, not a rejection.
        if tok.lemma_.lower() in self.lex.denial and any(
                x.dep_ == "ccomp" or (x.dep_ in ("xcomp", "dobj") and x.tag_ == "VBG" and x.i in found)
                for x in tok.children):
            c.dropped = True  # "denied that it shipped arms", "denied shipping arms": the act, negated

    @staticmethod
    def foretold_content(tok: Token) -> bool:
        """Whether a that-clause of `tok`, if it has one, tells what is to come: a modal of the
        future or of possibility ("would strike", "could respond"), "going to", or a condition."""
        clauses = [x for x in tok.children if x.dep_ == "ccomp"]
        if not clauses:
            return True
        for clause in clauses:
            for x in clause.subtree:
                if x.dep_ == "aux" and (x.tag_ == "MD" or x.lower_ in ("going", "about")):
                    return True
                if x.dep_ == "mark" and x.lower_ in IF_MARKS and x.head.dep_ == "advcl":
                    return True
        return False

    def targets(self, c: Candidate, heads: list[Token]) -> list[str]:
        p = c.pattern
        preps = p.targets if p.targets is not None else self.lex.types[c.type].target_preps
        toks: list[Token] = []
        for h in heads:
            for x in h.children:
                if x.dep_ in ("dobj", "dative", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
                    if not (x.dep_ == "dobj" and c.type in self.lex.theme_objects):
                        toks.append(x)  # "dispatched coast guard vessels to ...": what is moved is no target
                    for y in x.children:
                        if y.dep_ == "prep" and y.lemma_.lower() in preps:
                            toks.extend(_pobjs(y))
                elif x.dep_ == "prep" and x.lemma_.lower() in preps:
                    toks.extend(_pobjs(x))
                elif x.dep_ == "prep" and x.lemma_.lower() in p.prep:
                    for y in x.children:  # "pulled out of Niger"
                        if y.dep_ == "prep" and y.lemma_.lower() in preps:
                            toks.extend(_pobjs(y))
                elif x.dep_ == "prt":
                    for y in x.children:
                        if y.dep_ == "prep" and y.lemma_.lower() in preps:
                            toks.extend(_pobjs(y))
        out: list[str] = []
        for t in toks:
            if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":
                t = t.head.head  # "Venezuela, which was sanctioned by ...": the noun it stands for
            found = self.np_actors(t)
            if not found and c.type in self.lex.located_targets:
                for x in [t, *conjuncts(t)]:  # "fired rockets at towns in the Galilee": where they are
                    found = found or self.located(x)
            if not found:  # "urged both governments to show restraint": the pair in view
                found = [a for a in self.collective(t) if a not in c.sources]
            if not found:  # "a statement drafted by the EU", "an invitation from Washington": its author
                authors = [o for x in t.children if x.dep_ == "acl" and x.tag_ == "VBN"
                           for ag in x.children if ag.dep_ == "agent" for o in _pobjs(ag)]
                authors += [o for x in t.children if x.dep_ == "prep" and x.lower_ in ("from", "by")
                            for o in _pobjs(x)]
                found = [a for o in authors for a in self.np_actors(o) if a not in c.sources]
            if all(a in c.sources or _same_state(self.ctx, a, s) for a in found for s in c.sources or [None]):
                found = found + [a for a in self.inner_actors(t, preps) if a not in found]
            for a in found:
                if a not in out:
                    out.append(a)
        return out

    def fill_nominal(self, c: Candidate, found: dict[int, Candidate]) -> None:
        noun = c.trigger
        if any(d.dep_ == "det" and d.lower_ in NON_SPECIFIC - {"no"} for d in noun.children):
            c.dropped = True
            return
        # The noun's own actors: "Russia's demand", "Western sanctions", "the Chinese loan".
        own = None
        owner_is_target = c.pattern.owner == ("target",)
        for dep in ("poss",) if owner_is_target else c.pattern.owner:
            for x in noun.children:
                if x.dep_ == dep and x.i < noun.i:
                    own = self.ctx.actor_of_token(x) or (self.np_actor(x) if dep == "poss" else None)
                    if own is None and dep == "compound":  # "US drone strikes": the compound's own modifier
                        own = next((a for y in x.children if y.dep_ == "compound" and y.i < x.i
                                    for a in [self.ctx.actor_of_token(y)] if a), None)
                    if own:
                        break
            if own:
                break
        if own and not owner_is_target:
            c.sources.append(own)
        if not own:
            # "attacks by Russia on ...", "aid from Japan to ...": the noun's agent phrase
            for x in noun.children:
                if x.dep_ in ("prep", "agent") and (x.lemma_.lower() == "by" or (
                        x.lemma_.lower() in self.lex.noun_agent_preps.get(c.type, ()))):
                    for o in _pobjs(x):
                        c.sources.extend(a for a in self.np_actors(o) or self.located(o) if a not in c.sources)
        if noun.dep_ == "pobj" and noun.head.lemma_.lower() == "under" \
                and noun.head.head.lemma_.lower() in self.lex.under_verbs and noun.head.head.pos_ in ("VERB", "AUX"):
            self.fill_under(c, noun.head.head)
            return
        # Climb to a light verb: "imposed sanctions", "played the role of mediator", "took part in talks".
        head, via = self.light_head(noun)
        if head is None and not (noun.dep_ in ("dobj", "pobj", "attr") and self._governing_trigger(noun, found)):
            for x in noun.children:  # "sanctions imposed by the EU on Belarus"
                if x.dep_ == "acl" and x.tag_ == "VBN" and x.lemma_.lower() in self.lex.light_verbs:
                    head = x
        if head is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in c.pattern.prep:
            head = noun.head  # the idiom's own verb: "hold X's hand"
        heads = [noun]
        ctl = self.lex.control.get(head.lemma_.lower()) if head is not None else None
        if ctl is not None and c.type in ctl.promote:
            c.type = ctl.promote[c.type]  # "offered Lebanon help": an offer of aid is AGREE
            outer = found.get(head.i)
            if outer is not None and outer is not c and outer.type == c.type:
                outer.dropped = True  # "pledged 500 million euros in aid to Ukraine": one promise
        if head is not None:
            c.clause = head
            heads.append(head)
            if not c.sources:
                subj_toks, how = self.subject(head, charged=c.type in self.lex.charged_types)
                for s in subj_toks:
                    c.sources.extend(a for a in self.np_actors(s) or self.located(s) or self.collective_of(c, s)
                                     if a not in c.sources)
                if subj_toks and not c.sources and how in ("subject", "relative", "modified-noun"):
                    c.dropped = True  # "They signed a deal with Peru": someone we cannot name acted
                    return
        else:
            gov = noun.head
            if noun.dep_ in ("dobj", "pobj", "attr") and self._governing_trigger(noun, found):
                # "condemned the Russian attack": the outer event covers it.
                c.dropped = True
                return
            c.clause = gov if gov.pos_ in ("VERB", "AUX") else None
        c.targets = [a for a in self.targets(c, heads[:1]) if a not in c.sources]
        if own and owner_is_target:
            c.targets.insert(0, own)
        if head is not None:
            for a in self.targets(c, [head]):
                if a not in c.targets and a not in c.sources:
                    c.targets.append(a)
        gov = noun.head
        if head is None and not c.sources and c.type != "AID" and noun.dep_ == "pobj" and gov.lemma_ == "with" \
                and gov.head.lemma_.lower() in self.lex.instrument_verbs:
            # "retaliated against Ottawa with tariffs": the subject's own measure
            subj_toks, _ = self.subject(gov.head)
            for s in subj_toks:
                c.sources.extend(a for a in self.np_actors(s) if a not in c.sources)
            c.targets = [a for a in c.targets if a not in c.sources]
            for x in gov.head.children:
                if x.dep_ == "prep" and x.lemma_.lower() in ("against", "at", "on"):
                    for o in _pobjs(x):
                        c.targets.extend(a for a in self.np_actors(o) if a not in c.sources and a not in c.targets)
            return
        if not c.targets and head is None and c.type in ("SANCTION", "AID", "COERCE", "THREATEN"):
            # The sufferer or beneficiary named by the clause: "Russia offset Western sanctions",
            # "with China's help, Russia ...".
            gov = noun.head
            verb = None
            if noun.dep_ == "dobj":
                verb = gov
            elif noun.dep_ == "pobj" and gov.lemma_ in ("with", "despite", "under", "from"):
                verb = gov.head
                if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and c.sources:  # "rebuilt the dam with Chinese help"
                    verb = verb.head
                if verb.pos_ not in ("VERB", "AUX"):
                    verb = None
            if verb is not None:
                subj_toks, _ = self.subject(verb)
                for s in subj_toks:
                    c.targets.extend(a for a in self.np_actors(s) if a not in c.sources and a not in c.targets)
        if len(c.sources) < 2 and c.pattern.symmetric:
            for x in noun.children:
                if x.dep_ == "prep" and x.lemma_ == "between":
                    for o in _pobjs(x):
                        both = self.np_actors(o)
                        if len(both) >= 2:
                            c.sources, c.targets = both[:1], both[1:2]

    def fill_under(self, c: Candidate, verb: Token) -> None:
        """"Lebanese villages came under fire from Israeli tanks": the "from"/"by" object acts,
        the verb's subject suffers it."""
        noun = c.trigger
        c.clause = verb
        for h in (noun, verb):
            for x in h.children:
                if x.dep_ in ("prep", "agent") and x.lemma_.lower() in ("from", "by"):
                    for o in _pobjs(x):
                        c.sources.extend(a for a in self.np_actors(o) if a not in c.sources)
        subj_toks, _ = self.subject(verb)
        for s in subj_toks:
            c.targets.extend(a for a in self.np_actors(s) or self.located(s) if a not in c.sources and a not in c.targets)
        if not c.sources:
            c.dropped = True  # "the embassy came under fire": no one named acts

    def light_head(self, noun: Token) -> tuple[Token | None, str]:
        tok = noun
        for _ in range(3):
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.lex.light_nouns:
                tok = tok.head  # "launched a mediation effort"
                continue
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in self.lex.light_verbs:
                return tok.head, "light"
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
                prep = tok.head
                up = prep.head
                if up.pos_ == "NOUN" and up.lemma_.lower() in self.lex.light_nouns:
                    tok = up
                    continue
                if up.pos_ in ("VERB", "AUX") and prep.lemma_ in ("in", "into") and up.lemma_ in ("take", "engage", "participate", "join"):
                    return up, "light"
                if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.lex.light_preps.get(prep.lemma_.lower(), ()):
                    return up, "light"  # "remained on alert"
            if tok.dep_ == "conj":
                tok = tok.head
                continue
            break
        return None, ""

    def _governing_trigger(self, noun: Token, found: dict[int, Candidate]) -> bool:
        gov = noun.head
        if gov.dep_ == "prep":
            gov = gov.head
        cand = found.get(gov.i)
        return cand is not None and cand.trigger is not noun

    # -- flags --------------------------------------------------------------
    def flags(self, c: Candidate, clause: Token) -> None:
        tok = c.trigger
        for t in {tok, clause}:
            for x in t.children:
                if x.dep_ == "neg" and not (x.i > 0 and x.nbor(-1).lower_ == "or"):  # "whether or not"
                    c.negated = not c.negated if t is tok or tok is clause else True
                if x.dep_ == "det" and x.lower_ == "no" and t.pos_ == "NOUN":
                    c.negated = True
        if c.negated and tok.i != clause.i and any(x.dep_ == "neg" for x in tok.children) and any(
                x.dep_ == "neg" for x in clause.children):
            c.negated = True
        if clause.dep_ == "pcomp" and clause.head.lower_ == "without":
            c.negated = True  # "left without agreeing on steps": the agreement did not happen
        # Modals and if-clauses on the clause and the verbs above it.
        node = clause
        reported = False
        for depth in range(8):
            modal = {x.lower_ for x in node.children if x.dep_ == "aux" and x.tag_ == "MD"}
            if modal & SPECULATIVE:
                c.hypothetical = True
            if modal & FUTURE and depth == 0:
                c.mode = c.mode or "future"
            if "would" in modal or "'d" in modal:
                if node.dep_ in REPORTING_CONTEXT and depth == 0:
                    c.mode = c.mode or "future"
                else:
                    c.hypothetical = True
            for x in node.children:
                if x.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in x.children):
                    c.hypothetical = True
                if x.dep_ == "mark" and x.lower_ in IF_MARKS and node.dep_ in ("advcl", "ccomp", "csubj"):
                    c.hypothetical = True
            if node.dep_ in ("ccomp",):
                reported = True
                head = node.head
                if head.lemma_.lower() in self.lex.denial:
                    c.negated = not c.negated
                if head.lemma_.lower() in self.lex.counterfactive:
                    c.negated = not c.negated
                break
            if node.head.i == node.i or node.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"):
                break
            if node.dep_ in ("advcl", "relcl", "acl") and not any(m.dep_ == "aux" and m.lower_ == "to" for m in node.children):
                break
            node = node.head
        _ = reported

    def control(self, c: Candidate, clause: Token, found: dict[int, Candidate]) -> None:
        """Apply the verbs an infinitive hangs from: agreed to invest, refused to, decided to."""
        node = clause
        for _ in range(4):
            if node.dep_ == "conj" and node.head.dep_ == "xcomp" and node.tag_ == "VB":
                node = node.head  # "agreed to expand exercises and to hold consultations": both agreed
            if node.dep_ not in ("xcomp", "acl", "advcl", "ccomp") or node.head.i == node.i:
                return
            if node.dep_ in ("acl", "advcl", "ccomp") and not any(m.dep_ == "aux" and m.lower_ == "to" for m in node.children):
                return
            head = node.head
            lemma = head.lemma_.lower()
            ctl = self.lex.control.get(lemma)
            if head.pos_ == "NOUN" and lemma in self.lex.agentive_nouns:
                ctl = self.lex.control.get({"decision": "decide", "plan": "plan", "promise": "promise",
                                            "pledge": "pledge", "offer": "offer", "commitment": "commit",
                                            "threat": "threaten", "refusal": "refuse", "attempt": "attempt",
                                            "effort": "try", "intention": "intend", "failure": "fail"}.get(lemma, ""))
            if ctl is not None:
                if ctl.suppress:
                    outer = found.get(head.i)
                    if outer is not None and outer is not c:
                        c.dropped = True
                        if not outer.targets:  # "threatened to cut ties with Kabul"
                            outer.targets = [t for t in c.targets if t not in outer.sources]
                        if outer.mode is None and c.pattern.mode and c.type in ("REQUEST", "REJECT", "THREATEN"):
                            outer.mode = c.pattern.mode
                        return
                if c.type in ctl.promote:
                    c.type = ctl.promote[c.type]
                    outer = found.get(head.i)
                    if outer is not None and outer is not c:
                        outer.dropped = True
                if ctl.mode:
                    c.mode = ctl.mode
                if ctl.negate:
                    c.negated = not c.negated
                if any(x.dep_ == "neg" for x in head.children):
                    c.negated = True
                if head.pos_ in ("VERB", "AUX"):
                    modal = {x.lower_ for x in head.children if x.dep_ == "aux" and x.tag_ == "MD"}
                    if modal & SPECULATIVE:
                        c.hypothetical = True
                    if modal & FUTURE:
                        c.mode = c.mode or "future"
            node = head


# -- dates, contexts, assembly ---------------------------------------------
def _date(ctx: ExtractContext, sent: Span, c: Candidate) -> str | None:
    """The time expression governing the event's clause (extract/event_dates.py), else None:
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


def _same_state(ctx: ExtractContext, a: str | None, b: str | None) -> bool:
    """An actor and its own state are one party: "Fu Cong denied China's ..." has no target."""
    if a is None or b is None:
        return False
    x, y = ctx.actors.get(a), ctx.actors.get(b)
    if x is None or y is None:
        return False
    kx, ky = x.country or x.org or x.id, y.country or y.org or y.id
    return kx == ky and ("state" in (x.kind, y.kind) or "location" in (x.kind, y.kind))


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
        if x.dep_ == "prt" or (x.dep_ == "prep" and x.lemma_.lower() in c.pattern.prep):
            start, end = min(start, x.idx), max(end, x.idx + len(x.text))
    return start, end


def _conjoined_acts(a: Candidate, b: Candidate) -> bool:
    """Two verbs of one subject joined by "and", each its own act (not a noun and its light verb)."""
    if "nominal" in (a.construction, b.construction) or a.trigger.i == b.trigger.i:
        return False
    return (b.trigger.dep_ == "conj" and b.trigger.head.i == a.trigger.i) or (
        a.trigger.dep_ == "conj" and a.trigger.head.i == b.trigger.i)


def _response_object(lex: Lexicon, c: Candidate) -> bool:
    """Whether a REJECT/ACCUSE answers a speech act: "rejected the charge", "dismissed the idea"."""
    tok = c.trigger
    if c.construction == "nominal":  # "the rejection of the proposal"
        objs = [o for x in tok.children if x.dep_ == "prep" and x.lemma_ == "of" for o in _pobjs(x)]
    else:
        objs = [x for x in tok.children if x.dep_ in ("dobj", "nsubjpass")]
        objs += [o for x in tok.children if x.dep_ == "prt" for y in x.children if y.dep_ == "dobj" for o in [y]]
    return any(o.lemma_.lower() in lex.response_nouns and not any(
        d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children) for o in objs)


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
            if x.dep_ in SUBJ:
                a = _Sentence(ctx, lex, sent).np_actor(x)
                if a:
                    return a
    return None


def _speaker_in_sentence(finder: _Sentence, c: Candidate) -> str | None:
    """Who spoke in the clause this answer is joined to: "The UN has suggested ..., but Moscow
    has dismissed the idea" answers the UN."""
    tok = c.trigger
    if tok.dep_ == "relcl" and tok.head.lemma_.lower() in finder.lex.response_nouns:
        # "accused Paris of plotting, a charge French officials dismissed": who made the charge
        node = tok.head
        while node.dep_ in ("appos", "dobj", "pobj", "prep", "pcomp", "conj") and node.head.i != node.i:
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.lower() in finder.lex.speech_verbs:
                return next((finder.np_actor(x) for x in node.children if x.dep_ in SUBJ), None)
        return None
    if tok.dep_ != "conj" or tok.head.i > tok.i or tok.head.lemma_.lower() not in finder.lex.speech_verbs:
        return None
    for x in tok.head.children:
        if x.dep_ in SUBJ:
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
        if e.source and e.target and (e.target == source or _same_state(ctx, e.target, source)) \
                and not _same_state(ctx, e.source, source):
            return e.source
    return None


def _is_answer(lex: Lexicon, c: Candidate) -> bool:
    """A refusal with no object of its own ("refused to do so"), or an act done in answer
    ("responded by banning ...", "retaliated by expelling ...")."""
    tok = c.trigger
    if c.type == "REJECT" and c.construction != "nominal" and not any(
            x.dep_ in ("dobj", "nsubjpass", "prep", "dative") for x in tok.children):
        return True
    node = c.clause or tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ == "pcomp" and node.head.lemma_ == "by":
            node = node.head.head
        elif node.dep_ in ("xcomp", "advcl", "conj"):
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
    finder = _Finder(ctx, lex, sent)
    out: list[Event] = []
    seen: dict[tuple, int] = {}
    kept: dict[int, Candidate] = {}
    for c in finder.candidates():
        source = c.sources[0] if c.sources else None
        if source is None and c.construction in ("verbal", "adjectival", "evaluative", "obligation"):
            continue  # an active clause whose actor we cannot name: the parse failed us
        if source is None and c.hypothetical:
            continue  # "if it is attacked": an act imagined by no one named
        targets = [t for t in c.targets if t != source and not _same_state(ctx, source, t)]
        target = targets[0] if targets else None
        symmetric = c.pattern.symmetric or lex.types[c.type].symmetric and c.construction != "nominal"
        preps = c.pattern.targets if c.pattern.targets is not None else lex.types[c.type].target_preps
        # "the capital that both Moscow and Kyiv talk to", "met with reporters": a counterpart
        # named and no actor, so the coordinated subjects are not each other's
        elsewhere = any(x.dep_ == "prep" and x.lemma_.lower() in preps and not any(
            finder.np_actors(o) for o in _pobjs(x)) for x in c.trigger.children)
        if target is None and symmetric and len(c.sources) > 1 and not elsewhere:
            target = c.sources[1]
        joint = target is None and len(c.sources) > 1 and c.collective  # "Both leaders called for calm"
        own_circle = target is None and _aimed_at_own_circle(ctx, lex, c, source)
        if target is None and c.type in lex.response_types and _response_object(lex, c):
            answered = _speaker_in_sentence(finder, c) or _previous_speaker(ctx, lex, previous)
            if answered is None and earlier is not None and _same_paragraph(ctx, earlier[0], sent):
                answered = _previous_speaker(ctx, lex, earlier) or _answered(ctx, source, earlier)
            if answered and answered != source and not _same_state(ctx, source, answered):
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
            doers = [d for d in _one_per_party(ctx, c.sources) if d != target and not _same_state(ctx, d, target)]
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
        if x.dep_ in ("dobj", "dative") and x.lemma_.lower() in lex.circle_nouns:
            owner = next((p for p in x.children if p.dep_ == "poss"), None)
            if owner is None:
                continue
            if owner.lower_ in ("its", "their", "our", "his", "her") and ctx.actor_of_token(owner) in (None, source):
                return True
            owner_actor = ctx.actor_of_token(owner)
            if owner_actor is not None and (owner_actor == source or _same_party(ctx, owner_actor, source or "")):
                return True
    return False


def _one_per_party(ctx: ExtractContext, actors: list[str]) -> list[str]:
    """The first actor of each party among coordinated doers ("Xi and Chinese officials" is one)."""
    out: list[str] = []
    for a in actors:
        if not any(a == b or _same_state(ctx, a, b) or _same_party(ctx, a, b) for b in out):
            out.append(a)
    return out


def _same_party(ctx: ExtractContext, a: str, b: str) -> bool:
    kx = party_key(ctx.actors.get(a))
    return kx is not None and kx == party_key(ctx.actors.get(b))


@extractor("events", requires=("actors", "coref", "times"), components=("parser", "lemmatizer"))
def extract_events(ctx: ExtractContext) -> None:
    lex = load()
    previous: tuple[Span, list[Event]] | None = None
    earlier: tuple[Span, list[Event]] | None = None
    for sent in ctx.body_sentences():
        found = events_in_sentence(ctx, lex, sent, previous, earlier)
        ctx.events.extend(found)
        previous, earlier = (sent, found), previous
    ctx.events.sort(key=lambda e: (e.sentence.start, e.trigger.start))


__all__ = ["event_id", "extract_events", "events_in_sentence"]
