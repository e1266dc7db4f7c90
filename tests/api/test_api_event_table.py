"""The events table: /events with every facet filter, /events/facets, and /events.csv giving the
same rows as the table for the same filters."""

from __future__ import annotations

import csv
import io

import pytest


def all_events(api, **params) -> list[dict]:
    return api.get("/events", params={"limit": 1000, **params}).json()["items"]


def test_status_and_publisher_filters_keep_only_their_rows(api):
    everything = all_events(api)
    denied = all_events(api, status="denied")
    assert denied and all(e["status"] == "denied" for e in denied)
    assert [e["id"] for e in denied] == [e["id"] for e in everything if e["status"] == "denied"]
    publisher = denied[0]["publisher"]
    both = all_events(api, status="denied", publisher=publisher.upper())  # an outlet, whatever its case
    assert both and all(e["publisher"] == publisher and e["status"] == "denied" for e in both)
    assert len(both) <= len(denied)


def test_row_filters_page_like_the_store(api):
    reported = all_events(api, status="reported")
    assert len(reported) > 3
    first = api.get("/events", params={"status": "reported", "limit": 2}).json()
    second = api.get("/events", params={"status": "reported", "limit": 2, "offset": 2}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in reported[:4]]
    assert first["next_offset"] == 2


def test_facets_count_each_value_among_rows_passing_the_other_filters(api):
    everything = all_events(api)
    f = api.get("/events/facets").json()
    assert f["total"] == len(everything)
    assert f["first"] == min(e["dated"] for e in everything if e["dated"])
    for kind, n in f["type"].items():
        assert len(all_events(api, type=kind)) == n
    for status, n in f["status"].items():
        assert len(all_events(api, status=status)) == n
    china = next(a for a in f["actor"] if a["id"] == "CHN")
    assert china["name"] == "China" and china["events"] == len(all_events(api, actor="CHN"))
    # choosing a type leaves the type facet whole and narrows the others to that type
    agree = api.get("/events/facets", params={"type": "AGREE"}).json()
    assert agree["type"] == f["type"] and agree["total"] == f["type"]["AGREE"]
    assert sum(agree["status"].values()) == agree["total"]
    assert agree["publisher"] != f["publisher"]


def test_csv_holds_the_same_rows_as_the_table(api):
    params = {"actor": "Russia", "since": "2014", "until": "2022"}
    r = api.get("/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="realpolitik-events.csv"' in r.headers["content-disposition"]
    assert "\r\n" not in r.text
    rows = list(csv.DictReader(io.StringIO(r.text)))
    table = all_events(api, **params)
    assert rows and [x["id"] for x in rows] == [e["id"] for e in table]
    assert all("RUS" in (x["source"], x["target"]) for x in rows)
    assert all("2014" <= x["dated"][:4] <= "2022" for x in rows)
    names = {x["source"]: x["source_name"] for x in rows}
    assert names["RUS"] == "Russia"
    # CAMEO codes keep their leading zero: every text value is quoted
    coded = [x for x in rows if x["cameo"]]
    assert coded and all(len(x["cameo"]) >= 2 for x in coded) and any(x["cameo"].startswith("0") for x in coded)
    line = r.text.splitlines()[1]
    assert line.startswith('"ev-')
    # a local path never leaves the server whole
    assert not any(x["path"].startswith("/") for x in rows)


def test_csv_of_a_filter_that_matches_nothing_is_the_header(api):
    r = api.get("/events.csv", params={"since": "1900", "until": "1900"})
    assert r.status_code == 200 and r.text.count("\n") == 1 and r.text.startswith('"id","doc","type"')


@pytest.mark.parametrize("path", ["/events", "/events/facets", "/events.csv"])
def test_bad_filters_are_refused_with_the_value_named(api, error_of, path):
    error_of(api.get(path, params={"status": "rumoured"}), 422, "validation_error")
    error_of(api.get(path, params={"since": "last week"}), 422, "validation_error")
    err = error_of(api.get(path, params={"actor": "atlantis"}), 404, "not_found")
    assert "atlantis" in err["message"]
