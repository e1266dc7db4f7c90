"""A store holding the bundled example corpus, built once per session, and clients over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.api import ApiSettings, create_app, tokens

LOOPBACK = ("127.0.0.1", 50000)


def make_client(db: str, tmp: Path, client=LOOPBACK, pipeline=None, **settings):
    from fastapi.testclient import TestClient

    conf = ApiSettings.from_env(db=db, tokens=str(tmp / "tokens.json"), **settings)
    return TestClient(create_app(conf, pipeline=pipeline), client=client, base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="session")
def client_for():
    """make_client as a fixture: `from conftest import …` is ambiguous beside tests/web/conftest.py."""
    return make_client


@pytest.fixture(scope="session")
def api(example_db, tmp_path_factory, pipeline):
    """A read client on loopback over the example store (do not write with it)."""
    with make_client(example_db, tmp_path_factory.mktemp("api-tokens"), pipeline=pipeline) as client:
        yield client


@pytest.fixture()
def writable(tmp_path, example_db, pipeline):
    """A client over a private copy of the example store, and a valid token for it."""
    import shutil

    db = str(tmp_path / "copy.duckdb")
    shutil.copy(example_db, db)
    with make_client(db, tmp_path, pipeline=pipeline) as client:
        secret = tokens.create(tmp_path / "tokens.json", "tester")
        yield client, {"Authorization": f"Bearer {secret}"}


def check_error(response, status: int, code: str | None = None) -> dict:
    """Every error has one shape: {"error": {"status", "code", "message"}}, status matching HTTP."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    if code is not None:
        assert err["code"] == code
    return err


@pytest.fixture(scope="session")
def error_of():
    return check_error
