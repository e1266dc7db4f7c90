"""Actors named only through their context: "the government", "security forces", "the
Secretary", "both sides".

Runs after the gazetteer, NER and pronoun coreference, over the words none of them resolved,
with what it knows in knowledge/implied_actors.yaml:
- a state noun ("the government", "the regime", "the authorities", "the country") is the state
  its own phrase names ("its government", "the government of Peru"), else the state the
  passage is about (parties.state_in_view);
- a sector noun with no state named ("security forces", "the police", "troops") is that
  sector of the state in view;
- a title with no name ("the Secretary", "the President") is the person with that role named
  before, else the publisher's state or the state in view;
- a collective ("both sides", "the two countries", "the parties") is the pair of parties the
  passage names. The contract has no actor for a set of actors, so the phrase gets one
  mention per member over the same words (via "group", as the annotation codebook repeats
  the mention once per code); an event it does becomes one event per member.
Each new mention says how it was found (via "implied", "coref" or "group").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

from realpolitik.extract import extractor, syntax
from realpolitik.extract.actors import sector_actor
from realpolitik.extract.context import ActorMention, ExtractContext
from realpolitik.extract.coref import document_voice
from realpolitik.extract.events.lexicon import load as event_lexicon
from realpolitik.extract.gazetteer import for_vocab, known_actor
from realpolitik.extract.parties import bloc_in_view, pair_in_view, state_in_view
from realpolitik.knowledge import KnowledgeError, load_yaml
from realpolitik.schema import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from realpolitik.knowledge import Knowledge

FILE = "implied_actors.yaml"
# The actor of every unnamed group of states ("the international community", "donors").
STATES_AT_LARGE = "grp:IGO"
OWNER_DEPS = syntax.POSSESSOR | syntax.COMPOUND | syntax.ADJECTIVAL_MODIFIER | syntax.NOMINAL_MODIFIER
# How far back a subject "they" looks for the meeting it reports on.
READOUT_SENTENCES = 4


@dataclass(frozen=True)
class ImpliedActors:
    """implied_actors.yaml, checked."""

    state_nouns: frozenset[str]
    state_plurals: frozenset[str]
    sectors_in_view: frozenset[str]
    generic_modifiers: frozenset[str]
    bare_sector_nouns: frozenset[str]
    offices: dict[str, str]   # title phrase -> "publisher" | "state" | an organisation's code
    rank_words: frozenset[str]
    collective_nouns: frozenset[str]
    collective_people: frozenset[str]
    collective_alone: frozenset[str]
    collective_numbers: frozenset[str]
    plural_pronouns: frozenset[str]
    antecedent_relations: frozenset[str]
    max_members: int
    states_at_large: frozenset[str]
    associate_nouns: frozenset[str]
    community_nouns: frozenset[str]
    community_modifiers: frozenset[str]
    meeting_verbs: frozenset[str]
    leader_nouns: frozenset[str]
    leader_modifiers: frozenset[str]

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """The last word of every title, where a title phrase ends (asked of every noun:
        worked out once)."""
        return frozenset(phrase.split()[-1] for phrase in self.offices)


def _words(data: dict, key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{FILE}: {key} must be a list of words, got {value!r:.60}")
    return frozenset(v.lower() for v in value)


def _relations(data: dict, key: str) -> frozenset[str]:
    """The labels of the relations a list names in words ("direct_object")."""
    labels: set[str] = set()
    for name in _words(data, key):
        if name not in syntax.RELATIONS:
            raise KnowledgeError(f"{FILE}: {key}: {name!r} is not a relation named in extract/syntax.py")
        labels |= syntax.relation_named(name)
    return frozenset(labels)


@cache
def load() -> ImpliedActors:
    data = load_yaml(FILE) or {}
    offices: dict[str, str] = {}
    for holder, titles in (data.get("offices") or {}).items():
        if holder not in ("publisher", "state") and not (holder.isupper() and holder.isalnum()):
            raise KnowledgeError(f"{FILE}: offices.{holder} is not 'publisher', 'state' or an organisation's code")
        offices.update({t.lower(): holder for t in _words({"t": titles}, "t")})
    return ImpliedActors(
        state_nouns=_words(data, "state_nouns"), state_plurals=_words(data, "state_plurals"),
        sectors_in_view=frozenset(s.upper() for s in _words(data, "sectors_in_view")), offices=offices,
        generic_modifiers=_words(data, "generic_modifiers"), rank_words=_words(data, "rank_words"),
        bare_sector_nouns=_words(data, "bare_sector_nouns"),
        collective_nouns=_words(data, "collective_nouns"), collective_people=_words(data, "collective_people"),
        collective_alone=_words(data, "collective_alone"), collective_numbers=_words(data, "collective_numbers"),
        plural_pronouns=_words(data, "plural_pronouns"), antecedent_relations=_relations(data, "antecedent_relations"),
        max_members=_count(data, "max_members"), states_at_large=_words(data, "states_at_large"),
        associate_nouns=_words(data, "associate_nouns"),
        community_nouns=_words(data, "community_nouns"), community_modifiers=_words(data, "community_modifiers"),
        meeting_verbs=_words(data, "meeting_verbs"), leader_nouns=_words(data, "leader_nouns"),
        leader_modifiers=_words(data, "leader_modifiers"))


def _singular(t: Token) -> str:
    """A plural noun's singular, lower case (the small model leaves "States" of "Member States"
    as its own lemma)."""
    lemma = t.lemma_.lower()
    if lemma != t.lower_ or not lemma.endswith("s"):
        return lemma
    return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]


def _count(data: dict, key: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise KnowledgeError(f"{FILE}: {key} must be a positive whole number, got {value!r:.60}")
    return value


class _Implied:
    """One document's pass over the nouns nothing else resolved."""

    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        self.doc = ctx.doc
        self.kb: Knowledge = for_vocab(ctx.doc.vocab).knowledge
        self.know = load()

    # -- helpers -------------------------------------------------------------
    def free(self, t: Token) -> bool:
        return self.ctx.mention_of_token(t) is None and not self.ctx.in_boilerplate(t.idx, t.idx + len(t))

    def add(self, start: int, end: int, actor_id: str, via: str) -> None:
        first, last = self.doc[start], self.doc[end - 1]
        self.ctx.add_mention(ActorMention(first.idx, last.idx + len(last), actor_id, via, start, end))

    def state(self, code: str) -> str:
        return known_actor(self.ctx, self.kb, code)

    def owner(self, noun: Token) -> str | None:
        """The party the noun's own phrase names: "its government", "Peru's police", "the
        government of Peru" (a state's code, else an organisation's id)."""
        for c in noun.children:
            if (
                syntax.attached_as(c, OWNER_DEPS)
                and c.i < noun.i
                or syntax.attached_as(c, syntax.PREPOSITION)
                and c.lower_ == "of"
            ):
                tokens = (
                    [c]
                    if not syntax.attached_as(c, syntax.PREPOSITION)
                    else syntax.dependents(c, syntax.PREPOSITION_OBJECT)
                )
                for t in tokens:
                    a = self.ctx.actors.get(self.ctx.actor_of_token(t) or "")
                    if a is not None and a.kind != "location" and (a.country or a.org):
                        return a.country if a.country in self.kb.states else a.org
        return None

    def named_by_itself(self, noun: Token) -> bool:
        """A phrase that names a thing of its own ("the Tigrayan side", "the Government of
        National Unity", "world leaders") or a generic one, not the state in view."""
        for c in noun.children:
            if c.i < noun.i and c.lower_ in self.know.generic_modifiers:
                return True
            if (
                syntax.attached_as(c, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER)
                and c.i < noun.i
                and c.pos_ in ("PROPN", "ADJ")
                and c.is_title
                and not c.is_sent_start
                and self.ctx.mention_of_token(c) is None
                and noun.pos_ == "NOUN"
            ):
                return True   # "the Tigrayan side": an adjective of its own the gazetteer lacks
            if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ == "of" and not any(
                    self.ctx.mention_of_token(o) for o in syntax.dependents(c, syntax.PREPOSITION_OBJECT)):
                return True   # "the state of emergency", "the Government of National Unity"
        return False

    @staticmethod
    def definite(noun: Token) -> bool:
        return any(
            syntax.attached_as(c, syntax.DETERMINER, syntax.POSSESSOR)
            and c.lower_ in ("the", "this", "its", "their")
            or syntax.attached_as(c, syntax.POSSESSOR)
            for c in noun.children
        )

    # -- passes ----------------------------------------------------------------
    def run(self) -> None:
        for t in self.ctx.tokens():
            if t.lower_ in self.know.plural_pronouns and self.free(t):
                self.plural_pronoun(t)
                continue
            if t.pos_ not in ("NOUN", "PROPN") or not self.free(t):
                continue
            if self.collective(t) or self.office(t) or self.states_at_large(t):
                continue
            self.state_or_sector(t)

    def collective(self, t: Token) -> bool:
        """ "both sides", "the two countries", "the parties": one mention per member."""
        lemma = t.lemma_.lower()
        if t.tag_ not in ("NNS", "NNPS") or lemma not in self.know.collective_nouns:
            return False
        numbered = any(c.i < t.i and c.lower_ in self.know.collective_numbers for c in t.children)
        alone = lemma in self.know.collective_alone and any(
            syntax.attached_as(c, syntax.DETERMINER) and c.lower_ == "the" for c in t.children
        )
        if not numbered and not alone:
            return False
        if any(syntax.attached_as(c, OWNER_DEPS) and c.i < t.i and self.ctx.mention_of_token(c) for c in t.children):
            return False   # "the two Korean governments": their own words name them
        members = pair_in_view(self.ctx, t, sentences_back=3, exactly_two=not numbered,
                               people=lemma in self.know.collective_people)
        if len(members) != 2:
            return False
        start = min(
            [
                t.i,
                *(
                    c.i
                    for c in t.children
                    if c.i < t.i
                    and syntax.attached_as(
                        c, syntax.DETERMINER, syntax.NUMERIC_MODIFIER, syntax.PREDETERMINER
                    )
                ),
            ]
        )
        for actor_id in members:
            self.add(start, t.i + 1, actor_id, "group")
        return True

    def states_at_large(self, t: Token) -> bool:
        """ "the international community", "member states", "our partners", "donors": the
        unnamed group of states (the codebook's IGO), or the organisation its phrase names
        ("NATO allies")."""
        if syntax.attached_as(
            t, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER, syntax.POSSESSOR
        ):
            return False  # a modifier ("partner countries"), not who acts
        modifiers = [
            c
            for c in t.children
            if c.i < t.i
            and syntax.attached_as(c, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER)
        ]
        if t.lemma_.lower() in self.know.leader_nouns and t.tag_ == "NNS":
            if any(c.lower_ not in self.know.leader_modifiers for c in modifiers):
                return False   # "opposition leaders", "business leaders": not states' leaders
        elif t.lemma_.lower() in self.know.community_nouns and t.tag_ in ("NN", "NNP"):
            if not any(c.lower_ in self.know.community_modifiers for c in modifiers):
                return False
        elif _singular(t) not in self.know.states_at_large or not (
                t.tag_ in ("NNS", "NNPS") or t.tag_ == "NNP" and t.lower_ != _singular(t)):
            return False   # a plural ("Member States" is often tagged a singular name)
        owner = self.owner(t)
        if owner is not None and owner not in self.kb.organizations and _singular(t) not in self.know.associate_nouns:
            return False   # "Russia's government", "the states of Africa": not a group of states at large
        bloc = self.organisation_of_members(t, modifiers) or (self.bloc_of_members(t) if owner is None else None)
        if bloc is not None:
            actor_id = bloc   # "NATO allies", "the Five Eyes group of partners", "member states" of an AU summit
        else:   # "NATO's partners" are not NATO
            actor_id = STATES_AT_LARGE
            self.ctx.add_actor(Actor(id=STATES_AT_LARGE, name="unnamed group of states", kind="group"))
        start = t.i   # with the modifiers just before it that no other mention holds
        while start > 0 and self.doc[start - 1] in modifiers and self.free(self.doc[start - 1]) \
                and self.sector_of(self.doc[start - 1]) is None:   # not "intelligence" of "intelligence partners"
            start -= 1
        self.add(start, t.i + 1, actor_id, "implied")
        return True

    def organisation_of_members(self, t: Token, modifiers: list[Token]) -> str | None:
        """The organisation whose members the phrase names by its own words: "NATO allies",
        "member states of the EU", "the Five Eyes group of intelligence partners" (not "NATO's
        partners", "allies of the US")."""
        heads = list(modifiers)
        if _singular(t) not in self.know.associate_nouns:  # "Member States of the EU"; not "allies of the US"
            heads += [
                o
                for c in t.children
                if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ == "of"
                for o in syntax.dependents(c, syntax.PREPOSITION_OBJECT)
            ]
        if (
            syntax.attached_as(t, syntax.PREPOSITION_OBJECT)
            and t.head.lower_ == "of"
            and t.head.head.pos_ in ("NOUN", "PROPN")
        ):
            group = t.head.head
            heads += [
                group,
                *(
                    c
                    for c in group.children
                    if syntax.attached_as(
                        c, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER
                    )
                    and c.i < group.i
                ),
            ]
        for h in heads:
            org = self.kb.organizations.get(self.ctx.actor_of_token(h) or "")
            if org is not None and org.kind != "location":
                return org.code
        return None

    def bloc_of_members(self, t: Token) -> str | None:
        """The bloc in view that bare members act as ("the allies", "member states"; not "its
        partners", "other members"): as the event coder reads them (extract/parties.py)."""
        member = any(syntax.attached_as(c, syntax.COMPOUND) and c.lower_ == "member" for c in t.children)
        if not member and (
            _singular(t) not in event_lexicon().bloc_nouns
            or syntax.has_dependent(t, syntax.NARROWING)
        ):
            return None
        return bloc_in_view(self.ctx, t)

    def members_at(self, t: Token) -> list[str]:
        """The members of a collective mention over this token ("both sides", an earlier "they")."""
        return list(dict.fromkeys(m.actor_id for m in self.ctx.mentions
                                  if m.member and m.token_start <= t.i < m.token_end))

    def plural_pronoun(self, t: Token) -> None:
        """ "they", "them", "their": the actors of the nearest plural phrase before them."""
        members = self.antecedent(t)
        if len(members) == 1:
            self.add(t.i, t.i + 1, members[0], "coref")
        elif 1 < len(members) <= self.know.max_members:
            for actor_id in members:
                self.add(t.i, t.i + 1, actor_id, "group")

    def antecedent(self, t: Token) -> list[str]:
        """The nearest plural phrase before `t` in its sentence, else the plural subject of the
        sentence before ("China and Russia held talks. They agreed": not the talks)."""
        sent = t.sent
        before = [
            x
            for x in reversed(self.doc[sent.start : t.i])
            if syntax.attached_as(x, self.know.antecedent_relations)
        ]
        if sent.start > 0:
            before += [
                x
                for x in self.doc[sent.start - 1].sent
                if syntax.attached_as(x, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
            ]
        for x in before:
            coordinated = syntax.has_dependent(x, syntax.CONJUNCT)
            if x.lower_ in self.know.plural_pronouns or x.tag_ in ("NNS", "NNPS") or coordinated:
                return self.members_at(x) or self.phrase_actors(x)
        if syntax.attached_as(t, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT) and (
            t.head.i == sent.root.i
            or syntax.attached_as(t.head, syntax.CONJUNCT)
            and t.head.head.i == sent.root.i
        ):
            return self.meeting_in_view(sent)   # a main clause's "they", not "X said they …"
        return []

    def named_within(self, head: Token) -> list[str]:
        """The person a phrase names inside it ("Israeli Minister of Regional Cooperation Esawi
        Frej", whose head is the title), else the first actor it names."""
        named = [a for x in head.subtree if (a := self.ctx.actor_of_token(x)) is not None]
        people = [a for a in named if (actor := self.ctx.actors.get(a)) is not None and actor.kind == "person"]
        return (people or named)[:1]

    @staticmethod
    def on_verb(w: Token, root: Token) -> bool:
        """`w` modifies the verb itself, through prepositional phrases at most ("by phone
        with"), not a clause of its own."""
        h = w.head
        while h.i != root.i and syntax.attached_as(
            h, syntax.PREPOSITION_OBJECT, syntax.PREPOSITION, syntax.NOUN_PHRASE_ADVERBIAL
        ):
            h = h.head
        return h.i == root.i

    def meeting_in_view(self, sent) -> list[str]:
        """A readout's "They also discussed …" a few sentences after "X met Y" (the sentences
        between about one of them: "The Secretary thanked the Prime Minister …")."""
        for _ in range(READOUT_SENTENCES):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            for x in sent:
                if (
                    syntax.attached_as(x, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
                    and x.lower_ in self.know.plural_pronouns
                ):
                    members = self.members_at(x)
                    if members:
                        return members   # "They discussed …" before, already resolved
            members = self.met_before(sent)
            if members:
                return members
            if any(
                syntax.attached_as(x, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT)
                and (
                    x.tag_ in ("NNS", "NNPS")
                    or syntax.has_dependent(x, syntax.CONJUNCT)
                )
                for x in sent
            ):
                break   # a plural subject of its own in between: not the meeting's pair
        return []

    def met_before(self, sent) -> list[str]:
        """A subject "they" after "X spoke with Y" or "X met Y" is the two of them (a readout's
        "They discussed …"): the previous sentence's subject and whom it acted with."""
        root = sent.root
        subject = syntax.first_dependent(root, syntax.NOMINAL_SUBJECT)
        if subject is None:
            return []
        partners = [
            o
            for w in sent
            if syntax.attached_as(w, syntax.PREPOSITION) and w.lower_ == "with" and self.on_verb(w, root)
            for o in syntax.dependents(w, syntax.PREPOSITION_OBJECT)
        ]  # "met today in Geneva with Y", "spoke by phone with Y"
        if root.lemma_.lower() in self.know.meeting_verbs:
            partners += syntax.dependents(root, syntax.DIRECT_OBJECT)
        doers = self.phrase_actors(subject)
        if len(doers) != 1:
            return []
        members = list(doers)
        for p in partners:
            members += [a for a in self.phrase_actors(p) or self.named_within(p) if a not in members]
        return members if len(members) >= 2 else []

    def phrase_actors(self, x: Token) -> list[str]:
        """The actors a plural phrase names: each conjunct's ("China and Russia"), else the
        head's own ("security forces"), else its modifiers' ("Indian and Chinese troops")."""
        out: list[str] = []
        stack = [x]
        while stack:
            y = stack.pop(0)
            a = self.ctx.actor_of_token(y)
            if a is None and self.sector_of(y):   # "Indian and Chinese troops", not "Lithuania's waters"
                a = next((b for c in y.children if syntax.attached_as(c, OWNER_DEPS) and c.i < y.i
                          for b in [self.ctx.actor_of_token(c)] if b), None)
            if a is not None and a not in out:
                out.append(a)
            stack += syntax.dependents(y, syntax.CONJUNCT)
        return out

    def office(self, t: Token) -> bool:
        """ "the Secretary", "the Deputy Secretary", "the President": a title with no name."""
        if t.lower_ not in self.know.title_heads or t.tag_ in ("NNS", "NNPS"):
            return False
        nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
        head, end = t.lower_, t.i + 1
        if nxt is not None and nxt.text in ("-", "\u2011") and t.i + 2 < len(self.doc):
            head, end = f"{t.lower_}-{self.doc[t.i + 2].lower_}", t.i + 3   # "the Secretary-General"
            if head not in self.know.offices:
                return False
        elif nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title:
            return False   # "the President Xi", "the Secretary General": a name or another office
        words, start, ranked = [head], t.i, False
        i = t.i - 1
        while i >= 0 and (w := self.doc[i]).pos_ in ("NOUN", "PROPN", "ADJ") and self.free(w):
            if w.lower_ in self.know.rank_words:
                ranked = True
            else:
                words.insert(0, w.lower_)
            start, i = w.i, i - 1
        if i < 0 or self.doc[i].lower_ != "the":
            return False   # "the Secretary", not "a senior minister"
        phrase = " ".join(words)
        if end == t.i + 1 and nxt is not None and nxt.lower_ == "of" and t.i + 2 < len(self.doc) \
                and self.doc[t.i + 2].lower_ == "state":
            phrase, end = f"{phrase} of state", t.i + 3
        if phrase not in self.know.offices:
            return False
        holder = self.know.offices[phrase]
        owner = self.owner(t) or self.owner(self.doc[end - 1])
        if owner is not None and holder not in ("publisher", "state"):
            return False   # "the Secretary-General of the EAC": left to the name of its own
        if owner is None and holder == "publisher":
            voice = document_voice(self.ctx)   # a release's "the Secretary" is its own state's
            owner = voice if voice in self.kb.states else None
        person = None if ranked else self.holder_named_before(t, phrase, owner)
        if person is not None:
            self.add(start, end, person, "coref")
            return True
        if owner is None and holder not in ("publisher", "state"):
            owner = known_actor(self.ctx, self.kb, holder)   # "the Secretary-General": the UN's
        code = owner or state_in_view(self.ctx, t)
        if code is None:
            return False
        self.add(start, end, self.state(code) if code in self.kb.states else code, "implied")
        return True

    def holder_named_before(self, t: Token, phrase: str, owner: str | None) -> str | None:
        """The latest person named before `t` who holds the title: their role has its words and
        no rank word ("the Secretary" after "Secretary Blinken", not after "Deputy Secretary
        Sherman" nor "Foreign Minister Wang Yi"), or it stood just before their name; of the
        owner's state when the phrase names one."""
        words = set(phrase.split())
        for m in sorted(self.ctx.mentions, key=lambda m: -m.start):
            if m.start >= t.idx or m.member:
                continue
            a = self.ctx.actors.get(m.actor_id)
            if a is None or a.kind != "person" or not (a.country or a.org) or owner not in (None, a.country):
                continue
            if self.holds(a, words):
                return a.id
        return None

    def holds(self, person: Actor, words: set[str]) -> bool:
        role = set((person.role or "").lower().split())
        if words <= role and not role & self.know.rank_words:
            return True
        for mention in person.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            before = {w.lower_ for w in self.doc[max(0, span.start - 4):span.start]} if span is not None else set()
            if words <= before and not before & self.know.rank_words:
                return True
        return False

    def state_or_sector(self, t: Token) -> None:
        """ "the government", "authorities", "security forces": the state in view, or its sector."""
        if syntax.attached_as(
            t, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER, syntax.POSSESSOR
        ):
            return   # a modifier ("government officials", "intelligence partners"), not who acts
        lemma = t.lemma_.lower()
        plural = t.tag_ in ("NNS", "NNPS")
        sector = None
        if lemma in self.know.state_nouns and not plural and self.definite(t) or lemma in self.know.state_plurals and plural:
            sector = "GOV"
        else:
            found = self.sector_of(t)
            if found in self.know.sectors_in_view and (plural or self.definite(t) or t.lower_ in self.know.bare_sector_nouns):
                sector = found
        if sector is None or self.named_by_itself(t):
            return
        code = self.owner(t)
        if code is None:
            code = state_in_view(self.ctx, t)
        if code is None:
            return
        start = t.i - 1 if t.i and self.doc[t.i - 1].lower_ == "security" and lemma == "force" else t.i
        if sector == "GOV":
            actor_id = self.state(code) if code in self.kb.states else code
        elif code in self.kb.states or code in self.kb.organizations:
            actor_id = sector_actor(self.ctx, self.kb, code, sector)
        else:
            return
        self.add(start, t.i + 1, actor_id, "implied")

    def sector_of(self, t: Token) -> str | None:
        sectors = self.kb.sectors
        if t.i and f"{self.doc[t.i - 1].lower_} {t.lower_}" in sectors:
            return sectors[f"{self.doc[t.i - 1].lower_} {t.lower_}"]
        return sectors.get(t.lower_) or sectors.get(t.lemma_.lower())


@extractor("implied_actors", requires=("coref",), components=("parser", "lemmatizer"))
def resolve_implied_actors(ctx: ExtractContext) -> None:
    """Mentions for the nouns that name an actor only through their context."""
    _Implied(ctx).run()
