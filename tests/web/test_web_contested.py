"""The Contested view: each contested happening with who says what on each side, and denied
claims, every voice linked to its sentence."""

from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect


def test_contested_view_shows_who_says_what(page, server, shot):
    import httpx

    base, _ = server
    page.goto(f"{base}/#/contested")
    page.wait_for_selector("#contested-list .contested-item")
    api = httpx.get(f"{base}/contested", timeout=30).json()
    expect(page.locator("#contested-list .contested-item")).to_have_count(len(api))
    # Blinken's report of Chinese lethal aid, which China's foreign ministry rejected
    aid = page.locator(".contested-item", has_text="China – Russia: AID")
    denied = aid.locator(".side-denied .voice")
    expect(denied).to_have_count(1)
    assert denied.locator(".who").inner_text() == "Antony Blinken"
    assert "rejected by China's foreign ministry" in denied.locator(".cues").inner_text()
    assert aid.locator(".side-affirmed .voice").count() == 0
    claim = page.locator(".contested-item[data-kind='denied claim']").first
    assert claim.locator("blockquote.evidence").inner_text()
    shot(page, "contested")
    denied.locator(".evidence-link").click()
    page.wait_for_selector("#doc-text .selected")
    assert page.locator("#details .detail-kind").inner_text().startswith("event")


def test_contested_view_narrows_to_an_actor(page, server):
    base, _ = server
    page.goto(f"{base}/#/contested?actor=antony-blinken")
    page.wait_for_selector("#contested-count")
    assert page.locator("#contested-actor").input_value() == "antony-blinken"
    assert "China – Russia" not in page.locator("#view").inner_text()
