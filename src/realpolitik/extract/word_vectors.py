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
from typing import TYPE_CHECKING

import numpy as np

from realpolitik.extract.wordpiece import WordPiece

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext

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


class DocVectors:
    """One document's view of the word vectors: each token's wordpieces are looked up once,
    and each span's mean is kept, since the event and interest models both ask for the same
    sentences and a sentence's pairs for the same stretches. Means are exactly WordVectors'
    (the same wordpieces, in the same order); treat the arrays returned as read-only."""

    def __init__(self, vectors: WordVectors, doc: Doc) -> None:
        self.vectors = vectors
        self.dim = vectors.dim
        self.doc = doc
        self._pieces: dict[int, tuple[int, ...]] = {}   # token index -> its wordpiece ids
        self._span_means: dict[tuple[int, int], np.ndarray] = {}

    def _mean_at(self, indices) -> np.ndarray:
        pieces, doc, split = self._pieces, self.doc, self.vectors.wordpiece.split
        ids: list[int] = []
        for n in indices:
            got = pieces.get(n)
            if got is None:
                got = pieces[n] = split(doc[n].text)
            ids.extend(got)
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        return self.vectors.vectors[ids].mean(0)

    def mean(self, tokens) -> np.ndarray:
        """WordVectors.mean of a span or a list of this document's tokens."""
        from spacy.tokens import Span, Token

        if isinstance(tokens, Span) and tokens.doc is self.doc:
            key = (tokens.start, tokens.end)
            got = self._span_means.get(key)
            if got is None:
                got = self._span_means[key] = self._mean_at(range(tokens.start, tokens.end))
            return got
        tokens = list(tokens)
        if all(isinstance(t, Token) and t.doc is self.doc for t in tokens):
            return self._mean_at([t.i for t in tokens])
        return self.vectors.mean(tokens)


def for_document(ctx: ExtractContext, vectors: WordVectors) -> DocVectors:
    """The document's DocVectors, made by the first extractor that asks."""
    view = ctx.memo.get("word_vectors")
    if not isinstance(view, DocVectors) or view.vectors is not vectors or view.doc is not ctx.doc:
        view = ctx.memo["word_vectors"] = DocVectors(vectors, ctx.doc)
    return view


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
