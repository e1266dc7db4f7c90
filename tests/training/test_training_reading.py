"""An annotated document read up to one extractor (training/reading.py): the trainers see what
the pipeline has built at that point, and no more."""

from __future__ import annotations

import pytest

from realpolitik.training import corpus
from realpolitik.training.annotations import load
from realpolitik.training.reading import read_until


def test_an_unknown_extractor_is_refused_by_name(pipeline):
    with pytest.raises(ValueError, match="'evnets'"):
        read_until(pipeline, "any", "evnets")


@pytest.mark.skipif(not corpus.available(), reason="the annotated corpora (../shared/data/corpora) are absent")
def test_reading_stops_after_the_named_extractor(pipeline):
    ann = next(d for d in sorted(load(split="train"), key=lambda d: d.doc) if len(d.events) >= 3)
    document, doc, ctx = read_until(pipeline, ann.doc, "coref")
    assert document.text == corpus.get(ann.doc).text and doc.text == document.text
    assert ctx.mentions and not ctx.times and not ctx.events  # times and events come later
    _, _, fuller = read_until(pipeline, ann.doc, "events")
    assert fuller.events and len(fuller.mentions) >= len(ctx.mentions)


def test_reading_before_an_extractor_gives_what_it_receives(pipeline):
    from realpolitik.schema import Document, content_id
    from realpolitik.training.reading import run_before

    text = "Germany urged Iran on Monday to return to the nuclear talks in Vienna."
    document = Document(id=content_id(text), text=text, published="2024-03-04")
    before = run_before(pipeline, document, "events")
    assert before.mentions and before.times and not before.events
    assert run_before(pipeline, document, "event_model").events
    with pytest.raises(ValueError, match="'evnets'"):
        run_before(pipeline, document, "evnets")
