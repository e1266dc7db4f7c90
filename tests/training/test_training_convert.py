"""Annotators' quotes become offsets in the document's own text, whitespace and all."""

from __future__ import annotations

from realpolitik.training.convert import locate


def test_a_quote_is_found_across_line_breaks_and_double_spaces():
    text = "Intro.  The Foreign Minister\nof Peru  met his\ncounterpart on Tuesday."
    span = (8, len(text))
    found = locate(text, span, "Foreign Minister of Peru met")
    assert found is not None
    assert text[found["start"]:found["end"]] == "Foreign Minister\nof Peru  met"
    assert set(found) == {"start", "end"}   # offsets only: no corpus text kept


def test_a_quote_outside_its_sentence_is_not_taken_from_elsewhere():
    text = "Chile protested. Bolivia agreed."
    assert locate(text, (17, len(text)), "Chile") is None
    assert locate(text, (17, len(text)), "agreed") == {"start": 25, "end": 31}


def test_a_short_quote_is_the_word_not_a_piece_of_another_word():
    text = "The powerful envoy said we would stay."
    at = locate(text, (0, len(text)), "we")
    assert text[at["start"]:at["end"]] == "we" and at["start"] == text.index(" we ") + 1


def test_a_quote_found_only_inside_a_word_is_still_found():
    text = "Talks on the underwater cable resumed."
    at = locate(text, (0, len(text)), "water")
    assert text[at["start"]:at["end"]] == "water"
