"""Scores a document's candidate pairs with the encoder coder: one encoder pass per text read
(a body sentence with an actor mention, or one of its coordinated clauses: unit_of), then per
type and source the best target (or none) over the threshold, as the pair model decides
(events.pair_model.coder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from realpolitik.extract import syntax
from realpolitik.extract.encoder.inputs import word_at
from realpolitik.extract.encoder.model import EncoderModel, PairQuery
from realpolitik.extract.encoder.units import unit_of

if TYPE_CHECKING:
    from spacy.tokens import Span

    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.events.pair_model.candidates import Pair


# The pair model's bar for a source mention's pairs to be read by the encoder: far under its
# own thresholds, it only spares the encoder's passes on doers nothing points to. Chosen on dev
# with session 12's models (type / full F1, flagship): every pair read 0.511 / 0.391, 0.82;
# 0.005 0.519 / 0.396, 0.83; 0.01 0.513 / 0.392; 0.02 0.507 / 0.387. At 0.005 the encoder's
# share of a run fell from 21 % to 14 % (`realpolitik bench`, session 12's first measurement).
# Session 13: the acts with no named doer are gated alike, by the pair model's scores of the
# pairs with no source done to the mention: dev 0.537 / 0.405 with all of them read, 0.540 /
# 0.408 gated, and the run's ratio to the raw parse 0.64 -> 0.70 (a higher bar for them alone,
# 0.02 or 0.05, gave the same ratio and a little less on dev).
GATE = 0.005


def _read(ctx: ExtractContext, sent: Span, pair: Pair,
          clauses: dict[tuple[int, int], tuple[int, tuple[int, int]]]) -> tuple[tuple[int, int], PairQuery]:
    """(the text read, as document offsets; the pair as character spans within it). The trigger
    is the source's governing predicate, as training.pairs records it; it and its clause are
    found once per source mention (kept in `clauses`)."""
    mention = (pair.doer.token_start, pair.doer.token_end)
    if mention not in clauses:
        predicate = syntax.role_of(ctx.doc, *mention).predicate
        clauses[mention] = (predicate, syntax.coordinated_clause_chars(ctx.doc[predicate]))
    at, clause = clauses[mention]
    predicate = ctx.doc[at]
    source = (pair.source.start, pair.source.end) if pair.source is not None else None
    target = (pair.target.start, pair.target.end) if pair.target is not None else None
    unit = unit_of(clause, (source, target), (sent.start_char, sent.end_char))
    offset = unit[0]
    text = ctx.document.text[unit[0]:unit[1]]
    return unit, PairQuery((source[0] - offset, source[1] - offset) if source is not None else (0, 0),
                           (target[0] - offset, target[1] - offset) if target is not None else None,
                           word_at(text, predicate.idx - offset))


def best_per_source(labels: tuple[str, ...], pairs: list[Pair], probs, threshold: float) -> list[tuple[str, Pair, float]]:
    """(type, pair, probability): per type and source actor, the most probable pair over threshold."""
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    for pair, row in zip(pairs, probs, strict=True):
        for k, t in enumerate(labels):
            p = float(row[k])
            if p >= threshold and p > best.get((t, pair.source_id), (0.0, None))[0]:
                best[(t, pair.source_id)] = (p, pair)
    named = {(t, pair.target.actor_id) for (t, source), (_, pair) in best.items()
             if source is not None and pair.target is not None}
    return [(t, pair, p) for (t, source), (p, pair) in best.items()
            if source is not None or (t, pair.target.actor_id) not in named]


def code_document(ctx: ExtractContext, model: EncoderModel, floor: float = 0.0) -> list[tuple[Span, str, Pair, float]]:
    """(sentence, type, pair, probability) for every event the encoder coder finds. The pairs
    of a source the pair model gives no type at least GATE are not read, nor the acts with no
    named doer done to a mention it gives none (events.pair_model.coder.open_sources), and a
    sentence left with no pair costs no encoder pass."""
    from realpolitik.extract.events.pair_model.candidates import pairs, sentence_mentions

    work: list[tuple[Span, list[Pair]]] = []
    for sent in ctx.body_sentences():
        mentions = sentence_mentions(ctx, sent.start_char, sent.end_char)
        if not mentions:
            continue
        work.append((sent, pairs(mentions, sourceless=True)))
    if work and GATE > 0.0:
        from realpolitik.extract.events.pair_model.coder import open_sources

        opened = open_sources(ctx, [(sent, {p.gate_key for p in ps}) for sent, ps in work], GATE)
        if opened is not None:
            work = [(sent, kept) for sent, ps in work if (kept := [p for p in ps if p.gate_key in opened])]
    if not work:
        return []
    clauses: dict[tuple[int, int], tuple[int, tuple[int, int]]] = {}
    units: dict[tuple[int, int], list[tuple[int, int, PairQuery]]] = {}   # text read -> (work item, pair, query)
    for w, (sent, ps) in enumerate(work):
        for k, pair in enumerate(ps):
            unit, q = _read(ctx, sent, pair, clauses)
            units.setdefault(unit, []).append((w, k, q))
    text = ctx.document.text
    scored = model.probabilities([(text[start:end], [q for _, _, q in members]) for (start, end), members in units.items()])
    probs = [np.zeros((len(ps), len(model.types)), dtype=np.float32) for _, ps in work]
    for members, pr in zip(units.values(), scored, strict=True):
        for (w, k, _), row in zip(members, pr, strict=True):
            probs[w][k] = row
    threshold = max(model.threshold, floor)
    return [(sent, t, pair, p) for (sent, ps), pr in zip(work, probs, strict=True)
            for t, pair, p in best_per_source(model.types, ps, pr, threshold)]
