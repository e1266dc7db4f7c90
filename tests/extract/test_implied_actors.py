"""Actors named only through their context (extract/implied_actors.py).

Documents written for these tests; each runs the whole default pipeline."""

from __future__ import annotations

import pytest

from realpolitik.extract.events.pair_model.candidates import pairs, sentence_mentions
from realpolitik.extract.implied_actors import STATES_AT_LARGE
from realpolitik.knowledge import KnowledgeError


def _analyse(pipeline, text: str, published: str | None = None, metadata: dict | None = None):
    from realpolitik.schema import Document, content_id

    doc = Document(id=content_id(text), text=text, published=published, metadata=metadata or {})
    return next(iter(pipeline.analyze_documents([doc])))


def _context(pipeline, text: str, published: str | None = None, metadata: dict | None = None):
    """The extract context after the actor layer (what the event coders read)."""
    from realpolitik.extract.context import ExtractContext
    from realpolitik.schema import Document, content_id

    document = Document(id=content_id(text), text=text, published=published, metadata=metadata or {})
    ctx = ExtractContext(document=document, doc=pipeline.parse([document])[0], config=pipeline.config)
    for ex in pipeline.extractors:
        ex.fn(ctx)
        if ex.name == "implied_actors":
            break
    return ctx


def _actors_of(ctx, words: str, occurrence: int = 0) -> set[str]:
    """The actors whose mentions start at the n-th occurrence of `words`."""
    text = ctx.document.text
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(words, at + 1)
    return {m.actor_id for m in ctx.mentions if m.start <= at < m.end}


def test_the_government_is_the_state_the_passage_is_about(pipeline):
    ctx = _context(pipeline, "Bolivia nationalised its lithium deposits on Tuesday. "
                             "The government said foreign firms would keep minority stakes.")
    assert _actors_of(ctx, "government") == {"BOL"}


def test_a_state_noun_with_its_own_owner_is_that_owner(pipeline):
    ctx = _context(pipeline, "Chile sent a protest note to Argentina on Monday over fishing rights. "
                             "Talks with the government of Uruguay continued.")
    assert _actors_of(ctx, "government") == {"URY"}


def test_security_forces_are_the_sector_of_the_state_in_view(pipeline):
    ctx = _context(pipeline, "Farmers blocked roads across Paraguay for a third day. "
                             "Security forces cleared the main highway near the capital.")
    assert _actors_of(ctx, "Security forces") == {"PRY-MIL"}
    assert ctx.actors["PRY-MIL"].country == "PRY"


@pytest.mark.parametrize("phrase", ["World leaders", "Other governments", "Foreign governments"])
def test_a_generic_plural_names_no_state(pipeline, phrase):
    ctx = _context(pipeline, f"Ghana hosted a cocoa summit in Accra. {phrase} welcomed the new price floor.")
    assert not any(ctx.actors[a].country for a in _actors_of(ctx, phrase.split()[-1]))


@pytest.mark.parametrize("phrase", ["The international community", "Member States", "Other governments",
                                    "Ghana's partners", "Donors"])
def test_an_unnamed_group_of_states_is_one_actor(pipeline, phrase):
    ctx = _context(pipeline, f"Ghana hosted a cocoa summit in Accra. {phrase} welcomed the new price floor.")
    assert _actors_of(ctx, phrase.split()[-1]) == {STATES_AT_LARGE}
    assert ctx.actors[STATES_AT_LARGE].kind == "group" and ctx.actors[STATES_AT_LARGE].country is None


@pytest.mark.parametrize("text,words,actor", [
    ("NATO allies pledged more air defence systems for Ukraine on Friday.", "allies", "NATO"),
    ("Member States of the EU pledged more air defence systems on Friday.", "Member States", "EU"),
    ("The Five Eyes group of intelligence partners called the hacking campaign reckless.", "partners", "FVEY"),
    ("NATO's partners in Asia pledged more air defence systems on Friday.", "partners", STATES_AT_LARGE),
])
def test_members_named_by_their_organisation_are_the_organisation_but_its_partners_are_not(
        pipeline, text, words, actor):
    assert _actors_of(_context(pipeline, text), words) == {actor}


