"""How the event rules read an event's flags from its clause: negation (not/never/no, a failed
or denied clause), hypothetical (if/unless/whether clauses, could/might/may/should, would
outside reported speech), a future act announced or only foretold by someone else, a
condition ("unless"), and control ("decided to mediate", "encouraged Putin to attack")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract.events.candidate import FUTURE, IF_MARKS, REPORTING_CONTEXT, SPECULATIVE, Candidate
from realpolitik.extract.events.noun_phrases import SentenceReader
from realpolitik.extract.parties import same_state

if TYPE_CHECKING:
    from spacy.tokens import Token


class FlagReader(SentenceReader):
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
            return not any(sp == src or same_state(self.ctx, sp, src) for sp in speakers for src in c.sources)
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
