"""Codes events with the trained pair model, keeping what the rules do exactly.

For every body sentence, each candidate pair is scored for each PLOVER type; per type and
source the best target (or none) above the type's threshold becomes an event. Where the
hand-written rules coded the same type, source and target, their event is kept as it is
(trigger, mode, date, flags); otherwise the event is built from the syntax layer: the
trigger is the source's governing predicate (or, for "Russia's invasion", the noun it owns),
negation and modality are read off it, and the date comes from events.dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import extractor, syntax
from realpolitik.extract.events.dates import event_date
from realpolitik.extract.events.pair_model.features import (
    actor_kinds,
    dense_pair_features,
    featurize_sentence,
)
from realpolitik.extract.events.pair_model.model import load
from realpolitik.extract.events.policy import keep
from realpolitik.extract.linear import LinearModel
from realpolitik.extract.word_vectors import for_document
from realpolitik.extract.word_vectors import shipped as shipped_vectors
from realpolitik.schema import Event, TextSpan

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span, Token

    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.events.pair_model.candidates import Pair

HYPOTHETICAL_MODALS = {"would", "could", "may", "might", "should", "must", "can"}
CONDITIONAL_MARKS = {"if", "unless"}
# An event the rules did not code is added only above this probability (chosen on the dev
# split: the rules' own events are more precise, so additions must be surer than the model's
# stand-alone threshold). Session 11's model (the same annotations, read with the session-11
# actors: unnamed groups of states, civilians, armed movements, the publisher's officials):
# of the floors measured (0.3-0.9; bench/README.md) 0.7 gave dev's best type+source+target
# F1 (level with 0.8, ahead on type F1) and keeps the flagship at 0.85.
ADD_FLOOR = 0.7
# Session 12's pair model, re-measured (dev type / full F1, flagship): 0.5 0.447 / 0.329, 0.83;
# 0.6 0.446 / 0.332, 0.85; 0.7 0.434 / 0.333, 0.85; 0.8 0.419 / 0.322, 0.85: 0.7 stays.
# The same rule for the encoder coder (events_model: encoder, the default). Session 12's
# encoder (the session-12 sentences: a blank line ends one), with the ruled floor below: 0.4 and
# 0.5 give dev 0.511 / 0.388, 0.6 0.510 / 0.383, 0.7 0.503 / 0.389, the flagship 0.83 at each.
# The model's own threshold (0.5) stays: its additions need to be no surer than its
# stand-alone events.
ENCODER_ADD_FLOOR = 0.5
# The encoder also reads the doers the rules read, and adds another act of one only above this.
# Session 12's encoder on dev (type / full F1; flagship; PLOVER type F1): not at all (floor over
# 1) 0.497 / 0.374, 0.83, 0.731; 0.97: 0.510 / 0.389; 0.9: 0.511 / 0.388, 0.725; 0.85: 0.519 /
# 0.396, 0.83, 0.723; 0.8: 0.519 / 0.396, 0.719; 0.6: 0.524 / 0.398, 0.82, 0.702. Kept: 0.85,
# level with dev's best full F1 but for 0.6-0.7, for a PLOVER cost under 0.01 (below it, the
# out-of-domain sentences pay more). The pair model, tried the same way in session 11, lost
# the flagship (0.74-0.79): it does not read them.
ENCODER_RULED_FLOOR = 0.85
# Rows (pairs) featurised before they are scored together: bounds what a long document holds.
SCORE_ROWS = 512
# decode's prefilter margin: far wider than the float32 rounding of a threshold comparison.
NEAR_BAR = 1e-6
INTENT_HEADS = {"plan", "intend", "want", "seek", "aim", "hope", "expect", "prepare", "propose", "consider"}


def _trigger(ctx: ExtractContext, pair: Pair) -> Token:
    role = syntax.role_of(ctx.doc, pair.doer.token_start, pair.doer.token_end)
    if role.owner is not None and ctx.doc[role.owner].pos_ == "NOUN":
        return ctx.doc[role.owner]
    return ctx.doc[role.predicate]


def _hypothetical(trigger: Token) -> bool:
    if syntax.modal_of(trigger) in HYPOTHETICAL_MODALS:
        return True
    for tok in syntax.path_up(trigger, 4):
        if any(syntax.attached_as(c, syntax.MARKER) and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            return True
        if (
            tok is not trigger
            and tok.lemma_.lower() in INTENT_HEADS
            and syntax.attached_as(trigger, syntax.OPEN_COMPLEMENT)
        ):
            return True
    return False


def decode(model: LinearModel, scored: list[tuple[Pair, list[int]]], floor: float = 0.0,
           dense=None, sums=None) -> list[tuple[str, Pair, float]]:
    """(type, pair, probability): per type and source actor the best pair over threshold
    (the type's own, or floor where that is higher). An act with no named doer is kept only
    when no named source does that type to the same target in the sentence. `sums`: the
    rows' hashed_sums, if worked out beforehand."""
    if not scored:
        return []
    import numpy as np

    if sums is None:
        probs = model.probabilities([f for _, f in scored], dense)
    else:
        probs = model.probabilities_of_sums(sums, len(scored), dense)
    best: dict[tuple[str, str | None], tuple[float, Pair]] = {}
    # Only (pair, type) cells near or over their bar can pass the test below, which stays the
    # exact one (in the same order): the rest of the grid is skipped in numpy, not in Python.
    near = np.minimum(model.thresholds.astype(np.float64), floor) - NEAR_BAR
    for i, k in np.argwhere(probs >= near):
        pair, t, p = scored[i][0], model.labels[k], float(probs[i, k])
        if p >= max(model.thresholds[k], floor) and p > best.get((t, pair.source_id), (0.0, None))[0]:
            best[(t, pair.source_id)] = (p, pair)
    named = {(t, pair.target.actor_id) for (t, source), (_, pair) in best.items()
             if source is not None and pair.target is not None}
    return [(t, pair, p) for (t, source), (p, pair) in best.items()
            if source is not None or (t, pair.target.actor_id) not in named]


def _build(ctx: ExtractContext, sent: Span, etype: str, pair: Pair, confidence: float,
           rules: dict[tuple, Event]) -> Event:
    from realpolitik.extract.events import event_id
    from realpolitik.extract.events.lexicon import load as load_lexicon

    source = pair.source_id
    target = pair.target.actor_id if pair.target else None
    have = rules.get((sent.start_char, etype, source, target))
    if have is not None:
        return have.model_copy(update={"confidence": max(have.confidence, round(confidence, 3)),
                                       "pattern": f"model+{have.pattern}"})
    lex = load_lexicon()
    trig = _trigger(ctx, pair)
    start, end = trig.idx, trig.idx + len(trig)
    root = lex.types[etype].root
    return Event(id=event_id(ctx.doc_id, start, end, etype, source, target), doc=ctx.doc_id, type=etype,
                 source=source, target=target, date=event_date(ctx, sent, trig),
                 negated=syntax.is_negated(trig), hypothetical=_hypothetical(trig),
                 sentence={"start": sent.start_char, "end": sent.end_char},
                 trigger=TextSpan(start=start, end=end, text=ctx.document.text[start:end]),
                 confidence=round(confidence, 3), cameo=root, goldstein=lex.goldstein.get(root), pattern="model")


def _rule_keys(ctx: ExtractContext) -> tuple[dict[tuple, Event], set[tuple]]:
    """The rules' events by (sentence, type, source, target), and the (sentence, doer) pairs
    they read: a mutual act the rules coded one way round ("Chile and Peru agreed") counts
    for both actors, so the model does not add it the other way. Only the rules' events the
    precision policy keeps read a doer: one it drops later must not keep the model from
    coding that doer (dev, session 12: type F1 0.411 -> 0.418, PLOVER 0.715 -> 0.724)."""
    rules_by_key = {(e.sentence.start, e.type, e.source, e.target): e for e in ctx.events}
    kept = [e for e in ctx.events if keep(e, ctx.actors, ctx.config.min_event_confidence)]
    rule_doers = {(e.sentence.start, e.source) for e in kept}
    rule_doers |= {(e.sentence.start, e.target) for e in kept if e.target}
    return rules_by_key, rule_doers


def code_with_encoder(ctx: ExtractContext) -> None:
    """The same gap filling with the fine-tuned encoder coder (events_model: encoder). Unlike
    the pair model it also reads the doers the rules read: a doer may do two things in one
    sentence ("condemned the strikes and called for restraint"), and the encoder, when very
    sure (ENCODER_RULED_FLOOR), adds the act the rules missed. An act of a type the rules
    coded for that doer there is theirs, with its exact trigger."""
    from realpolitik.extract.encoder.model import load as load_encoder
    from realpolitik.extract.events.encoder import DIRECTORY
    from realpolitik.extract.events.encoder.coder import code_document

    rules_by_key, rule_doers = _rule_keys(ctx)
    typed = {(e.sentence.start, e.type, actor) for e in ctx.events
             if (e.sentence.start, e.source) in rule_doers for actor in (e.source, e.target) if actor}
    added = []
    for sent, etype, pair, p in code_document(ctx, load_encoder(DIRECTORY), ENCODER_ADD_FLOOR):
        at, doer = sent.start_char, pair.doer.actor_id
        if (at, doer) in rule_doers and ((at, etype, doer) in typed or p < ENCODER_RULED_FLOOR):
            continue
        added.append(_build(ctx, sent, etype, pair, p, rules_by_key))
    ctx.events.extend(added)
    ctx.events.sort(key=lambda e: (e.sentence.start, e.trigger.start))


def _dense_rows(ctx: ExtractContext, sent: Span, scored: list[tuple[Pair, list[int]]], read: list[int],
                vectors, memo: dict):
    """The word-vector rows of the pairs in `read`, zeros for the others. Every pair keeps its
    row: the matrix product's rounding depends on the number of rows and on a row's place, so
    the rows read score bit for bit as when every row is filled."""
    import numpy as np

    dense = np.zeros((len(scored), 3 * vectors.dim), dtype=np.float32)
    dense[read] = dense_pair_features(ctx.doc, sent, [scored[i][0] for i in read], vectors, memo)
    return dense


def _model_and_vectors(ctx: ExtractContext) -> tuple[LinearModel, object] | None:
    """The pair model and the document's word vectors (None where it has no dense weights),
    or None: no model shipped, or weights that need word vectors without them (then the
    rules code alone)."""
    model = load()
    if model is None:
        return None
    shipped = shipped_vectors() if model.uses_dense else None
    if model.uses_dense and shipped is None:
        return None
    return model, (for_document(ctx, shipped) if shipped is not None else None)


def _hashed_sums_by_sentence(model: LinearModel, batch: list) -> Iterator[tuple[tuple, object]]:
    """Each (sentence, scored rows, dense) item of `batch` with its rows' hashed sums: the
    hashed part of the whole batch is summed in one go (rows are independent); each
    sentence's word-vector product stays its own (its rounding depends on its rows)."""
    sums = model.hashed_sums([f for _, scored, _ in batch for _, f in scored])
    at = 0
    for item in batch:
        yield item, sums[at:at + len(item[1])]
        at += len(item[1])


def open_sources(ctx: ExtractContext, work: list[tuple[Span, set[tuple]]], bar: float) -> set[tuple] | None:
    """Of each sentence's doers in `work` (Pair.gate_key: a source mention, or the mention an
    act with no named doer is done to), those whose pairs the pair model gives some type at
    least `bar` (far under its own thresholds): the encoder coder reads only these. Only
    those doers' pairs are featurised, and their rows scored in batches as code_events
    scores them. None when the pair model is not there to ask."""
    ready = _model_and_vectors(ctx)
    if ready is None:
        return None
    model, vectors = ready
    kinds = actor_kinds(ctx)
    out: set[tuple[int, int]] = set()
    batch: list[tuple[Span, list[tuple[Pair, list[int]]], object]] = []

    def score() -> None:
        for (_, scored, dense), sums in _hashed_sums_by_sentence(model, batch):
            best = model.probabilities_of_sums(sums, len(scored), dense).max(axis=1)
            out.update(p.gate_key for (p, _), b in zip(scored, best, strict=True) if b >= bar)
        batch.clear()

    rows_held = 0
    for sent, sources in work:
        def skip(pair: Pair, wanted: set[tuple] = sources) -> bool:
            return pair.gate_key not in wanted
        memo: dict = {}
        scored = [(pair, f) for pair, f in featurize_sentence(ctx, sent, kinds, memo, skip=skip) if not skip(pair)]
        if not scored:
            continue
        dense = (dense_pair_features(ctx.doc, sent, [pair for pair, _ in scored], vectors, memo)
                 if vectors is not None else None)
        batch.append((sent, scored, dense))
        rows_held += len(scored)
        if rows_held >= SCORE_ROWS:
            score()
            rows_held = 0
    score()
    return out


@extractor("event_model", requires=("events",), components=("parser", "lemmatizer"))
def code_events(ctx: ExtractContext) -> None:
    if ctx.config.events_model == "encoder":
        code_with_encoder(ctx)
        return
    ready = _model_and_vectors(ctx)
    if ready is None:
        return
    model, vectors = ready
    rules_by_key, rule_doers = _rule_keys(ctx)
    added: list[Event] = []
    kinds = actor_kinds(ctx)
    work: list[tuple[Span, list[tuple[Pair, list[int]]], object]] = []
    work_rows = 0

    def score(batch: list) -> None:
        """Decode the sentences in `batch` (_hashed_sums_by_sentence)."""
        for (sent, scored, dense), rows in _hashed_sums_by_sentence(model, batch):
            # A skipped pair's row is empty; whatever decode makes of it has a rule doer as its
            # source, and so has every pair it competes with; the act it may keep from being
            # added with no named doer has a rule doer as its target: all are dropped here.
            for etype, pair, p in decode(model, scored, ADD_FLOOR, dense, rows):
                if (sent.start_char, pair.doer.actor_id) in rule_doers:
                    continue   # the rules read this doer's act here already, with its exact trigger and flags
                added.append(_build(ctx, sent, etype, pair, p, rules_by_key))

    for sent in ctx.body_sentences():
        def ruled(pair: Pair, at: int = sent.start_char) -> bool:
            return (at, pair.doer.actor_id) in rule_doers

        def skip(pair: Pair, at: int = sent.start_char) -> bool:
            """Pairs whose every outcome is dropped. Not one with no named source: those
            compete with each other across targets. Not one whose target the rules did not
            read: its act may keep that target's act with no named doer from being added."""
            return pair.source is not None and ruled(pair) and (
                pair.target is None or (at, pair.target.actor_id) in rule_doers)
        memo: dict = {}
        scored = featurize_sentence(ctx, sent, kinds, memo, skip=skip)
        if all(ruled(pair) for pair, _ in scored):
            continue   # every doer here is the rules' already: nothing could be added
        read = [i for i, (pair, _) in enumerate(scored) if not skip(pair)]
        dense = _dense_rows(ctx, sent, scored, read, vectors, memo) if vectors is not None else None
        work.append((sent, scored, dense))
        work_rows += len(scored)
        if work_rows >= SCORE_ROWS:
            score(work)
            work, work_rows = [], 0
    score(work)
    ctx.events.extend(added)
    ctx.events.sort(key=lambda e: (e.sentence.start, e.trigger.start))
