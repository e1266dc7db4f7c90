"""Adds the trained model's interests to what the rules found.

Per body sentence, each candidate predicate is scored for the four stances; the likeliest
first, each above the threshold chosen on dev and overlapping no likelier one taken in the
sentence, it becomes an interest of its holder (the subject's actor, or the
document's voice for "we"/an unnamed speaker), with the governed span as its text. Where a
rule-found interest of the same actor overlaps, the rule's stays (it carries the rank cues
the rules read exactly); an interest whose holder cannot be named is left out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.extract import extractor, syntax
from realpolitik.extract.coref import document_voice
from realpolitik.extract.interest_model.candidates import candidates, prescriptions
from realpolitik.extract.interest_model.features import FIRST_PERSON, dense_features, features
from realpolitik.extract.linear import LinearModel, load_linear
from realpolitik.extract.word_vectors import for_document
from realpolitik.extract.word_vectors import shipped as shipped_vectors
from realpolitik.schema import Interest, Span

if TYPE_CHECKING:
    import numpy as np

    from realpolitik.extract.context import ExtractContext

WEIGHTS = Path(__file__).with_name("weights.npz")


@cache
def load(path: Path = WEIGHTS) -> LinearModel | None:
    return load_linear(path, "stances")


def past_refusal(tok) -> bool:
    """ "Egypt did not accept the offer": a negated act in the past is an event (a rejection),
    not a standing interest — "will never accept" is the red line."""
    if not syntax.is_negated(tok):
        return False
    return tok.tag_ == "VBD" or any(syntax.attached_as(c, syntax.AUXILIARY) and c.tag_ == "VBD" for c in tok.children)


def within_past_refusal(tok) -> bool:
    """The predicate itself, or the verb that governs it, is a past refusal: "Kenya did not
    accept the proposal for a joint force" states no wish for a joint force."""
    return past_refusal(tok) or past_refusal(syntax.predicate_of(tok))


def _antecedent_actor(ctx: ExtractContext, subj) -> str | None:
    """The actor a relative pronoun subject stands for, named in the noun phrase its clause
    modifies (outside the clause): "the fisheries agency of Peru, which aims to protect X" is
    Peru's aim, not the voice's. The pronoun stays the candidate's subject (its features)."""
    if (
        subj.tag_ not in ("WDT", "WP")
        or not syntax.attached_as(subj.head, syntax.RELATIVE_CLAUSE)
        or subj.head.head.i == subj.head.i
    ):
        return None
    inner = {x.i for x in subj.head.subtree}
    return next((a for t in subj.head.head.subtree if t.i not in inner and (a := ctx.actor_of_token(t))), None)


def _speaker_prescribes(ctx: ExtractContext, c, voice: str) -> bool:
    """The document's voice prescribes the candidate's act to its subject: "The United Nations
    must play a larger role" in a speech is the speaker's wish (the codebook's holder; session
    16: of the candidates it applies to, 26 of 30 on dev and 165 of 282 on train overlap a gold
    interest the voice holds).
    Not where the clause reports someone else's words ("Lavrov said Kyiv should …")."""
    cues = prescriptions()
    clause = syntax.prescribed_clause(ctx.doc[c.head], cues.modals, cues.verbs, cues.frames)
    if clause is None:
        return False
    reporter = syntax.reporting_subject(clause)
    if reporter is None:
        return True
    said_by = next((a for t in reporter.subtree if (a := ctx.actor_of_token(t))), None)
    return said_by == voice or (said_by is None and any(t.lower_ in FIRST_PERSON for t in reporter.subtree))


def holder(ctx: ExtractContext, c, voice: str | None) -> tuple[str | None, str]:
    """(actor id, kind): the subject's actor, the voice for a first-person or absent subject.
    A subject that names no actor ("A negotiated process should restore ...", "the company")
    is offered to the voice as well, under its own kind: in a speech the speaker prescribes,
    in a news story it is usually an unresolved actor, and the model weighs which. An actor
    the voice prescribes to ("The Council must act") gives the voice, under its own kind."""
    if c.subject is not None:
        subj = ctx.doc[c.subject]
        antecedent = _antecedent_actor(ctx, subj)
        if antecedent:
            return antecedent, "actor"
        for t in subj.subtree:
            actor_id = ctx.actor_of_token(t)
            if actor_id:
                if voice and actor_id != voice and _speaker_prescribes(ctx, c, voice):
                    return voice, "voice_prescribes"
                return actor_id, "actor"
        if any(t.lower_ in FIRST_PERSON for t in subj.subtree) and voice:
            return voice, "voice"
        return (voice, "voice_unresolved") if voice else (None, "unresolved")
    return (voice, "voice") if voice else (None, "none")


