"""How the event rules read actors in a sentence: a noun phrase's actor (its head's own mention,
else its possessor, compound or adjective, else its apposition; never a locative modifier),
collective subjects ("the two leaders", "both sides"), a clause's subject, agent and objects,
and whether a trigger word matches the lexicon. The base the rules' finder builds on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.events.candidate import (
    NP_MODIFIERS,
    PASSIVE_SUBJ,
    SUBJ,
    Candidate,
)
from realpolitik.extract.events.lexicon import Lexicon, Pattern
from realpolitik.extract.parties import bloc_in_view, pair_in_view, prominent

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class SentenceReader:
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
                if syntax.attached_as(o, syntax.PREPOSITION_OBJECT):
                    return self.np_actor(o, depth + 1)
            return None
        if tok.lemma_.lower() in self.lex.counterpart_nouns:
            for c in tok.children:  # "his Chinese counterpart": the other side is the demonym's
                if (
                    syntax.attached_as(
                        c, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER
                    )
                    and c.i < tok.i
                ):
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
        for relation in NP_MODIFIERS:
            for c in tok.children:
                if syntax.attached_as(c, relation):
                    a = self.ctx.actor_of_token(c) or (
                        self.np_actor(c, depth + 1) if relation is syntax.POSSESSOR else None)
                    if a:
                        return a
        for c in tok.children:  # "Kazakh-registered firms", "Iranian-made drones"
            if syntax.attached_as(c, syntax.ADJECTIVAL_MODIFIER):
                for g in c.children:
                    if g.i == c.i - 2 and g.nbor().text == "-" and (a := self.ctx.actor_of_token(g)):
                        return a
        for c in tok.children:
            if syntax.attached_as(c, syntax.APPOSITION):
                a = self.np_actor(c, depth + 1)
                if a:
                    return a
        for c in tok.children:
            if (
                syntax.attached_as(c, syntax.PREPOSITION)
                and c.lemma_ == "of"
                and tok.lemma_.lower() in self.lex.of_heads
            ):
                for o in c.children:
                    if syntax.attached_as(o, syntax.PREPOSITION_OBJECT):
                        a = self.np_actor(o, depth + 1)
                        if a:
                            return a
        return None

    def of_state(self, tok: Token) -> str | None:
        for c in tok.children:
            if syntax.attached_as(c, syntax.PREPOSITION) and c.lemma_ == "of":
                for o in pobjs(c):
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
            if (
                syntax.attached_as(c, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER)
                and c.i < tok.i
            ):
                for x in [c, *conjuncts(c)]:
                    a = self.ctx.actor_of_token(x)
                    if a and a not in out:
                        out.append(a)
            elif syntax.attached_as(c, syntax.PREPOSITION) and c.lemma_.lower() in ("with", "between", *preps):
                for o in pobjs(c):
                    out.extend(a for a in self.np_actors(o) if a not in out)
        return out

    def located(self, tok: Token) -> list[str]:
        """Last resort for a subject naming no actor: where it is ("rebels in the Ivory Coast")."""
        if tok.pos_ not in ("NOUN",):
            return []
        if tok.lemma_.lower() in self.lex.of_heads:  # "thousands of students throughout Chile"
            for o in (
                o
                for p in tok.children
                if syntax.attached_as(p, syntax.PREPOSITION) and p.lemma_ == "of"
                for o in pobjs(p)
            ):
                found = self.located(o)
                if found:
                    return found
        for c in tok.children:
            if syntax.attached_as(c, syntax.PREPOSITION) and c.lemma_ in ("in", "throughout", "from"):
                for o in c.children:
                    if syntax.attached_as(o, syntax.PREPOSITION_OBJECT):
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
        if low == "both" and syntax.attached_as(tok, SUBJ):
            return pair_in_view(self.ctx, tok, sentences_back=3, exactly_two=True)
        lemma = tok.lemma_.lower()
        member = any(
            syntax.attached_as(x, syntax.COMPOUND) and x.lower_ == "member" for x in tok.children
        )  # "member states"
        if tok.tag_ != "NNS" or not member and lemma not in self.lex.collective_nouns | self.lex.bloc_nouns:
            return []
        people = lemma in self.lex.collective_people
        if any(x.lower_ in ("two", "both") for x in tok.children if x.i < tok.i):
            return pair_in_view(self.ctx, tok, sentences_back=3, exactly_two=False, people=people)
        if not member and syntax.has_dependent(tok, syntax.NARROWING):
            return []  # "the European leaders", "leaders of the G7": their own words name them
        bloc = bloc_in_view(self.ctx, tok) if lemma in self.lex.bloc_nouns or member else None
        if bloc is not None and (member or lemma not in self.lex.collective_nouns or prominent(self.ctx, bloc)):
            return [bloc]  # "the leaders" of a G7 summary are the G7, not the last two named
        if lemma in self.lex.collective_nouns and not member and any(
                syntax.attached_as(x, syntax.DETERMINER) and x.lower_ == "the" for x in tok.children):
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
            if syntax.attached_as(
                t, SUBJ, PASSIVE_SUBJ, syntax.DIRECT_OBJECT, syntax.PREPOSITION_OBJECT
            ) and (
                t.tag_ in ("NNS", "NNPS")
                or t.lower_ in ("they", "we")
                or syntax.has_dependent(t, syntax.CONJUNCT)
            ):
                return t
        if sent.start == 0:
            return None
        previous = self.ctx.doc[sent.start - 1].sent
        return syntax.first_dependent(previous.root, SUBJ, PASSIVE_SUBJ)

    def np_actors(self, tok: Token) -> list[str]:
        """Actors of a noun phrase and of the phrases coordinated with it ("China and Russia")."""
        out: list[str] = []
        for t in [tok, *conjuncts(tok)]:
            a = self.np_actor(t)
            if a and a not in out:
                out.append(a)
            for m in t.children:  # "Indian and Chinese troops"
                if syntax.attached_as(
                    m, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER
                ) and self.ctx.actor_of_token(m):
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
        subjects = syntax.dependents(verb, SUBJ)
        if subjects:
            # the one nearest the verb: "SEOUL, Nov 5 (Wire) - South Korea summoned ..." parses
            # the dateline as a second subject
            c = min(subjects, key=lambda x: abs(verb.i - x.i))
            if c.tag_ in ("WDT", "WP") and syntax.attached_as(verb, syntax.RELATIVE_CLAUSE):
                return [verb.head], "relative"
            return [c], "subject"
        for c in verb.children:
            if syntax.attached_as(c, syntax.PASSIVE_AGENT):
                objs = syntax.dependents(c, syntax.PREPOSITION_OBJECT)
                if objs:
                    return objs, "agent"
        if syntax.has_dependent(verb, PASSIVE_SUBJ):
            return [], "passive"
        head = verb.head
        if head.i == verb.i:
            return [], "none"
        if syntax.attached_as(verb, syntax.OPEN_COMPLEMENT) or (
            syntax.attached_as(verb, syntax.ADVERBIAL_CLAUSE)
            and syntax.is_to_infinitive(verb)
        ):
            control = self.lex.control.get(head.lemma_.lower())
            if control and control.object:
                objs = syntax.dependents(head, syntax.DIRECT_OBJECT, syntax.DATIVE)
                if objs:
                    return objs, "object-control"
            if head.pos_ in ("ADJ", "NOUN") and syntax.attached_as(
                head, syntax.ADJECTIVAL_COMPLEMENT, syntax.NOMINAL_ATTRIBUTE, syntax.OBJECT_PREDICATE
            ):
                return self.subject(head.head, depth + 1, charged)
            return self.subject(head, depth + 1, charged)
        if syntax.attached_as(verb, syntax.CONJUNCT):
            if (
                verb.tag_ == "VBD"
                and head.tag_ in ("VBG", "VBN")
                and syntax.attached_as(
                    head, syntax.CLAUSAL_MODIFIER, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_COMPLEMENT
                )
            ):
                # "was in possession of evidence that X was communicating ... and sent it":
                # a finite verb hung on a subordinate participle belongs to the clause above.
                up = head.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                if up.pos_ in ("VERB", "AUX") and up.i != head.i:
                    return self.subject(up, depth + 1, charged)
            return self.subject(head, depth + 1, charged)
        if syntax.attached_as(verb, syntax.CLAUSAL_MODIFIER, syntax.RELATIVE_CLAUSE):
            if verb.tag_ == "VBN":
                return [], "passive"
            return [head], "modified-noun"
        if syntax.attached_as(verb, syntax.ADVERBIAL_CLAUSE) and verb.tag_ == "VBG":
            return self.subject(head, depth + 1, charged)
        charger = head.head
        if charger.pos_ == "ADJ" and syntax.attached_as(
            charger,
            syntax.OBJECT_PREDICATE,
            syntax.ADJECTIVAL_COMPLEMENT,
            syntax.OPEN_COMPLEMENT,
            syntax.CLAUSAL_COMPLEMENT,
        ):
            charger = charger.head  # "holds them responsible for shipping arms"
        if syntax.attached_as(verb, syntax.PREPOSITION_COMPLEMENT) and charger.lemma_.lower() in self.lex.charge_verbs \
                and head.lemma_.lower() in self.lex.charge_verbs[charger.lemma_.lower()]:
            # "accused Togo of opening fire": the one charged is who acted
            objs = syntax.dependents(charger, syntax.DIRECT_OBJECT, syntax.PASSIVE_SUBJECT)
            objs = [
                charger.head
                if o.tag_ in ("WDT", "WP") and syntax.attached_as(charger, syntax.RELATIVE_CLAUSE)
                else o
                for o in objs
            ]
            return (objs, "charged") if objs and charged else ([], "none")
        if syntax.attached_as(verb, syntax.PREPOSITION_COMPLEMENT) and head.lemma_ in (
                "by", "through", "after", "before", "while", "in", "for", "as", "without"):
            return self.subject(head.head, depth + 1, charged) if head.head.pos_ in ("VERB", "AUX") else ([], "none")
        return [], "none"

    # -- matching ---------------------------------------------------------
    def attached(self, tok: Token) -> set[str]:
        words = set()
        for c in tok.children:
            if syntax.attached_as(
                c,
                syntax.PREPOSITION,
                syntax.PARTICLE,
                syntax.PASSIVE_AGENT,
                syntax.DIRECT_OBJECT,
                syntax.ADVERBIAL_MODIFIER,
                syntax.DATIVE,
                syntax.PREPOSITION_OBJECT,
            ):
                words.add(c.lemma_.lower())
                words.add(c.lower_)
        if tok.pos_ == "NOUN":
            words.add(tok.head.lemma_.lower())
        return words

    def objects(self, tok: Token) -> set[str]:
        out = set()
        for c in tok.children:
            if syntax.attached_as(
                c, syntax.DIRECT_OBJECT, syntax.PASSIVE_SUBJECT, syntax.NOMINAL_ATTRIBUTE
            ) or (syntax.attached_as(c, syntax.PREPOSITION) and tok.pos_ == "VERB"):
                targets = (
                    [c]
                    if not syntax.attached_as(c, syntax.PREPOSITION)
                    else syntax.dependents(c, syntax.PREPOSITION_OBJECT)
                )
                if c.tag_ in ("WDT", "WP") and syntax.attached_as(tok, syntax.RELATIVE_CLAUSE):
                    targets = [tok.head]  # "the drones that Russia used": the noun is the object
                for t in list(targets):
                    if t.lemma_.lower() in self.lex.partitives:  # "suspended part of its aid"
                        targets += [
                            o
                            for p in t.children
                            if syntax.attached_as(p, syntax.PREPOSITION) and p.lemma_ == "of"
                            for o in pobjs(p)
                        ]
                for t in targets:
                    for x in [t, *conjuncts(t)]:
                        out.add(x.lemma_.lower())
                        out.add(x.lower_)
                        for m in x.children:
                            if syntax.attached_as(m, syntax.COMPOUND):
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
        if pos == "VERB" and syntax.attached_as(tok, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND):
            return None
        if pos == "ADJ" and not syntax.attached_as(
            tok, syntax.ADJECTIVAL_COMPLEMENT, syntax.OBJECT_PREDICATE, syntax.OPEN_COMPLEMENT
        ):
            return None
        if pos == "NOUN" and self.ctx.actor_of_token(tok):
            return None
        if (
            pos == "NOUN"
            and syntax.attached_as(tok, syntax.COMPOUND)
            and tok.head.lemma_.lower() not in self.lex.light_nouns
        ):
            return None
        cands = list(self.lex.patterns.get((tok.lemma_.lower(), pos), ()))
        if pos == "NOUN":
            for p in self.lex.multiword.get(tok.lemma_.lower(), ()):
                words = p.lemma.split()[:-1]
                before = [
                    c.lower_
                    for c in tok.children
                    if syntax.attached_as(c, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER) and c.i < tok.i
                ]
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
                    words = attached | {
                        y.lemma_.lower()
                        for x in tok.children
                        if syntax.attached_as(x, syntax.DIRECT_OBJECT)
                        for y in syntax.dependents(x, syntax.PREPOSITION)
                    }
                if not all(w in words for w in p.prep):
                    continue
            if p.obj:
                objects = objects if objects is not None else self.objects(tok)
                if not any(o in objects for o in p.obj):
                    continue
            if p.needs_obj and not syntax.has_dependent(tok, syntax.DIRECT_OBJECT):
                continue
            if p.needs_xcomp and not syntax.has_dependent(tok, syntax.OPEN_COMPLEMENT):
                continue
            if p.not_obj and any(
                syntax.attached_as(x, syntax.DIRECT_OBJECT) and x.lemma_.lower() in p.not_obj
                for x in tok.children
            ):
                continue  # "signed a law", "offered no proof"
            if p.no_clause and syntax.has_dependent(tok, syntax.CLAUSAL_COMPLEMENT):
                continue  # "told Stockholm it should not expect support": what was said, no meeting
            if p.not_xcomp and any(
                syntax.attached_as(x, syntax.OPEN_COMPLEMENT) and x.lemma_.lower() in p.not_xcomp
                for x in tok.children
            ):
                continue  # "who asked not to be named"
            if p.obj_actor and not any(
                syntax.attached_as(x, syntax.DIRECT_OBJECT) and x.pos_ != "PRON" and self.np_actor(x)
                for x in tok.children
            ):
                continue
            return p
        return None


def conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if syntax.attached_as(c, syntax.CONJUNCT):
            out.append(c)
            out.extend(conjuncts(c))
    return out


def core_tokens(tok: Token) -> list[Token]:
    """A phrase's tokens outside its prepositional phrases and clauses, in text order."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(
            c
            for c in t.children
            if not syntax.attached_as(
                c,
                syntax.PREPOSITION,
                syntax.RELATIVE_CLAUSE,
                syntax.CLAUSAL_MODIFIER,
                syntax.ADVERBIAL_CLAUSE,
                syntax.PUNCTUATION,
                syntax.COORDINATING_CONJUNCTION,
                syntax.APPOSITION,
            )
        )
    return sorted(out, key=lambda t: t.i)


def pobjs(prep: Token) -> list[Token]:
    return syntax.dependents(prep, syntax.PREPOSITION_OBJECT, syntax.PREPOSITION_COMPLEMENT)