def test_a_states_own_government_is_not_a_group_of_states(pipeline):
    ctx = _context(pipeline, "Ghana's governments have changed twice since the cocoa board was founded.")
    assert STATES_AT_LARGE not in _actors_of(ctx, "governments")


def test_an_organisations_own_secretary_general_is_that_organisation(pipeline):
    ctx = _context(pipeline, "Ministers met in Brussels on Tuesday. The NATO Secretary-General "
                             "called for higher defence spending.")
    assert "UN" not in _actors_of(ctx, "Secretary-General")


# (text, metadata, title, its occurrence, holder): a title with no name is the holder named
# before, not another minister; a ranked title in a release is the publisher's state; "the
# President" with no holder named is the state in view; "the Secretary-General" with no owner
# is the UN's.
OFFICES = [
    ("Secretary Blinken met Foreign Minister Wang Yi in Beijing on Monday. The Secretary raised the "
     "detention of American citizens.", {}, "Secretary", 1, "antony-blinken"),
    ("The Deputy Secretary met the Ambassador of Mongolia on Thursday. She welcomed Mongolia's new "
     "mining law.", {"voice": "USA"}, "Deputy Secretary", 0, "USA"),
    ("Parliament in Tunisia passed the budget late on Friday. The President signed it the next morning.",
     {}, "President", 0, "TUN"),
    ("We thank the Secretary-General for his report on the Sahel. Kenya will support the new "
     "peacebuilding fund.", {"country_iso3": "KEN"}, "Secretary-General", 0, "UN"),
]


@pytest.mark.parametrize("text,metadata,title,occurrence,holder", OFFICES)
def test_a_title_with_no_name_is_its_holder(pipeline, text, metadata, title, occurrence, holder):
    ctx = _context(pipeline, text, published="2023-06-19", metadata=metadata)
    assert _actors_of(ctx, title, occurrence=occurrence) == {holder}


def test_an_office_of_someone_named_is_left_to_its_name(pipeline):
    ctx = _context(pipeline, "Kenya and Uganda signed a rail deal. The Secretary-General of the EAC welcomed it.")
    assert not _actors_of(ctx, "Secretary-General")


def test_both_sides_is_one_mention_per_member(pipeline):
    text = ("Armenia and Azerbaijan held border talks in Almaty on Monday. "
            "Both sides agreed to exchange detainees.")
    ctx = _context(pipeline, text)
    members = [m for m in ctx.mentions if m.member]
    assert {m.actor_id for m in members} == {"ARM", "AZE"}
    assert len({(m.start, m.end) for m in members}) == 1
    # the members are candidates of their own but never one another's counterpart
    sent = list(ctx.doc.sents)[-1]
    found = pairs(sentence_mentions(ctx, sent.start_char, sent.end_char))
    sources = {p.source.actor_id for p in found if p.target is None}
    assert {"ARM", "AZE"} <= sources
    assert not [p for p in found if p.target is not None and p.source.member and p.target.member]
    # and no single member is the words' actor: the rules read the pair themselves
    both = text.index("Both")
    assert ctx.mention_of_token(next(t for t in ctx.doc if t.idx == both)) is None


def test_both_sides_still_agree_as_the_pair(pipeline):
    text = ("Armenia and Azerbaijan held border talks in Almaty on Monday.\n\n"
            "Both sides agreed to exchange detainees.\n")
    analysis = _analyse(pipeline, text, published="2024-06-03")
    agree = [e for e in analysis.events if e.type == "AGREE"]
    assert {e.source for e in agree} | {e.target for e in agree} >= {"ARM", "AZE"}


def test_the_parties_with_three_in_view_are_no_one(pipeline):
    ctx = _context(pipeline, "Mali, Niger and Burkina Faso met in Niamey. The parties agreed on a joint force.")
    assert not [m for m in ctx.mentions if m.member]


def test_a_malformed_word_list_names_the_file():
    from realpolitik.extract.implied_actors import _words

    with pytest.raises(KnowledgeError, match="implied_actors.yaml: state_nouns"):
        _words({"state_nouns": "government"}, "state_nouns")


