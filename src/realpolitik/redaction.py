"""Scrubs credentials from anything a person or a client may read.

A PostgreSQL store is named by a URL that may carry a password; that URL travels into
health answers, error messages, logs and progress lines. Everything shown goes through
`redact`, and a logging filter does the same for records written by libraries (uvicorn).
"""

from __future__ import annotations

import logging
import re

# scheme://user:PASSWORD@host — the password ends at the last '@' before the host part.
_URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]*(?:@[^\s@/]*)*)(?=@)")
# libpq keyword form: password=... or password='...'
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)
MASK = "***"


def redact(text: object) -> str:
    """The text with every password in a connection URL or keyword string masked."""
    out = _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, str(text))
    return _KEYWORD_PASSWORD.sub(lambda m: m.group("head") + MASK, out)


class RedactingFilter(logging.Filter):
    """Masks passwords in every record a handler emits (message and arguments alike)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True

