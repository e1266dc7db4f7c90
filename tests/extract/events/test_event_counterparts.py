"""Implied targets: a one-sided event aimed at the party its paragraph pairs the source with.

Documents written for these tests; each runs the whole default pipeline."""

from __future__ import annotations

from realpolitik.extract.implied_actors import STATES_AT_LARGE


def _events(analysis, trigger: str):
    return [e for e in analysis.events if e.trigger.text == trigger]


def _party(analysis, actor_id):
    actor = next((a for a in analysis.actors if a.id == actor_id), None)
    return None if actor is None else (actor.country or actor.org)


PERU_CHILE = (
    "Peru and Chile have quarrelled over anchovy quotas for a decade. In March Peru accused Chile of "
    "overfishing inside the shared zone, and Chile called the charge baseless.\n\n"
    "Peru has since demanded a binding limit on catches near the maritime border. Chile says a limit "
    "would ruin its northern ports.\n\n"
    "At home, Peru's finance ministry demanded higher fuel taxes on diesel.\n"
)


def test_a_one_sided_demand_is_aimed_at_the_party_the_paragraph_pairs_it_with(analyze):
    analysis = analyze(PERU_CHILE, published="2025-06-01")
    demand = [e for e in _events(analysis, "demanded") if "anchovy" not in e.trigger.text]
    first = min(demand, key=lambda e: e.sentence.start)
    assert _party(analysis, first.source) == "PER"
    assert _party(analysis, first.target) == "CHL"
    assert first.pattern.endswith("+counterpart")


def test_no_target_is_implied_where_the_paragraph_does_not_name_the_counterpart(analyze):
    analysis = analyze(PERU_CHILE, published="2025-06-01")
    last = max(_events(analysis, "demanded"), key=lambda e: e.sentence.start)
    assert "fuel taxes" in analysis.documents[0].text[last.sentence.start:last.sentence.end]
    assert last.target is None


def test_force_is_not_implied_between_parties_the_text_shows_only_cooperating(analyze):
    text = (
        "Brazil and Argentina signed a customs pact in May, and Argentina thanked Brazil for its help "
        "with the border crossings. Argentina then agreed with Brazil on a joint river patrol. "
        "Later that month Argentina attacked smugglers' camps on the river islands.\n"
    )
    analysis = analyze(text, published="2024-06-01")
    attacks = _events(analysis, "attacked")
    assert attacks and all(e.target is None for e in attacks)
    assert any(_party(analysis, e.target) in ("BRA", "ARG") for e in analysis.events if e.type == "AGREE")


def test_an_attack_in_a_war_report_strikes_the_other_side(analyze):
    text = (
        "Armenia and Azerbaijan traded fire along the border on Tuesday. Azerbaijan said Armenian units "
        "had shelled its positions near Lachin, and Armenia accused Azerbaijan of shelling three villages.\n\n"
        "Azerbaijani drones struck a fuel depot near Jermuk overnight, Armenian officials said.\n"
    )
    analysis = analyze(text, published="2023-09-14")
    struck = _events(analysis, "struck")
    assert struck and _party(analysis, struck[0].source) == "AZE"
    assert _party(analysis, struck[0].target) == "ARM"


def test_a_party_named_with_two_others_equally_gets_no_implied_target(analyze):
    text = (
        "Ghana met Togo on Monday. Ghana and Togo agreed on customs rules. Ghana met Benin on Friday. "
        "Ghana and Benin agreed on road tolls. Ghana later demanded faster customs clearance.\n"
    )
    analysis = analyze(text, published="2024-02-01")
    assert all(e.target is None for e in _events(analysis, "demanded"))


def test_a_hyphenated_demonym_names_the_target(analyze):
    analysis = analyze("The United States sanctioned four Armenian-registered firms on Monday.", published="2024-05-06")
    sanction = [e for e in analysis.events if e.type == "SANCTION"]
    assert sanction and _party(analysis, sanction[0].target) == "ARM"


def test_a_second_verb_of_one_attack_is_not_a_second_attack(analyze):
    text = (
        "India and Pakistan exchanged accusations on Tuesday. Pakistan said Indian troops had fired on "
        "its posts, and India accused Pakistan of sheltering militants.\n\n"
        "Indian artillery shelled two villages in the Neelum valley, killing a farmer.\n"
    )
    analysis = analyze(text, published="2024-05-07")
    last = [e for e in analysis.events if "Neelum" in analysis.documents[0].text[e.sentence.start:e.sentence.end]]
    attacks = [e for e in last if e.type == "ASSAULT" and _party(analysis, e.target) == "PAK"]
    assert len(attacks) == 1


def test_co_doers_share_an_implied_target_and_own_circles_stay_open(analyze):
    text = (
        "Iran and the United States traded threats for months. Washington accused Tehran of enriching "
        "uranium, and Iran accused the United States of sabotage.\n\n"
        "Then Israel and the United States bombed the enrichment plants. Iran asked its partners for help.\n"
    )
    analysis = analyze(text, published="2025-07-01")
    bombs = [e for e in analysis.events if e.trigger.text == "bombed"]
    assert {_party(analysis, e.source) for e in bombs} == {"ISR", "USA"}
    assert {_party(analysis, e.target) for e in bombs} == {"IRN"}
    asked = [e for e in analysis.events if e.trigger.text == "asked"]
    # "its partners" is the unnamed group of states (the codebook's IGO), never the strikers
    assert asked and {e.target for e in asked} == {STATES_AT_LARGE}


def test_a_reaction_to_the_strikes_is_aimed_at_whoever_struck(analyze):
    text = (
        "Israeli jets struck air defence sites in western Iran overnight, the army said.\n\n"
        "The Iranian foreign ministry condemned the strikes on Saturday. Jordan and Egypt called for calm.\n"
    )
    analysis = analyze(text, published="2024-10-26")
    condemned = [e for e in analysis.events if e.trigger.text == "condemned"]
    assert condemned and _party(analysis, condemned[0].target) == "ISR"
