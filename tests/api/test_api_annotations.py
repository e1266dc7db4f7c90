"""One document's highlights come from per-document queries: the page never has the whole
corpus read to draw one document."""

from __future__ import annotations

import pytest

from realpolitik.store.sql import SQLStore


def test_a_documents_highlights_never_read_the_whole_corpus(example_db, client_for, tmp_path, monkeypatch):
    def whole_corpus(self):
        raise AssertionError("to_analysis() read the whole corpus to highlight one document")

    monkeypatch.setattr(SQLStore, "to_analysis", whole_corpus)
    with client_for(example_db, tmp_path) as client:  # a fresh desk: nothing cached from other tests
        docs = client.get("/documents", params={"limit": 1000}).json()["items"]
        kinds = set()
        for d in docs:
            r = client.get(f"/documents/{d['id']}/annotations")
            assert r.status_code == 200, r.text
            body = r.json()
            text = body["document"]["text"]
            for a in body["annotations"]:
                assert 0 <= a["start"] < a["end"] <= len(text)
                assert a["key"].startswith(a["kind"] + ":")
            kinds |= {a["kind"] for a in body["annotations"]}
        assert kinds == {"actor", "event", "claim", "quantity", "time", "interest"}


@pytest.mark.parametrize("kind", ["actor", "time", "interest"])
def test_per_document_highlights_are_the_corpus_rows_of_that_document(api, example_db, kind):
    """What the page draws for mentions, dates and interests is exactly the store's rows for
    that document (corrections applied), at the same offsets."""
    from realpolitik.store import open_store

    docs = [d["id"] for d in api.get("/documents", params={"limit": 1000}).json()["items"]]
    with open_store(example_db, read_only=True) as s:
        analysis = s.to_analysis()
    for doc in docs:
        drawn = sorted((a["start"], a["end"]) for a in api.get(f"/documents/{doc}/annotations").json()["annotations"]
                       if a["kind"] == kind)
        if kind == "actor":
            want = [(m.start, m.end) for x in analysis.actors for m in x.mentions if m.doc == doc]
        elif kind == "time":
            want = [(t.span.start, t.span.end) for t in analysis.times if t.doc == doc]
        else:
            want = [(i.span.start, i.span.end) for i in analysis.interests if i.doc == doc]
        assert drawn == sorted(want), doc