def held_rows(ctx: ExtractContext, sent, cands: list, holders: list, held: list[int],
              vectors) -> tuple[list[list[int]], np.ndarray | None]:
    """The model's inputs for a sentence's candidates, filled for those that have a holder
    (rows `held`) only: the others can give no interest, so they are neither featurised nor
    embedded. They keep their rows, left empty: a word-vector product's rounding depends on
    the number of rows and on a row's place, so the held rows score bit for bit as if every
    row were filled."""
    import numpy as np

    memo: dict = {}
    rows: list[list[int]] = [[] for _ in cands]
    for i in held:
        rows[i] = features(ctx.doc, cands[i], holders[i][1], ctx, memo)
    dense = None
    if vectors is not None:
        dense = np.zeros((len(cands), 3 * vectors.dim), dtype=np.float32)
        dense[held] = dense_features(ctx.doc, sent, [cands[i] for i in held], vectors, memo)
    return rows, dense


# Rows (candidates) gathered before they are scored together: bounds what a long document holds.
SCORE_ROWS = 512


def scored(ctx: ExtractContext, model: LinearModel, work, vectors):
    """(work item, its candidates' probabilities) for each (sentence, candidates, holders, held)
    of `work`, in order. The hashed rows of up to SCORE_ROWS candidates are summed in one go
    (rows are independent, so each sentence scores bit for bit as alone); each sentence's
    word-vector product keeps its own rows."""
    pending: list = []
    pending_rows = 0

    def flush():
        sums = model.hashed_sums([r for _, rows, _ in pending for r in rows])
        at = 0
        for item, rows, dense in pending:
            yield item, model.probabilities_of_sums(sums[at:at + len(rows)], len(rows), dense)
            at += len(rows)

    for item in work:
        sent, cands, holders, held = item
        pending.append((item, *held_rows(ctx, sent, cands, holders, held, vectors)))
        pending_rows += len(cands)
        if pending_rows >= SCORE_ROWS:
            yield from flush()
            pending, pending_rows = [], 0
    yield from flush()


def take(ctx: ExtractContext, have: list[tuple[str, int, int]], cands: list, holders: list, held: list[int],
         probs: np.ndarray, threshold: float) -> None:
    """A sentence's interests: its held candidates likeliest first, each over the threshold and
    overlapping none taken before it; a rule's interest of the same actor and span stays."""
    taken: list[tuple[int, int]] = []
    found: list[Interest] = []
    ranked = sorted(((cands[i], holders[i], probs[i]) for i in held), key=lambda chp: -float(chp[2].max()))
    for c, (actor, _), p in ranked:
        if float(p.max()) < threshold or within_past_refusal(ctx.doc[c.head]):
            continue
        start, end = c.span
        if any(s < end and start < e for s, e in taken):
            continue   # a nested or listed span says once what the likelier one said
        taken.append((start, end))
        if any(a == actor and s < end and start < e for a, s, e in have):
            continue
        have.append((actor, start, end))
        found.append(Interest(actor=actor, rank=None, text=ctx.document.text[start:end], doc=ctx.doc_id,
                              span=Span(start=start, end=end)))
    ctx.interests.extend(sorted(found, key=lambda i: (i.span.start, i.span.end)))   # in reading order


def held_candidates(ctx: ExtractContext, voice: str | None):
    """(sentence, candidates, their holders, the indices of those with a holder) for every body
    sentence where some candidate has a holder to give an interest to."""
    for sent in ctx.body_sentences():
        if voice is None and not ctx.names_an_actor(sent.start, sent.end):
            continue   # no voice and no actor named: no candidate here could have a holder
        cands = candidates(sent)
        if not cands:
            continue
        holders = [holder(ctx, c, voice) for c in cands]
        held = [i for i, (actor, _) in enumerate(holders) if actor is not None]
        if held:
            yield sent, cands, holders, held


@extractor("interest_model", requires=("interests",), components=("parser", "lemmatizer"))
def code_interests(ctx: ExtractContext) -> None:
    if ctx.config.interests_model == "encoder":
        from realpolitik.extract.encoder_interests.coder import code_with_encoder

        code_with_encoder(ctx)
        return
    model = load()
    if model is None:
        return
    shipped = shipped_vectors() if model.uses_dense else None
    if model.uses_dense and shipped is None:
        return   # weights that need the word vectors, without them: the rules alone
    vectors = for_document(ctx, shipped) if shipped is not None else None
    voice = document_voice(ctx)
    have = [(i.actor, i.span.start, i.span.end) for i in ctx.interests]
    for (_, cands, holders, held), probs in scored(ctx, model, held_candidates(ctx, voice), vectors):
        take(ctx, have, cands, holders, held, probs, float(model.thresholds[0]))
