"""Names from the outside world, made safe to print: a file name may carry escape sequences
that would recolour, retitle or rewrite the analyst's terminal."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a line shows.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """The text with every control character shown as an escape (\\x1b, \\u202e)."""
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"

    return _UNSAFE.sub(escape, str(text))
