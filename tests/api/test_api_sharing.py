"""`realpolitik serve` and the CLI on one DuckDB file at the same time (issue 15).

Each test runs the desk in its own process, as an analyst does, and the CLI in others: DuckDB
locks are per process, so only separate processes show what the analyst would meet.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from realpolitik.api import tokens
from realpolitik.store import open_store

pytestmark = pytest.mark.slow


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from realpolitik.cli import main; main()", *args],
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def post(url: str, body: dict, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


@pytest.fixture()
def db(example_db, tmp_path) -> str:
    path = str(tmp_path / "shared.duckdb")
    shutil.copy(example_db, path)
    return path


def test_the_cli_reads_the_store_while_the_desk_holds_it(db, tmp_path, serve_process):
    """Before: `realpolitik actors` failed with a lock error for as long as the desk ran."""
    with serve_process(db, tmp_path, REALPOLITIK_STORE_IDLE="600") as url:
        served = get(f"{url}/actors?limit=500")["items"]          # the desk now has the file open
        listed = cli("actors", "--db", db, "--json", "--limit", "500")
        events = cli("events", "--db", db, "--json", "--actor", "CHN", "--limit", "5")
        again = get(f"{url}/actors?limit=500")["items"]           # and still answers afterwards
    assert listed.returncode == 0, listed.stderr
    assert [a["id"] for a in json.loads(listed.stdout)] == [a["id"] for a in served] == [a["id"] for a in again]
    assert events.returncode == 0, events.stderr
    assert len(json.loads(events.stdout)) == 5


def test_a_cli_correction_waits_for_the_idle_desk_and_the_desk_then_shows_it(db, tmp_path, serve_process):
    with serve_process(db, tmp_path, REALPOLITIK_STORE_IDLE="0.5") as url:
        before = get(f"{url}/events?limit=500")["items"]
        victim = before[0]["id"]
        fixed = cli("correct", "reject", f"event:{victim}", "--db", db, "--user", "ana", "--note", "misread",
                    REALPOLITIK_LOCK_WAIT="20")
        assert fixed.returncode == 0, fixed.stderr
        after = get(f"{url}/events?limit=500")["items"]
    assert victim not in {e["id"] for e in after}
    assert len(after) == len(before) - 1


def test_a_desk_write_waits_for_a_reader_elsewhere_then_says_busy_and_later_succeeds(db, tmp_path, serve_process):
    secret = tokens.create(tmp_path / "served.tokens", "ana")
    with serve_process(db, tmp_path, REALPOLITIK_LOCK_WAIT="1") as url:
        victim = get(f"{url}/events?limit=1")["items"][0]["id"]
        correction = {"kind": "reject", "target": f"event:{victim}", "note": "misread"}
        with open_store(db, read_only=True) as reader:   # this test's process reads meanwhile
            status, body = post(f"{url}/corrections", correction, secret)
            assert reader.counts()["decisions"] == 0
        assert status == 503, body
        assert "another process has it open" in body["error"]["message"]
        status, body = post(f"{url}/corrections", correction, secret)
        assert status == 201, body
        assert victim not in {e["id"] for e in get(f"{url}/events?limit=500")["items"]}
    with open_store(db, read_only=True) as reader:
        assert [d["target"] for d in reader.decisions()] == [f"event:{victim}"]
