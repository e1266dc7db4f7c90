"""The page's files: served with a strict policy, no document text ever reaches innerHTML,
and the vendored libraries are the files their npm packages ship."""

from __future__ import annotations

import hashlib
import re

import pytest

from realpolitik.web import STATIC

JS = sorted((STATIC / "js").glob("*.js"))


def test_every_view_module_exists_and_is_imported():
    app = (STATIC / "js" / "app.js").read_text()
    for name in ("documents", "dyad", "interests", "network", "claims", "corrections", "events", "contested", "search"):
        assert f'from "./{name}.js"' in app and (STATIC / "js" / f"{name}.js").exists()


@pytest.mark.parametrize("path", JS, ids=lambda p: p.name)
def test_no_html_parsing_sinks_in_our_scripts(path):
    code = path.read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, f"{path.name} uses {sink}"


def test_links_built_by_the_page_stay_in_the_page():
    """el() drops any href that is not an in-page #link, so a document's URL is never a link."""
    dom = (STATIC / "js" / "dom.js").read_text()
    assert 'startsWith("#")' in dom


def test_vendored_files_match_their_recorded_hashes():
    table = (STATIC.parent / "VENDORED.md").read_text()
    rows = re.findall(r"^\| (\S+) \| (\S+) \| (\S+) \|.*\| ([0-9a-f]{64}) \|$", table, re.M)
    assert len(rows) == 3
    for name, _package, _version, digest in rows:
        assert hashlib.sha256((STATIC / "vendor" / name).read_bytes()).hexdigest() == digest, name


def test_index_loads_only_same_origin_assets():
    html = (STATIC / "index.html").read_text()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(("/static/", "#", "data:")), url


def test_page_and_assets_are_served_with_security_headers(api):
    r = api.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "connect-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/js/app.js", "/static/app.css", "/static/vendor/uPlot.iife.min.js"):
        assert api.get(asset).status_code == 200, asset


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from fastapi.testclient import TestClient

    from realpolitik.api import ApiSettings, create_app

    tmp = tmp_path_factory.mktemp("static")
    with TestClient(create_app(ApiSettings.from_env(db=str(tmp / "empty.duckdb"))), client=("127.0.0.1", 1), base_url="http://127.0.0.1") as c:
        yield c

