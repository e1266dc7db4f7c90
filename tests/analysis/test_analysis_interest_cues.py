"""Stance and emphasis of an interest, read from the words of its sentence."""

from __future__ import annotations

import pytest

from realpolitik.analysis.interest_cues import read_cues


def cues_of(sentence: str, span: str, rank: int | None = None):
    start = sentence.index(span)
    return read_cues(sentence, start, start + len(span), rank)


@pytest.mark.parametrize(("sentence", "span", "stance", "cue"), [
    ("Chile opposes any extension of the mining concession.", "any extension of the mining concession",
     "opposes", "opposes"),
    ("Peru rejects the new tariff and supports regional trade.", "regional trade", "wants", "supports"),
    ("Peru rejects the new tariff and supports regional trade.", "the new tariff", "opposes", "rejects"),
    ("The Kenyan government is committed to free primary schooling.", "free primary schooling",
     "commits", "committed to"),
    ("Ghana is deeply concerned about the spread of armed groups.", "the spread of armed groups",
     "fears", "concerned about"),
    ("Mexico will never accept a wall paid for by its citizens.", "a wall paid for by its citizens",
     "opposes", "will never accept"),
    ("Vietnam will never seek an alliance against a neighbour.", "an alliance against a neighbour",
     "opposes", "never seek"),
    ("Brazil wants a seat on the council.", "a seat on the council", "wants", "wants"),
    ("Its goal: a larger share of the fishing quota.", "a larger share of the fishing quota", "wants", None),
])
def test_stance_is_the_nearest_cue_before_the_span(sentence, span, stance, cue):
    how = cues_of(sentence, span)
    assert (how.stance, how.stance_cue) == (stance, cue)


def test_a_span_that_opens_with_a_refusal_opposes():
    how = cues_of("India said it would not to join any bloc.", "not to join any bloc")
    assert how.stance == "opposes"


def test_emphasis_up_to_the_span_end_and_rank():
    how = cues_of("Above all, Japan firmly wants the alliance kept; it is a red line, officials added.",
                  "the alliance kept")
    assert how.emphasis == ("above all", "firmly") and how.emphatic  # "red line" comes after the span
    plain = cues_of("Japan wants the alliance kept.", "the alliance kept", rank=2)
    assert plain.emphasis == ("rank 2",) and plain.emphatic
    assert not cues_of("Japan wants the alliance kept.", "the alliance kept").emphatic
    # an overlapping longer cue wins once: "top priority", not "top priority" and "priority"
    assert cues_of("Its top priority is growth.", "growth").emphasis == ("top priority",)


def test_a_cue_may_end_in_the_span_first_word():
    how = cues_of("Ghana will stay firmly committed to free trade in the region.", "to free trade in the region")
    assert (how.stance, how.stance_cue) == ("commits", "committed to")
