"""Token rules: writes need a valid token; reads are open on loopback only unless configured."""

from __future__ import annotations

import pytest

from realpolitik.api import tokens
from realpolitik.api.access import is_loopback

REMOTE = ("203.0.113.9", 40000)


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("localhost", True),
    ("10.0.0.1", False), ("203.0.113.9", False), ("testclient", False), ("", False), (None, False),
])
def test_loopback_addresses(host, expected):
    assert is_loopback(host) is expected


def test_token_is_shown_once_and_stored_hashed(tmp_path):
    path = tmp_path / "tokens"
    secret = tokens.create(path, "ana")
    stored = path.read_text()
    assert secret.startswith("rp_") and secret not in stored and "ana" in stored
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert tokens.verify(tokens.load(path), secret).name == "ana"
    assert tokens.verify(tokens.load(path), secret + "x") is None
    assert tokens.verify(tokens.load(path), "") is None


def test_a_token_needs_a_name(tmp_path):
    with pytest.raises(ValueError):
        tokens.create(tmp_path / "tokens", "  ")


WRITES = [
    ("post", "/documents", {"json": {"text": "Russia and China signed a gas deal in Moscow."}}),
    ("post", "/corrections", {"json": {"kind": "reject", "target": "event:ev-x"}}),
    ("post", "/corrections/1/undo", {}),
]


@pytest.mark.parametrize("method, path, kwargs", WRITES)
@pytest.mark.parametrize("auth", [None, "Bearer rp_wrong", "Basic dXNlcjpwYXNz", "Bearer "])
def test_writes_without_a_valid_token_are_401(writable, error_of, method, path, kwargs, auth):
    client, _ = writable
    headers = {"Authorization": auth} if auth else {}
    r = getattr(client, method)(path, headers=headers, **kwargs)
    error_of(r, 401, "unauthorized")
    assert r.headers.get("www-authenticate") == "Bearer"


def test_a_token_created_while_serving_works_without_restart(writable, tmp_path):
    client, _ = writable
    late = tokens.create(tmp_path / "tokens.json", "late")
    r = client.post("/corrections", json={"kind": "reject", "target": "event:no-such"},
                    headers={"Authorization": f"Bearer {late}"})
    assert r.status_code == 400  # authorised; the store refuses the unknown event


def test_remote_reads_are_forbidden_by_default(example_db, tmp_path, error_of, client_for):
    with client_for(example_db, tmp_path, client=REMOTE) as client:
        for path in ("/documents", "/events", "/claims", "/health", "/network", "/dyads/CHN/RUS", "/exports"):
            error_of(client.get(path), 403, "forbidden")
        error_of(client.post("/analyze", json={"text": "Russia and China met."}), 403, "forbidden")
        assert client.get("/").status_code == 200  # the page itself is public; its data calls are not


def test_remote_reads_with_a_token_or_when_allowed(example_db, tmp_path, client_for):
    secret = tokens.create(tmp_path / "tokens.json", "remote")
    with client_for(example_db, tmp_path, client=REMOTE) as client:
        assert client.get("/documents", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    with client_for(example_db, tmp_path, client=REMOTE, allow_remote_reads=True) as client:
        assert client.get("/documents").status_code == 200


def test_remote_writes_still_need_a_token_when_reads_are_open(example_db, tmp_path, error_of, client_for):
    with client_for(example_db, tmp_path, client=REMOTE, allow_remote_reads=True) as client:
        error_of(client.post("/corrections", json={"kind": "reject", "target": "event:x"}), 401, "unauthorized")


def test_allow_remote_reads_from_the_environment(monkeypatch):
    from realpolitik.api import ApiSettings

    monkeypatch.setenv("REALPOLITIK_ALLOW_REMOTE_READS", "yes")
    monkeypatch.setenv("REALPOLITIK_MAX_BODY_BYTES", "4096")
    s = ApiSettings.from_env(db="x.duckdb")
    assert s.allow_remote_reads and s.max_body_bytes == 4096
    assert str(s.token_file) == "x.duckdb.tokens"
    assert str(ApiSettings.from_env(db="postgresql://h/db").token_file) == "realpolitik.tokens"


def test_a_foreign_host_name_is_refused_dns_rebinding(tmp_path, example_db, client_for):
    """A page that rebinds its own domain to 127.0.0.1 sends that domain as Host: refused."""
    with client_for(example_db, tmp_path) as client:
        evil = client.get("/health", headers={"Host": "attacker.example:8000"})
        assert evil.status_code == 421 and evil.json()["error"]["code"] == "host_not_allowed"
        for host in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
            assert client.get("/health", headers={"Host": host}).status_code == 200, host


def test_the_host_allow_list_is_configurable(tmp_path, example_db, client_for):
    with client_for(example_db, tmp_path, allowed_hosts="desk.newsroom.internal") as client:
        assert client.get("/health", headers={"Host": "desk.newsroom.internal"}).status_code == 200
        assert client.get("/health", headers={"Host": "other.internal"}).status_code == 421