def test_relations_are_named_in_words_and_a_parser_label_is_refused():
    from realpolitik.extract import syntax
    from realpolitik.extract.implied_actors import _relations

    assert _relations({"r": ["direct_object", "Apposition"]}, "r") == syntax.DIRECT_OBJECT | syntax.APPOSITION
    with pytest.raises(KnowledgeError, match="'dobj' is not a relation"):
        _relations({"r": ["dobj"]}, "r")


def test_they_after_a_pair_is_one_mention_per_member(pipeline):
    ctx = _context(pipeline, "Kenya and Ethiopia held talks in Nairobi on Monday. "
                             "They agreed to open a second border crossing.")
    assert _actors_of(ctx, "They") == {"KEN", "ETH"}
    assert all(m.member for m in ctx.mentions if m.start == ctx.document.text.index("They"))


def test_they_after_a_plural_actor_is_that_actor(pipeline):
    ctx = _context(pipeline, "Police in Senegal dispersed a march in Dakar. They detained several organisers.")
    assert _actors_of(ctx, "They") == {"SEN-COP"}


def test_they_after_a_plural_thing_is_no_one(pipeline):
    ctx = _context(pipeline, "The drones crossed into Latvia's airspace. Riga said they carried no explosives.")
    assert not _actors_of(ctx, "they")


@pytest.mark.parametrize("text, words", [
    ("Kyiv said the occupying forces shelled Kherson again on Monday, and Ukraine's army answered.", "forces"),
    ("Japan exports chips essential to military industry across Asia.", "industry"),
    ("Norway joined the group of intelligence partners in 2019.", "intelligence"),
])
def test_a_role_or_modifier_is_not_the_state_in_views_sector(pipeline, text, words):
    ctx = _context(pipeline, text)
    assert not _actors_of(ctx, words)


def test_they_after_one_party_met_another_is_the_two_of_them(pipeline):
    text = ("Secretary of State Antony J. Blinken met today in Lima with Foreign Minister Dmytro Kuleba. "
            "They reviewed grain exports. The Secretary praised the minister's patience. "
            "They also agreed to meet again in June.")
    ctx = _context(pipeline, text)
    assert _actors_of(ctx, "They") == {"antony-blinken", "dmytro-kuleba"}
    # two sentences on, after one about the Secretary alone, still the two of them
    assert _actors_of(ctx, "They", occurrence=1) == {"antony-blinken", "dmytro-kuleba"}


def test_they_after_a_call_with_a_titled_person_is_the_two_of_them(pipeline):
    text = ("Secretary Blinken spoke by phone with Indonesian Minister of Trade Budi Santoso. "
            "They discussed palm oil tariffs.")
    ctx = _context(pipeline, text)
    members = _actors_of(ctx, "They")
    assert "antony-blinken" in members and len(members) == 2
    assert any(ctx.actors[a].country == "IDN" for a in members)


def test_they_reported_by_one_party_is_not_the_meeting(pipeline):
    text = ("Secretary Blinken met Foreign Minister Kuleba in Kyiv. "
            "The Secretary said they should expect more shelling.")
    ctx = _context(pipeline, text)
    assert _actors_of(ctx, "they") != {"antony-blinken", "dmytro-kuleba"}


@pytest.mark.parametrize("phrase", ["world leaders", "fellow leaders", "leaders"])
def test_leaders_named_by_no_one_are_the_states_at_large(pipeline, phrase):
    ctx = _context(pipeline, f"Tuvalu urged {phrase} to cut emissions before the next summit.")
    assert _actors_of(ctx, phrase) == {STATES_AT_LARGE}


@pytest.mark.parametrize("text, words, sector", [
    ("Opposition leaders rejected the election results.", "leaders", "OPP"),
    ("The trade minister met business leaders on Friday.", "leaders", "BUS"),
])
def test_leaders_of_a_group_are_that_group_not_the_states(pipeline, text, words, sector):
    ctx = _context(pipeline, text)
    found = _actors_of(ctx, words)
    assert STATES_AT_LARGE not in found
    assert found and all(ctx.actors[a].sector == sector and ctx.actors[a].kind == "group" for a in found)
