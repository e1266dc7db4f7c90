"""HTML pages give their article text and metadata; script-only pages give a clear failure."""

import pytest

from realpolitik.ingest.html import NO_TEXT, NoText, extract

PAGE = """<!DOCTYPE html>
<html><head>
<title>Envoys agree on grain corridor | Harbour Daily</title>
<meta name="author" content="Tomas Reyes">
<meta property="article:published_time" content="2023-07-19T08:00:00Z">
<meta property="og:site_name" content="Harbour Daily">
<meta property="og:url" content="https://harbour.example/grain">
<script>window.tracking = {id: 42};</script>
<style>.nav { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Envoys agree on grain corridor</h1>
<p>Envoys from four Black Sea states agreed on Tuesday to keep a shipping corridor open for grain exports through the winter.</p>
<p>The deal, reached after two days of talks in Istanbul, allows inspected ships to sail without naval escort, officials said.</p>
<p>Farmers' unions said the agreement would let them sell this year's harvest before prices fall further.</p>
</article>
<footer>© 2023 Harbour Daily</footer>
</body></html>"""


def test_article_text_and_metadata():
    text, meta = extract(PAGE)
    assert text.startswith("Envoys agree on grain corridor") or "Envoys from four Black Sea states" in text
    assert "Envoys from four Black Sea states agreed" in text
    assert "window.tracking" not in text and "color: red" not in text
    assert "\n\nThe deal, reached after two days" in text  # paragraphs stay paragraphs
    assert meta["author"] == "Tomas Reyes"
    assert meta["published"] == "2023-07-19"
    assert meta["publisher"] == "Harbour Daily"
    assert "grain corridor" in meta["title"]


def test_page_without_a_date_has_none():
    _, meta = extract(PAGE.replace('<meta property="article:published_time" content="2023-07-19T08:00:00Z">', ""))
    assert meta["published"] is None


@pytest.mark.parametrize("page", [
    "<html><head><script>var a = 1;</script><style>p { margin: 0 }</style></head>"
    "<body><script>document.write('x')</script><noscript></noscript></body></html>",
    "<html><body></body></html>",
])
def test_script_only_page_fails(page):
    with pytest.raises(NoText, match=NO_TEXT):
        extract(page)


def test_malformed_html_still_gives_text():
    page = ("<html><body><div><p>Negotiators from both sides met in Doha on Sunday to discuss a prisoner exchange"
            "<p>A mediator said progress had been made on the list of names, though gaps remain<div>"
            "<p>Talks are due to resume next week</b></i></body>")
    text, _ = extract(page)
    assert "Negotiators from both sides met in Doha" in text
    assert "A mediator said progress had been made" in text
