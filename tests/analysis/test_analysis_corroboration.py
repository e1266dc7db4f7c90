"""Corroboration counts independent publishers; contested lists opposite polarity and denials."""

from __future__ import annotations

from realpolitik.analysis.corroboration import contested, corroborated, publisher_of
from realpolitik.schema import Actor, Analysis, Claim, Document, Event, Mention, content_id


def one_doc(text: str, publisher: str, published: str, type_: str = "AID", negated: bool = False,
            denied: bool = False, url: str | None = None) -> Analysis:
    """A hand-built document with one CHN→RUS event (store-level semantics, not an extraction)."""
    d = content_id(text)
    claim = [Claim(id=f"cl-{d[-6:]}", doc=d, span={"start": 0, "end": 5}, source="CHN", status="denied")] if denied else []
    event = Event(id=f"ev-{d[-6:]}", doc=d, type=type_, source="CHN", target="RUS", date=None, negated=negated,
                  claim=claim[0].id if claim else None, sentence={"start": 0, "end": len(text)},
                  trigger={"start": 0, "end": 5, "text": text[:5]}, goldstein=7.0)
    actors = [Actor(id=x, name=x, kind="state", mentions=[Mention(doc=d, start=0, end=1, text=text[0])])
              for x in ("CHN", "RUS")]
    doc = Document(id=d, text=text, path=f"/{d[-8:]}.txt", publisher=publisher, published=published, url=url)
    return Analysis(documents=[doc], actors=actors, events=[event], claims=claim)


def fill(store, *analyses):
    for a in analyses:
        store.add_analysis(a)
    return store


def test_copies_by_one_publisher_are_one_voice(store):
    fill(store, one_doc("China sent aid.", "Wire A (illustrative)", "2022-03-01"),
         one_doc("China sent aid, wire says.", "Wire A", "2022-03-02"),
         one_doc("China sent aid to Russia.", "Paper B", "2022-03-20"),
         one_doc("China sent aid in 2019.", "Paper C", "2019-03-20"))
    [c] = corroborated(store, min_publishers=2)
    assert c.documents == 3 and c.publishers == ["paper b", "wire a"]
    assert corroborated(store, min_publishers=3) == []


def test_window_decides_what_is_the_same_happening(store):
    fill(store, one_doc("China sent aid.", "Wire A", "2022-03-01"), one_doc("China sent aid too.", "Paper B", "2022-05-01"))
    assert corroborated(store, window_days=31) == []
    assert len(corroborated(store, window_days=90)) == 1


def test_opposite_polarity_and_denials_are_contested(store):
    fill(store, one_doc("China sent aid.", "Wire A", "2022-03-01"),
         one_doc("China did not send aid.", "Paper B", "2022-03-05", negated=True),
         one_doc("China agreed a deal.", "Paper B", "2015-01-01", type_="AGREE", denied=True),
         one_doc("China agreed another deal.", "Paper B", "2018-01-01", type_="AGREE"))
    found = contested(store)
    assert [(c["kind"], c["type"], c["dates"]) for c in found] == [
        ("denied", "AGREE", ["2015-01-01"]),
        ("opposite polarity", "AID", ["2022-03-01", "2022-03-05"]),
    ]
    assert len(found[1]["affirmed"]) == 1 and len(found[1]["denied"]) == 1


def test_publisher_identity():
    assert publisher_of({"publisher": "Wire A (illustrative)", "doc": "d"}) == "wire a"
    assert publisher_of({"publisher": None, "url": "https://news.example.org/a", "doc": "d"}) == "news.example.org"
    assert publisher_of({"publisher": None, "url": None, "doc": "d"}) == "doc:d"


def test_corroboration_on_the_real_corpus(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    for c in corroborated(store, min_publishers=1):
        assert c.dyad == tuple(sorted(c.dyad)) and c.publishers
    for item in contested(store):
        assert item["kind"] in ("denied", "opposite polarity", "denied claim")
