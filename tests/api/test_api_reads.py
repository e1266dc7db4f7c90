"""Read endpoints on the example corpus: the same rows, filters and paging as the store's queries."""

from __future__ import annotations

import os

import pytest


def test_health_counts_the_example_corpus(api):
    body = api.get("/health").json()
    assert body["status"] == "ok" and body["counts"]["documents"] >= 12 and body["counts"]["events"] > 0


@pytest.mark.parametrize("path", ["/documents", "/actors", "/events", "/claims", "/quantities", "/interests"])
def test_pages_walk_the_whole_list_without_gaps_or_repeats(api, path):
    everything = api.get(path, params={"limit": 1000}).json()["items"]
    assert everything, path
    seen, offset = [], 0
    while offset is not None:
        page = api.get(path, params={"limit": 7, "offset": offset}).json()
        assert len(page["items"]) <= 7 and page["limit"] == 7 and page["offset"] == offset
        seen.extend(page["items"])
        offset = page["next_offset"]
    assert seen == everything


def test_documents_list_without_text_and_one_with_text(api):
    first = api.get("/documents", params={"limit": 1}).json()["items"][0]
    assert "text" not in first
    doc = api.get(f"/documents/{first['id']}").json()
    assert doc["id"] == first["id"] and doc["text"]


def test_actor_by_name_or_alias(api):
    by_id = api.get("/actors/CHN").json()
    assert by_id["name"] == "China"
    assert api.get("/actors/china").json()["id"] == "CHN"


def test_actor_kind_filter(api):
    people = api.get("/actors", params={"kind": "person", "limit": 1000}).json()["items"]
    assert people and all(a["kind"] == "person" for a in people)


def test_event_filters_match_the_store(api, example_db):
    rows = api.get("/events", params={"actor": "Russia", "type": "AGREE", "since": "2014", "limit": 1000}).json()["items"]
    assert rows
    for e in rows:
        assert "RUS" in (e["source"], e["target"]) and e["type"] == "AGREE" and e["dated"] >= "2014"
    until = api.get("/events", params={"until": "2015", "limit": 1000}).json()["items"]
    assert until and all(e["dated"][:4] <= "2015" for e in until)


def test_events_carry_their_evidence_sentence(api):
    e = api.get("/events", params={"limit": 1}).json()["items"][0]
    text = api.get(f"/documents/{e['doc']}").json()["text"]
    assert text[e["sentence_start"]:e["sentence_end"]] == e["sentence"]
    assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger_text"]


def test_claim_filters(api):
    alleged = api.get("/claims", params={"status": "alleged", "limit": 1000}).json()["items"]
    assert alleged and all(c["status"] == "alleged" for c in alleged)
    by_russia = api.get("/claims", params={"source": "RUS", "limit": 1000}).json()["items"]
    assert by_russia and all(c["source"] == "RUS" or "rus" in (c["source_text"] or "").lower() for c in by_russia)


def test_quantities_and_interests_filter_by_document(api):
    q = api.get("/quantities", params={"limit": 1}).json()["items"][0]
    same = api.get("/quantities", params={"doc": q["doc"], "limit": 1000}).json()["items"]
    assert same and all(x["doc"] == q["doc"] for x in same)
    interest = api.get("/interests", params={"limit": 1}).json()["items"][0]
    mine = api.get("/interests", params={"actor": interest["actor"], "limit": 1000}).json()["items"]
    assert interest in mine and all(i["actor"] == interest["actor"] for i in mine)


def test_annotations_point_at_their_text(api):
    for d in api.get("/documents", params={"limit": 1000}).json()["items"]:
        body = api.get(f"/documents/{d['id']}/annotations").json()
        text = body["document"]["text"]
        kinds = {a["kind"] for a in body["annotations"]}
        assert "actor" in kinds
        for a in body["annotations"]:
            assert 0 <= a["start"] < a["end"] <= len(text)
            if a["kind"] == "actor":
                assert text[a["start"]:a["end"]] == a["data"]["text"]
            if a["kind"] == "event":
                assert text[a["start"]:a["end"]] == a["data"]["trigger_text"]
        assert len({a["key"] for a in body["annotations"]}) == len(body["annotations"])


def test_every_kind_is_highlighted_somewhere_in_the_corpus(api):
    kinds = set()
    for d in api.get("/documents", params={"limit": 1000}).json()["items"]:
        kinds |= {a["kind"] for a in api.get(f"/documents/{d['id']}/annotations").json()["annotations"]}
    assert kinds == {"actor", "event", "claim", "quantity", "time", "interest"}


def test_readers_never_see_the_servers_absolute_paths(api):
    import os

    for row in api.get("/documents?limit=100").json()["items"]:
        for field in ("doc_key", "path"):
            value = row.get(field) or ""
            assert not os.path.isabs(value), (field, value)
    first = api.get("/documents?limit=1").json()["items"][0]["id"]
    assert not os.path.isabs(api.get(f"/documents/{first}").json()["doc_key"])
    assert not os.path.isabs(api.get(f"/documents/{first}/annotations").json()["document"]["doc_key"])


def _files_of(response) -> str:
    """A response's text, or every file's text inside a zip download (Parquet files as their rows)."""
    import io
    import zipfile

    import pyarrow.parquet as pq

    def text(name: str, data: bytes) -> str:
        if name.endswith(".parquet"):
            return str(pq.read_table(io.BytesIO(data)).to_pylist())
        return data.decode("utf-8", errors="replace")

    if response.headers["content-type"] != "application/zip":
        return text("", response.content)
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        return "\n".join(text(n, z.read(n)) for n in z.namelist())


def test_no_response_or_download_holds_the_folder_the_documents_were_read_from(api):
    """The example store was ingested from the examples' absolute folder: no read, report or
    export the desk serves may carry it (a document is its URL or its id, or a public path)."""
    from realpolitik.store.testing import EXAMPLES

    secret = str(EXAMPLES.parent)
    docs = [d["id"] for d in api.get("/documents", params={"limit": 1000}).json()["items"]]
    urls = ["/documents?limit=1000", "/events?limit=1000", "/events.csv", "/events/facets", "/claims?limit=1000",
            "/quantities?limit=1000", "/interests?limit=1000", "/actors?limit=1000", "/dyads/CHN/RUS?evidence=50",
            "/dyads/CHN/RUS/events?limit=1000", "/dyads/CHN/RUS?evidence=50&level=actor", "/network", "/contested",
            "/interests/topics?actor=CHN&evidence=20", "/search?q=China&limit=100", "/corrections"]
    urls += [f"/documents/{d}" for d in docs] + [f"/documents/{d}/annotations" for d in docs]
    urls += [f"/exports/{e['name']}" for e in api.get("/exports").json()]
    leaks = []
    for url in urls:
        r = api.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        if secret in _files_of(r):
            leaks.append(url)
    assert leaks == []
    events = api.get("/events?limit=1000").json()["items"]
    assert events and all(e["path"] is None or not os.path.isabs(e["path"]) for e in events)
    evidence = api.get("/dyads/CHN/RUS?evidence=50").json()["evidence"]
    assert evidence and all(e["where"] in (e["doc"], *[x["url"] for x in events if x["doc"] == e["doc"]])
                            for e in evidence)


def test_a_path_outside_the_working_folder_keeps_only_its_last_parts():
    from realpolitik.api.paths import public_path

    assert public_path("/srv/secret/corpus/2024/note.txt") == "…/2024/note.txt"
    assert public_path("https://example.org/a") == "https://example.org/a"
    assert public_path("<api:ana>") == "<api:ana>"
