"""A store holding the bundled example corpus, built once per session, and clients over it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def served(db: str, tmp: Path, **env: str) -> Iterator[str]:
    """`realpolitik serve` over `db` in its own process on a free port; yields its base URL.

    The port is the one uvicorn reports after binding port 0, so no other test can race for
    it; the process is stopped (and killed if it lingers) when the block ends."""
    import os
    import re
    import subprocess
    import sys
    import threading

    environ = {**os.environ, "REALPOLITIK_TOKENS": str(tmp / "served.tokens"), **env}
    proc = subprocess.Popen([sys.executable, "-c", "from realpolitik.cli import main; main()", "serve", "--db", db,
                             "--port", "0"], env=environ, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    found: list[str] = []
    seen: list[str] = []

    def read_log() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            match = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
            if match and not found:
                found.append(match.group(1))

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while not found and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert found, f"serve did not start: {''.join(seen)}"
        yield found[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)


@pytest.fixture(scope="session")
def serve_process():
    """served() as a fixture (see client_for for why)."""
    return served
