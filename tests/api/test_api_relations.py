"""Dyads (the same numbers as `realpolitik dyad`), the dyad timeline, the network, contested."""

from __future__ import annotations

import pytest


def test_dyad_is_the_library_report(api, example_db):
    from realpolitik.analysis.dyad import dyad_report

    got = api.get("/dyads/china/RUS", params={"by": "quarter"}).json()
    # the API holds the store open; read the same numbers through the library on the same store
    store = api.app.state.desk
    want = store.run(lambda s: dyad_report(s, "CHN", "RUS", by="quarter")).to_dict()
    assert got == want
    assert got["n"] > 0 and got["periods"]


def test_dyad_unknown_actor_and_bad_period(api, error_of):
    error_of(api.get("/dyads/CHN/atlantis"), 404, "not_found")
    error_of(api.get("/dyads/CHN/RUS", params={"by": "week"}), 422, "validation_error")


def test_dyad_timeline_filters(api):
    everything = api.get("/dyads/CHN/RUS/events", params={"limit": 1000}).json()["items"]
    # state level (the default): each side is its state or one of its people and organs
    assert everything and all({e["side_a"], e["side_b"]} == {e["source"], e["target"]} for e in everything)
    assert {e["side_a"] for e in everything} > {"CHN"} and {e["side_b"] for e in everything} > {"RUS"}
    states = api.get("/dyads/CHN/RUS/events", params={"limit": 1000, "level": "actor"}).json()["items"]
    assert states and all({e["source"], e["target"]} == {"CHN", "RUS"} for e in states)
    assert {e["id"] for e in states} < {e["id"] for e in everything}
    kind = everything[0]["type"]
    only = api.get("/dyads/CHN/RUS/events", params={"type": kind, "limit": 1000}).json()["items"]
    assert only and all(e["type"] == kind for e in only) and len(only) <= len(everything)
    by_russia = api.get("/dyads/CHN/RUS/events", params={"source": "Russia", "limit": 1000}).json()["items"]
    assert by_russia and all(e["source"] == e["side_b"] for e in by_russia)
    assert "vladimir-putin" in {e["source"] for e in by_russia}
    status = everything[0]["status"]
    assert all(e["status"] == status for e in
               api.get("/dyads/CHN/RUS/events", params={"status": status, "limit": 1000}).json()["items"])
    publisher = everything[0]["publisher"]
    same = api.get("/dyads/CHN/RUS/events", params={"publisher": publisher, "limit": 1000}).json()["items"]
    assert same and all(e["publisher"] == publisher for e in same)


def test_network_is_capped_and_expandable(api):
    full = api.get("/network", params={"limit": 500}).json()
    assert not full["capped"] and len(full["nodes"]) == full["total_actors"] > 3
    small = api.get("/network", params={"limit": 2}).json()
    assert small["capped"] and len(small["nodes"]) == 2
    ids = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in small["edges"])
    lonely = next(n["id"] for n in reversed(full["nodes"]) if n["id"] not in ids)
    grown = api.get("/network", params={"limit": 2, "focus": lonely}).json()
    assert lonely in {n["id"] for n in grown["nodes"]} and len(grown["nodes"]) > 2


def test_network_edges_carry_count_and_mean_goldstein(api):
    edges = api.get("/network", params={"limit": 500}).json()["edges"]
    e = max(edges, key=lambda x: x["events"])
    events = api.get("/dyads/{}/{}/events".format(e["source"], e["target"]), params={"limit": 1000}).json()["items"]
    assert len(events) == e["events"] == sum(e["types"].values())
    scores = [x["goldstein"] for x in events if x["goldstein"] is not None]
    assert e["goldstein"] == pytest.approx(sum(scores) / len(scores), abs=1e-3)


def test_network_directed_edges_split_each_pair_by_who_acted(api):
    pairs = api.get("/network", params={"limit": 500}).json()
    directed = api.get("/network", params={"limit": 500, "directed": True}).json()
    assert directed["directed"] is True and pairs["directed"] is False
    assert sum(e["events"] for e in directed["edges"]) == sum(e["events"] for e in pairs["edges"])
    by_pair: dict[tuple[str, str], int] = {}
    for e in directed["edges"]:
        key = (min(e["source"], e["target"]), max(e["source"], e["target"]))
        by_pair[key] = by_pair.get(key, 0) + e["events"]
    assert by_pair == {(e["source"], e["target"]): e["events"] for e in pairs["edges"]}
    # somewhere both sides acted on each other: two edges, one each way
    assert any((e["target"], e["source"]) in {(x["source"], x["target"]) for x in directed["edges"]}
               for e in directed["edges"])
    # a directed edge counts only the events its source initiated (at state level, its members' too)
    e = max(directed["edges"], key=lambda x: x["events"])
    events = api.get("/dyads/{}/{}/events".format(e["source"], e["target"]),
                     params={"limit": 1000, "source": e["source"]}).json()["items"]
    assert len(events) == e["events"]


