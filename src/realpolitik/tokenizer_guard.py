"""Keeps the parse linear and cheap: no input may make one document take minutes.

spaCy's tokenizer strips prefixes and suffixes one character at a time from each
whitespace-free string, so a run of thousands of brackets costs quadratic time (12,000 '('
then 12,000 ')' took 67 s), and every bracket it then splits off is a token for the tagger
and parser. Before the parse, punctuation beyond a short run becomes spaces and any other
very long whitespace-free run is broken every STEP characters. The replacement keeps the
text's length, so every offset still points into the document's own text, which is stored
and shown unchanged.
"""

from __future__ import annotations

import re

# No real sentence has more punctuation in a row ("?!...", '."),' are short).
MAX_PUNCT = 12
# Runs up to this long tokenise in well under a millisecond; a real word, number or URL
# is shorter.
MAX_RUN = 200
# Where a long run is cut: one character in every STEP becomes a space.
STEP = 100

_PUNCT_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCT + 1},}}")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def tokenizer_safe(text: str) -> tuple[str, int]:
    """The text with over-long runs defused, and how many runs were changed.

    Same length as the input, character for character outside the changed runs.
    """
    changed = 0

    def blank_tail(match: re.Match[str]) -> str:
        nonlocal changed
        changed += 1
        run = match.group()
        return run[:MAX_PUNCT] + " " * (len(run) - MAX_PUNCT)

    def cut(match: re.Match[str]) -> str:
        nonlocal changed
        changed += 1
        run = list(match.group())
        for i in range(STEP - 1, len(run), STEP):
            run[i] = " "
        return "".join(run)

    text = _PUNCT_RUN.sub(blank_tail, text)
    return _LONG_RUN.sub(cut, text), changed
