"""The interest model's features: what a predicate's candidates share is worked out once per
sentence (a memo), and the candidates with no holder are not featurised at all; neither may
change a held candidate's features or probabilities by a bit."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.extract.context import ExtractContext
from realpolitik.extract.interest_model import coder
from realpolitik.extract.interest_model.candidates import candidates
from realpolitik.extract.interest_model.features import dense_features, features
from realpolitik.extract.word_vectors import DocVectors, shipped
from realpolitik.schema import Document, content_id
from realpolitik.training.reading import run_before

TEXT = ("We call for lasting peace, regional stability and fair trade across the Sahel. "
        "Dialogue between the two communities must prevail. "
        "Access to clean water remains our top priority, and Ghana wants new rail links to Togo and Burkina Faso. "
        "The committee did not accept the plan for a joint force.")


@pytest.fixture(scope="module")
def ctx(pipeline) -> ExtractContext:
    document = Document(id=content_id(TEXT), text=TEXT, published="2023-09-21", metadata={"country_iso3": "GHA"})
    return run_before(pipeline, document, "interest_model")


def test_features_with_a_shared_memo_are_the_features_alone(ctx):
    seen = 0
    for sent in ctx.body_sentences():
        memo: dict = {}
        for c in candidates(sent):
            for kind in ("actor", "voice", "none"):
                assert features(ctx.doc, c, kind, ctx, memo) == features(ctx.doc, c, kind, ctx)
                seen += 1
    assert seen > 30


@pytest.mark.parametrize("voice", ["GHA", None])
def test_held_candidates_score_as_when_every_candidate_is_scored(ctx, voice):
    model = coder.load()
    assert model is not None
    vectors = shipped() if model.uses_dense else None
    if model.uses_dense and vectors is None:
        pytest.skip("the interest model needs the word vectors, which are not installed")
    view = DocVectors(vectors, ctx.doc) if vectors is not None else None
    compared = 0
    for sent in ctx.body_sentences():
        cands = candidates(sent)
        holders = [coder.holder(ctx, c, voice) for c in cands]
        held = [i for i, (actor, _) in enumerate(holders) if actor is not None]
        if not held:
            continue
        dense = dense_features(ctx.doc, sent, cands, vectors) if vectors is not None else None
        everything = model.probabilities([features(ctx.doc, c, kind, ctx) for c, (_, kind) in zip(cands, holders, strict=True)],
                                         dense)
        got = model.probabilities(*coder.held_rows(ctx, sent, cands, holders, held, view))
        assert got.shape == everything.shape
        assert np.array_equal(got[held], everything[held])
        compared += len(held)
    assert compared
