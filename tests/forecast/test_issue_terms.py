"""Which words name the issue, and whether a statement's head names it (spans written for the test)."""

from __future__ import annotations

import pytest

from realpolitik.forecast.issue_terms import issue_terms, read_words


@pytest.fixture(scope="module")
def mining():
    return issue_terms("Will seabed mining go ahead?")


@pytest.mark.parametrize(("span", "named", "in_head"), [
    ("seabed mining in international waters", True, True),
    ("that seabed mining will destroy ecosystems that science has not yet described", True, True),
    ("to seabed mining under strict environmental rules", True, True),
    ("a moratorium on seabed mining", True, False),  # the moratorium is what is wanted
    ("the damage that seabed mining would do near hydrothermal vents", True, False),
    ("mining of lithium in the Andes", False, False),  # one word of the phrase is not the phrase
    ("a seabed survey", False, False),
])
def test_a_span_names_the_issue_and_maybe_in_its_head(mining, span, named, in_head):
    words = read_words([span])[0]
    assert mining.named_by(words) is named
    assert mining.named_in_head(words) is in_head


def test_a_refusal_span_heads_on_the_refused_thing():
    words = read_words(["will not accept overfishing of the cod stocks"])[0]
    assert "overfishing" in words.head and "accept" not in words.head and "cod" not in words.head
    assert issue_terms("", ["overfishing"]).named_in_head(words)


def test_lemma_and_surface_both_count():
    fisheries = issue_terms("sustainable fisheries")
    assert fisheries.named_by(read_words(["a sustainable fishery for the coast"])[0])
    assert not fisheries.named_by(read_words(["sustainable energy"])[0])


def test_any_one_phrase_of_the_terms_will_do():
    issue = issue_terms("How far will China go in financing the line?", ["Power of Siberia", "gas pipeline"])
    assert issue.texts == ["Power of Siberia", "gas pipeline"]
    assert issue.named_by(read_words(["a second gas pipeline to China"])[0])
    assert issue.named_by(read_words(["the Power of Siberia 2 line"])[0])
    assert not issue.named_by(read_words(["more gas at a lower price"])[0])


def test_an_issue_with_no_content_word_is_refused():
    with pytest.raises(ValueError, match="the issue 'Will it go ahead\\?' has no content word"):
        issue_terms("Will it go ahead?")
    with pytest.raises(ValueError, match="--terms 'the'"):
        issue_terms("seabed mining", ["seabed mining", "the"])
