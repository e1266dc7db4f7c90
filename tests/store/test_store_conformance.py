"""Every backend behaves the same: this suite runs over DuckDB and PostgreSQL (the `store` fixture).

Small hand-built contract objects pin down persistence rules exactly (the store's job is to
keep what it is given); the bundled corpus, analysed by the real pipeline, checks the same
rules at corpus scale.
"""

from __future__ import annotations

import pytest

from realpolitik import schema
from realpolitik.schema import Actor, Analysis, Claim, Document, Event, Mention, content_id
from realpolitik.store import StoreError
from realpolitik.store.base import STORE_VERSION

TEXT = "Moscow — Russia and China signed a gas deal. China denied sending arms to Russia 👍🏽. Ça va."


def doc_analysis(text: str = TEXT, path: str = "/corpus/a.txt", published: str = "2014-05-21",
                 publisher: str = "Wire A") -> Analysis:
    """One document with two states, one event, one denied claim, hand-built (not an extraction)."""
    doc = Document(id=content_id(text), text=text, path=path, published=published, publisher=publisher)
    d = doc.id
    signed = text.index("signed")
    s1_end = text.index(".") + 1
    denied = text.index("China denied")
    s2_end = text.index("👍🏽.") + 3
    actors = [
        Actor(id="RUS", name="Russia", kind="state", country="RUS", aliases=["Moscow"],
              mentions=[Mention(doc=d, start=0, end=6, text="Moscow"),
                        Mention(doc=d, start=text.index("Russia"), end=text.index("Russia") + 6, text="Russia")]),
        Actor(id="CHN", name="China", kind="state", country="CHN",
              mentions=[Mention(doc=d, start=text.index("China"), end=text.index("China") + 5, text="China")]),
    ]
    events = [
        Event(id="ev-agree", doc=d, type="AGREE", source="RUS", target="CHN", date="2014-05-21",
              sentence={"start": 0, "end": s1_end}, trigger={"start": signed, "end": signed + 6, "text": "signed"},
              confidence=0.9, cameo="03", goldstein=4.0, pattern="test"),
        Event(id="ev-aid", doc=d, type="AID", source="CHN", target="RUS", date="2014-05", negated=True,
              claim="cl-deny", sentence={"start": denied, "end": s2_end},
              trigger={"start": denied + 13, "end": denied + 20, "text": "sending"}, cameo="07", goldstein=7.0),
    ]
    claims = [Claim(id="cl-deny", doc=d, span={"start": denied + 13, "end": s2_end - 1}, source="CHN",
                    source_text="China", status="denied", cues=["denied"])]
    return Analysis(documents=[doc], actors=actors, events=events, claims=claims)


def test_a_new_store_is_empty_and_versioned(store):
    assert store.schema_version() == STORE_VERSION
    counts = store.counts()
    assert counts["documents"] == counts["events"] == counts["actors"] == 0
    assert store.check() == []


def test_added_document_reads_back_with_offsets_in_code_points(store):
    a = doc_analysis()
    [added] = store.add_analysis(a)
    assert (added.outcome, added.version, added.events) == ("added", 1, 2)
    by_id = {e["id"]: e for e in store.events(limit=None)}
    for e in a.events:
        assert by_id[e.id]["sentence"] == TEXT[e.sentence.start : e.sentence.end]
    assert by_id["ev-aid"]["sentence"].endswith("👍🏽.")
    assert by_id["ev-aid"]["status"] == "denied" and by_id["ev-agree"]["status"] == "asserted"
    [claim] = store.claims()
    assert claim["text"] == TEXT[a.claims[0].span.start : a.claims[0].span.end]


def test_re_adding_the_same_content_is_a_no_op(store):
    a = doc_analysis()
    store.add_analysis(a)
    before = store.counts()
    [again] = store.add_analysis(a)
    assert again.outcome == "unchanged"
    assert store.counts() == before


def test_changed_text_at_the_same_path_is_a_new_version_not_a_duplicate(store):
    store.add_analysis(doc_analysis())
    changed = TEXT.replace("gas deal", "pipeline deal")
    [v2] = store.add_analysis(doc_analysis(changed))
    assert (v2.outcome, v2.version) == ("version", 2)
    assert store.counts()["documents"] == 1 and store.counts()["versions"] == 2
    assert {e["doc"] for e in store.events(limit=None)} == {content_id(changed)}
    assert store.check() == []
    # the old text comes back: it is current again, still two versions
    [back] = store.add_analysis(doc_analysis())
    assert back.outcome == "unchanged"
    assert {d["id"] for d in store.documents()} == {content_id(TEXT)}
    assert store.check() == []


