"""Features of a candidate interest statement, hashed as the event model's are.

Beside the predicate, its subject and what it governs: the predicate that governs the
candidate's own ("we call on all states *to support* ..."), tense, auxiliaries and the
governor's negation and modal ("did not", "will never"), and the head of the span with
whether it is a clause or names an actor (session 6, each measured on dev)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.events.pair_model.features import hash_set
from realpolitik.extract.interest_model.candidates import Candidate

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext

FIRST_PERSON = {"we", "i", "us", "our", "my"}
SPAN_WORDS = 8   # what an interest is about shows in its first words


def features(doc: Doc, c: Candidate, holder_kind: str | None, ctx: ExtractContext | None = None,
             memo: dict | None = None) -> list[int]:
    """The candidate's hashed features; `ctx` (the actor layer) tells whether its span names an
    actor. Candidates of one predicate (a governed list's items, a clause's subject) share most
    of them: with a `memo` kept over a sentence, the parts that depend only on the predicate,
    on its subject or on the span are worked out and hashed once (the indices are the same:
    hashed(a + b) is sorted(set(hashed(a)) | set(hashed(b))))."""
    memo = {} if memo is None else memo
    lem, gov_lem, head_ids = _head_part(doc, c.head, memo)
    own = [f"comp={c.complement}", f"lem|comp={lem}|{c.complement}", f"holder_kind={holder_kind}",
           f"gov|kind={gov_lem}|{c.complement}"]
    ids = (hash_set(own) | head_ids | _subject_part(doc, c.subject, lem, memo)
           | _span_part(doc, c.span, memo) | _span_with_head(doc, c.span, c.head, lem, ctx, memo))
    return sorted(ids)


def _head_part(doc: Doc, head: int, memo: dict) -> tuple[str, str, set[int]]:
    """(the predicate's lemma, its governor's lemma, the hashed features of the predicate
    alone): with what governs it and how it is said ("calls on all states to support [X]" is
    the caller's wish; "did not accept", "will never accept" differ in tense and modal)."""
    key = ("head", head)
    got = memo.get(key)
    if got is None:
        tok = doc[head]
        lem = tok.lemma_.lower()
        feats = [
            "bias",
            f"lem={lem}",
            f"pos={tok.pos_}",
            f"dep={syntax.relation_label(tok)}",
            f"head={tok.head.lemma_.lower()}",
            f"head|lem={tok.head.lemma_.lower()}|{lem}",
        ]
        prev = doc[head - 1] if head > 0 else None
        if prev is not None:
            feats += [f"prev={prev.lower_}", f"prev|lem={prev.lower_}|{lem}"]
        if syntax.is_negated(tok):
            feats += ["neg", f"neg|lem={lem}"]
        modal = syntax.modal_of(tok)
        if modal:
            feats += [f"modal={modal}", f"modal|lem={modal}|{lem}"]
        for child in tok.children:
            if syntax.attached_as(
                child,
                syntax.ADVERBIAL_MODIFIER,
                syntax.ADJECTIVAL_MODIFIER,
                syntax.AUXILIARY,
                syntax.PASSIVE_AUXILIARY,
                syntax.PARTICLE,
            ):
                feats.append(f"child={syntax.relation_label(child)}:{child.lemma_.lower()}")
        gov = syntax.predicate_of(tok)
        above = [t for t in syntax.path_up(tok, 5)[1:] if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
        gov_modal = syntax.modal_of(gov) if gov is not tok else None
        feats += [f"gov|lem={gov.lemma_.lower()}|{lem}", *(f"anc={t.lemma_.lower()}" for t in above[:3]),
                  f"tag={tok.tag_}", f"tag|lem={tok.tag_}|{lem}", f"gov_tag={gov.tag_}",
                  f"gov_neg={syntax.is_negated(gov)}", f"gov_modal={gov_modal}",
                  *(f"aux={a.lower_}" for a in syntax.dependents(tok, syntax.AUXILIARY, syntax.PASSIVE_AUXILIARY))]
        got = memo[key] = (lem, gov.lemma_.lower(), hash_set(feats))
    return got


def _subject_part(doc: Doc, subject: int | None, lem: str, memo: dict) -> set[int]:
    key = ("subject", subject, lem)
    got = memo.get(key)
    if got is None:
        if subject is not None:
            subj = doc[subject]
            text = subj.lower_
            feats = [f"subj={subj.lemma_.lower()}", f"subj|lem={subj.lemma_.lower()}|{lem}",
                     f"subj_first_person={text in FIRST_PERSON or any(t.lower_ in FIRST_PERSON for t in subj.subtree)}"]
            for t in subj.subtree:
                if syntax.attached_as(t, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.POSSESSOR):
                    feats.append(f"subj_mod={t.lemma_.lower()}")
        else:
            feats = ["no_subject"]
        got = memo[key] = hash_set(feats)
    return got


def _span_part(doc: Doc, span: tuple[int, int], memo: dict) -> set[int]:
    key = ("span", span)
    got = memo.get(key)
    if got is None:
        feats = []
        comp_first = _governed(doc, span, memo)
        if comp_first is not None and len(comp_first):
            feats += [f"comp_first={comp_first[0].lemma_.lower()}", f"comp_root={comp_first.root.lemma_.lower()}",
                      f"comp_len={min(len(comp_first), 12) // 3}"]
        got = memo[key] = hash_set(feats)
    return got


def _span_with_head(doc: Doc, span: tuple[int, int], head: int, lem: str, ctx: ExtractContext | None,
                    memo: dict) -> set[int]:
    """The span's head with the predicate, whether it is a clause, names an actor, its length."""
    key = ("span_head", span, head)
    got = memo.get(key)
    if got is None:
        feats = []
        governed = _governed(doc, span, memo)
        if governed is not None and len(governed):
            root = governed.root
            names_actor = ctx is not None and any(ctx.actor_of_token(t) for t in governed)
            feats = [f"root|lem={root.lemma_.lower()}|{lem}", f"root_pos={root.pos_}",
                     f"first_tag={governed[0].tag_}", f"has_verb={any(t.pos_ == 'VERB' for t in governed)}",
                     f"has_actor={names_actor}", f"span_words={min(len(governed), 30) // 5}"]
        got = memo[key] = hash_set(feats)
    return got


def _governed(doc: Doc, span: tuple[int, int], memo: dict):
    """doc.char_span(*span, alignment_mode="expand"), once per span."""
    key = ("governed", span)
    if key not in memo:
        memo[key] = doc.char_span(span[0], span[1], alignment_mode="expand")
    return memo[key]


def dense_features(doc: Doc, sent, cands: list[Candidate], vectors, memo: dict | None = None) -> np.ndarray:
    """Word-vector features of each candidate: its predicate with its auxiliaries and
    negation ("will never accept"), the first words of what it governs, and the sentence.
    `memo` may be the one features() kept for the sentence."""
    import numpy as np

    memo = {} if memo is None else memo
    out = np.zeros((len(cands), 3 * vectors.dim), dtype=np.float32)
    whole = vectors.mean(sent)
    predicates: dict[int, np.ndarray] = {}
    for i, c in enumerate(cands):
        if c.head not in predicates:   # a predicate's candidates share it
            tok = doc[c.head]
            predicates[c.head] = vectors.mean(
                [
                    tok,
                    *syntax.dependents(
                        tok, syntax.AUXILIARY, syntax.NEGATION, syntax.ADVERBIAL_MODIFIER, syntax.PARTICLE
                    ),
                ]
            )
        out[i, :vectors.dim] = predicates[c.head]
        governed = _governed(doc, c.span, memo)
        if governed is not None:
            out[i, vectors.dim:2 * vectors.dim] = vectors.mean(governed[:SPAN_WORDS])
        out[i, 2 * vectors.dim:] = whole
    return out
