"""The event model's coder skips the pairs whose every outcome it would drop (their doer's
act here was read by the rules): skipping them must change nothing it adds."""

from __future__ import annotations

from importlib.resources import files

import pytest

from realpolitik.extract.context import ExtractContext
from realpolitik.extract.events.pair_model import coder, features
from realpolitik.schema import Document, content_id
from realpolitik.training.reading import run_before

# One of the bundled example articles (our own writing): in it a pair the rules read keeps,
# scored, another act with no named doer from being added, so a coarser skip shows.
ARTICLE = "2024-05-putin-beijing-visit.txt"


def _before_the_model(pipeline) -> ExtractContext:
    text = (files("realpolitik.examples") / "articles" / ARTICLE).read_text(encoding="utf-8")
    document = Document(id=content_id(text), text=text, published="2024-05-17")
    return run_before(pipeline, document, "event_model")


def _copy(ctx: ExtractContext) -> ExtractContext:
    return ExtractContext(document=ctx.document, doc=ctx.doc, config=ctx.config, actors=dict(ctx.actors),
                          mentions=list(ctx.mentions), events=list(ctx.events))


def test_skipping_pairs_the_rules_read_changes_nothing_added(pipeline, monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(coder, "ADD_FLOOR", 0.15)   # more additions than the shipped floor: more to compare
    ctx = _before_the_model(pipeline)
    ctx.config = replace(ctx.config, events_model="pairs")   # the pair model's coder, whatever the default
    if coder.load() is None:
        pytest.skip("no event model shipped")
    assert ctx.events, "the rules read some of these acts: the skip has something to skip"
    with_skip = _copy(ctx)
    coder.code_events(with_skip)

    plain = features.featurize_sentence

    def every_pair(*args, skip=None, **kwargs):
        return plain(*args, **kwargs)

    monkeypatch.setattr(coder, "featurize_sentence", every_pair)
    without_skip = _copy(ctx)
    coder.code_events(without_skip)
    added = [e for e in with_skip.events if e.pattern.startswith("model")]
    assert added, "the model adds acts here"
    assert [e.model_dump() for e in with_skip.events] == [e.model_dump() for e in without_skip.events]


def test_only_the_rules_events_the_policy_keeps_read_a_doer(pipeline):
    """A rule's event the precision policy drops later must not keep the model from coding
    its doer: with every rule event under the bar, no doer counts as read."""
    from dataclasses import replace

    ctx = _before_the_model(pipeline)
    ruled = [e for e in ctx.events if e.source and not (e.pattern or "").startswith("model")]
    assert ruled, "the rules code acts in this article"
    _, everyone = coder._rule_keys(_with_bar(ctx, 0.0, replace))
    assert {(e.sentence.start, e.source) for e in ruled} <= everyone
    _, nobody = coder._rule_keys(_with_bar(ctx, 1.01, replace))
    assert not nobody


def _with_bar(ctx: ExtractContext, bar: float, replace) -> ExtractContext:
    copy = _copy(ctx)
    copy.config = replace(ctx.config, min_event_confidence=bar)
    return copy


def test_the_encoder_adds_another_act_to_a_doer_the_rules_read_only_above_its_floor(pipeline, monkeypatch):
    """The rules read Germany's pledge; the encoder also reads Germany, and its other act
    (welcoming the ceasefire) is added only when it is surer than ENCODER_RULED_FLOOR."""
    from dataclasses import replace

    from realpolitik.extract.events.encoder import DIRECTORY

    if not (DIRECTORY / "encoder.onnx").exists():
        pytest.skip("encoder.onnx is not installed (make train-encoder)")
    text = "Germany welcomed the ceasefire and pledged 50 million euros in aid to Sudan."
    ctx = run_before(pipeline, Document(id=content_id(text), text=text, published="2023-04-20"), "event_model")
    ctx.config = replace(ctx.config, events_model="encoder")
    ruled = {e.type for e in ctx.events if e.source == "DEU"}
    assert ruled, "the rules read Germany's act"

    def added(floor: float) -> list:
        monkeypatch.setattr(coder, "ENCODER_RULED_FLOOR", floor)
        copy = _copy(ctx)
        coder.code_events(copy)
        return [e for e in copy.events if e.pattern == "model" and e.source == "DEU"]

    anything = added(0.0)
    assert anything and all(e.type not in ruled for e in anything), "another act, never the rules' own type again"
    assert not added(1.01)
    assert all(e.confidence >= coder.ENCODER_RULED_FLOOR for e in added(coder.ENCODER_RULED_FLOOR))
