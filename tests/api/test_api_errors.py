"""The one error shape, for errors the framework raises as well as ours."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("method, path, kwargs, status, code", [
    ("get", "/no-such-route", {}, 404, "not_found"),
    ("delete", "/documents", {}, 405, "method_not_allowed"),
    ("get", "/documents/sha256:unknown", {}, 404, "not_found"),
    ("get", "/actors/nobody-at-all", {}, 404, "not_found"),
    ("get", "/events?actor=nobody-at-all", {}, 404, "not_found"),
    ("get", "/events?limit=0", {}, 422, "validation_error"),
    ("get", "/events?limit=abc", {}, 422, "validation_error"),
    ("get", "/events?offset=-1", {}, 422, "validation_error"),
    ("get", "/events?type=HUG", {}, 422, "validation_error"),
    ("get", "/events?since=yesterday", {}, 422, "validation_error"),
    ("get", "/claims?status=maybe", {}, 422, "validation_error"),
    ("post", "/analyze", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "malformed_json"),
    ("post", "/analyze", {"json": {"txt": "typo in the field name"}}, 422, "validation_error"),
    ("post", "/analyze", {"json": ["a", "list"]}, 422, "validation_error"),
    ("post", "/analyze", {"json": {}}, 422, "validation_error"),
    ("get", "/static/no-such-file.js", {}, 404, "not_found"),
])
def test_bad_requests_share_the_error_shape(api, error_of, method, path, kwargs, status, code):
    error_of(getattr(api, method)(path, **kwargs), status, code)


def test_validation_errors_say_where_without_echoing_input(api, error_of):
    err = error_of(api.get("/events", params={"limit": "9" * 40}), 422, "validation_error")
    assert err["details"][0]["loc"] == ["query", "limit"]
    assert "9" * 40 not in str(err)


def test_unexpected_failures_are_500_in_the_shape_without_internals(example_db, tmp_path, error_of):
    from fastapi.testclient import TestClient

    from realpolitik.api import ApiSettings, create_app

    app = create_app(ApiSettings.from_env(db=example_db, tokens=str(tmp_path / "t.json")))
    app.state.desk.run = lambda fn: 1 / 0  # a bug anywhere behind a route
    with TestClient(app, client=("127.0.0.1", 1), raise_server_exceptions=False, base_url="http://localhost") as client:
        err = error_of(client.get("/documents"), 500, "internal_error")
    assert "ZeroDivision" not in err["message"]
