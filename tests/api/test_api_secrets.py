"""A PostgreSQL password in the store URL reaches no API answer (finding of issue 14)."""

from __future__ import annotations

from realpolitik.api import ApiSettings, create_app

SECRET = "hunter2-not-for-readers"
URL = f"postgresql://realpolitik:{SECRET}@127.0.0.1:9/corpus"   # port 9: refused at once on loopback


def _client(tmp_path, db: str, store=None):
    from fastapi.testclient import TestClient

    settings = ApiSettings.from_env(db=db, tokens=str(tmp_path / "tokens.json"))
    return TestClient(create_app(settings, store=store), client=("127.0.0.1", 50000), base_url="http://127.0.0.1:8000")


def test_health_names_the_store_without_its_password(tmp_path, example_db):
    from realpolitik.store import open_store

    with _client(tmp_path, URL, store=open_store(example_db, read_only=True)) as client:   # other tests read it too
        response = client.get("/health")
    assert response.status_code == 200
    assert SECRET not in response.text
    assert response.json()["store"] == "postgresql://realpolitik:***@127.0.0.1:9/corpus"


def test_an_unreachable_store_is_reported_without_its_password(tmp_path):
    with _client(tmp_path, URL) as client:
        response = client.get("/health")
        assert response.status_code == 503
        assert SECRET not in response.text
        assert "cannot open the store postgresql://realpolitik:***@127.0.0.1:9/corpus" in response.json()["error"]["message"]
