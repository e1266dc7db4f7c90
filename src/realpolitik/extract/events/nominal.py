"""How the event rules read an event noun's actors: its possessor or adjective ("Western
sanctions", "Beijing's decision to side with"), else the subject of the light verb that
governs it ("imposed sanctions"), and its targets through the noun's prepositions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.events.candidate import NON_SPECIFIC, Candidate
from realpolitik.extract.events.noun_phrases import SentenceReader, pobjs

if TYPE_CHECKING:
    from spacy.tokens import Token


class NominalReader(SentenceReader):
    def fill_nominal(self, c: Candidate, found: dict[int, Candidate]) -> None:
        noun = c.trigger
        if any(syntax.attached_as(d, syntax.DETERMINER) and d.lower_ in NON_SPECIFIC - {"no"} for d in noun.children):
            c.dropped = True
            return
        # The noun's own actors: "Russia's demand", "Western sanctions", "the Chinese loan".
        own = None
        owner_is_target = c.pattern.owner == ("target",)
        for name in ("possessor",) if owner_is_target else c.pattern.owner:
            relation = syntax.relation_named(name)
            for x in noun.children:
                if syntax.attached_as(x, relation) and x.i < noun.i:
                    own = self.ctx.actor_of_token(x) or (
                        self.np_actor(x) if relation is syntax.POSSESSOR else None)
                    if own is None and relation is syntax.COMPOUND:  # "US drone strikes": the compound's own modifier
                        own = next((a for y in x.children if syntax.attached_as(y, syntax.COMPOUND) and y.i < x.i
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
                if syntax.attached_as(x, syntax.PREPOSITION, syntax.PASSIVE_AGENT) and (x.lemma_.lower() == "by" or (
                        x.lemma_.lower() in self.lex.noun_agent_preps.get(c.type, ()))):
                    for o in pobjs(x):
                        c.sources.extend(a for a in self.np_actors(o) or self.located(o) if a not in c.sources)
        if syntax.attached_as(noun, syntax.PREPOSITION_OBJECT) and noun.head.lemma_.lower() == "under" \
                and noun.head.head.lemma_.lower() in self.lex.under_verbs and noun.head.head.pos_ in ("VERB", "AUX"):
            self.fill_under(c, noun.head.head)
            return
        # Climb to a light verb: "imposed sanctions", "played the role of mediator", "took part in talks".
        head, via = self.light_head(noun)
        if head is None and not (
            syntax.attached_as(
                noun, syntax.DIRECT_OBJECT, syntax.PREPOSITION_OBJECT, syntax.NOMINAL_ATTRIBUTE
            )
            and self._governing_trigger(noun, found)
        ):
            for x in noun.children:  # "sanctions imposed by the EU on Belarus"
                if (
                    syntax.attached_as(x, syntax.CLAUSAL_MODIFIER)
                    and x.tag_ == "VBN"
                    and x.lemma_.lower() in self.lex.light_verbs
                ):
                    head = x
        if (
            head is None
            and syntax.attached_as(noun, syntax.DIRECT_OBJECT)
            and noun.head.lemma_.lower() in c.pattern.prep
        ):
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
            if syntax.attached_as(
                noun, syntax.DIRECT_OBJECT, syntax.PREPOSITION_OBJECT, syntax.NOMINAL_ATTRIBUTE
            ) and self._governing_trigger(noun, found):
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
        if (
            head is None
            and not c.sources
            and c.type != "AID"
            and syntax.attached_as(noun, syntax.PREPOSITION_OBJECT)
            and gov.lemma_ == "with"
            and gov.head.lemma_.lower() in self.lex.instrument_verbs
        ):
            # "retaliated against Ottawa with tariffs": the subject's own measure
            subj_toks, _ = self.subject(gov.head)
            for s in subj_toks:
                c.sources.extend(a for a in self.np_actors(s) if a not in c.sources)
            c.targets = [a for a in c.targets if a not in c.sources]
            for x in gov.head.children:
                if syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_.lower() in ("against", "at", "on"):
                    for o in pobjs(x):
                        c.targets.extend(a for a in self.np_actors(o) if a not in c.sources and a not in c.targets)
            return
        if not c.targets and head is None and c.type in ("SANCTION", "AID", "COERCE", "THREATEN"):
            # The sufferer or beneficiary named by the clause: "Russia offset Western sanctions",
            # "with China's help, Russia ...".
            gov = noun.head
            verb = None
            if syntax.attached_as(noun, syntax.DIRECT_OBJECT):
                verb = gov
            elif syntax.attached_as(noun, syntax.PREPOSITION_OBJECT) and gov.lemma_ in ("with", "despite", "under", "from"):
                verb = gov.head
                if (
                    verb.pos_ == "NOUN" and syntax.attached_as(verb, syntax.DIRECT_OBJECT) and c.sources
                ):  # "rebuilt the dam with Chinese help"
                    verb = verb.head
                if verb.pos_ not in ("VERB", "AUX"):
                    verb = None
            if verb is not None:
                subj_toks, _ = self.subject(verb)
                for s in subj_toks:
                    c.targets.extend(a for a in self.np_actors(s) if a not in c.sources and a not in c.targets)
        if len(c.sources) < 2 and c.pattern.symmetric:
            for x in noun.children:
                if syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_ == "between":
                    for o in pobjs(x):
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
                if syntax.attached_as(x, syntax.PREPOSITION, syntax.PASSIVE_AGENT) and x.lemma_.lower() in ("from", "by"):
                    for o in pobjs(x):
                        c.sources.extend(a for a in self.np_actors(o) if a not in c.sources)
        subj_toks, _ = self.subject(verb)
        for s in subj_toks:
            c.targets.extend(a for a in self.np_actors(s) or self.located(s) if a not in c.sources and a not in c.targets)
        if not c.sources:
            c.dropped = True  # "the embassy came under fire": no one named acts

    def light_head(self, noun: Token) -> tuple[Token | None, str]:
        tok = noun
        for _ in range(3):
            if syntax.attached_as(tok, syntax.COMPOUND) and tok.head.lemma_.lower() in self.lex.light_nouns:
                tok = tok.head  # "launched a mediation effort"
                continue
            if (
                syntax.attached_as(tok, syntax.DIRECT_OBJECT, syntax.PASSIVE_SUBJECT)
                and tok.head.lemma_.lower() in self.lex.light_verbs
            ):
                return tok.head, "light"
            if syntax.attached_as(tok, syntax.PREPOSITION_OBJECT) and syntax.attached_as(tok.head, syntax.PREPOSITION):
                prep = tok.head
                up = prep.head
                if up.pos_ == "NOUN" and up.lemma_.lower() in self.lex.light_nouns:
                    tok = up
                    continue
                if up.pos_ in ("VERB", "AUX") and prep.lemma_ in ("in", "into") and up.lemma_ in ("take", "engage", "participate", "join"):
                    return up, "light"
                if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() in self.lex.light_preps.get(prep.lemma_.lower(), ()):
                    return up, "light"  # "remained on alert"
            if syntax.attached_as(tok, syntax.CONJUNCT):
                tok = tok.head
                continue
            break
        return None, ""

    def _governing_trigger(self, noun: Token, found: dict[int, Candidate]) -> bool:
        gov = noun.head
        if syntax.attached_as(gov, syntax.PREPOSITION):
            gov = gov.head
        cand = found.get(gov.i)
        return cand is not None and cand.trigger is not noun

    # -- flags --------------------------------------------------------------
