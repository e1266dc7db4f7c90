"""The event model's coder skips the pairs whose every outcome it would drop (their doer's
act here was read by the rules): skipping them must change nothing it adds."""

from __future__ import annotations

from importlib.resources import files

import pytest

from realpolitik.extract.context import ExtractContext
from realpolitik.extract.event_model import coder, features
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
    monkeypatch.setattr(coder, "ADD_FLOOR", 0.15)   # more additions than the shipped floor: more to compare
    ctx = _before_the_model(pipeline)
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
