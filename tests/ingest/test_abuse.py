"""Inputs an attacker or a broken feed sends (issue 14): each gets a clear message naming the
file, the batch goes on, and nothing hangs or silently turns into mojibake."""

from __future__ import annotations

import json
import os
import threading

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.ingest import IngestFailure, iter_documents
from realpolitik.schema import Document

ENGLISH = ("The foreign ministers of Chile and Peru met in Lima on Monday and agreed to share "
           "radar data on fishing fleets in the South Pacific.\n")


def _only(path) -> Document | IngestFailure:
    (item,) = list(iter_documents([str(path)]))
    return item


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    result: list = []
    reader = threading.Thread(target=lambda: result.append(_only(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():  # unblock the reader so the test process can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(result[0], IngestFailure) and "named pipe" in result[0].reason


def test_a_stray_byte_keeps_a_utf8_file_utf8(tmp_path, caplog):
    text = "Ministers in Zürich and Kraków said the “talks” were useful. " * 10
    raw = text.encode("utf-8")
    (tmp_path / "a.txt").write_bytes(raw[:200] + b"\xff" + raw[200:])
    doc = _only(tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert "Zürich" in doc.text and "Kraków" in doc.text and "\ufffd" in doc.text
    assert doc.metadata.get("encoding") is None   # UTF-8, not a legacy code page
    assert any("byte offset(s) 200" in r.getMessage() for r in caplog.records)


def test_a_real_cp1252_file_is_still_read_as_cp1252(tmp_path):
    (tmp_path / "a.txt").write_bytes(("The deal is worth £40m, the envoy said. " + ENGLISH).encode("cp1252"))
    doc = _only(tmp_path / "a.txt")
    assert "£40m" in doc.text and doc.metadata["encoding"] == "cp1252"


@pytest.mark.parametrize(("line", "reason"), [
    ({"text": 42}, "'text' must be a string, got int"),
    ({"text": ["a", "b"]}, "'text' must be a string, got list"),
    ({"html": {"body": 1}}, "'html' must be a string, got dict"),
])
def test_wrong_json_types_are_named_not_called_empty(tmp_path, line, reason):
    (tmp_path / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    item = _only(tmp_path / "feed.jsonl")
    assert isinstance(item, IngestFailure) and item.reason == reason


def test_a_file_of_zero_width_characters_is_empty(tmp_path):
    (tmp_path / "a.txt").write_text("\u200b\u200c\u200d\ufeff\u2060" * 50, encoding="utf-8")
    item = _only(tmp_path / "a.txt")
    assert isinstance(item, IngestFailure) and "invisible" in item.reason


def test_a_lone_surrogate_is_replaced_with_a_warning(tmp_path):
    (tmp_path / "feed.jsonl").write_text('{"text": "' + ENGLISH.strip() + ' \\ud800 end."}\n', encoding="utf-8")
    doc = _only(tmp_path / "feed.jsonl")
    assert isinstance(doc, Document) and "\ufffd" in doc.text
    doc.text.encode("utf-8")   # storable
    assert doc.metadata["warnings"] == ["1 lone surrogate code point(s) replaced with U+FFFD"]


def test_a_negative_byte_limit_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt"), "--max-bytes", "-5"])
    assert result.exit_code == 2 and "--max-bytes" in result.output


def test_escape_sequences_in_a_file_name_never_reach_the_terminal(tmp_path):
    name = tmp_path / "evil\x1b]0;pwned\x07\x1b[31m.txt"
    name.write_bytes(b"")
    result = CliRunner().invoke(main, ["analyze", str(name), "-q"])
    assert result.exit_code == 3
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "evil\\x1b]0;pwned\\x07\\x1b[31m.txt" in result.output
