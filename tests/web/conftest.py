"""A live server on loopback over the example corpus, and a headless Chromium page.

Browser tests skip with a message when Debian's chromium or the playwright package is absent.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent / "screenshots"  # gitignored


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(example_db, tmp_path_factory, pipeline):
    """uvicorn in a thread on 127.0.0.1; yields (base_url, token). Writes go to a copy of the store."""
    import uvicorn

    from realpolitik.api import ApiSettings, create_app, tokens

    tmp = tmp_path_factory.mktemp("web-server")
    db = str(tmp / "served.duckdb")
    shutil.copy(example_db, db)
    secret = tokens.create(tmp / "tokens.json", "browser")
    app = create_app(ApiSettings.from_env(db=db, tokens=str(tmp / "tokens.json")), pipeline=pipeline)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}", secret
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) for browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page; any script error on it fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(15000)
    yield pg
    context.close()
    assert not errors, errors


@pytest.fixture()
def shot(request):
    """Save a screenshot named after the test (not committed: tests/**/screenshots/ is ignored)."""
    SHOTS.mkdir(exist_ok=True)

    def take(pg, name: str) -> Path:
        path = SHOTS / f"{request.node.name}-{name}.png"
        pg.screenshot(path=str(path), full_page=True)
        return path

    return take
