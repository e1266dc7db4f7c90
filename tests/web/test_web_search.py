"""Search from the page: the header box, ranked results with the hits marked, and the document
opened with every hit highlighted and stepped through."""

from __future__ import annotations

import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect


def test_search_box_results_and_hits_in_the_document(page, server, shot):
    import httpx

    base, _ = server
    page.goto(f"{base}/#/documents")
    page.fill("#search-input", "gas pipeline")
    page.press("#search-input", "Enter")
    expect(page).to_have_url(re.compile(r"#/search\?q=gas(\+|%20)pipeline"))
    results = page.locator("#search-results .search-result")
    expect(results.first).to_be_visible()
    api = httpx.get(f"{base}/search", params={"q": "gas pipeline"}, timeout=30).json()
    assert results.count() == len(api["items"]) and api["total"] >= 2
    assert page.locator("#search-summary").inner_text().startswith(f"{api['total']} documents match")
    marks = results.first.locator(".snippet mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} <= {"gas", "pipeline", "pipelines"}
    shot(page, "results")
    # the first result opens its document with every hit lit, the first one current
    results.first.locator("a.result-title").click()
    page.wait_for_selector("#doc-text .hl-hit")
    top = api["items"][0]
    expect(page.locator("#hit-count")).to_have_text(f"Hit 1 of {len(top['spans'])} for “gas pipeline”")
    lit = {int(n) for n in page.locator("#doc-text .hl-hit").evaluate_all(
        "nodes => nodes.map(n => n.dataset.start)")}
    assert {s for s, _ in top["spans"]} <= lit
    current = page.locator("#doc-text .current-hit").first
    assert int(current.get_attribute("data-start")) == top["spans"][0][0]
    page.click("#hit-next")
    expect(page.locator("#hit-count")).to_have_text(re.compile(r"^Hit 2 of "))
    assert int(page.locator("#doc-text .current-hit").first.get_attribute("data-start")) == top["spans"][1][0]
    shot(page, "document")


def test_a_search_that_finds_nothing_says_so(page, server):
    base, _ = server
    page.goto(f"{base}/#/search?q=xyzzyplugh")
    expect(page.locator("#search-none")).to_be_visible()
    assert page.locator("#search-summary").inner_text().startswith("0 documents match")
