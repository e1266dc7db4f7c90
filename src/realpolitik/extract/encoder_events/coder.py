"""Scores a document's candidate pairs with the encoder coder: one batch of encoder passes
per document (every body sentence with an actor mention), then per type and source the best
target (or none) over the threshold, as the pair model decides (event_model.coder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.encoder_events.inputs import word_at
from realpolitik.extract.encoder_events.model import EncoderModel, PairQuery

if TYPE_CHECKING:
    from spacy.tokens import Span

    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.event_model.candidates import Pair


def _query(ctx: ExtractContext, sent: Span, pair: Pair, triggers: dict[tuple[int, int], tuple[int, int]]) -> PairQuery:
    """The pair's source, target and trigger word as character spans within the sentence
    (the trigger is the source's governing predicate, as training.pairs records it; found once
    per source mention, kept in `triggers`)."""
    offset = sent.start_char
    mention = (pair.source.token_start, pair.source.token_end)
    if mention not in triggers:
        predicate = ctx.doc[syntax.role_of(ctx.doc, *mention).predicate]
        triggers[mention] = word_at(sent.text, predicate.idx - offset)
    target = (pair.target.start - offset, pair.target.end - offset) if pair.target is not None else None
    return PairQuery((pair.source.start - offset, pair.source.end - offset), target, triggers[mention])


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
    pair costs no encoder pass."""
    from realpolitik.extract.event_model.candidates import pairs, sentence_mentions

    work: list[tuple[Span, list[Pair]]] = []
    for sent in ctx.body_sentences():
        mentions = sentence_mentions(ctx, sent.start_char, sent.end_char)
        if not mentions:
            continue
        read = [p for p in pairs(mentions) if not ruled or (sent.start_char, p.source.actor_id) not in ruled]
        if read:
            work.append((sent, read))
    if not work:
        return []
    triggers: dict[tuple[int, int], tuple[int, int]] = {}
    probs = model.probabilities([(sent.text, [_query(ctx, sent, p, triggers) for p in ps]) for sent, ps in work])
    threshold = max(model.threshold, floor)
    return [(sent, t, pair, p) for (sent, ps), pr in zip(work, probs, strict=True)
            for t, pair, p in best_per_source(model.types, ps, pr, threshold)]