def test_another_path_is_another_document(store):
    store.add_analysis(doc_analysis())
    store.add_analysis(doc_analysis(TEXT + " More.", path="/corpus/b.txt"))
    assert store.counts()["documents"] == 2


@pytest.mark.parametrize("filters, expected", [
    ({}, {"ev-agree", "ev-aid"}),
    ({"type": "AGREE"}, {"ev-agree"}),
    ({"type": "agree"}, {"ev-agree"}),
    ({"actor": "CHN"}, {"ev-agree", "ev-aid"}),
    ({"actor": "USA"}, set()),
    ({"since": "2014-05-21"}, {"ev-agree"}),
    ({"since": "2014-06"}, set()),
    ({"until": "2014-05"}, {"ev-agree", "ev-aid"}),
    ({"until": "2014-04"}, set()),
    ({"dyad": ("CHN", "RUS")}, {"ev-agree", "ev-aid"}),
    ({"dyad": ("CHN", "USA")}, set()),
    ({"between": ({"CHN", "xi-jinping"}, {"RUS", "RUS-MIL"})}, {"ev-agree", "ev-aid"}),  # either direction
    ({"between": ({"RUS"}, {"CHN"}), "type": "AID"}, {"ev-aid"}),
    ({"between": ({"CHN"}, {"USA", "xi-jinping"})}, set()),
    ({"between": (set(), {"CHN"})}, set()),
])
def test_event_filters(store, filters, expected):
    store.add_analysis(doc_analysis())
    assert {e["id"] for e in store.events(**filters)} == expected


def test_paging_is_stable(store):
    store.add_analysis(doc_analysis())
    everything = [e["id"] for e in store.events(limit=None)]
    assert [e["id"] for e in store.events(limit=1)] + [e["id"] for e in store.events(limit=1, offset=1)] == everything
    assert list(e["id"] for e in store.iter_events(batch=1)) == everything


def test_actors_merge_across_documents(store):
    store.add_analysis(doc_analysis())
    b = doc_analysis(TEXT + " Again.", path="/corpus/b.txt")
    b.actors[1].aliases = ["Beijing"]
    b.actors[1].role = None
    store.add_analysis(b)
    actors = {a["id"]: a for a in store.actors()}
    assert actors["CHN"]["aliases"] == ["Beijing"]
    assert actors["CHN"]["documents"] == 2 and actors["RUS"]["mentions"] == 4
    assert store.resolve_actor("beijing") == "CHN" and store.resolve_actor("Russia") == "RUS"
    assert store.resolve_actor("Atlantis") is None


def test_claim_filters(store):
    store.add_analysis(doc_analysis())
    assert [c["id"] for c in store.claims(status="denied")] == ["cl-deny"]
    assert store.claims(status="alleged") == []
    assert [c["id"] for c in store.claims(source="China")] == ["cl-deny"]


def test_the_store_round_trips_the_contract(store):
    a = doc_analysis()
    store.add_analysis(a)
    back = store.to_analysis()
    schema.validate(back.to_dict())
    assert back.documents[0].text == TEXT
    assert {e.id: e.model_dump() for e in back.events} == {e.id: e.model_dump() for e in a.events}
    assert {c.id: c.model_dump() for c in back.claims} == {c.id: c.model_dump() for c in a.claims}
    assert ({x.id: sorted((m.start, m.end) for m in x.mentions) for x in back.actors}
            == {x.id: sorted((m.start, m.end) for m in x.mentions) for x in a.actors})


def test_failures_are_recorded_and_cleared_by_success(store):
    store.record_failure("/corpus/a.txt", "empty: no text to analyse")
    store.record_failure("/corpus/a.txt", "empty: no text to analyse")
    [f] = store.failures()
    assert (f["path"], f["attempts"]) == ("/corpus/a.txt", 2)
    store.add_analysis(doc_analysis())
    assert store.failures() == []
    assert store.failures(include_resolved=True)[0]["resolved_at"] is not None


