"""Passwords in store URLs never reach a reader: messages, logs and tracebacks are masked."""

from __future__ import annotations

import logging

import pytest

from realpolitik.redaction import RedactingFilter, redact


@pytest.mark.parametrize(("raw", "shown"), [
    ("postgresql://rp:hunter2@127.0.0.1:5432/corpus", "postgresql://rp:***@127.0.0.1:5432/corpus"),
    ("cannot connect to postgres://ana:p@ss@db.local/x: refused", "cannot connect to postgres://ana:***@db.local/x: refused"),
    ("host=db user=rp password=hunter2 dbname=corpus", "host=db user=rp password=*** dbname=corpus"),
    ("password='two words' host=db", "password=*** host=db"),
])
def test_passwords_are_masked(raw, shown):
    assert redact(raw) == shown


@pytest.mark.parametrize("plain", ["postgresql://rp@127.0.0.1/corpus", "./realpolitik.duckdb",
                                   "China and Russia signed: 12 deals at 10:30"])
def test_text_without_a_password_is_unchanged(plain):
    assert redact(plain) == plain


def test_log_records_and_their_tracebacks_are_masked():
    record = None
    try:
        raise RuntimeError("lost postgresql://rp:hunter2@h/db")
    except RuntimeError:
        import sys

        record = logging.LogRecord("realpolitik", logging.ERROR, __file__, 1, "store %s failed",
                                   ("postgresql://rp:hunter2@h/db",), sys.exc_info())
    assert RedactingFilter().filter(record)
    assert "hunter2" not in record.getMessage()
    assert "hunter2" not in logging.Formatter().format(record)
