"""Features of a candidate interest statement, hashed as the event model's are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.event_model.features import hashed
from realpolitik.extract.interest_model.candidates import Candidate

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

FIRST_PERSON = {"we", "i", "us", "our", "my"}
SPAN_WORDS = 8   # what an interest is about shows in its first words


def features(doc: Doc, c: Candidate, holder_kind: str | None) -> list[int]:
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
    return hashed(feats)


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