# -- analyst decisions --------------------------------------------------------------
def test_rejecting_an_event_hides_it_everywhere_and_undo_restores_it(store):
    store.add_analysis(doc_analysis())
    d = store.decide("reject", "event:ev-agree", None, "ana", note="not a deal")
    assert {e["id"] for e in store.events()} == {"ev-aid"}
    assert store.counts()["events"] == 1
    assert {e.id for e in store.to_analysis().events} == {"ev-aid"}
    store.undo(d, "ben")
    assert {e["id"] for e in store.events()} == {"ev-agree", "ev-aid"}
    [logged] = store.decisions()
    assert (logged["analyst"], logged["undone_by"], logged["note"]) == ("ana", "ben", "not a deal")
    assert logged["undone_at"] is not None
    with pytest.raises(StoreError, match="already undone"):
        store.undo(d, "ben")


@pytest.mark.parametrize("kind, target, value, scope, message", [
    ("reject", "event:nope", None, "*", "no event"),
    ("reject", "actor:CHN", None, "*", "reject what"),
    ("resolve", "XXX", "CHN", "*", "no actor"),
    ("resolve", "RUS", "XXX", "*", "no actor 'XXX'"),
    ("resolve", "RUS", "RUS", "*", "into itself"),
    ("merge", "RUS", "CHN", "sha256:0", "corpus-wide"),
    ("resolve", "RUS", "CHN", "sha256:0", "no document"),
    ("resolve", "RUS", None, "*", "needs the actor"),
])
def test_bad_decisions_are_refused_with_a_reason(store, kind, target, value, scope, message):
    store.add_analysis(doc_analysis())
    with pytest.raises(StoreError, match=message):
        store.decide(kind, target, value, "ana", scope=scope)
    assert store.decisions() == []


def test_resolving_an_actor_in_one_document_only(store):
    a = doc_analysis()
    store.add_analysis(a)
    other = doc_analysis(TEXT + " Again.", path="/corpus/b.txt")
    store.add_analysis(other)
    new = '{"id": "GAZ", "name": "Gazprom", "kind": "organization", "country": "RUS"}'
    store.decide("resolve", "RUS", new, "ana", scope=a.documents[0].id)
    sources = {(e["doc"], e["id"]): e["source"] for e in store.events(limit=None)}
    assert sources[(a.documents[0].id, "ev-agree")] == "GAZ"
    assert sources[(other.documents[0].id, "ev-agree")] == "RUS"
    machine = {(e["doc"], e["id"]): e["machine_source"] for e in store.events(limit=None)}
    assert machine[(a.documents[0].id, "ev-agree")] == "RUS"  # machine output untouched
    assert {x["id"] for x in store.actors()} >= {"GAZ", "RUS"}


def test_merging_folds_an_actor_and_its_names_and_refuses_cycles(store):
    store.add_analysis(doc_analysis())
    d = store.decide("merge", "RUS", "CHN", "ana")
    actors = {x["id"]: x for x in store.actors()}
    assert "RUS" not in actors
    assert {"Russia", "Moscow"} <= set(actors["CHN"]["aliases"])
    assert {e["source"] for e in store.events()} == {"CHN"}
    assert store.resolve_actor("Moscow") == "CHN"
    with pytest.raises(StoreError, match="already folded"):
        store.decide("merge", "CHN", "RUS", "ben")
    store.undo(d, "ana")
    assert "RUS" in {x["id"] for x in store.actors()}


def test_decisions_survive_re_adding_and_re_analysis(store):
    a = doc_analysis()
    store.add_analysis(a)
    store.decide("reject", "event:ev-agree", None, "ana")
    store.decide("merge", "RUS", "CHN", "ana")
    store.add_analysis(a)
    store.add_analysis(a, reanalyse=True)
    assert {e["id"] for e in store.events()} == {"ev-aid"}
    assert "RUS" not in {x["id"] for x in store.actors()}
    assert store.check() == []


# -- one document's rows, without reading the others ------------------------------
def with_times_and_interests(a: Analysis) -> Analysis:
    """The hand-built document with a date it mentions and an interest China states in it."""
    text, d = a.documents[0].text, a.documents[0].id
    said = text.index("sending arms")
    return a.model_copy(update={
        "times": [schema.TimeExpr(doc=d, span={"start": 0, "end": 6}, text=text[0:6], value=None),
                  schema.TimeExpr(doc=d, span={"start": said, "end": said + 7}, text="sending", value="2014-05")],
        "interests": [schema.Interest(actor="CHN", rank=1, text=text[said:said + 12], doc=d,
                                      span={"start": said, "end": said + 12})]})


