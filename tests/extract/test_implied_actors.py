"""Actors named only through their context (extract/implied_actors.py).

Documents written for these tests; each runs the whole default pipeline."""

from __future__ import annotations

import pytest

from realpolitik.extract.event_model.candidates import pairs, sentence_mentions
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
    assert not _actors_of(ctx, phrase.split()[-1])


def test_a_title_is_the_holder_named_before_not_another_minister(pipeline):
    ctx = _context(pipeline, "Secretary Blinken met Foreign Minister Wang Yi in Beijing on Monday. "
                             "The Secretary raised the detention of American citizens.", published="2023-06-19")
    assert _actors_of(ctx, "Secretary", occurrence=1) == {"antony-blinken"}


def test_a_ranked_title_in_a_release_is_the_publishers_state(pipeline):
    ctx = _context(pipeline, "The Deputy Secretary met the Ambassador of Mongolia on Thursday. "
                             "She welcomed Mongolia's new mining law.", metadata={"voice": "USA"})
    assert _actors_of(ctx, "Deputy Secretary") == {"USA"}


def test_the_president_with_no_holder_named_is_the_state_in_view(pipeline):
    ctx = _context(pipeline, "Parliament in Tunisia passed the budget late on Friday. "
                             "The President signed it the next morning.")
    assert _actors_of(ctx, "President") == {"TUN"}


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