def test_network_time_window_keeps_only_its_events(api, error_of):
    everything = api.get("/network", params={"limit": 500}).json()
    window = api.get("/network", params={"limit": 500, "since": "2022", "until": "2022"}).json()
    assert window["since"] == "2022" and window["until"] == "2022"
    total = sum(e["events"] for e in window["edges"])
    assert 0 < total < sum(e["events"] for e in everything["edges"])
    for e in window["edges"][:5]:
        events = api.get("/dyads/{}/{}/events".format(e["source"], e["target"]),
                         params={"limit": 1000, "since": "2022", "until": "2022"}).json()["items"]
        assert len(events) == e["events"] and all(x["dated"].startswith("2022") for x in events)
    error_of(api.get("/network", params={"since": "last spring"}), 422, "validation_error")


def test_contested_lists_denials_with_evidence(api):
    items = api.get("/contested").json()
    assert items and all("kind" in i for i in items)


def test_contested_says_who_says_what(api):
    items = api.get("/contested").json()
    clusters = [i for i in items if i["kind"] != "denied claim"]
    claims = {c["id"]: c for c in api.get("/claims", params={"limit": 1000}).json()["items"]}
    told_through_claims = [e for c in clusters for e in c["events"] if e["claim"]]
    assert told_through_claims
    for e in told_through_claims:
        said = e["said_by"]
        assert said["id"] == e["claim"] and said["status"] == claims[e["claim"]]["status"]
        assert said["source_text"] == claims[e["claim"]]["source_text"]
    assert all(e["said_by"] is None for c in clusters for e in c["events"] if not e["claim"])
    assert all(set(c["names"]) >= set(c["dyad"]) for c in clusters)
    # Blinken said China was considering lethal aid to Russia; China's foreign ministry rejected it
    aid = next(c for c in clusters if c["type"] == "AID" and set(c["dyad"]) == {"CHN", "RUS"})
    said = aid["events"][0]["said_by"]
    assert said["source_name"] == "Antony Blinken" and said["status"] == "denied"
    assert any("rejected by China" in cue for cue in said["cues"])
    assert aid["names"] == {"CHN": "China", "RUS": "Russia"}


def test_interest_topics_are_the_library_report(api):
    from realpolitik.analysis.interest_topics import topic_report

    got = api.get("/interests/topics", params={"actor": "China", "by": "year", "evidence": 2}).json()
    want = api.app.state.desk.run(lambda s: topic_report(s, "CHN", by="year", evidence=2)).to_dict()
    assert got == want
    assert got["actor"] == "CHN" and got["n"] > 0
    for topic in got["topics"]:
        assert len(topic["periods"]) == len(got["periods"]) and topic["sources"]
        assert all(0.0 <= p["salience"] <= 1.0 for p in topic["periods"])


def test_interest_topics_need_a_known_actor_and_a_valid_period(api, error_of):
    error_of(api.get("/interests/topics"), 422, "validation_error")
    error_of(api.get("/interests/topics", params={"actor": "atlantis"}), 404, "not_found")
    error_of(api.get("/interests/topics", params={"actor": "CHN", "by": "week"}), 422, "validation_error")
    error_of(api.get("/interests/topics", params={"actor": "CHN", "since": "last year"}), 422, "validation_error")


def test_dyad_and_network_take_the_level(api, error_of):
    state = api.get("/dyads/CHN/RUS").json()
    actor = api.get("/dyads/CHN/RUS", params={"level": "actor"}).json()
    assert state["level"] == "state" and state["n"] > actor["n"]
    assert state["members"]["RUS"]["vladimir-putin"] >= 3 and set(actor["members"]["RUS"]) == {"RUS"}
    error_of(api.get("/dyads/CHN/RUS", params={"level": "country"}), 422, "validation_error")
    nodes = {n["id"]: n for n in api.get("/network", params={"limit": 500}).json()["nodes"]}
    assert "vladimir-putin" not in nodes and nodes["RUS"]["members"]["vladimir-putin"] >= 3
    people = api.get("/network", params={"limit": 500, "level": "actor"}).json()["nodes"]
    assert "vladimir-putin" in {n["id"] for n in people}
