"""The event rules' finder: each trigger of a sentence that the lexicon knows (a verb, an event
noun, a predicative adjective), with its source, target and flags filled in (clause
subjects and objects here; event nouns in nominal.py; flags and control in flags.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.events.candidate import PASSIVE_SUBJ, SPEECH_TYPES, SUBJ, Candidate
from realpolitik.extract.events.flags import FlagReader
from realpolitik.extract.events.lexicon import Pattern
from realpolitik.extract.events.nominal import NominalReader
from realpolitik.extract.events.noun_phrases import conjuncts, core_tokens, pobjs
from realpolitik.extract.parties import same_state

if TYPE_CHECKING:
    from spacy.tokens import Token


class RuleFinder(NominalReader, FlagReader):
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
            if syntax.attached_as(node, syntax.RELATIVE_CLAUSE):
                return False
            if syntax.attached_as(node, syntax.ADVERBIAL_CLAUSE):
                if syntax.is_to_infinitive(node) and not syntax.has_dependent(node, SUBJ):
                    return True  # a purpose: "(in order) to coordinate with Putin"
                return False
            if syntax.attached_as(node, syntax.CONJUNCT) and embedded:
                return False  # "called for calm and said it supported X": said's content, not the call's
            if syntax.attached_as(node, syntax.CLAUSAL_COMPLEMENT, syntax.OPEN_COMPLEMENT) or (
                    syntax.attached_as(node, syntax.CLAUSAL_MODIFIER)
                    and node.head.lemma_.lower() in self.lex.response_nouns):
                embedded = True  # "rejected suggestions that Kazakhstan helps Russia": the suggestion's content
            node = node.head
            outer = found.get(node.i)
            if outer is not None and outer is not c and not outer.dropped and embedded \
                    and outer.construction not in ("nominal", "evaluative") and outer.type in SPEECH_TYPES:
                return True
        return False

    def evaluative(self, verb: Token) -> Candidate | None:
        """A report that names wrongdoing is an accusation: "called the move illegal"."""
        comps = syntax.dependents(
            verb,
            syntax.CLAUSAL_COMPLEMENT,
            syntax.OBJECT_PREDICATE,
            syntax.OPEN_COMPLEMENT,
            syntax.ADJECTIVAL_COMPLEMENT,
        )
        comps += [
            o
            for c in verb.children
            if syntax.attached_as(c, syntax.PREPOSITION) and c.lower_ == "as"
            for o in pobjs(c)
        ]  # "described it as a provocation"
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
        for comp in syntax.dependents(verb, syntax.CLAUSAL_COMPLEMENT):
            modals = {x.lower_ for x in comp.children if syntax.attached_as(x, syntax.AUXILIARY) and x.tag_ == "MD"}
            if modals & self.lex.obligation_modals and not syntax.has_dependent(comp, syntax.NEGATION):
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
            if syntax.attached_as(node, syntax.ADVERBIAL_CLAUSE) and any(
                syntax.attached_as(m, syntax.MARKER) and m.lower_ in self.lex.conditional_threat
                for m in node.children
            ):
                c.dropped = True  # "unless Israel lifts the curfew": the condition set, not an act
                return
            if node.head == node or not syntax.attached_as(
                node,
                syntax.ADVERBIAL_CLAUSE,
                syntax.DIRECT_OBJECT,
                syntax.PREPOSITION_OBJECT,
                syntax.PREPOSITION,
                syntax.OPEN_COMPLEMENT,
                syntax.CONJUNCT,
                syntax.CLAUSAL_COMPLEMENT,
            ):
                break
            node = node.head
        if (
            syntax.attached_as(clause, syntax.ADVERBIAL_CLAUSE)
            and any(
                syntax.attached_as(m, syntax.MARKER, syntax.ADVERBIAL_MODIFIER)
                and m.lower_ in self.lex.condition_marks
                for m in clause.children
            )
            and any(syntax.attached_as(x, syntax.AUXILIARY) and x.tag_ == "MD" for x in clause.head.children)
        ):
            c.dropped = True  # "would rejoin only when the West lifted the curbs": a condition, not an act
            return
        condition = self.condition(clause)
        if condition is None and c.type == "THREATEN":
            for x in clause.children:  # "threatened to strike unless ...": the condition hangs below
                if syntax.attached_as(x, syntax.OPEN_COMPLEMENT):
                    condition = self.condition(x)
        if condition is not None and c.type == "THREATEN" and not c.targets:
            for x in condition.children:  # "threatened to strike unless Israel withdrew"
                if syntax.attached_as(x, SUBJ):
                    c.targets = [a for a in self.np_actors(x) if a not in c.sources]
        if condition is not None and c.mode == "future" and not c.negated and c.type not in ("THREATEN", "REQUEST"):
            # "will withdraw its troops unless the junta holds elections": a conditional threat
            # aimed at whoever must meet the condition
            c.type, c.hypothetical, c.mode = "THREATEN", False, None
            for x in condition.children:
                if syntax.attached_as(x, SUBJ):
                    c.targets = [a for a in self.np_actors(x) if a not in c.sources] + c.targets
            return
        if (c.mode == "future" or c.hypothetical) and self.foretold(c, clause):
            c.dropped = True  # "Analysts said China would invade", "Kenya hopes Uganda will sign": no one's act
            return
        if c.negated and c.type in self.lex.refusable and self.announced(clause):
            # "would never recognise Kosovo", "will not send troops": an announced refusal
            c.type, c.negated, c.mode = "REJECT", False, None
            c.hypothetical = any(
                syntax.attached_as(x, syntax.ADVERBIAL_CLAUSE) and any(m.lower_ == "if" for m in x.children)
                for x in clause.children
            )
            return
        if c.mode == "future" and not c.negated and c.type == c.pattern.type:
            if c.type in self.lex.future_promise:
                c.type = "AGREE"  # PLOVER: a promised cooperative act is AGREE
            elif c.type in self.lex.future_threat:
                c.type = "THREATEN"  # an announced coercive act is a threat

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
            for comp in syntax.dependents(tok, syntax.CLAUSAL_COMPLEMENT, syntax.OPEN_COMPLEMENT):
                for subj in syntax.dependents(comp, SUBJ):
                    c.targets.extend(a for a in self.np_actors(subj) if a not in c.targets)
        if how == "modified-noun" and subj_toks and tok.tag_ == "VBN":
            c.targets = self.np_actors(subj_toks[0]) + c.targets
        if (
            how == "agent"
            and syntax.attached_as(verb, syntax.CLAUSAL_MODIFIER, syntax.RELATIVE_CLAUSE)
            and verb.tag_ == "VBN"
        ):
            # "Syrian rebels, backed by Turkey, ...": the modified noun suffers the act
            c.targets = [a for a in self.np_actors(verb.head) if a not in c.sources and a not in c.targets] + c.targets
        # "demanded that the US cancel ...": the clause's subject is who is asked, accused, warned.
        if c.type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT") and not c.targets:
            for comp in syntax.dependents(tok, syntax.CLAUSAL_COMPLEMENT):
                for subj in syntax.dependents(comp, SUBJ, PASSIVE_SUBJ):
                    c.targets.extend(a for a in self.np_actors(subj) if a not in c.targets)
        # A promise whose clause names the partner: "promised that China-Russia cooperation ..."
        if c.type == "AGREE" and not c.targets:
            for comp in syntax.dependents(tok, syntax.OPEN_COMPLEMENT):
                c.targets.extend(a for a in self.targets(c, [comp]) if a not in c.sources and a not in c.targets)
                for x in comp.children:  # "pledged to send police officers to Haiti"
                    if syntax.attached_as(x, syntax.PREPOSITION, syntax.DATIVE) and x.lemma_.lower() in (
                            "to", "with", "for"):
                        for o in pobjs(x) or [x]:
                            c.targets.extend(a for a in self.np_actors(o) if a not in c.sources and a not in c.targets)
            for comp in syntax.dependents(tok, syntax.CLAUSAL_COMPLEMENT):
                for s in syntax.dependents(comp, SUBJ):
                    for t in s.subtree:
                        a = self.ctx.actor_of_token(t)
                        if a and a not in c.sources and a not in c.targets:
                            c.targets.append(a)
        if c.construction == "evaluative" and not c.targets:
            # "called Minsk reckless", "called the Chinese campaign reckless": whom the words judge
            for x in tok.children:
                if syntax.attached_as(
                    x,
                    syntax.DIRECT_OBJECT,
                    syntax.OBJECT_PREDICATE,
                    syntax.CLAUSAL_COMPLEMENT,
                    syntax.OPEN_COMPLEMENT,
                    syntax.ADJECTIVAL_COMPLEMENT,
                    syntax.NOMINAL_ATTRIBUTE,
                ):
                    for t in core_tokens(x):  # not inside its "of" phrases: "theft of Western secrets"
                        a = self.ctx.actor_of_token(t)
                        if a and a not in c.sources and a not in c.targets:
                            c.targets.append(a)
                            break
        if (
            not [t for t in c.targets if t not in c.sources]
            and syntax.attached_as(tok, syntax.CONJUNCT)
            and how == "subject"
            and not syntax.has_dependent(tok, SUBJ)
        ):
            # "expelled the envoy and suspended trade talks": the second act of a shared subject,
            # naming no one, is aimed where the first one was (when both are of one kind)
            first = found.get(tok.head.i)
            if first is not None and not first.dropped and first.targets and first.sources == c.sources \
                    and self.lex.types[first.type].quad == self.lex.types[c.type].quad:
                c.targets = list(first.targets)
        if c.type == "AGREE" and any(
            syntax.attached_as(x, syntax.OPEN_COMPLEMENT)
            and (
                x.lemma_.lower() in self.lex.retaliation_verbs
                or any(
                    syntax.attached_as(y, syntax.PARTICLE, syntax.ADVERBIAL_MODIFIER) and y.lower_ == "back"
                    for y in x.children
                )
            )
            for x in tok.children
        ):
            c.type = "THREATEN"  # "promised to retaliate", "vowed to hit back": a threat, not a promise
        if c.pattern.foretells and not self.foretold_content(tok):
            c.dropped = True
            return
        # A denial's that-clause is a negated event, not a rejection.
        if tok.lemma_.lower() in self.lex.denial and any(
            syntax.attached_as(x, syntax.CLAUSAL_COMPLEMENT)
            or (
                syntax.attached_as(x, syntax.OPEN_COMPLEMENT, syntax.DIRECT_OBJECT)
                and x.tag_ == "VBG"
                and x.i in found
            )
            for x in tok.children
        ):
            c.dropped = True  # "denied that it shipped arms", "denied shipping arms": the act, negated

    def targets(self, c: Candidate, heads: list[Token]) -> list[str]:
        p = c.pattern
        preps = p.targets if p.targets is not None else self.lex.types[c.type].target_preps
        toks: list[Token] = []
        for h in heads:
            for x in h.children:
                if syntax.attached_as(
                    x, syntax.DIRECT_OBJECT, syntax.DATIVE, syntax.PASSIVE_SUBJECT
                ) and h.pos_ in ("VERB", "AUX"):
                    if not (syntax.attached_as(x, syntax.DIRECT_OBJECT) and c.type in self.lex.theme_objects):
                        toks.append(x)  # "dispatched coast guard vessels to ...": what is moved is no target
                    for y in x.children:
                        if syntax.attached_as(y, syntax.PREPOSITION) and y.lemma_.lower() in preps:
                            toks.extend(pobjs(y))
                elif syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_.lower() in preps:
                    toks.extend(pobjs(x))
                elif syntax.attached_as(x, syntax.PREPOSITION) and x.lemma_.lower() in p.prep:
                    for y in x.children:  # "pulled out of Niger"
                        if syntax.attached_as(y, syntax.PREPOSITION) and y.lemma_.lower() in preps:
                            toks.extend(pobjs(y))
                elif syntax.attached_as(x, syntax.PARTICLE):
                    for y in x.children:
                        if syntax.attached_as(y, syntax.PREPOSITION) and y.lemma_.lower() in preps:
                            toks.extend(pobjs(y))
        out: list[str] = []
        for t in toks:
            if t.tag_ in ("WDT", "WP") and syntax.attached_as(t.head, syntax.RELATIVE_CLAUSE):
                t = t.head.head  # "Venezuela, which was sanctioned by ...": the noun it stands for
            found = self.np_actors(t)
            if not found and c.type in self.lex.located_targets:
                for x in [t, *conjuncts(t)]:  # "fired rockets at towns in the Galilee": where they are
                    found = found or self.located(x)
            if not found:  # "urged both governments to show restraint": the pair in view
                found = [a for a in self.collective(t) if a not in c.sources]
            if not found:  # "a statement drafted by the EU", "an invitation from Washington": its author
                authors = [o for x in t.children if syntax.attached_as(x, syntax.CLAUSAL_MODIFIER) and x.tag_ == "VBN"
                           for ag in syntax.dependents(x, syntax.PASSIVE_AGENT) for o in pobjs(ag)]
                authors += [
                    o
                    for x in t.children
                    if syntax.attached_as(x, syntax.PREPOSITION) and x.lower_ in ("from", "by")
                    for o in pobjs(x)
                ]
                found = [a for o in authors for a in self.np_actors(o) if a not in c.sources]
            if all(a in c.sources or same_state(self.ctx, a, s) for a in found for s in c.sources or [None]):
                found = found + [a for a in self.inner_actors(t, preps) if a not in found]
            for a in found:
                if a not in out:
                    out.append(a)
        return out
