"""The pipeline: long texts are parsed in chunks whose offsets survive the join."""

from __future__ import annotations

from realpolitik.pipeline import split_text
from realpolitik.schema import validate

PARAGRAPH = ("Ottawa recalled its ambassador from Riyadh on Tuesday. "
             "Saudi officials said the move was regrettable.\n\n")


def test_split_text_pieces_concatenate_to_the_original():
    text = PARAGRAPH * 50
    pieces = split_text(text, limit=1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_split_text_without_breaks_still_splits():
    text = "x" * 2500
    pieces = split_text(text, limit=1000)
    assert "".join(pieces) == text and len(pieces) == 3


def test_long_document_offsets_point_at_their_text(pipeline, monkeypatch):
    import realpolitik.pipeline as pl

    monkeypatch.setattr(pl, "CHUNK_CHARS", 2_000)
    text = PARAGRAPH * 40  # ~4,000 chars: parsed as several chunks joined into one Doc
    analysis = pipeline.analyze_text(text, published="2018-08-07")
    validate(analysis.to_dict())
    canada = next(a for a in analysis.actors if a.id == "CAN")
    named = [m for m in canada.mentions if m.text == "Ottawa"]
    assert len(named) == 40  # one per paragraph, none lost or doubled at chunk joins
    for m in canada.mentions:
        assert text[m.start:m.end] == m.text
