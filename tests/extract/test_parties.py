"""Collective subjects name the pair of parties the passage is about (extract/parties.py).

Documents written for these tests; each runs the whole default pipeline."""

from __future__ import annotations

import pytest


def _parties(analysis, event):
    keys = {}
    for a in analysis.actors:
        keys[a.id] = a.country or a.org
    return {keys.get(event.source), keys.get(event.target)}


VISIT = (
    "President Gustavo Petro of Colombia received President Daniel Noboa of Ecuador in Bogota on "
    "Monday for a working visit.\n\n"
    "{subject} {verb} to reopen the border crossing at Rumichaca and to share radar data on drug flights.\n"
)


@pytest.mark.parametrize("subject", ["The two presidents", "Both leaders", "The two sides", "They"])
def test_a_collective_subject_is_the_pair_just_named(analyze, subject):
    analysis = analyze(VISIT.format(subject=subject, verb="agreed"), published="2024-06-03")
    agree = [e for e in analysis.events if e.type == "AGREE"]
    # the rules' reading; a "They" the actor layer resolves to the two presidents may also give
    # the event model's one event per member, with no target (the codebook's sources)
    assert agree and any(_parties(analysis, e) == {"COL", "ECU"} for e in agree)


def test_they_after_three_parties_names_no_one(analyze):
    text = (
        "Chile, Peru and Bolivia sent ministers to a water conference in La Paz on Monday.\n\n"
        "They agreed to share river gauge data.\n"
    )
    analysis = analyze(text, published="2024-06-03")
    assert not [e for e in analysis.events if e.type == "AGREE" and e.target is not None]


def test_a_qualified_plural_is_not_the_pair(analyze):
    text = (
        "Kenya and Tanzania opened a new border post on Monday.\n\n"
        "The European leaders agreed to fund a railway study.\n"
    )
    analysis = analyze(text, published="2024-06-03")
    agree = [e for e in analysis.events if e.type == "AGREE" and "railway" in
             analysis.documents[0].text[e.sentence.start:e.sentence.end]]
    assert all(_parties(analysis, e) != {"KEN", "TZA"} for e in agree)


def test_a_collective_object_is_the_pair_in_view(analyze):
    text = (
        "Serbia and Kosovo accused each other of stoking the unrest in the north on Monday.\n\n"
        "The State Department urged both governments to show restraint.\n"
    )
    analysis = analyze(text, published="2023-06-27")
    urge = [e for e in analysis.events if e.trigger.text == "urged"]
    assert urge and _parties(analysis, urge[0]) in ({"USA", "SRB"}, {"USA", "XKX"})


def test_a_negotiation_that_ended_without_agreeing_is_negated(analyze):
    text = "Serbia and Kosovo met in Brussels but left without agreeing on a text.\n"
    analysis = analyze(text, published="2023-06-27")
    agree = [e for e in analysis.events if e.trigger.text == "agreeing"]
    assert agree and all(e.negated for e in agree)


def test_the_members_of_a_bloc_act_as_the_bloc(analyze):
    text = (
        "Leaders of the African Union met in Addis Ababa on Saturday to discuss the war in Sudan.\n\n"
        "The members condemned the siege of El Fasher. They called on Chad to close its border to "
        "arms smugglers. Member states agreed to send observers to Darfur.\n"
    )
    analysis = analyze(text, published="2024-02-18")
    sources = {_parties(analysis, e).pop() if e.target is None else None for e in analysis.events}
    acts = {e.trigger.text: e for e in analysis.events}
    assert acts["called on"].source == "AU" and _parties(analysis, acts["called on"]) == {"AU", "TCD"}
    assert acts["agreed"].source == "AU"
    assert sources  # every event was coded


def test_the_leaders_of_a_summit_summary_are_the_forum(analyze):
    text = (
        "The Group of Seven ended its summit in Apulia on Saturday. The G7 statement ran to 36 pages, "
        "and G7 officials called it the most ambitious in years.\n\n"
        "Joe Biden and Giorgia Meloni spoke to reporters afterwards.\n\n"
        "The leaders urged Tehran to halt its nuclear escalation.\n"
    )
    analysis = analyze(text, published="2024-06-15")
    urged = [e for e in analysis.events if e.trigger.text == "urged"]
    assert urged and urged[0].source == "G7"


def test_the_leaders_are_the_forum_the_lede_names_not_the_body_named_most(analyze):
    text = (
        "The leaders of the BRICS countries ended their summit in Kazan on Thursday.\n\n"
        "They called for reform of the United Nations, saying the UN Security Council and other UN "
        "bodies no longer reflect the world.\n\n"
        "The leaders demanded a ceasefire in Gaza.\n"
    )
    analysis = analyze(text, published="2024-10-24")
    demanded = [e for e in analysis.events if e.trigger.text == "demanded"]
    assert demanded and demanded[0].source == "BRICS"


def test_the_state_in_view_is_the_one_the_passage_names_most(pipeline):
    from realpolitik.extract.context import ExtractContext
    from realpolitik.extract.parties import state_in_view
    from realpolitik.schema import Document

    text = ("Brazil sent a trade mission to Angola on Monday. Angola's oil minister met the delegation in "
            "Luanda. The government promised new licences.")
    document = Document(id="doc-state-in-view", text=text)
    ctx = ExtractContext(document=document, doc=pipeline.parse([document])[0], config=pipeline.config)
    for ex in pipeline.extractors:
        ex.fn(ctx)
        if ex.name == "coref":
            break
    government = next(t for t in ctx.doc if t.lower_ == "government")
    assert state_in_view(ctx, government) == "AGO"
