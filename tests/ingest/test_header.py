"""A leading `Key: value` block is metadata, cut from the text; anything else is body."""

from realpolitik.ingest.header import split_header


def test_header_block_sets_fields_and_is_cut():
    text = ("Title: Ministers meet in Oslo\nPublished: 2021-03-04\nSource: Example Wire\n"
            "Author: Jane Roe\nURL: https://example.org/oslo\nDesk: Europe\n\nBody starts here.\n")
    fields, body = split_header(text)
    assert fields == {"title": "Ministers meet in Oslo", "published": "2021-03-04", "publisher": "Example Wire",
                      "author": "Jane Roe", "url": "https://example.org/oslo", "desk": "Europe"}
    assert body == "Body starts here.\n"


def test_no_header_when_a_line_is_not_key_value():
    text = "Title: Ministers meet\nThe ministers met on Monday.\n\nMore text."
    assert split_header(text) == ({}, text)


def test_no_header_without_a_known_key():
    text = "Washington: the president spoke on Monday\n\nMore text."
    assert split_header(text) == ({}, text)


def test_no_header_without_a_blank_line():
    text = "Title: Only a line"
    assert split_header(text) == ({}, text)
