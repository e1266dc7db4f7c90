"""GET /search over the example corpus: ranked documents with hit offsets that point into the
text /documents/{id} serves."""

from __future__ import annotations


def test_search_finds_ranks_and_places_hits(api):
    r = api.get("/search", params={"q": "pipeline gas"}).json()
    assert r["terms"] == ["pipeline", "gas"] and r["total"] >= 2
    scores = [i["score"] for i in r["items"]]
    assert scores == sorted(scores, reverse=True)
    top = r["items"][0]
    assert "pipeline" in top["title"].lower()
    text = api.get(f"/documents/{top['doc']}").json()["text"]
    words = {text[s:e].lower() for s, e in top["spans"]}
    assert words <= {"pipeline", "pipelines", "gas"} and {"pipeline", "gas"} <= words
    assert all(top["snippet"][s:e].lower() in words for s, e in top["marks"])
    assert top["snippet"] in text and text.index(top["snippet"]) == top["snippet_start"]


def test_search_one_document_and_paging(api):
    everything = api.get("/search", params={"q": "China", "limit": 100}).json()
    assert everything["total"] == len(everything["items"]) > 3 and everything["next_offset"] is None
    page = api.get("/search", params={"q": "China", "limit": 2, "offset": 1}).json()
    assert [i["doc"] for i in page["items"]] == [i["doc"] for i in everything["items"][1:3]]
    assert page["next_offset"] == 3
    one = everything["items"][-1]["doc"]
    only = api.get("/search", params={"q": "China", "doc": one}).json()
    assert [i["doc"] for i in only["items"]] == [one]


def test_search_never_shows_a_server_path_whole(api):
    items = api.get("/search", params={"q": "China", "limit": 100}).json()["items"]
    assert items and not any((i["path"] or "").startswith("/") for i in items)


def test_search_refuses_an_empty_query(api, error_of):
    error_of(api.get("/search"), 422, "validation_error")
    err = error_of(api.get("/search", params={"q": "— …"}), 422)
    assert "nothing to search for" in err["message"]
    error_of(api.get("/search", params={"q": " ".join(f"w{i}" for i in range(11))}), 422)
