"""Scores the interest candidates of a document with the encoder (interests_model: encoder).

The candidates, their holders and the way interests are taken from the scores are the linear
model's (extract.interest_model.coder); only the scores differ. Each held candidate is read as
training.finetune_interests read it: the text of its sentence, or of its own clause where the
sentence coordinates clauses with subjects of their own (unit_of); its holder's mention (the
subject's words), its span and its predicate, as character spans within that text; and whether
the holder is named there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from realpolitik.extract import syntax
from realpolitik.extract.coref import document_voice
from realpolitik.extract.encoder.model import EncoderModel, PairQuery
from realpolitik.extract.encoder.model import load as load_encoder
from realpolitik.extract.encoder.units import unit_of as clause_unit
from realpolitik.extract.interest_model.coder import held_candidates, take

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext

DIRECTORY = Path(__file__).parent
# The linear model's bar for a sentence to be read by the encoder (chosen on dev: at 0.02 the
# encoder reads fewer sentences and dev holder+span is 0.598 against 0.595 with every
# sentence read; 0.05 and 0.1 cost recall).
GATE = 0.02


def unit_of(doc: Doc, c, sentence: tuple[int, int]) -> tuple[int, int]:
    """What the encoder reads for a candidate (document offsets): its predicate's coordinated
    clause (encoder.units.unit_of: "…, and Chile said it would review the case" is not
    read in the light of the demand before it), stretched to hold its span and its holder's
    mention. Training (training.interest_model) and coding share it."""
    spans = [c.span] + ([syntax.subtree_chars(doc[c.subject])] if c.subject is not None else [])
    return clause_unit(syntax.coordinated_clause_chars(doc[c.head]), spans, sentence)


def query(ctx: ExtractContext, offset: int, c, kind: str) -> PairQuery:
    """A candidate as the encoder reads it (spans within the text read, which starts at `offset`)."""
    head = ctx.doc[c.head]
    holder = (0, 0)   # the voice: no words of the sentence
    if c.subject is not None:
        start, end = syntax.subtree_chars(ctx.doc[c.subject])
        holder = (start - offset, end - offset)
    return PairQuery(holder, (c.span[0] - offset, c.span[1] - offset),
                     (head.idx - offset, head.idx + len(head) - offset), flag=float(kind == "actor"))


def model() -> EncoderModel:
    return load_encoder(DIRECTORY, arena=True)   # a clause's few candidates: see EncoderModel


def gated(ctx: ExtractContext, work: list, bar: float) -> list:
    """The sentences the encoder reads: those where the linear model gives some held candidate
    at least `bar` (far under its own threshold). Its pass per sentence is what the encoder
    costs; the linear model's scores, worked out in batches as its own coder does (scored),
    are a fraction of it."""
    from realpolitik.extract.interest_model.coder import load as load_linear
    from realpolitik.extract.interest_model.coder import scored
    from realpolitik.extract.word_vectors import for_document
    from realpolitik.extract.word_vectors import shipped as shipped_vectors

    linear = load_linear()
    if linear is None or bar <= 0.0:
        return work
    shipped = shipped_vectors() if linear.uses_dense else None
    if linear.uses_dense and shipped is None:
        return work
    vectors = for_document(ctx, shipped) if shipped is not None else None
    return [item for item, probs in scored(ctx, linear, work, vectors) if float(probs[item[3]].max()) >= bar]


def code_with_encoder(ctx: ExtractContext) -> None:
    encoder = model()
    voice = document_voice(ctx)
    have = [(i.actor, i.span.start, i.span.end) for i in ctx.interests]
    work = gated(ctx, list(held_candidates(ctx, voice)), GATE)
    if not work:
        return
    text = ctx.document.text
    for sent, cands, holders, held in work:
        units: dict[tuple[int, int], list[int]] = {}
        for i in held:
            units.setdefault(unit_of(ctx.doc, cands[i], (sent.start_char, sent.end_char)), []).append(i)
        scored = encoder.probabilities([(text[start:end], [query(ctx, start, cands[i], holders[i][1]) for i in members])
                                        for (start, end), members in units.items()])
        full = np.zeros((len(cands), len(encoder.types)), dtype=np.float32)
        for members, probs in zip(units.values(), scored, strict=True):
            full[members] = probs
        take(ctx, have, cands, holders, held, full, encoder.threshold)
