"""Text plus metadata becomes a Document, or an IngestFailure saying why it cannot.

Shared by every reader so that all formats get the same checks: empty text, language,
boilerplate spans, an author from a byline or bio, dates normalised to an ISO prefix.
An unparseable published date does not fail the document: published becomes None, the
raw value is kept in metadata["published_raw"] and a warning is logged. No date means
published None, never the day the tool runs. Command-line overrides win over the file.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

from realpolitik.dates import normalize_published
from realpolitik.ingest import IngestFailure, Overrides, boilerplate, language
from realpolitik.schema import Document, content_id

log = logging.getLogger(__name__)

FIELDS = ("title", "author", "publisher", "published", "url")


def build(name: str, text: str, meta: dict[str, Any], overrides: Overrides) -> Document | IngestFailure:
    """Check and describe one text; `meta` maps Document fields (and extras) to values."""
    if not text.strip():
        return IngestFailure(name, "empty: no text to analyse")
    if not visible(text):
        return IngestFailure(name, "empty: only invisible characters (zero-width or format marks)")
    text, lone = scrub_surrogates(text)
    warnings = []
    if lone:
        warnings.append(f"{lone} lone surrogate code point(s) replaced with U+FFFD")
        log.warning("%s: %s", name, warnings[-1])
    lang = language.detect(text)
    if lang != "en":
        return IngestFailure(name, f"language looks like {language.describe(lang)}; only English is analysed")
    meta = dict(meta)
    fields = {k: _clean(meta.pop(k, None)) for k in FIELDS}
    extra = {k: v for k, v in meta.items() if v is not None}
    if warnings:
        extra["warnings"] = [*extra.get("warnings", []), *warnings]
    found = boilerplate.detect(text)
    raw_date = overrides.published or fields["published"]
    published = normalize_published(raw_date)
    if raw_date and published is None:
        log.warning("%s: published date %r is not a date; left unknown", name, raw_date)
        extra["published_raw"] = raw_date
    return Document(
        id=content_id(text),
        text=text,
        path=name,
        title=overrides.title or fields["title"],
        author=fields["author"] or found.author,
        publisher=overrides.source or fields["publisher"] or found.publisher,
        published=published,
        url=fields["url"],
        lang=lang,
        boilerplate=found.spans,
        metadata=extra,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> tuple[str, int]:
    """Lone surrogates (from JSON escapes like \\ud800) cannot be encoded or stored: U+FFFD."""
    found = len(_SURROGATE.findall(text))
    return (_SURROGATE.sub("\ufffd", text), found) if found else (text, 0)


def visible(text: str) -> bool:
    """True when the text has a character that is neither space nor an invisible format mark."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # JSON feeds sometimes give a list of authors
        value = ", ".join(str(v) for v in value if v)
    value = scrub_surrogates(str(value))[0].strip()
    return value or None
