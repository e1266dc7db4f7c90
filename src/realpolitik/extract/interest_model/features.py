"""Features of a candidate interest statement, hashed as the event model's are.

Beside the predicate, its subject and what it governs: the predicate that governs the
candidate's own ("we call on all states *to support* ..."), tense, auxiliaries and the
governor's negation and modal ("did not", "will never"), and the head of the span with
whether it is a clause or names an actor (session 6, each measured on dev)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.event_model.features import hashed
from realpolitik.extract.interest_model.candidates import Candidate

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext

FIRST_PERSON = {"we", "i", "us", "our", "my"}
SPAN_WORDS = 8   # what an interest is about shows in its first words


def features(doc: Doc, c: Candidate, holder_kind: str | None, ctx: ExtractContext | None = None) -> list[int]:
    """Hashed features of a candidate; `ctx` (the actor layer) tells whether its span names an actor."""
    return hashed(base_features(doc, c, holder_kind) + governor_features(doc, c) + span_features(doc, c, ctx))


def base_features(doc: Doc, c: Candidate, holder_kind: str | None) -> list[str]:
    tok = doc[c.head]
    lem = tok.lemma_.lower()
    feats = ["bias", f"lem={lem}", f"pos={tok.pos_}", f"dep={tok.dep_}", f"comp={c.complement}",
             f"lem|comp={lem}|{c.complement}", f"head={tok.head.lemma_.lower()}",
             f"head|lem={tok.head.lemma_.lower()}|{lem}", f"holder_kind={holder_kind}"]
    prev = doc[c.head - 1] if c.head > 0 else None
    if prev is not None:
        feats += [f"prev={prev.lower_}", f"prev|lem={prev.lower_}|{lem}"]
    if c.subject is not None:
        subj = doc[c.subject]
        text = subj.lower_
        feats += [f"subj={subj.lemma_.lower()}", f"subj|lem={subj.lemma_.lower()}|{lem}",
                  f"subj_first_person={text in FIRST_PERSON or any(t.lower_ in FIRST_PERSON for t in subj.subtree)}"]
        for t in subj.subtree:
            if t.dep_ in ("amod", "compound", "poss"):
                feats.append(f"subj_mod={t.lemma_.lower()}")
    else:
        feats.append("no_subject")
    if syntax.is_negated(tok):
        feats += ["neg", f"neg|lem={lem}"]
    modal = syntax.modal_of(tok)
    if modal:
        feats += [f"modal={modal}", f"modal|lem={modal}|{lem}"]
    comp_first = doc.char_span(c.span[0], c.span[1], alignment_mode="expand")
    if comp_first is not None and len(comp_first):
        feats += [f"comp_first={comp_first[0].lemma_.lower()}", f"comp_root={comp_first.root.lemma_.lower()}",
                  f"comp_len={min(len(comp_first), 12) // 3}"]
    for child in tok.children:
        if child.dep_ in ("advmod", "amod", "aux", "auxpass", "prt"):
            feats.append(f"child={child.dep_}:{child.lemma_.lower()}")
    return feats


def governor_features(doc: Doc, c: Candidate) -> list[str]:
    """What governs the predicate and how it is said: "calls on all states to support [X]" is
    the caller's wish; "did not accept", "will never accept" differ in tense and modal."""
    tok = doc[c.head]
    lem = tok.lemma_.lower()
    gov = syntax.predicate_of(tok)
    above = [t for t in syntax.path_up(tok, 5)[1:] if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
    gov_modal = syntax.modal_of(gov) if gov is not tok else None
    return [f"gov|kind={gov.lemma_.lower()}|{c.complement}", f"gov|lem={gov.lemma_.lower()}|{lem}",
            *(f"anc={t.lemma_.lower()}" for t in above[:3]),
            f"tag={tok.tag_}", f"tag|lem={tok.tag_}|{lem}", f"gov_tag={gov.tag_}",
            f"gov_neg={syntax.is_negated(gov)}", f"gov_modal={gov_modal}",
            *(f"aux={a.lower_}" for a in tok.children if a.dep_ in ("aux", "auxpass"))]


def span_features(doc: Doc, c: Candidate, ctx: ExtractContext | None) -> list[str]:
    """The span's head with the predicate, whether it is a clause, names an actor, its length."""
    span = doc.char_span(c.span[0], c.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    names_actor = ctx is not None and any(ctx.actor_of_token(t) for t in span)
    return [f"root|lem={root.lemma_.lower()}|{doc[c.head].lemma_.lower()}", f"root_pos={root.pos_}",
            f"first_tag={span[0].tag_}", f"has_verb={any(t.pos_ == 'VERB' for t in span)}",
            f"has_actor={names_actor}", f"span_words={min(len(span), 30) // 5}"]


def dense_features(doc: Doc, sent, cands: list[Candidate], vectors) -> np.ndarray:
    """Word-vector features of each candidate: its predicate with its auxiliaries and
    negation ("will never accept"), the first words of what it governs, and the sentence."""
    import numpy as np

    out = np.zeros((len(cands), 3 * vectors.dim), dtype=np.float32)
    whole = vectors.mean(sent)
    for i, c in enumerate(cands):
        tok = doc[c.head]
        out[i, :vectors.dim] = vectors.mean([tok, *(t for t in tok.children if t.dep_ in ("aux", "neg", "advmod", "prt"))])
        governed = doc.char_span(c.span[0], c.span[1], alignment_mode="expand")
        if governed is not None:
            out[i, vectors.dim:2 * vectors.dim] = vectors.mean(governed[:SPAN_WORDS])
        out[i, 2 * vectors.dim:] = whole
    return out
