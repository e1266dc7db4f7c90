"""The trained interest model in the pipeline: it adds what actors state they want, held by
the subject or the document's voice, and its weights are the recorded ones."""

from __future__ import annotations

import hashlib

import pytest

from realpolitik.extract.interest_model import coder
from realpolitik.schema import Document, content_id


@pytest.fixture(scope="module", params=["encoder", "linear"])
def interest_pipeline(request):
    """The pipeline with each learned interest coder: the linear model (the default, faster) and
    the encoder (more accurate) must both hold to what follows."""
    from realpolitik.config import Config
    from realpolitik.pipeline import Pipeline

    if request.param == "encoder":
        pytest.importorskip("onnxruntime")
    return Pipeline(config=Config.from_env(interests_model=request.param))


def _interests(pipeline, text, **meta):
    doc = Document(id=content_id(text), text=text, published="2023-09-21", metadata=meta)
    return next(iter(pipeline.analyze_documents([doc]))).interests


def test_the_weights_load_and_are_the_recorded_ones():
    model = coder.load()
    assert model is not None and model.labels == ("wants", "opposes", "commits", "fears")
    digest = hashlib.sha256(coder.WEIGHTS.read_bytes()).hexdigest()
    assert digest == coder.WEIGHTS.with_suffix(".sha256").read_text().split()[0]


def test_a_speech_priority_is_held_by_the_speakers_state(interest_pipeline):
    text = ("Our delegation remains committed to the peaceful settlement of the border dispute. "
            "We call for an immediate ceasefire in the region.")
    got = {(i.actor, i.text) for i in _interests(interest_pipeline, text, country_iso3="GHA")}
    assert ("GHA", "an immediate ceasefire in the region") in got, got
    assert any(actor == "GHA" and "peaceful settlement of the border dispute" in span for actor, span in got), got


def test_an_interest_needs_a_holder_it_can_name(interest_pipeline):
    text = "There is a need for an immediate ceasefire in the region."
    assert _interests(interest_pipeline, text) == []


def test_a_past_refusal_is_an_act_but_a_red_line_is_an_interest(pipeline, interest_pipeline):
    past = "Kenya did not accept the proposal for a joint border force."
    assert _interests(interest_pipeline, past, country_iso3="KEN") == []
    from realpolitik.extract.interest_model.coder import past_refusal

    doc = pipeline.nlp("Kenya did not accept the proposal. Kenya will never accept a divided Somalia.")
    accept = [t for t in doc if t.lemma_ == "accept"]
    assert past_refusal(accept[0]) and not past_refusal(accept[1])


def _candidates(pipeline, text):
    from realpolitik.extract.interest_model.candidates import candidates

    doc = pipeline.nlp(text)
    return doc, {(doc.text[c.span[0]:c.span[1]], c.complement) for s in doc.sents for c in candidates(s)}


def test_a_governed_list_offers_each_item_and_the_whole(pipeline):
    _, got = _candidates(pipeline, "We call for lasting peace, regional stability and fair trade.")
    assert ("lasting peace, regional stability and fair trade", "prep:for") in got, got
    assert {("lasting peace", "item:prep:for"), ("regional stability", "item:prep:for"),
            ("fair trade", "item:prep:for")} <= got, got


def test_the_subject_of_a_prescriptive_or_evaluative_clause_is_offered(pipeline):
    _, got = _candidates(pipeline, "Dialogue between the two communities must prevail.")
    assert ("Dialogue between the two communities", "subj:modal") in got, got
    _, got = _candidates(pipeline, "Access to clean water is crucial for our future.")
    assert ("Access to clean water", "subj:copula") in got, got
    _, got = _candidates(pipeline, "The old bridge collapsed in the storm.")
    assert not any(kind.startswith("subj:") for _, kind in got), got


def test_what_a_naming_verb_names_is_not_offered(pipeline):
    _, got = _candidates(pipeline, "Chile called the referendum illegal.")
    assert not any(text.startswith("the referendum") for text, _ in got), got
    _, got = _candidates(pipeline, "Moscow labelled the sanctions illegal.")
    assert not any(text.startswith("the sanctions") for text, _ in got), got
    _, got = _candidates(pipeline, "Chile called for a new referendum.")
    assert ("a new referendum", "prep:for") in got, got
    _, got = _candidates(pipeline, "Japan considers energy security a priority.")
    assert any(text.startswith("energy security") for text, _ in got), got


def test_an_evaluative_clause_is_held_by_its_attributes_owner(pipeline):
    from realpolitik.extract.interest_model.candidates import candidates

    doc = pipeline.nlp("Access to clean water remains our top priority.")
    subj = [c for c in candidates(next(doc.sents)) if c.complement == "subj:copula"]
    assert len(subj) == 1 and doc[subj[0].subject].lower_ == "our"


