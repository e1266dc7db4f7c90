"""The trained event model in the pipeline: it fills what the rules leave, never re-codes
what they read, and its weights are the ones make train wrote (checksum below)."""

from __future__ import annotations

import hashlib

import pytest

from realpolitik.extract.events.pair_model import model as event_model
from realpolitik.schema import Document, content_id


def _run(pipeline, text, **meta):
    doc = Document(id=content_id(text), text=text, published="2022-05-10", metadata=meta)
    return next(iter(pipeline.analyze_documents([doc])))


def test_the_shipped_weights_load_and_cover_every_type():
    model = event_model.load()
    assert model is not None, "src/realpolitik/extract/events/pair_model/weights.npz is missing: run make train"
    assert len(model.labels) == 16 and model.weights.shape == (len(model.columns), 16)
    assert all(0 < t < 1 for t in model.thresholds)


def test_the_weights_file_is_the_recorded_one():
    digest = hashlib.sha256(event_model.WEIGHTS.read_bytes()).hexdigest()
    recorded = (event_model.WEIGHTS.with_suffix(".sha256")).read_text().split()[0]
    assert digest == recorded


@pytest.mark.parametrize(("text", "expected"), [
    ("We welcome the decision of the Government of Colombia to extend the ceasefire.", ("SUPPORT", "KEN", "COL")),
    ("We are deeply concerned by the Kremlin's detention of journalists.", ("ACCUSE", "KEN", "RUS")),
])
def test_a_statement_the_rules_miss_is_coded_by_the_model(pipeline, text, expected):
    from realpolitik.extract import load_default_extractors
    from realpolitik.pipeline import Pipeline

    rules_only = Pipeline(extractors=[e for e in load_default_extractors() if e.name != "event_model"])
    # the rules do not read the speaker's statement (they may code the act it is about)
    assert not [e for e in _run(rules_only, text, country_iso3="KEN").events if e.source == "KEN"]
    got = _run(pipeline, text, country_iso3="KEN").events
    # the speaker's act is coded; a second event may report the act it reacts to (the codebook
    # codes "Y's attack" in "X condemns Y's attack" too), never a second act of the speaker
    (event,) = [e for e in got if e.source == "KEN"]
    assert (event.type, event.source, event.target) == expected
    assert event.pattern == "model" and text[event.trigger.start:event.trigger.end] == event.trigger.text


@pytest.mark.parametrize("text", ["Chile and Peru agreed to share radar data.",
                                  "Canada condemned the arrest of the activists by Belarus."])
def test_the_model_never_recodes_a_doer_the_rules_read(pipeline, text):
    events = _run(pipeline, text).events
    by_rules = [e for e in events if not (e.pattern or "").startswith("model")]
    assert by_rules
    read = {e.source for e in by_rules} | {e.target for e in by_rules}
    assert all(e.source not in read for e in events if e.pattern == "model")
