"""The held-out scorer on tiny hand-built analyses: it must reward what matches and fail what does not."""

from __future__ import annotations

import pytest

from realpolitik.evaluation import score
from realpolitik.schema import Actor, Analysis, Claim, Document, Event, Quantity, Span, TextSpan

TEXT = ("India accused Pakistan of shelling. The two sides met in Geneva. "
        "Sign up for our newsletter to hear about Pakistan talks. Trade reached $5bn.")
DOC = "sha256:test"


def sentence(hint: str) -> Span:
    start = TEXT.find(hint)
    end = TEXT.find(".", start) + 1
    return Span(start=start, end=end)


def event(type_: str, source: str | None, target: str | None, hint: str, **kw) -> Event:
    s = sentence(hint)
    return Event(id=f"ev-{type_}-{s.start}", doc=DOC, type=type_, source=source, target=target, sentence=s,
                 trigger=TextSpan(start=s.start, end=s.start + 1, text=TEXT[s.start]), **kw)


def analysis(*events: Event, **parts) -> Analysis:
    actors = [Actor(id="IND", name="India", kind="state", country="IND"),
              Actor(id="PAK", name="Pakistan", kind="state", country="PAK"),
              Actor(id="modi", name="Narendra Modi", kind="person", country="IND")]
    return Analysis(documents=[Document(id=DOC, text=TEXT, boilerplate=parts.pop("boilerplate", []))],
                    actors=actors, events=list(events), **parts)


def gold(*events: dict, **parts) -> dict:
    base = {"actors": [{"name": "India", "key": "IND", "kind": "state", "required": True}],
            "allowed_actor_keys": ["IND", "PAK"], "events": list(events), "claims": [], "quantities": [],
            "times": [], "interests": []}
    base.update(parts)
    return base


ACCUSE = {"id": "e1", "hint": "India accused Pakistan", "source": "IND", "target": "PAK", "types": ["ACCUSE"],
          "required": True}
MEET = {"id": "e2", "hint": "The two sides met", "source": "IND", "target": "PAK", "types": ["CONSULT"],
        "required": True}


def test_a_matching_event_scores_full_marks():
    result = score(analysis(event("ACCUSE", "IND", "PAK", "India accused")), gold(ACCUSE))
    assert result["events_precision"] == result["events_recall"] == result["events_f1"] == 1.0
    assert result["events_missed"] == [] and result["events_unmatched"] == []


def test_a_person_counts_as_the_state_it_belongs_to():
    result = score(analysis(event("ACCUSE", "modi", "PAK", "India accused")), gold(ACCUSE))
    assert result["events_f1"] == 1.0


def test_wrong_type_is_both_a_miss_and_a_false_positive():
    result = score(analysis(event("THREATEN", "IND", "PAK", "India accused")), gold(ACCUSE))
    assert result["events_precision"] == 0.0 and result["events_recall"] == 0.0
    assert result["events_missed"] == ["e1"]
    assert result["events_unmatched"][0].startswith("THREATEN IND->PAK")


def test_event_in_another_sentence_does_not_match():
    result = score(analysis(event("ACCUSE", "IND", "PAK", "The two sides met")), gold(ACCUSE))
    assert result["events_recall"] == 0.0


def test_reversed_direction_matches_only_symmetric_gold():
    reversed_ = analysis(event("CONSULT", "PAK", "IND", "The two sides met"))
    assert score(reversed_, gold(MEET))["events_recall"] == 0.0
    assert score(reversed_, gold({**MEET, "symmetric": True}))["events_recall"] == 1.0
    reversed_accuse = analysis(event("ACCUSE", "PAK", "IND", "India accused"))
    assert score(reversed_accuse, gold(ACCUSE))["events_f1"] == 0.0


def test_alternative_targets_are_accepted():
    result = score(analysis(event("ACCUSE", "IND", None, "India accused")), gold({**ACCUSE, "alt_targets": [None]}))
    assert result["events_f1"] == 1.0


def test_optional_gold_costs_nothing_missing_and_is_no_false_positive():
    optional = {**MEET, "required": False}
    missing = score(analysis(event("ACCUSE", "IND", "PAK", "India accused")), gold(ACCUSE, optional))
    assert missing["events_recall"] == 1.0 and missing["events_missed"] == []
    both = score(analysis(event("ACCUSE", "IND", "PAK", "India accused"), event("CONSULT", "IND", "PAK", "The two")),
                 gold(ACCUSE, optional))
    assert both["events_precision"] == 1.0


def test_one_prediction_matches_one_gold_item_only():
    twice = {**ACCUSE, "id": "e3"}
    result = score(analysis(event("ACCUSE", "IND", "PAK", "India accused")), gold(ACCUSE, twice))
    assert result["events_recall"] == 0.5


def test_polarity_and_date_are_checked_on_matches():
    g = {**ACCUSE, "negated": True, "date": "2024-11"}
    result = score(analysis(event("ACCUSE", "IND", "PAK", "India accused", date="2024-11-12")), gold(g))
    assert result["events_polarity_acc"] == 0.0 and result["events_date_acc"] == 1.0


def test_events_in_boilerplate_are_counted():
    blurb = "Sign up for our newsletter to hear about Pakistan talks."
    predicted = analysis(event("ACCUSE", "IND", "PAK", "India accused"), event("CONSULT", "PAK", None, "Sign up"))
    result = score(predicted, gold(ACCUSE, no_events_in=[blurb], boilerplate=[blurb]))
    assert result["events_in_boilerplate"] == 1
    assert result["events_precision"] == 0.5
    assert result["boilerplate_recall"] == 0.0
    start = TEXT.find(blurb)
    covered = analysis(boilerplate=[(start, start + len(blurb))])
    assert score(covered, gold(ACCUSE, boilerplate=[blurb]))["boilerplate_recall"] == 1.0


def test_claims_quantities_and_unexpected_actor_keys():
    span = sentence("India accused")
    q_at = TEXT.find("$5bn")
    predicted = analysis(
        claims=[Claim(id="c", doc=DOC, span=span, source="IND", status="reported")],
        quantities=[Quantity(id="q", doc=DOC, span=Span(start=q_at, end=q_at + 4), text="$5bn", value=5e9,
                             unit="USD", kind="money")])
    g = gold(ACCUSE, claims=[{"id": "c1", "hint": "Pakistan of shelling", "source": "IND", "status": ["alleged"],
                              "required": True}],
             quantities=[{"hint": "$5bn", "value": 5e9, "unit": "USD", "kind": "money", "required": True}],
             allowed_actor_keys=["IND"])
    result = score(predicted, g)
    assert result["claims_recall"] == 1.0 and result["claims_status_acc"] == 0.0
    assert result["claims_source_acc"] == 1.0
    assert result["quantities_recall"] == result["quantities_precision"] == 1.0
    assert result["actor_keys_unexpected"] == ["PAK"]
    assert result["n_events_recall"] == (0, 1)


def test_a_hint_missing_from_the_text_is_an_error():
    with pytest.raises(ValueError):
        score(analysis(), gold({**ACCUSE, "hint": "Nobody said this"}))
