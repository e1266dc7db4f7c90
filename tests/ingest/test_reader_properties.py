"""Property campaign over every reader (issue 14): whatever the bytes, a reader gives back
Documents or IngestFailures that name the input — never an exception, never text that the
store could not encode."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.jsonl import read_stream
from realpolitik.ingest.sources import from_bytes
from realpolitik.schema import Document

SEEDS = [b"The ministers of Chile and Peru met in Lima on Monday to talk about fishing. ",
         b"<html><body><p>Kenya and Uganda signed a deal.</p></body></html>", b"\xef\xbb\xbf", b"\xff\xfe",
         b"{\"text\": ", b"\x00", b"\x1b[31m", "caf\u00e9 \u201cquoted\u201d ".encode(), "\u200b".encode(),
         "\ud800".encode("utf-8", "surrogatepass"), b"\r\n", b"(" * 50]
chunks = st.one_of(st.sampled_from(SEEDS), st.binary(max_size=64))
documents = st.lists(chunks, max_size=12).map(b"".join)
PROFILE = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                   suppress_health_check=list(HealthCheck))


def _check(items, name_prefix: str) -> None:
    for item in items:
        assert isinstance(item, Document | IngestFailure)
        if isinstance(item, IngestFailure):
            assert item.path.startswith(name_prefix) and item.reason
        else:
            assert item.text.strip()
            item.text.encode("utf-8")   # storable: no lone surrogates


@PROFILE
@given(data=documents, suffix=st.sampled_from(["", ".txt", ".html", ".json", ".md"]))
def test_any_bytes_in_a_file_give_documents_or_named_failures(data, suffix):
    _check(list(from_bytes("input" + suffix, data, suffix, Overrides(), 1 << 20)), "input")


@PROFILE
@given(lines=st.lists(st.one_of(documents, st.sampled_from([b'{"text": 5}', b'{"text": "Japan protested."}',
                                                            b'{"html": "<p>x</p>"}', b"[1, 2]", b"null"])),
                      max_size=6))
def test_any_jsonl_lines_give_documents_or_named_failures(lines):
    stream = io.BytesIO(b"\n".join(lines))
    _check(list(read_stream("feed.jsonl", stream, Overrides(), 1 << 20)), "feed.jsonl")
