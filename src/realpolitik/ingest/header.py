"""An optional metadata header at the top of a plain-text file.

Convention (the bundled example articles use it)::

    Title: Xi and Putin upgrade ties
    Published: 2019-06-06
    Source: Example Wire
    Author: Jane Roe
    URL: https://example.org/story

    Body text starts here...

The header is every line before the first blank line, and it counts only if each of those
lines is `Key: value` and at least one key is a known one; otherwise the text has no header.
Header lines are metadata, not article, so they are cut from Document.text: offsets point
into the body as analysed. Unknown keys are kept in Document.metadata.
"""

from __future__ import annotations

import re

# Header key (lower case) -> the Document field it fills.
KEYS = {
    "title": "title", "headline": "title",
    "published": "published", "date": "published", "published at": "published",
    "source": "publisher", "publisher": "publisher", "site": "publisher",
    "author": "author", "by": "author", "byline": "author",
    "url": "url", "link": "url",
}
_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}?)\s*:\s*(.*\S)\s*$")
MAX_HEADER_LINES = 20


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return (fields, body); fields maps Document field names (or unknown keys) to values."""
    end = text.find("\n\n")
    if end <= 0:
        return {}, text
    lines = text[:end].split("\n")
    if len(lines) > MAX_HEADER_LINES:
        return {}, text
    fields: dict[str, str] = {}
    known = False
    for line in lines:
        m = _LINE.match(line)
        if not m:
            return {}, text
        key = m.group(1).strip().lower()
        if key in KEYS:
            known = True
            fields.setdefault(KEYS[key], m.group(2))
        else:
            fields.setdefault(key.replace(" ", "_"), m.group(2))
    if not known:
        return {}, text
    body = text[end:].lstrip("\n")
    return fields, body
