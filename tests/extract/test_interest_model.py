"""The trained interest model in the pipeline: it adds what actors state they want, held by
the subject or the document's voice, and its weights are the recorded ones."""

from __future__ import annotations

import hashlib

from realpolitik.extract.interest_model import coder
from realpolitik.schema import Document, content_id


def _interests(pipeline, text, **meta):
    doc = Document(id=content_id(text), text=text, published="2023-09-21", metadata=meta)
    return next(iter(pipeline.analyze_documents([doc]))).interests


def test_the_weights_load_and_are_the_recorded_ones():
    model = coder.load()
    assert model is not None and model.labels == ("wants", "opposes", "commits", "fears")
    digest = hashlib.sha256(coder.WEIGHTS.read_bytes()).hexdigest()
    assert digest == coder.WEIGHTS.with_suffix(".sha256").read_text().split()[0]


def test_a_speech_priority_is_held_by_the_speakers_state(pipeline):
    text = ("Our delegation remains committed to the peaceful settlement of the border dispute. "
            "We call for an immediate ceasefire in the region.")
    got = {(i.actor, i.text) for i in _interests(pipeline, text, country_iso3="GHA")}
    assert ("GHA", "an immediate ceasefire in the region") in got, got
    assert any(actor == "GHA" and "peaceful settlement of the border dispute" in span for actor, span in got), got


def test_an_interest_needs_a_holder_it_can_name(pipeline):
    text = "There is a need for an immediate ceasefire in the region."
    assert _interests(pipeline, text) == []


def test_a_past_refusal_is_an_act_but_a_red_line_is_an_interest(pipeline):
    past = "Kenya did not accept the proposal for a joint border force."
    assert _interests(pipeline, past, country_iso3="KEN") == []
    from realpolitik.extract.interest_model.coder import past_refusal

    doc = pipeline.nlp("Kenya did not accept the proposal. Kenya will never accept a divided Somalia.")
    accept = [t for t in doc if t.lemma_ == "accept"]
    assert past_refusal(accept[0]) and not past_refusal(accept[1])
