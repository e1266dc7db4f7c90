"""JSONL feeds: a document per line, bad lines named by number, metadata kept."""

import io
import json

from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.jsonl import from_object, read_json, read_stream
from realpolitik.schema import Document

BODY = "The defence ministers of both countries met in Seoul on Monday to discuss joint exercises."


def lines(*objs):
    return io.BytesIO(b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objs))


def test_one_malformed_line_is_named_and_the_others_go_on():
    stream = lines({"text": BODY, "title": "One"}, b'{"text": "broken', b"", {"text": BODY + " Again.", "title": "Two"})
    out = list(read_stream("feed.jsonl", stream, Overrides(), 10_000))
    assert [type(x).__name__ for x in out] == ["Document", "IngestFailure", "Document"]
    assert out[1].path == "feed.jsonl:2" and "malformed JSON" in out[1].reason
    assert out[0].title == "One" and out[2].title == "Two"
    assert out[2].path == "feed.jsonl:4"


def test_metadata_fields_and_unknown_fields():
    doc = from_object("f:1", {"text": BODY, "published": "March 5, 2022", "source": "Wire", "url": "https://x.example/a",
                              "author": ["A. One", "B. Two"], "id": "abc-1", "section": "Asia"}, Overrides())
    assert isinstance(doc, Document)
    assert (doc.published, doc.publisher, doc.url, doc.author) == ("2022-03-05", "Wire", "https://x.example/a", "A. One, B. Two")
    assert doc.metadata == {"id": "abc-1", "section": "Asia"}
    assert doc.id.startswith("sha256:") and doc.id != "abc-1"


def test_line_without_text_or_html_is_a_failure():
    out = from_object("f:3", {"title": "No body"}, Overrides())
    assert isinstance(out, IngestFailure) and out.path == "f:3" and "no 'text' or 'html'" in out.reason


def test_line_that_is_not_an_object():
    out = from_object("f:4", [1, 2], Overrides())
    assert isinstance(out, IngestFailure) and "expected a JSON object" in out.reason


def test_html_field_is_extracted():
    page = f"<html><head><title>Talks</title></head><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    doc = from_object("f:1", {"html": page, "published": "2021"}, Overrides())
    assert isinstance(doc, Document) and BODY in doc.text and doc.published == "2021" and doc.title == "Talks"


def test_too_long_line_is_skipped_unread_and_the_next_line_is_read():
    stream = lines({"text": "x " * 5000}, {"text": BODY})
    out = list(read_stream("f.jsonl", stream, Overrides(), 1000))
    assert isinstance(out[0], IngestFailure) and "line too large" in out[0].reason and "--max-bytes" in out[0].reason
    assert isinstance(out[1], Document) and out[1].path == "f.jsonl:2"


def test_json_list():
    data = json.dumps([{"text": BODY}, {"nope": 1}]).encode()
    out = list(read_json("f.json", data, Overrides()))
    assert isinstance(out[0], Document) and out[0].path == "f.json[0]"
    assert isinstance(out[1], IngestFailure) and out[1].path == "f.json[1]"
