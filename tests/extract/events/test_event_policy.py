"""The precision policy: which candidate events are reported."""

from __future__ import annotations

from realpolitik.extract.events.policy import keep
from realpolitik.schema import Actor, Event, Span, TextSpan

ACTORS = {
    "PER": Actor(id="PER", name="Peru", kind="state", country="PER"),
    "CHL": Actor(id="CHL", name="Chile", kind="state", country="CHL"),
    "ana-ruiz": Actor(id="ana-ruiz", name="Ana Ruiz", kind="person"),
    "grp:REB": Actor(id="grp:REB", name="rebels", kind="group", sector="REB"),
    "org:red-cross": Actor(id="org:red-cross", name="Red Cross", kind="organization"),
}


def _event(source, target, confidence=0.8):
    return Event(id="ev-1", doc="sha256:x", type="ACCUSE", source=source, target=target,
                 sentence=Span(start=0, end=1), trigger=TextSpan(start=0, end=1, text="x"), confidence=confidence)


def test_events_with_a_known_source_and_enough_confidence_are_kept():
    assert keep(_event("PER", "CHL"), ACTORS, 0.55)
    assert keep(_event("PER", None), ACTORS, 0.55)  # PLOVER allows a missing target


def test_events_nobody_did_are_dropped():
    assert not keep(_event(None, "CHL"), ACTORS, 0.55)


def test_the_models_acts_with_an_unnamed_doer_are_kept_when_their_target_is_known():
    done_to_chile = _event(None, "CHL").model_copy(update={"pattern": "model"})
    assert keep(done_to_chile, ACTORS, 0.55)
    assert not keep(done_to_chile.model_copy(update={"target": None}), ACTORS, 0.55)
    assert not keep(done_to_chile.model_copy(update={"target": "ana-ruiz"}), ACTORS, 0.55)
    # a rule's own source-less candidate stays out, whatever its confidence
    assert not keep(_event(None, "CHL", confidence=0.99).model_copy(update={"pattern": "verb"}), ACTORS, 0.55)
    # ... but not when the model coded the same act: the model's decision, the rule's trigger
    assert keep(_event(None, "CHL").model_copy(update={"pattern": "model+passive:verb:detain"}), ACTORS, 0.55)


def test_people_tied_to_no_state_are_dropped_but_groups_and_organisations_kept():
    assert not keep(_event("ana-ruiz", "CHL"), ACTORS, 0.55)
    assert not keep(_event("PER", "ana-ruiz"), ACTORS, 0.55)
    assert keep(_event("grp:REB", "PER"), ACTORS, 0.55)
    assert keep(_event("org:red-cross", "PER"), ACTORS, 0.55)


def test_the_models_acts_aimed_at_a_named_person_are_kept():
    """The codebook codes a designated or jailed person as the target by name; the model
    learnt those acts from annotated text, while the rules' were rarely right."""
    designated = _event("PER", "ana-ruiz").model_copy(update={"type": "SANCTION", "pattern": "model"})
    assert keep(designated, ACTORS, 0.55)
    assert not keep(designated.model_copy(update={"pattern": "verbal:verb:designate"}), ACTORS, 0.55)
    # a person with no state or bloc still cannot be the one who acts
    assert not keep(designated.model_copy(update={"source": "ana-ruiz", "target": "PER"}), ACTORS, 0.55)


def test_the_threshold_is_the_users_choice():
    weak = _event("PER", "CHL", confidence=0.5)
    assert not keep(weak, ACTORS, 0.55)
    assert keep(weak, ACTORS, 0.0)
