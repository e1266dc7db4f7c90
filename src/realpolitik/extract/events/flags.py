"""How the event rules read an event's flags from its clause: negation (not/never/no, a failed
or denied clause), hypothetical (if/unless/whether clauses, could/might/may/should, would
outside reported speech), a future act announced or only foretold by someone else, a
condition ("unless"), and control ("decided to mediate", "encouraged Putin to attack")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.events.candidate import FUTURE, IF_MARKS, REPORTING_CONTEXT, SPECULATIVE, Candidate
from realpolitik.extract.events.noun_phrases import SentenceReader
from realpolitik.extract.parties import same_state

if TYPE_CHECKING:
    from spacy.tokens import Token


class FlagReader(SentenceReader):
    @staticmethod
    def announced(clause: Token) -> bool:
        """The clause says what its subject will or would do: "will not", "would never"."""
        return any(
            syntax.attached_as(x, syntax.AUXILIARY) and x.lower_ in ("will", "would", "'ll", "wo", "shall")
            for x in clause.children
        )

    def foretold(self, c: Candidate, clause: Token) -> bool:
        """Whether a future act is only what someone else says or hopes another will do: the
        that-clause of a speaker who is not its actor (a state's own spokesman commits it)."""
        node = clause
        while node.pos_ not in ("VERB", "AUX") and node.head != node:
            node = node.head  # "would return to the deal": the noun's clause
        while syntax.attached_as(node, syntax.OPEN_COMPLEMENT, syntax.CONJUNCT) and node.head != node:
            node = node.head
        if not syntax.attached_as(node, syntax.CLAUSAL_COMPLEMENT) or not c.sources:
            return False
        subj_toks, _ = self.subject(node.head)
        speakers = [a for t in subj_toks for a in self.np_actors(t)]
        if speakers:
            return not any(sp == src or same_state(self.ctx, sp, src) for sp in speakers for src in c.sources)
        return any(t.lemma_.lower() in self.lex.predictors for t in subj_toks)

    def condition(self, clause: Token) -> Token | None:
        """The "unless" clause of the event's clause (or of the verbs it hangs from), if any."""
        node = clause
        for _ in range(4):
            for x in node.children:
                if syntax.attached_as(x, syntax.ADVERBIAL_CLAUSE) and any(
                    syntax.attached_as(m, syntax.MARKER) and m.lower_ in self.lex.conditional_threat
                    for m in x.children
                ):
                    return x
            if not syntax.attached_as(node, syntax.OPEN_COMPLEMENT, syntax.CONJUNCT) or node.head.i == node.i:
                return None
            node = node.head
        return None

    @staticmethod
    def foretold_content(tok: Token) -> bool:
        """Whether a that-clause of `tok`, if it has one, tells what is to come: a modal of the
        future or of possibility ("would strike", "could respond"), "going to", or a condition."""
        clauses = syntax.dependents(tok, syntax.CLAUSAL_COMPLEMENT)
        if not clauses:
            return True
        for clause in clauses:
            for x in clause.subtree:
                if syntax.attached_as(x, syntax.AUXILIARY) and (x.tag_ == "MD" or x.lower_ in ("going", "about")):
                    return True
                if (
                    syntax.attached_as(x, syntax.MARKER)
                    and x.lower_ in IF_MARKS
                    and syntax.attached_as(x.head, syntax.ADVERBIAL_CLAUSE)
                ):
                    return True
        return False

    def flags(self, c: Candidate, clause: Token) -> None:
        tok = c.trigger
        for t in {tok, clause}:
            for x in t.children:
                if syntax.attached_as(x, syntax.NEGATION) and not (
                    x.i > 0 and x.nbor(-1).lower_ == "or"
                ):  # "whether or not"
                    c.negated = not c.negated if t is tok or tok is clause else True
                if syntax.attached_as(x, syntax.DETERMINER) and x.lower_ == "no" and t.pos_ == "NOUN":
                    c.negated = True
        if (
            c.negated
            and tok.i != clause.i
            and syntax.has_dependent(tok, syntax.NEGATION)
            and syntax.has_dependent(clause, syntax.NEGATION)
        ):
            c.negated = True
        if syntax.attached_as(clause, syntax.PREPOSITION_COMPLEMENT) and clause.head.lower_ == "without":
            c.negated = True  # "left without agreeing on steps": the agreement did not happen
        # Modals and if-clauses on the clause and the verbs above it.
        node = clause
        reported = False
        for depth in range(8):
            modal = {x.lower_ for x in node.children if syntax.attached_as(x, syntax.AUXILIARY) and x.tag_ == "MD"}
            if modal & SPECULATIVE:
                c.hypothetical = True
            if modal & FUTURE and depth == 0:
                c.mode = c.mode or "future"
            if "would" in modal or "'d" in modal:
                if syntax.attached_as(node, REPORTING_CONTEXT) and depth == 0:
                    c.mode = c.mode or "future"
                else:
                    c.hypothetical = True
            for x in node.children:
                if syntax.attached_as(x, syntax.ADVERBIAL_CLAUSE) and any(
                    syntax.attached_as(m, syntax.MARKER) and m.lower_ in ("if", "unless") for m in x.children
                ):
                    c.hypothetical = True
                if (
                    syntax.attached_as(x, syntax.MARKER)
                    and x.lower_ in IF_MARKS
                    and syntax.attached_as(
                        node, syntax.ADVERBIAL_CLAUSE, syntax.CLAUSAL_COMPLEMENT, syntax.CLAUSAL_SUBJECT
                    )
                ):
                    c.hypothetical = True
            if syntax.attached_as(node, syntax.CLAUSAL_COMPLEMENT):
                reported = True
                head = node.head
                if head.lemma_.lower() in self.lex.denial:
                    c.negated = not c.negated
                if head.lemma_.lower() in self.lex.counterfactive:
                    c.negated = not c.negated
                break
            if node.head.i == node.i or not syntax.attached_as(
                node,
                syntax.OPEN_COMPLEMENT,
                syntax.CONJUNCT,
                syntax.ADVERBIAL_CLAUSE,
                syntax.CLAUSAL_MODIFIER,
                syntax.RELATIVE_CLAUSE,
                syntax.PREPOSITION_COMPLEMENT,
                syntax.PREPOSITION_OBJECT,
                syntax.PREPOSITION,
                syntax.DIRECT_OBJECT,
            ):
                break
            if syntax.attached_as(
                node, syntax.ADVERBIAL_CLAUSE, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER
            ) and not syntax.is_to_infinitive(node):
                break
            node = node.head
        _ = reported

    def control(self, c: Candidate, clause: Token, found: dict[int, Candidate]) -> None:
        """Apply the verbs an infinitive hangs from: agreed to invest, refused to, decided to."""
        node = clause
        for _ in range(4):
            if (
                syntax.attached_as(node, syntax.CONJUNCT)
                and syntax.attached_as(node.head, syntax.OPEN_COMPLEMENT)
                and node.tag_ == "VB"
            ):
                node = node.head  # "agreed to expand exercises and to hold consultations": both agreed
            if (
                not syntax.attached_as(
                    node,
                    syntax.OPEN_COMPLEMENT,
                    syntax.CLAUSAL_MODIFIER,
                    syntax.ADVERBIAL_CLAUSE,
                    syntax.CLAUSAL_COMPLEMENT,
                )
                or node.head.i == node.i
            ):
                return
            if syntax.attached_as(
                node, syntax.CLAUSAL_MODIFIER, syntax.ADVERBIAL_CLAUSE, syntax.CLAUSAL_COMPLEMENT
            ) and not syntax.is_to_infinitive(node):
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
                if syntax.has_dependent(head, syntax.NEGATION):
                    c.negated = True
                if head.pos_ in ("VERB", "AUX"):
                    modal = {
                        x.lower_
                        for x in head.children
                        if syntax.attached_as(x, syntax.AUXILIARY) and x.tag_ == "MD"
                    }
                    if modal & SPECULATIVE:
                        c.hypothetical = True
                    if modal & FUTURE:
                        c.mode = c.mode or "future"
            node = head
