"""The interest encoder as the pipeline runs it (onnxruntime; skipped where it or the model is
not installed): the shipped file is the recorded one with the stances as its labels, and with
interests_model: encoder the pipeline finds stated interests in sentences of our own and none
in a sentence that states none."""

from __future__ import annotations

import pytest

from realpolitik.config import Config
from realpolitik.extract.encoder_interests import coder as interest_encoder
from realpolitik.schema import Document, content_id
from realpolitik.training.interests import STANCES

pytest.importorskip("onnxruntime")
if not (interest_encoder.DIRECTORY / "encoder.onnx").exists():
    pytest.skip("the interest encoder.onnx is not installed (make train-encoder)", allow_module_level=True)


def test_the_shipped_model_loads_with_the_stances_and_its_threshold():
    model = interest_encoder.model()
    assert model.types == STANCES and 0 < model.threshold < 1


def test_an_unknown_interests_model_is_named_in_the_error():
    with pytest.raises(ValueError, match="REALPOLITIK_INTERESTS_MODEL.*'bert'"):
        Config.from_env(interests_model="bert")


@pytest.fixture(scope="module")
def encoder_pipeline():
    from realpolitik.pipeline import Pipeline

    return Pipeline(config=Config.from_env(interests_model="encoder"))


def _interests(pipeline, text: str, **meta) -> list[tuple[str, str]]:
    doc = Document(id=content_id(text), text=text, published="2023-03-14", metadata=meta)
    return [(i.actor, i.text) for i in next(iter(pipeline.analyze_documents([doc]))).interests]


@pytest.mark.parametrize(("text", "holder", "wanted"), [
    # sentences written for this test, in the voice of a UN statement by Kenya
    ("We call for a permanent seat for Africa on the Security Council.", "KEN", "a permanent seat"),
    ("Our delegation remains firmly committed to the eradication of extreme poverty by 2030.", "KEN",
     "the eradication of extreme poverty"),
])
def test_the_encoder_finds_stated_interests_of_the_voice(encoder_pipeline, monkeypatch, text, holder, wanted):
    model, read = interest_encoder.model(), []
    scores = model.probabilities
    monkeypatch.setattr(model, "probabilities", lambda sentences: read.append(sentences) or scores(sentences))
    found = _interests(encoder_pipeline, text, country_iso3="KEN")
    assert any(actor == holder and wanted in span for actor, span in found), found
    assert any(sentence == text for batch in read for sentence, _ in batch)   # the encoder read it


def test_a_sentence_that_states_no_interest_gets_none(encoder_pipeline):
    text = "Kenya's team won four gold medals at the championships in Budapest last August."
    assert _interests(encoder_pipeline, text, country_iso3="KEN") == []


def test_a_coordinated_clause_with_its_own_subject_is_read_on_its_own(encoder_pipeline, monkeypatch):
    """Two statements by two actors in one sentence: each clause is its own encoder input, so
    the demand in the first does not colour the second (written for this test)."""
    model, read = interest_encoder.model(), []
    scores = model.probabilities
    monkeypatch.setattr(model, "probabilities", lambda sentences: read.append(sentences) or scores(sentences))
    _interests(encoder_pipeline, "Peru demanded an apology from the embassy, and Ecuador said it would study the request.")
    texts = {text for batch in read for text, _ in batch}
    assert "Peru demanded an apology from the embassy" in texts
    assert "Ecuador said it would study the request" in texts
