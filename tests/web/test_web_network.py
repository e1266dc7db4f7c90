"""The network drawn directed (arrows from who acted to whom), with a legend that matches the
nodes drawn, and a time window that redraws it from the events inside the window."""

from __future__ import annotations

import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)").expect


def test_network_has_arrows_and_a_legend_of_what_is_drawn(page, server, shot):
    import httpx

    base, _ = server
    with page.expect_request(re.compile(r"/network\?.*directed=true")):
        page.goto(f"{base}/#/network?limit=500")
    page.wait_for_selector("#network canvas")
    api = httpx.get(f"{base}/network", params={"limit": 500, "directed": True}, timeout=30).json()
    box = page.locator("#network")
    expect(box).to_have_attribute("data-arrow", "triangle")
    assert int(box.get_attribute("data-edges")) == len(api["edges"])
    kinds = {}
    for n in api["nodes"]:
        kinds[n["kind"]] = kinds.get(n["kind"], 0) + 1
    legend = page.locator("#network-legend")
    got = {k.get_attribute("data-kind"): k.inner_text() for k in legend.locator(".legend-kind").all()}
    assert got == {k: f"{k} ({n})" for k, n in kinds.items()}
    text = legend.inner_text()
    assert "source → target" in text and "conflict" in text and "cooperation" in text
    shot(page, "network")


def test_network_time_window_redraws_from_its_events(page, server, shot):
    import httpx

    base, _ = server
    page.goto(f"{base}/#/network?limit=500")
    page.wait_for_selector("#network canvas")
    page.fill("#network-since", "2022")
    page.fill("#network-until", "2022-12")
    page.click("#network-apply")
    expect(page).to_have_url(re.compile(r"since=2022&until=2022-12"))
    api = httpx.get(f"{base}/network", params={"limit": 500, "directed": True, "since": "2022", "until": "2022-12"},
                    timeout=30).json()
    expect(page.locator("#network-info")).to_have_text(re.compile(
        rf"^{len(api['nodes'])} of {api['total_actors']} actors, {len(api['edges'])} directed relations from 2022 to 2022-12"))
    expect(page.locator("#network")).to_have_attribute("data-edges", str(len(api["edges"])))
    shot(page, "window")
    # a malformed date is refused on the page, not sent
    page.fill("#network-since", "spring")
    page.click("#network-apply")
    assert "since=spring" not in page.url


def test_dyad_chart_leaves_gaps_between_scored_periods(page, server):
    import httpx

    base, _ = server
    page.goto(f"{base}/#/dyad?a=CHN&b=RUS&by=quarter")
    page.wait_for_selector("#dyad-chart .uplot")
    report = httpx.get(f"{base}/dyads/CHN/RUS", params={"by": "quarter"}, timeout=30).json()
    scored = [p["period"] for p in report["periods"] if p["index"] is not None]
    first, last = scored[0], scored[-1]
    quarters = (int(last[:4]) - int(first[:4])) * 4 + int(last[-1]) - int(first[-1]) + 1
    chart = page.locator("#dyad-chart")
    assert int(chart.get_attribute("data-periods")) == quarters
    assert int(chart.get_attribute("data-gaps")) == quarters - len(scored) > 0
