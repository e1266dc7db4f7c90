"""Bytes to text: refuse binaries by their signature, then find the encoding from the bytes.

The file name is never trusted. Order: known binary signatures; byte-order marks (UTF-32,
UTF-16, UTF-8); BOM-less UTF-16 from the pattern of zero bytes; strict UTF-8; then, since
only English is analysed, cp1252 when it decodes to plausible Western text (charset
detectors misjudge short cp1252 samples as cp775 or cp1250); charset-normalizer last.
Newlines are normalised to "\\n" and a BOM is dropped: that happens before analysis, so
offsets into the returned text stay true.
"""

from __future__ import annotations

import codecs
import re

# (signature, offset, what it looks like): enough to name the common non-text uploads.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document (DOC/XLS)"),
    (b"\x7fELF", 0, "an executable"),
    (b"MZ", 0, "a Windows executable"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"PAR1", 0, "a Parquet file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"ftyp", 4, "an MP4/MOV video"),
    (b"WEBP", 8, "a WebP image"),
    (b"RIFF", 0, "a RIFF (WAV/AVI) file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters cp1252 yields in ordinary Western text; anything else suggests another codepage.
_WESTERN = set(range(0xA0, 0x100)) | {ord(c) for c in "€‚„…†‡‰‹›‘’“”•–—˜™šœžŸŠŒŽƒˆ"}


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not a text document; the message says what they look like."""


def sniff_binary(head: bytes) -> str | None:
    """Name the binary format the first bytes belong to, or None if no signature matches."""
    for sig, at, what in _SIGNATURES:
        if head[at : at + len(sig)] == sig:
            return what
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding); raise NotText for binaries and undecodable bytes."""
    text, encoding, _ = decode_with_warnings(data)
    return text, encoding


def decode_with_warnings(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings): a UTF-8 file with a few bad bytes stays UTF-8, the bytes
    replaced by U+FFFD and named in a warning, instead of the whole file being misread."""
    warnings: list[str] = []
    text, encoding = _decode(data, warnings)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise NotText("binary file (control characters throughout)")
    return text, encoding, warnings


def _decode(data: bytes, warnings: list[str]) -> tuple[str, str]:
    what = sniff_binary(data[:16])
    if what:
        raise NotText(f"binary file (looks like {what})")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data[len(bom):].decode(enc)), enc
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {enc} byte-order mark but is not {enc}: {exc.reason}") from exc
    enc16 = _bomless_utf16(data[:4096])
    if enc16:
        try:
            return normalize_newlines(data.decode(enc16)), enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise NotText("binary file (contains NUL bytes)")
    try:
        return normalize_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    bad = invalid_utf8_offsets(data)
    replaced = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for ch in replaced if ord(ch) > 0x7F and ch != "\ufffd")
    # UTF-8 it is when its own multi-byte characters outnumber the stray bytes; a legacy
    # code page only on strong evidence: no UTF-8 sequence at all, and plausible Western text
    # or more stray bytes than a damaged UTF-8 file has.
    if multibyte and multibyte >= len(bad):
        return _utf8_replaced(replaced, bad, warnings)
    text = _western(data)
    if text is not None:
        return normalize_newlines(text), "cp1252"
    if len(bad) <= max(1, len(data) // 200):
        return _utf8_replaced(replaced, bad, warnings)
    return _by_detector(data)


def _utf8_replaced(text: str, bad: list[int], warnings: list[str]) -> tuple[str, str]:
    shown = ", ".join(str(b) for b in bad[:10]) + (", ..." if len(bad) > 10 else "")
    warnings.append(f"{len(bad)} invalid UTF-8 byte sequence(s) replaced with U+FFFD at byte offset(s) {shown}")
    return normalize_newlines(text), "utf-8"


def invalid_utf8_offsets(data: bytes, limit: int = 1000) -> list[int]:
    """Byte offsets where UTF-8 decoding fails (at most limit of them)."""
    out: list[int] = []
    start = 0
    while start < len(data) and len(out) < limit:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            out.append(start + exc.start)
            start += exc.end
    return out


def normalize_newlines(text: str) -> str:
    r"""\r\n and lone \r become \n, so offsets do not depend on the writer's platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bomless_utf16(sample: bytes) -> str | None:
    """UTF-16 of mostly-ASCII text has a zero in every other byte; find which side."""
    n = len(sample) // 2
    if n < 4:
        return None
    even_nul = sum(1 for i in range(0, 2 * n, 2) if sample[i] == 0)
    odd_nul = sum(1 for i in range(1, 2 * n, 2) if sample[i] == 0)
    if odd_nul > 0.4 * n and even_nul < 0.05 * n:
        return "utf-16-le"
    if even_nul > 0.4 * n and odd_nul < 0.05 * n:
        return "utf-16-be"
    return None


def _western(data: bytes) -> str | None:
    """cp1252 text if its non-ASCII characters are common Western ones, and a minority.

    Another single-byte script (cp1251 Cyrillic, say) read as cp1252 is almost all accented
    letters; Western text, English above all, is mostly ASCII letters.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 0x7F]
    if any(ord(c) not in _WESTERN for c in high):
        return None
    letters = sum(1 for c in text if c.isalpha())
    return text if len(high) <= 0.2 * max(letters, 1) else None


def _by_detector(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise NotText("binary file (no text encoding fits its bytes)")
    return normalize_newlines(str(best)), best.encoding
