"""Features of a candidate interest statement, hashed as the event model's are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.event_model.features import hash_set
from realpolitik.extract.interest_model.candidates import Candidate

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

FIRST_PERSON = {"we", "i", "us", "our", "my"}
SPAN_WORDS = 8   # what an interest is about shows in its first words


def features(doc: Doc, c: Candidate, holder_kind: str | None, memo: dict | None = None) -> list[int]:
    """The candidate's hashed features. Candidates of one predicate (a governed list's items,
    a clause's subject) share most of them: with a `memo` kept over a sentence, the parts that
    depend only on the predicate, on its subject or on the span are worked out and hashed once
    (the indices are the same: hashed(a + b) is sorted(set(hashed(a)) | set(hashed(b))))."""
    memo = {} if memo is None else memo
    lem, head_ids = _head_part(doc, c.head, memo)
    own = [f"comp={c.complement}", f"lem|comp={lem}|{c.complement}", f"holder_kind={holder_kind}"]
    ids = hash_set(own) | head_ids | _subject_part(doc, c.subject, lem, memo) | _span_part(doc, c.span, memo)
    return sorted(ids)


def _head_part(doc: Doc, head: int, memo: dict) -> tuple[str, set[int]]:
    """(the predicate's lemma, the hashed features of the predicate alone)."""
    key = ("head", head)
    got = memo.get(key)
    if got is None:
        tok = doc[head]
        lem = tok.lemma_.lower()
        feats = ["bias", f"lem={lem}", f"pos={tok.pos_}", f"dep={tok.dep_}", f"head={tok.head.lemma_.lower()}",
                 f"head|lem={tok.head.lemma_.lower()}|{lem}"]
        prev = doc[head - 1] if head > 0 else None
        if prev is not None:
            feats += [f"prev={prev.lower_}", f"prev|lem={prev.lower_}|{lem}"]
        if syntax.is_negated(tok):
            feats += ["neg", f"neg|lem={lem}"]
        modal = syntax.modal_of(tok)
        if modal:
            feats += [f"modal={modal}", f"modal|lem={modal}|{lem}"]
        for child in tok.children:
            if child.dep_ in ("advmod", "amod", "aux", "auxpass", "prt"):
                feats.append(f"child={child.dep_}:{child.lemma_.lower()}")
        got = memo[key] = (lem, hash_set(feats))
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
                if t.dep_ in ("amod", "compound", "poss"):
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
            predicates[c.head] = vectors.mean([tok, *(t for t in tok.children if t.dep_ in ("aux", "neg", "advmod", "prt"))])
        out[i, :vectors.dim] = predicates[c.head]
        governed = _governed(doc, c.span, memo)
        if governed is not None:
            out[i, vectors.dim:2 * vectors.dim] = vectors.mean(governed[:SPAN_WORDS])
        out[i, 2 * vectors.dim:] = whole
    return out
