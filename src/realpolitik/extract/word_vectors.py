"""Static word vectors distilled from all-MiniLM-L6-v2, for the learned coders' dense features.

Hashed lexical features know only the words seen in training; these vectors put "struck",
"shelled" and "bombarded" near each other, so the event and interest models generalise to
wordings the annotated corpus lacks. The table (wordpieces x DIM, float16) is made by
`training.static_vectors` and ships with its sha256; looking a sentence up costs microseconds.
"""

from __future__ import annotations

import hashlib
from functools import cache
from itertools import chain
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


def mean_of_rows(rows: np.ndarray) -> np.ndarray:
    """rows.mean(0) for a 2-d float32 array, bit for bit (the same sum over the rows and the
    same division by their count, as numpy's own mean does them), without the Python layer
    numpy's mean adds: it is asked for thousands of short stretches per document."""
    out = np.add.reduce(rows, axis=0)
    return np.true_divide(out, np.intp(rows.shape[0]), out=out, casting="unsafe")


class DocVectors:
    """One document's view of the word vectors: each token's wordpieces are looked up once,
    and each span's mean is kept, since the event and interest models both ask for the same
    sentences and a sentence's pairs for the same stretches. Means are exactly WordVectors'
    (the same wordpieces, in the same order); treat the arrays returned as read-only."""

    def __init__(self, vectors: WordVectors, doc: Doc) -> None:
        self.vectors = vectors
        self.dim = vectors.dim
        self.doc = doc
        self._pieces: list[tuple[int, ...] | None] = [None] * len(doc)   # per token, once looked up
        self._span_means: dict[tuple[int, int], np.ndarray] = {}

    def _fill(self, start: int, end: int) -> None:
        """Look up the wordpieces of the tokens of [start, end) not looked up yet."""
        pieces, split = self._pieces, self.vectors.wordpiece.split
        if None in pieces[start:end]:
            for t in self.doc[start:end]:
                if pieces[t.i] is None:
                    pieces[t.i] = split(t.text)

    def _mean_of(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        return mean_of_rows(self.vectors.vectors.take(ids, axis=0))

    def mean(self, tokens) -> np.ndarray:
        """WordVectors.mean of a span or a list of this document's tokens."""
        from spacy.tokens import Span, Token

        if isinstance(tokens, Span) and tokens.doc is self.doc:
            key = (tokens.start, tokens.end)
            got = self._span_means.get(key)
            if got is None:
                self._fill(tokens.start, tokens.end)
                ids = list(chain.from_iterable(self._pieces[tokens.start:tokens.end]))  # type: ignore[arg-type]
                got = self._span_means[key] = self._mean_of(ids)
            return got
        tokens = list(tokens)
        if all(isinstance(t, Token) and t.doc is self.doc for t in tokens):
            pieces, split = self._pieces, self.vectors.wordpiece.split
            for t in tokens:
                if pieces[t.i] is None:
                    pieces[t.i] = split(t.text)
            return self._mean_of(list(chain.from_iterable(pieces[t.i] for t in tokens)))  # type: ignore[misc]
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
