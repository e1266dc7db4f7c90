"""Posted analyses run in worker processes with a time budget and a bounded queue (issue 14):
a slow one gets 504 and its worker is replaced, a full queue 503, and reads never wait."""

from __future__ import annotations

import threading

from realpolitik.api import ApiSettings, create_app

SENTENCE = "The foreign ministers of Chile and Peru met in Lima and agreed to share radar data. "


def _client(tmp_path, example_db, **settings):
    from fastapi.testclient import TestClient

    conf = ApiSettings.from_env(db=example_db, tokens=str(tmp_path / "tokens.json"), **settings)
    return TestClient(create_app(conf), client=("127.0.0.1", 50000), base_url="http://127.0.0.1:8000")


def test_an_analysis_over_budget_is_stopped_and_the_next_one_works(tmp_path, example_db, error_of):
    # ~30,000 words take several seconds; one sentence a few milliseconds (the worker's
    # start-up, loading spaCy, is not counted against the budget)
    with _client(tmp_path, example_db, analyze_budget=2) as client:
        slow = client.post("/analyze", json={"text": SENTENCE * 2000})
        error_of(slow, 504, "analysis_timeout")
        assert client.get("/health").status_code == 200
        quick = client.post("/analyze", json={"text": SENTENCE})   # on the replacement worker
        assert quick.status_code == 200, quick.text


def test_reads_are_answered_while_an_analysis_runs(tmp_path, example_db):
    with _client(tmp_path, example_db, analyze_budget=60) as client:
        assert client.post("/analyze", json={"text": SENTENCE}).status_code == 200   # workers up
        done = threading.Event()
        result = {}

        def post():
            result["status"] = client.post("/analyze", json={"text": SENTENCE * 300}).status_code
            done.set()

        threading.Thread(target=post, daemon=True).start()
        reads = 0
        while not done.is_set() and reads < 200:
            assert client.get("/health").status_code == 200
            reads += 1
        done.wait(120)
        assert result["status"] == 200 and reads >= 1


def test_a_full_queue_is_refused_at_once(tmp_path, example_db, error_of):
    with _client(tmp_path, example_db, analyze_queue=0) as client:
        error_of(client.post("/analyze", json={"text": SENTENCE}), 503, "overloaded")
