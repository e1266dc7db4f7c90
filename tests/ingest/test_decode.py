"""Encodings are found from the bytes; binaries are refused by what they look like."""

import codecs

import pytest

from realpolitik.ingest.decode import NotText, decode

SAMPLE = "In Zürich, the café owner paid €40 for “smart quotes” — and said ‘no’.\r\nNext line."
EXPECTED = SAMPLE.replace("\r\n", "\n")


@pytest.mark.parametrize(("data", "encoding"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (SAMPLE.encode("cp1252"), "cp1252"),
    (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
])
def test_text_comes_out_right_whatever_the_encoding(data, encoding):
    text, found = decode(data)
    assert text == EXPECTED
    assert found == encoding


def test_cp1252_euro_byte_is_the_euro_sign():
    text, _ = decode(b"The fee rose to \x8050 in M\xfcnchen.")
    assert text == "The fee rose to €50 in München."


def test_latin1_text_decodes():
    text, _ = decode("Señor Muñoz visited Genève and Besançon last week.".encode("latin-1"))
    assert text == "Señor Muñoz visited Genève and Besançon last week."


def test_non_western_single_byte_text_falls_back_to_the_detector():
    original = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Женеве."
    text, encoding = decode(original.encode("cp1251"))
    assert text == original
    assert encoding.replace("_", "").lower() in ("cp1251", "windows1251")


def test_lone_carriage_returns_become_newlines():
    assert decode(b"one\rtwo\r\nthree\n")[0] == "one\ntwo\nthree\n"


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
])
def test_binary_signatures_are_named(data, what):
    with pytest.raises(NotText, match=what):
        decode(data + bytes(range(256)))


def test_nul_bytes_without_a_signature_are_binary():
    with pytest.raises(NotText, match="binary file"):
        decode(b"abc\x00\x01\x02\x03" * 50 + bytes(range(200, 256)))


def test_control_characters_throughout_are_binary():
    with pytest.raises(NotText, match="control characters"):
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 100)
