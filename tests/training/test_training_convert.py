"""Annotators' quotes become offsets in the document's own text, whitespace and all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.training import corpus
from realpolitik.training.convert import convert_interests_doc, locate

ANNOTATIONS = Path(__file__).resolve().parents[2] / "data" / "annotations" / "interests"


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


@pytest.mark.skipif(not corpus.available(), reason="the annotated corpora (../shared/data/corpora) are absent")
def test_an_interests_misquoted_cue_or_salience_and_a_stated_that_is_no_boolean_are_problems():
    stored = next(r for r in map(json.loads, (ANNOTATIONS / "round3-00.jsonl").open(encoding="utf-8"))
                  if r["interests"])
    gold = stored["interests"][0]
    text = corpus.get(stored["doc"]).text
    holder = [{"text": text[m["start"]:m["end"]], "code": m["code"]} for m in gold["holder"]]
    row = {"doc": stored["doc"], "interests": [{
        "s": gold["sentence"], "stance": gold["stance"], "holder": holder, "stated": True,
        "interest": text[gold["interest"]["start"]:gold["interest"]["end"]]}]}
    problems: list[str] = []
    assert convert_interests_doc(row, stored["sentences"], "T", problems)["interests"] and not problems
    row["interests"][0].update(cue="zzqx nowhere", salience="qqzx nowhere")
    out = convert_interests_doc(row, stored["sentences"], "T", problems)["interests"]
    assert out and out[0]["cue"] is None and len(problems) == 2 and "cue 'zzqx nowhere'" in problems[0]
    row["interests"][0].update(cue=None, salience=None, stated="critical")
    problems.clear()
    assert not convert_interests_doc(row, stored["sentences"], "T", problems)["interests"]
    assert problems == [f"{stored['doc']} s{gold['sentence']}: stated must be true or false, not 'critical'"]