def test_a_subject_naming_no_actor_is_offered_to_the_documents_voice(pipeline):
    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.interest_model.candidates import candidates

    text = "A negotiated settlement should restore the country's institutions."
    document = Document(id=content_id(text), text=text, published="2023-09-21", metadata={"country_iso3": "GHA"})
    doc = pipeline.parse([document])[0]
    ctx = ExtractContext(document=document, doc=doc, config=pipeline.config)
    restore = next(c for c in candidates(next(doc.sents)) if c.complement == "dobj")
    assert coder.holder(ctx, restore, "GHA") == ("GHA", "voice_unresolved")
    assert coder.holder(ctx, restore, None) == (None, "unresolved")


def test_a_broken_candidate_cue_file_is_named(monkeypatch):
    from realpolitik.extract.interest_model import candidates
    from realpolitik.knowledge import KnowledgeError

    candidates.subject_cues.cache_clear()
    monkeypatch.setattr(candidates, "load_yaml", lambda name: {"subject_interests": {"modals": "must"}})
    try:
        with pytest.raises(KnowledgeError, match="interest_candidates.yaml"):
            candidates.subject_cues()
    finally:
        candidates.subject_cues.cache_clear()


def test_a_naming_verb_list_that_is_no_list_is_named(monkeypatch):
    from realpolitik.extract.interest_model import candidates
    from realpolitik.knowledge import KnowledgeError

    candidates.naming_verbs.cache_clear()
    monkeypatch.setattr(candidates, "load_yaml", lambda name: {"naming_verbs": "call"})
    try:
        with pytest.raises(KnowledgeError, match="naming_verbs"):
            candidates.naming_verbs()
    finally:
        candidates.naming_verbs.cache_clear()


def test_what_lies_inside_a_past_refusal_is_no_interest_either(pipeline):
    from realpolitik.extract.interest_model.coder import within_past_refusal

    doc = pipeline.nlp("Mali did not sign the plan for a regional force. Mali will never sign a plan for foreign bases.")
    plans = [t for t in doc if t.lemma_ == "plan"]
    assert within_past_refusal(plans[0]) and not within_past_refusal(plans[1])


def test_the_subject_of_an_attitude_attribute_is_no_interest(pipeline):
    # the subject holds the attitude; what it is about is the attribute's own complement
    for text in ("The ministry is committed to the reform of the courts.",
                 "The coastguard is ready to patrol the northern channel.",
                 "This notice is attributable to the embassy's press office."):
        _, got = _candidates(pipeline, text)
        assert not any(kind == "subj:copula" for _, kind in got), (text, got)
    _, got = _candidates(pipeline, "Clean water is vital for the valley's farms.")
    assert ("Clean water", "subj:copula") in got, got


def test_a_relative_pronoun_subject_is_held_by_the_noun_it_stands_for(pipeline):
    from realpolitik.extract.interest_model.candidates import candidates
    from realpolitik.training.reading import run_before

    text = "Ecuador backs the new fisheries agency of Peru, which aims to protect the hammerhead shark."
    document = Document(id=content_id(text), text=text, published="2023-09-21")
    ctx = run_before(pipeline, document, "interest_model")
    doc = ctx.doc
    aims = next(c for c in candidates(next(doc.sents)) if doc[c.head].lemma_ == "aim")
    assert doc[aims.subject].lower_ == "which"
    actor, kind = coder.holder(ctx, aims, None)
    assert kind == "actor" and ctx.actors[actor].country == "PER", (actor, kind)


def _holder_of_act(pipeline, text, lemma, voice):
    from realpolitik.extract.interest_model.candidates import candidates
    from realpolitik.training.reading import run_before

    meta = {"country_iso3": voice} if voice else {}
    document = Document(id=content_id(text), text=text, published="2023-09-21", metadata=meta)
    ctx = run_before(pipeline, document, "interest_model")
    cand = next(c for s in ctx.doc.sents for c in candidates(s)
                if ctx.doc[c.head].lemma_ == lemma and c.complement == "dobj")
    actor, kind = coder.holder(ctx, cand, coder.document_voice(ctx))
    return (ctx.actors[actor].country or ctx.actors[actor].org or actor) if actor else None, kind


def test_what_a_speech_says_another_actor_must_do_is_the_speakers_wish(pipeline):
    text = "The African Union must send observers to the vote in the north."
    assert _holder_of_act(pipeline, text, "send", "GHA") == ("GHA", "voice_prescribes")
    # with no voice, or where the speaker's own state must act, the subject holds it
    assert _holder_of_act(pipeline, text, "send", None)[1] == "actor"
    assert _holder_of_act(pipeline, "Ghana must send observers to the vote in the north.", "send", "GHA") \
        == ("GHA", "actor")
    # a prescription someone else is reported to make is not the speaker's
    reported = "Nigeria's foreign minister said the African Union should send observers to the vote."
    assert _holder_of_act(pipeline, reported, "send", "GHA")[1] == "actor"


def test_a_prescription_list_that_is_no_list_is_named(monkeypatch):
    from realpolitik.extract.interest_model import candidates
    from realpolitik.knowledge import KnowledgeError

    candidates.prescriptions.cache_clear()
    monkeypatch.setattr(candidates, "load_yaml", lambda name: {"prescriptions": {"modals": "must"}})
    try:
        with pytest.raises(KnowledgeError, match="prescriptions"):
            candidates.prescriptions()
    finally:
        candidates.prescriptions.cache_clear()
