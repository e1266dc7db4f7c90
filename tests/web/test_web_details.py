"""The details panel shows only the fields a highlight has: no "null" where a field is empty
(the page once wrote every empty field as the text "null")."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

NULLISH = re.compile(r"\b(null|undefined|NaN)\b")


@pytest.mark.parametrize("kind", ["event", "claim", "actor", "quantity", "time"])
def test_no_empty_field_reads_null(page, server, kind):
    import httpx

    base, _ = server
    # the document of the first figure holds every kind of highlight
    doc = httpx.get(f"{base}/quantities", params={"limit": 1}, timeout=30).json()["items"][0]["doc"]
    page.goto(f"{base}/#/doc/{doc}")
    page.wait_for_selector("#doc-text .hl-event")
    spans = page.locator(f"#doc-text .hl-{kind}")
    assert spans.count() > 0
    for i in range(min(spans.count(), 4)):
        spans.nth(i).click()
        details = page.locator("#details").inner_text()
        assert not NULLISH.search(details), details
        # every field shown has a value
        for dd in page.locator("#details dd").all_inner_texts():
            assert dd.strip()


@pytest.mark.parametrize("view", ["#/events", "#/contested", "#/search?q=China", "#/claims", "#/dyad?a=CHN&b=RUS"])
def test_no_view_shows_null(page, server, view):
    base, _ = server
    page.goto(f"{base}/{view}")
    page.wait_for_selector("#view > *")
    page.wait_for_timeout(300)
    assert not NULLISH.search(page.locator("#view").inner_text())
