"""What the encoder coder reads: a sentence as wordpieces with character spans, and for each
candidate pair the weights that pool the encoder's states over its parts.

Training (realpolitik.training.finetune_events) and coding (events.encoder.coder) both build
their inputs here, so the model sees at run time exactly what it was trained on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"\w+|[^\w\s]")
MAX_PIECES = 126   # + [CLS] and [SEP]: 128 positions, the length the encoder was fine-tuned at
# The pooled parts of a pair, in the order the head reads them (after the [CLS] state).
PARTS = ("sentence", "source", "target", "trigger", "between")


@dataclass(frozen=True)
class Pieces:
    ids: list[int]                    # [CLS], the sentence's wordpieces, [SEP]
    spans: list[tuple[int, int]]      # character span (within the sentence) of each piece's word; (-1, -1) for [CLS]/[SEP]


def encode(wordpiece, text: str, max_pieces: int = MAX_PIECES) -> Pieces:
    """The sentence's wordpieces (BERT's uncased split of each word) with their words' spans,
    cut at max_pieces (a pair whose parts fall beyond the cut pools nothing for them)."""
    vocab = wordpiece.vocab
    ids, spans = [vocab["[CLS]"]], [(-1, -1)]
    for m in WORD.finditer(text):
        for i in wordpiece.split(m.group()):
            if len(ids) > max_pieces:
                break
            ids.append(i)
            spans.append(m.span())
    ids.append(vocab["[SEP]"])
    spans.append((-1, -1))
    return Pieces(ids, spans)


def word_at(text: str, offset: int) -> tuple[int, int]:
    """The span of the word that starts at (or holds) offset: the pair's trigger word."""
    for m in WORD.finditer(text):
        if m.start() <= offset < m.end():
            return m.span()
    return (offset, offset)


def pool_weights(pieces: Pieces, source: tuple[int, int], target: tuple[int, int] | None,
                 trigger: tuple[int, int]) -> np.ndarray:
    """[len(PARTS), pieces] averaging weights: the sentence's pieces, the source mention's,
    the target's, the trigger word's, and those between source and target. A part with no
    pieces (no target, or cut off) is all zeros."""
    n = len(pieces.ids)
    out = np.zeros((len(PARTS), n), dtype=np.float32)
    spans = np.asarray(pieces.spans)
    real = np.flatnonzero(spans[:, 0] >= 0)

    def inside(lo: int, hi: int) -> np.ndarray:
        return real[(spans[real, 0] < hi) & (lo < spans[real, 1])]

    between: tuple[int, int] | None = None
    if target is not None and source[1] > source[0]:
        first, second = sorted((source, target))
        between = (first[1], second[0]) if first[1] < second[0] else None
    for row, part in enumerate((real, inside(*source) if source[1] > source[0] else [], inside(*target) if target else [],
                                inside(*trigger) if trigger[1] > trigger[0] else [],
                                inside(*between) if between else [])):
        if len(part):
            out[row, part] = 1.0 / len(part)
    return out


def extent(*spans: tuple[int, int] | None) -> tuple[int, int]:
    """The shortest stretch that holds every given span (empty and missing ones aside): the
    words an interest candidate is made of: its clause, its holder's mention and its span."""
    real = [s for s in spans if s is not None and s[1] > s[0]]
    return (min(s for s, _ in real), max(e for _, e in real))
