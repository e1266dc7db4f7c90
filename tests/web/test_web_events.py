"""The Events view: a table with facets that count their values, and a CSV download of exactly
the rows the filters keep."""

from __future__ import annotations

import csv
import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect


def facet_count(page, select: str, value: str) -> int:
    label = page.locator(f"{select} option[value='{value}']").inner_text()
    return int(re.search(r"\((\d+)\)$", label).group(1))


def test_events_table_filters_by_facets_and_downloads_the_view(page, server, shot, tmp_path):
    base, _ = server
    page.goto(f"{base}/#/events")
    page.wait_for_selector("#events-table .event-row")
    shot(page, "all")
    n_accuse = facet_count(page, "#events-type", "ACCUSE")
    page.select_option("#events-type", "ACCUSE")
    expect(page).to_have_url(re.compile(r"type=ACCUSE"))
    expect(page.locator("#events-table .event-row:not([data-type='ACCUSE'])")).to_have_count(0)
    expect(page.locator("#events-table .event-row")).to_have_count(n_accuse)
    assert page.locator("#events-count").inner_text() == f"{n_accuse} events"
    # the actor facet now counts ACCUSE events only; choose the busiest actor
    first_actor = page.locator("#events-actor option").nth(1)
    actor, n_actor = first_actor.get_attribute("value"), int(re.search(r"\((\d+)\)$", first_actor.inner_text()).group(1))
    page.select_option("#events-actor", actor)
    expect(page.locator("#events-table .event-row")).to_have_count(n_actor)
    shown = page.locator("#events-table .event-row").evaluate_all("rows => rows.map(r => r.dataset.id)")
    shot(page, "filtered")
    with page.expect_download() as info:
        page.click("#events-csv")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "realpolitik-events.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == shown
    assert all(r["type"] == "ACCUSE" and actor in (r["source"], r["target"]) for r in rows)
    expect(page.locator("#status")).to_contain_text("Downloaded")


def test_events_date_range_and_status_and_evidence(page, server):
    base, _ = server
    page.goto(f"{base}/#/events")
    page.wait_for_selector("#events-table .event-row")
    page.fill("#events-since", "2014")
    page.fill("#events-until", "2015")
    page.click("#events-dates button")
    expect(page).to_have_url(re.compile(r"since=2014&until=2015"))
    page.wait_for_selector("#events-clear")  # drawn only once the filtered view is
    dates = page.locator("#events-table td.date").all_inner_texts()
    assert dates and all("2014" <= d[:4] <= "2015" for d in dates)
    n_reported = facet_count(page, "#events-status", "reported")
    page.select_option("#events-status", "reported")
    expect(page.locator("#events-table .event-row")).to_have_count(n_reported)
    expect(page.locator("#events-table .event-row:not([data-status='reported'])")).to_have_count(0)
    page.locator("#events-table .evidence-link").first.click()
    page.wait_for_selector("#doc-text .selected")
    assert page.locator("#details .detail-kind").inner_text().startswith("event")


def test_a_bad_date_is_named_and_nothing_is_asked(page, server):
    base, _ = server
    page.goto(f"{base}/#/events")
    page.wait_for_selector("#events-table .event-row")
    page.fill("#events-since", "last year")
    page.click("#events-dates button")
    expect(page.locator("#status")).to_contain_text('"last year" is not a date')
    assert "since=" not in page.url
