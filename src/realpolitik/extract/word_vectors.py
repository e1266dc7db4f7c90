"""Static word vectors distilled from all-MiniLM-L6-v2, for the learned coders' dense features.

Hashed lexical features know only the words seen in training; these vectors put "struck",
"shelled" and "bombarded" near each other, so the event and interest models generalise to
wordings the annotated corpus lacks. The table (wordpieces x DIM, float16) is made by
`training.static_vectors` and ships with its sha256; looking a sentence up costs microseconds.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np

from realpolitik.extract.wordpiece import WordPiece

PATH = Path(__file__).with_name("word_vectors.npz")


class WordVectors:
    def __init__(self, pieces: list[str], vectors: np.ndarray) -> None:
        self.vectors = vectors.astype(np.float32)
        self.dim = self.vectors.shape[1]
        self.wordpiece = WordPiece({p: i for i, p in enumerate(pieces)})

    def ids(self, tokens) -> list[int]:
        """Wordpiece ids of spaCy tokens (or strings), in order."""
        out: list[int] = []
        for t in tokens:
            out.extend(self.wordpiece.split(t if isinstance(t, str) else t.text))
        return out

    def mean(self, tokens) -> np.ndarray:
        """The mean vector of the tokens' wordpieces (zeros for none)."""
        ids = self.ids(tokens)
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        return self.vectors[ids].mean(0)


def verify(path: Path) -> None:
    """Refuse a table whose bytes are not the ones `make train` wrote (weights.sha256 beside it)."""
    expected = path.with_suffix(".sha256").read_text(encoding="utf-8").split()[0]
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    if actual != expected:
        raise RuntimeError(f"{path}: sha256 {actual} does not match {expected}; reinstall or run make train")


@cache
def shipped(path: Path = PATH) -> WordVectors | None:
    """The packaged table, or None where it is not installed (the models then run without it)."""
    if not path.exists():
        return None
    verify(path)
    data = np.load(path)
    return WordVectors([str(p) for p in data["pieces"]], data["vectors"])
