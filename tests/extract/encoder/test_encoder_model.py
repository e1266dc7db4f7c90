"""The encoder coder as the pipeline runs it (onnxruntime; skipped where it or the model is
not installed): the shipped file is the recorded one, a changed file is refused, and with
events_model: encoder the pipeline codes sentences of our own."""

from __future__ import annotations

import shutil

import pytest

from realpolitik.config import Config
from realpolitik.extract.encoder import model as encoder_model
from realpolitik.extract.events.encoder import DIRECTORY
from realpolitik.schema import Document, content_id

pytest.importorskip("onnxruntime")
if not (DIRECTORY / "encoder.onnx").exists():
    pytest.skip("encoder.onnx is not installed (make train-encoder)", allow_module_level=True)


def test_the_shipped_model_loads_with_its_types_and_threshold():
    model = encoder_model.load(DIRECTORY)
    assert len(model.types) == 16 and 0 < model.threshold < 1


def test_a_model_whose_bytes_changed_is_refused(tmp_path):
    for name in ("encoder.onnx", "encoder.sha256", "encoder.json", "vocab.txt"):
        shutil.copy(DIRECTORY / name, tmp_path / name)
    with (tmp_path / "encoder.onnx").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(encoder_model.EncoderUnavailable, match="does not match"):
        encoder_model.EncoderModel(tmp_path)


def test_an_unknown_events_model_is_named_in_the_error():
    with pytest.raises(ValueError, match="REALPOLITIK_EVENTS_MODEL.*'bert'"):
        Config.from_env(events_model="bert")


@pytest.fixture(scope="module")
def encoder_pipeline():
    from realpolitik.pipeline import Pipeline

    return Pipeline(config=Config.from_env(events_model="encoder"))


def _events(pipeline, text: str, **meta):
    doc = Document(id=content_id(text), text=text, published="2023-03-14", metadata=meta)
    return next(iter(pipeline.analyze_documents([doc]))).events


@pytest.mark.parametrize(("text", "expected"), [
    # sentences written for this test; each names its doer and the act
    ("We welcome the decision of the Government of Colombia to extend the ceasefire.", ("SUPPORT", "KEN", "COL")),
    ("We are deeply concerned by the Kremlin's detention of journalists.", ("ACCUSE", "KEN", "RUS")),
])
def test_the_encoder_codes_what_the_rules_miss(encoder_pipeline, text, expected):
    got = _events(encoder_pipeline, text, country_iso3="KEN")
    assert (expected[0], expected[1], expected[2]) in [(e.type, e.source, e.target) for e in got]
    event = next(e for e in got if e.type == expected[0])
    assert event.pattern == "model" and text[event.trigger.start:event.trigger.end] == event.trigger.text


@pytest.mark.parametrize(("text", "expected"), [
    # sentences written for this test: an act whose doer the sentence does not name
    ("Two opposition leaders in Venezuela were detained overnight.", ("COERCE", None, "VEN-OPP")),
    ("Three journalists were arrested in Minsk on Tuesday.", ("COERCE", None, "BLR-CVL")),
])
def test_the_encoder_codes_acts_whose_doer_is_not_named(encoder_pipeline, text, expected):
    got = _events(encoder_pipeline, text)
    assert expected in [(e.type, e.source, e.target) for e in got]


def test_a_sentence_with_no_act_gets_no_event(encoder_pipeline):
    assert _events(encoder_pipeline, "Germany has a population of about 84 million people.") == []


def test_a_sentence_scores_the_same_alone_and_among_others():
    """The int8 model quantises activations per batch: each sentence must be its own."""
    from realpolitik.extract.encoder.model import PairQuery

    model = encoder_model.load(DIRECTORY)
    first = ("Ghana recalled its ambassador from Abuja.", [PairQuery((0, 5), (33, 38), (6, 14))])
    second = ("After a long night of talks in Geneva, the two delegations signed a ceasefire that neither "
              "side had expected to reach.", [PairQuery((39, 57), None, (58, 64))])
    alone = model.probabilities([first])[0]
    among = model.probabilities([second, first, second])[1]
    assert alone.shape == (1, len(model.types))
    assert (alone == among).all()


def test_a_coordinated_clause_with_its_own_subject_is_read_on_its_own(encoder_pipeline, monkeypatch):
    """Two acts by two actors in one sentence (written for this test): each pair reads its
    trigger's clause, so the praise in the first does not colour the second."""
    from realpolitik.extract.events.encoder import coder

    model, read = encoder_model.load(DIRECTORY), []
    scores = model.probabilities
    monkeypatch.setattr(model, "probabilities", lambda sentences: read.append(sentences) or scores(sentences))
    monkeypatch.setattr(coder, "GATE", 0.0)   # every doer read: what is read, not what the gate opens
    _events(encoder_pipeline, "Ghana's president praised the mediators from Senegal, and Togo's foreign minister "
                              "voiced doubts about Benin's border plan.")
    texts = {text for batch in read for text, _ in batch}
    assert "Ghana's president praised the mediators from Senegal" in texts
    assert "Togo's foreign minister voiced doubts about Benin's border plan" in texts
