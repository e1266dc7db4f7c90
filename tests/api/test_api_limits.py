"""Request bodies over the limit are refused with 413 before they are read."""

from __future__ import annotations

import pytest


@pytest.fixture()
def small(example_db, tmp_path, client_for):
    with client_for(example_db, tmp_path, max_body_bytes=2048) as client:
        yield client


def test_declared_oversized_body_is_413(small, error_of):
    err = error_of(small.post("/analyze", json={"text": "x " * 5000}), 413, "payload_too_large")
    assert "2048" in err["message"]


def test_streamed_body_without_length_is_cut_off_at_the_limit(small, error_of):
    sent = []

    def chunks():
        for _ in range(100):  # 100 KiB offered; the server must stop well before the end
            sent.append(1)
            yield b"a" * 1024

    r = small.post("/analyze", content=chunks(), headers={"content-type": "application/json"})
    error_of(r, 413, "payload_too_large")


def test_body_under_the_limit_passes_the_middleware(small, error_of):
    # reaches validation (so the middleware let it through) and fails there, in the shape
    error_of(small.post("/analyze", json={"nope": 1}), 422, "validation_error")


def test_document_over_max_bytes_is_413_even_under_the_body_limit(example_db, tmp_path, error_of, monkeypatch, client_for):
    monkeypatch.setenv("REALPOLITIK_MAX_BYTES", "100")
    with client_for(example_db, tmp_path) as client:
        error_of(client.post("/analyze", json={"text": "Russia and China signed a deal. " * 10}), 413,
                 "payload_too_large")


def test_limits_unit_refuses_by_content_length_without_reading():
    """The middleware answers from the header alone: the app and the body are never touched."""
    import asyncio

    from realpolitik.api.limits import BodyLimitMiddleware

    async def app(scope, receive, send):  # pragma: no cover - must not run
        raise AssertionError("app called")

    async def receive():  # pragma: no cover - must not be read
        raise AssertionError("body read")

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "headers": [(b"content-length", b"999999")]}
    asyncio.run(BodyLimitMiddleware(app, max_bytes=10)(scope, receive, send))
    assert sent[0]["status"] == 413
