"""The page in headless Chromium on the example corpus: each view opens, highlights lead to
their evidence, the dyad timeline filters, and a correction made on the page can be undone."""

from __future__ import annotations

import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect

# The page's Content-Security-Policy forbids eval, so waits use locators and expect(), never
# page.wait_for_function: the tests run the page under the policy users get.


def open_view(page, server, hash_: str):
    base, _ = server
    page.goto(f"{base}/{hash_}")


def test_document_view_highlights_and_shows_evidence_on_click(page, server, shot):
    open_view(page, server, "#/documents")
    page.wait_for_selector("#doc-text .hl-event")
    for kind in ("actor", "event", "claim", "time"):
        assert page.locator(f"#doc-text .hl-{kind}").count() > 0, kind
    event = page.locator("#doc-text .hl-event").first
    trigger = event.inner_text()
    event.click()
    details = page.locator("#details")
    assert details.locator(".detail-kind").inner_text().startswith("event")
    evidence = details.locator("blockquote.evidence")
    assert trigger in evidence.locator("mark").inner_text()
    assert page.locator("#doc-text .focus").count() > 0  # the sentence is marked in the text
    shot(page, "document")


def test_document_text_is_never_parsed_as_html(page, server):
    """A document whose text looks like markup shows it as text: nothing runs, nothing is built."""
    import httpx

    base, token = server
    hostile = ("<img src=x onerror=\"document.title='pwned'\"> Russia and China signed an agreement "
               "<script>document.title='pwned'</script> in Moscow on energy trade.")
    r = httpx.post(f"{base}/documents", json={"text": hostile, "title": "<b>markup title</b>"},
                   headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert r.status_code in (200, 201), r.text
    doc = r.json()[0]["doc"]
    page.goto(f"{base}/#/doc/{doc}")
    page.wait_for_selector("#doc-text")
    assert "<img src=x" in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text img, #doc-text script, #doc-title b").count() == 0
    assert page.title() != "pwned"


def test_dyad_view_chart_timeline_and_filter(page, server, shot):
    open_view(page, server, "#/dyad?a=CHN&b=RUS")
    page.wait_for_selector("#dyad-chart .uplot")
    page.wait_for_selector("#timeline-list .event-item")
    all_items = page.locator("#timeline-list .event-item")
    total = all_items.count()
    types = sorted({all_items.nth(i).get_attribute("data-type") for i in range(total)})
    assert total > 1 and types
    page.select_option("#filter-type", types[0])
    expect(page.locator(f"#timeline-list .event-item:not([data-type='{types[0]}'])")).to_have_count(0)
    expect(page.locator("#timeline-list .event-item").first).to_be_visible()
    filtered = page.locator("#timeline-list .event-item").count()
    assert 0 < filtered <= total
    shot(page, "dyad")
    # each event links to its sentence in its document
    page.locator("#timeline-list .evidence-link").first.click()
    page.wait_for_selector("#doc-text .selected")
    assert page.locator("#details .detail-kind").inner_text().startswith("event")


def test_network_view_draws_and_expands(page, server, shot):
    open_view(page, server, "#/network?limit=3")
    page.wait_for_selector("#network canvas")
    info = page.locator("#network-info").inner_text()
    assert info.startswith("3 of ") and "capped" in info
    page.click("#network-more")
    expect(page.locator("#network-info")).to_have_text(re.compile(r"^6 of "))
    shot(page, "network")


def test_claims_ledger_filters_and_links_to_evidence(page, server, shot):
    open_view(page, server, "#/claims")
    page.wait_for_selector("#claims-table .claim-row")
    page.select_option("#claims-status", "reported")
    expect(page.locator("#claims-table .claim-row:not([data-status='reported'])")).to_have_count(0)
    expect(page.locator("#claims-table .claim-row").first).to_be_visible()
    shot(page, "claims")
    page.locator("#claims-table .evidence-link").first.click()
    page.wait_for_selector("#doc-text .selected")
    assert page.locator("#details .detail-kind").inner_text().startswith("claim")


def test_reject_an_event_on_the_page_then_undo_it(page, server, shot):
    base, token = server
    open_view(page, server, "#/documents")
    page.fill("#token-input", token)
    page.click("#token-form button")
    page.wait_for_selector("#doc-text .hl-event")
    before = page.locator("#doc-text .hl-event").count()
    # a trigger shared by two events ("Chile and Peru condemned") stays lit while one stands:
    # reject through a highlight that stands for one event only
    single = page.locator("#doc-text .hl-event").evaluate_all(
        "nodes => nodes.findIndex(n => n.dataset.keys.split(' ').filter(k => k.startsWith('event:')).length === 1)")
    assert single >= 0
    page.locator("#doc-text .hl-event").nth(single).click()
    page.click("#reject-button")
    page.wait_for_selector("#status-undo")
    expect(page.locator("#doc-text .hl-event")).to_have_count(before - 1)
    page.goto(f"{base}/#/corrections")
    page.wait_for_selector("#corrections-table tbody tr")
    shot(page, "corrections")
    row = page.locator("#corrections-table tbody tr").first
    assert "reject event:" in row.inner_text() and "browser" in row.inner_text()
    row.locator("button.undo").click()
    page.wait_for_selector("#corrections-table tbody tr.undone")
    page.goto(f"{base}/#/documents")
    expect(page.locator("#doc-text .hl-event")).to_have_count(before)


def test_writes_from_the_page_without_a_token_say_what_to_do(page, server):
    open_view(page, server, "#/documents")
    page.wait_for_selector("#doc-text .hl-event")
    page.locator("#doc-text .hl-event").first.click()
    page.click("#reject-button")
    assert "token" in page.locator("#status").inner_text()


def test_interests_view_shows_topics_salience_and_evidence(page, server, shot):
    """Norway's stated interests (the fixture corpus written for tests/analysis) posted to the
    served store, then read as topics: three, heaviest first, each with evidence that leads
    to its sentence in its document. Runs last here: it adds documents to the served store."""
    import json
    from pathlib import Path

    import httpx

    base, token = server
    fixture = Path(__file__).resolve().parents[1] / "analysis" / "fixtures" / "norway_interests.jsonl"
    for line in fixture.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        r = httpx.post(f"{base}/documents", json={k: item[k] for k in ("text", "title", "published", "url")},
                       headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert r.status_code in (200, 201), r.text
    open_view(page, server, "#/interests?actor=NOR&by=year")
    page.wait_for_selector("#interests-chart .uplot")
    rows = page.locator("#interests-topics .topic-row")
    expect(rows).to_have_count(3)
    first = rows.first.inner_text().lower()
    assert "arctic" in first and "(7)" in first
    assert "nuclear" in rows.nth(2).inner_text().lower()
    assert page.locator("#nav a.active").inner_text() == "Interests"
    shot(page, "interests")
    # a period change is a new report
    page.select_option("#interests-by", "quarter")
    expect(page.locator("#interests-topics thead th").nth(2)).to_have_text("2019-Q1")
    # evidence leads to the interest in its document
    page.locator("#interests-evidence .evidence-link").first.click()
    page.wait_for_selector("#doc-text .selected")
    assert page.locator("#details .detail-kind").inner_text().startswith("interest")
