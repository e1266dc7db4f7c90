"""HTML pages: the main text and metadata via trafilatura, the rest of the page dropped.

trafilatura separates paragraphs with one newline; they are doubled so paragraphs stay
paragraphs for the sentence splitter and the boilerplate detector. Malformed markup is
parsed leniently (lxml); a page with no extractable text is a failure, not an empty doc.
"""

from __future__ import annotations

from typing import Any

NO_TEXT = "no article text found in HTML"


class NoText(ValueError):
    pass


def extract(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return (text, metadata) for a page; raise NoText when it holds no article text."""
    from trafilatura import bare_extraction

    try:
        result = bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on pathological markup
        raise NoText(f"{NO_TEXT} (extraction failed: {exc})") from exc
    if result is None:
        raise NoText(NO_TEXT)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise NoText(NO_TEXT)
    text = "\n\n".join(p.strip() for p in text.split("\n") if p.strip())
    meta: dict[str, Any] = {
        "title": data.get("title"),
        "author": data.get("author"),
        "published": data.get("date"),
        "publisher": data.get("sitename"),
        "url": data.get("url") or url,
    }
    for key in ("description", "hostname", "categories", "tags", "license"):
        if data.get(key):
            meta[key] = data[key]
    return text, meta
