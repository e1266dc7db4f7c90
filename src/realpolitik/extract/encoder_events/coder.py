"""Scores a document's candidate pairs with the encoder coder: one encoder pass per text read
(a body sentence with an actor mention, or one of its coordinated clauses: unit_of), then per
type and source the best target (or none) over the threshold, as the pair model decides
(event_model.coder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from realpolitik.extract import syntax
from realpolitik.extract.encoder_events.inputs import extent, word_at
from realpolitik.extract.encoder_events.model import EncoderModel, PairQuery

if TYPE_CHECKING:
    from spacy.tokens import Span

    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.event_model.candidates import Pair


# The pair model's bar for a source mention's pairs to be read by the encoder: far under its
# own thresholds, it only spares the encoder's passes on doers nothing points to. Chosen on dev
# (session 12): at 0.005 the pipeline's type / full F1 is 0.509 / 0.375, as with every pair
# read, and the encoder's share of a run falls from 21 % to 14 % (`realpolitik bench`); 0.01
# and 0.02 cost recall (0.503, 0.494).
GATE = 0.005


def unit_of(clause: tuple[int, int], spans, sentence: tuple[int, int]) -> tuple[int, int]:
    """What an encoder reads for a candidate (document offsets): the coordinated clause of its
    predicate (syntax.coordinated_clause_chars: "Bolivia demanded that the envoy leave, and
    Chile said it would review the case" is read one clause at a time, so that one actor's act
    does not colour the other's), stretched to hold the candidate's own spans, within its
    sentence. The event and the interest encoders, in training and at run time, share it."""
    start, end = extent(clause, *spans)
    return max(start, sentence[0]), min(end, sentence[1])


def _read(ctx: ExtractContext, sent: Span, pair: Pair,
          clauses: dict[tuple[int, int], tuple[int, tuple[int, int]]]) -> tuple[tuple[int, int], PairQuery]:
    """(the text read, as document offsets; the pair as character spans within it). The trigger
    is the source's governing predicate, as training.pairs records it; it and its clause are
    found once per source mention (kept in `clauses`)."""
    mention = (pair.source.token_start, pair.source.token_end)
    if mention not in clauses:
        predicate = syntax.role_of(ctx.doc, *mention).predicate
        clauses[mention] = (predicate, syntax.coordinated_clause_chars(ctx.doc[predicate]))
    at, clause = clauses[mention]
    predicate = ctx.doc[at]
    source = (pair.source.start, pair.source.end)
    target = (pair.target.start, pair.target.end) if pair.target is not None else None
    unit = unit_of(clause, (source, target), (sent.start_char, sent.end_char))
    offset = unit[0]
    text = ctx.document.text[unit[0]:unit[1]]
    return unit, PairQuery((source[0] - offset, source[1] - offset),
                           (target[0] - offset, target[1] - offset) if target is not None else None,
                           word_at(text, predicate.idx - offset))


def best_per_source(labels: tuple[str, ...], pairs: list[Pair], probs, threshold: float) -> list[tuple[str, Pair, float]]:
    """(type, pair, probability): per type and source actor, the most probable pair over threshold."""
    best: dict[tuple[str, str], tuple[float, Pair]] = {}
    for pair, row in zip(pairs, probs, strict=True):
        for k, t in enumerate(labels):
            p = float(row[k])
            if p >= threshold and p > best.get((t, pair.source.actor_id), (0.0, None))[0]:
                best[(t, pair.source.actor_id)] = (p, pair)
    return [(t, pair, p) for (t, _), (p, pair) in best.items()]


def code_document(ctx: ExtractContext, model: EncoderModel, floor: float = 0.0,
                  ruled: set[tuple[int, str]] | None = None) -> list[tuple[Span, str, Pair, float]]:
    """(sentence, type, pair, probability) for every event the encoder coder finds. `ruled`:
    (sentence start, actor) doers whose acts the caller keeps from the rules; their pairs are
    not read (pairs compete only with those of the same source), and a sentence left with no
    pair costs no encoder pass. Nor are the pairs of a source the pair model gives no type at
    least GATE (event_model.coder.open_sources)."""
    from realpolitik.extract.event_model.candidates import pairs, sentence_mentions

    work: list[tuple[Span, list[Pair]]] = []
    for sent in ctx.body_sentences():
        mentions = sentence_mentions(ctx, sent.start_char, sent.end_char)
        if not mentions:
            continue
        read = [p for p in pairs(mentions) if not ruled or (sent.start_char, p.source.actor_id) not in ruled]
        if read:
            work.append((sent, read))
    if work and GATE > 0.0:
        from realpolitik.extract.event_model.coder import open_sources

        opened = open_sources(ctx, [(sent, {(p.source.start, p.source.end) for p in ps}) for sent, ps in work], GATE)
        if opened is not None:
            work = [(sent, kept) for sent, ps in work
                    if (kept := [p for p in ps if (p.source.start, p.source.end) in opened])]
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
