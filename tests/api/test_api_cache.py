"""Reads served from memory until the store changes, with ETags; never to whom may not read."""

from __future__ import annotations


def test_a_repeated_read_has_an_etag_and_a_304(api):
    first = api.get("/events?limit=5")
    assert first.status_code == 200 and first.headers["etag"]
    again = api.get("/events?limit=5")
    assert again.json() == first.json() and again.headers["etag"] == first.headers["etag"]
    unchanged = api.get("/events?limit=5", headers={"If-None-Match": first.headers["etag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""


def test_a_write_makes_cached_reads_fresh(writable):
    client, auth = writable
    before = client.get("/events?limit=500").json()["items"]
    event = before[0]["id"]
    made = client.post("/corrections", json={"kind": "reject", "target": f"event:{event}"}, headers=auth)
    assert made.status_code == 201, made.text
    after = client.get("/events?limit=500").json()["items"]
    assert event not in {e["id"] for e in after} and len(after) == len(before) - 1


def test_the_cache_never_serves_a_reader_who_may_not_read(tmp_path, example_db, pipeline, error_of):
    from fastapi.testclient import TestClient

    from realpolitik.api import ApiSettings, create_app

    app = create_app(ApiSettings.from_env(db=example_db, tokens=str(tmp_path / "t.json")), pipeline=pipeline)
    base = "http://127.0.0.1:8000"
    with TestClient(app, client=("127.0.0.1", 5000), base_url=base) as local, \
            TestClient(app, client=("203.0.113.9", 4000), base_url=base) as remote:
        assert local.get("/actors?limit=3").status_code == 200     # now cached in this app
        error_of(remote.get("/actors?limit=3"), 403)
