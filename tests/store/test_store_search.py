"""Full-text search matches, ranks and places its hits the same on every backend (`store` runs
over DuckDB and PostgreSQL)."""

from __future__ import annotations

import pytest

from realpolitik.schema import Analysis, Document, content_id
from realpolitik.store import StoreError
from realpolitik.store.search import find_spans, normalise, search_documents, terms_of

DOCS = {
    "/c/sanctions.txt": ("Sanctions tighten on shipping", "Ministers in Brussels agreed new sanctions on tankers. "
                        "The sanctioned firms deny wrongdoing."),
    "/c/software.txt": ("A software upgrade", "The ministry's software was patched overnight; nobody mentioned a war."),
    "/c/council.txt": ("Vote in New York", "🛢️ At the Security-Council, Russia vetoed the draft. The council met again."),
    "/c/summit.txt": ("Leaders meet", "The summit in Brasília ended with talk of sanctions relief and a war of words."),
}


def add_all(store) -> dict[str, str]:
    ids = {}
    for path, (title, text) in DOCS.items():
        doc = Document(id=content_id(text), text=text, title=title, path=path, published="2024-05-01")
        store.add_analysis(Analysis(documents=[doc]))
        ids[path] = doc.id
    return ids


def test_words_match_where_a_word_starts(store):
    ids = add_all(store)
    found = search_documents(store, "sanction")
    assert {h.doc for h in found.hits} == {ids["/c/sanctions.txt"], ids["/c/summit.txt"]}
    # "war" is a word in two texts and the inside of "software" in a third: not a match there
    war = {h.doc for h in search_documents(store, "WAR").hits}
    assert war == {ids["/c/software.txt"], ids["/c/summit.txt"]}
    assert search_documents(store, "xyzzy").total == 0


def test_every_term_must_match_and_phrases_cross_punctuation(store):
    ids = add_all(store)
    assert [h.doc for h in search_documents(store, "sanctions relief").hits] == [ids["/c/summit.txt"]]
    council = search_documents(store, '"security council"')
    assert [h.doc for h in council.hits] == [ids["/c/council.txt"]]
    assert search_documents(store, '"council security"').total == 0


def test_a_title_hit_ranks_above_a_passing_mention(store):
    ids = add_all(store)
    found = search_documents(store, "sanctions")
    assert [h.doc for h in found.hits] == [ids["/c/sanctions.txt"], ids["/c/summit.txt"]]
    assert found.hits[0].score > found.hits[1].score
    assert found.hits[0].title_marks == [(0, 9)]


def test_hits_are_code_point_offsets_of_whole_words(store):
    ids = add_all(store)
    [hit] = search_documents(store, "veto").hits
    text = DOCS["/c/council.txt"][1]
    assert hit.doc == ids["/c/council.txt"]
    assert [text[s:e] for s, e in hit.spans] == ["vetoed"]  # after an emoji of two code points
    [both] = search_documents(store, "council").hits
    assert [text[s:e] for s, e in both.spans] == ["Council", "council"]
    assert [both.snippet[s:e] for s, e in both.marks] == ["Council", "council"]


def test_paging_and_one_document(store):
    ids = add_all(store)
    first = search_documents(store, "the", limit=2)
    rest = search_documents(store, "the", limit=2, offset=2)
    assert first.total == rest.total == 4
    assert len({h.doc for h in first.hits + rest.hits}) == 4
    only = search_documents(store, "the", doc=ids["/c/council.txt"])
    assert [h.doc for h in only.hits] == [ids["/c/council.txt"]]


def test_only_current_versions_are_searched(store):
    add_all(store)
    newer = "Ministers in Brussels postponed the measures."
    store.add_analysis(Analysis(documents=[Document(id=content_id(newer), text=newer, title="Delay",
                                                    path="/c/sanctions.txt")]))
    assert [h.title for h in search_documents(store, "sanctions").hits] == ["Leaders meet"]
    assert [h.doc for h in search_documents(store, "postponed").hits] == [content_id(newer)]


def test_a_query_with_no_words_is_refused(store):
    with pytest.raises(StoreError, match="nothing to search for"):
        search_documents(store, ' ... "" ')


def test_normalise_keeps_offsets_back_to_the_text():
    text = "A—B,  c’d"
    norm, where = normalise(text)
    assert norm == " a b c d "
    assert [text[where[i]] for i in range(1, len(norm) - 1) if norm[i] != " "] == ["A", "B", "c", "d"]
    assert terms_of('Gas "Power of  Siberia" gas') == ["gas", "power of siberia"]
    assert find_spans("Gazprom's gas-pipeline", ["gas"]) == [(10, 13)]