def test_mentions_times_and_interests_are_read_per_document(store):
    a = with_times_and_interests(doc_analysis())
    b = with_times_and_interests(doc_analysis(TEXT + " Again.", path="/corpus/b.txt"))
    store.add_analysis(a)
    store.add_analysis(b)
    da, db = a.documents[0].id, b.documents[0].id
    mentions = store.mentions(doc=da, limit=None)
    assert [(m.doc, m.actor, m.char_start, m.text) for m in mentions] == [
        (da, "RUS", 0, "Moscow"), (da, "RUS", TEXT.index("Russia"), "Russia"), (da, "CHN", TEXT.index("China"), "China")]
    assert len(store.mentions(limit=None)) == 2 * len(mentions)  # the other document's are left out
    assert {m.doc for m in store.mentions(doc=db, limit=None)} == {db}
    assert [m.text for m in store.mentions(doc=da, actor="CHN", limit=None)] == ["China"]
    times = store.times(doc=da, limit=None)
    assert [(t.doc, t.span_start, t.text, t.value) for t in times] == [
        (da, 0, "Moscow", None), (da, TEXT.index("sending arms"), "sending", "2014-05")]
    [interest] = store.interests(doc=da, limit=None)
    assert (interest.doc, interest.actor, interest.rank, interest.text) == (da, "CHN", 1, "sending arms")
    assert len(store.interests(limit=None)) == 2
    assert store.mentions(doc="sha256:nothing") == store.times(doc="sha256:nothing") == []
    assert store.interests(doc="sha256:nothing") == []


def test_per_document_rows_follow_corrections_and_the_current_version(store):
    a = with_times_and_interests(doc_analysis())
    store.add_analysis(a)
    da = a.documents[0].id
    new = '{"id": "PRC", "name": "People\'s Republic of China", "kind": "state", "country": "PRC"}'
    store.decide("resolve", "CHN", new, "ana", scope=da)
    assert [(m.actor, m.machine_actor) for m in store.mentions(doc=da, limit=None) if m.text == "China"] == [
        ("PRC", "CHN")]
    assert [i.actor for i in store.interests(doc=da, limit=None)] == ["PRC"]
    newer = with_times_and_interests(doc_analysis(TEXT.replace("Ça va.", "Bien."), path="/corpus/a.txt"))
    assert store.add_analysis(newer)[0].outcome == "version"
    assert store.mentions(doc=da, limit=None) == store.times(doc=da, limit=None) == []
    assert store.interests(doc=da, limit=None) == []
    assert store.times(doc=newer.documents[0].id, limit=None)


# -- the real corpus --------------------------------------------------------------
def test_the_corpus_is_stored_idempotently(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    counts = store.counts()
    assert counts["documents"] == len(corpus)
    assert counts["events"] == sum(len(a.events) for a in corpus)
    assert counts["claims"] == sum(len(a.claims) for a in corpus)
    assert counts["mentions"] == sum(len(x.mentions) for a in corpus for x in a.actors)
    for a in corpus:
        assert store.add_analysis(a)[0].outcome == "unchanged"
    assert store.counts() == counts
    assert store.check() == []
    texts = {a.documents[0].id: a.documents[0].text for a in corpus}
    for e in store.events(limit=None):
        assert e["sentence"] == texts[e["doc"]][e["sentence_start"] : e["sentence_end"]]


def test_interests_read_back_ranked_with_a_states_people_included(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    everything = store.interests(limit=None)
    assert len(everything) == sum(len(a.interests) for a in corpus)
    texts = {a.documents[0].id: a.documents[0].text for a in corpus}
    assert all(i["text"] == texts[i["doc"]][i["span_start"]:i["span_end"]] for i in everything)
    china = store.interests(actor="CHN", limit=None)
    people = {x["id"] for x in store.actors(limit=None) if x["country"] == "CHN" and x["kind"] != "state"}
    assert china and {i["actor"] for i in china} <= people | {"CHN"}
    assert [i["rank"] is None for i in china] == sorted(i["rank"] is None for i in china)


def test_each_documents_rows_are_the_corpus_rows_of_that_document(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    whole = {"mentions": store.mentions(limit=None), "times": store.times(limit=None),
             "interests": store.interests(limit=None)}
    assert all(whole.values())
    for doc in {a.documents[0].id for a in corpus}:
        assert store.mentions(doc=doc, limit=None) == [m for m in whole["mentions"] if m.doc == doc]
        assert store.times(doc=doc, limit=None) == [t for t in whole["times"] if t.doc == doc]
        assert store.interests(doc=doc, limit=None) == [i for i in whole["interests"] if i.doc == doc]
