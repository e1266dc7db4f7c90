"""The key terms of interest spans and their TF-IDF vectors: what topic clustering compares.

A span's terms are the lemmas of its nouns, proper nouns, adjectives and verbs, less the
words every statement of interest is phrased with ("support", "promote", "country"), plus
each pair of adjacent content words ("power politics", "climate change", "developing
country") so that a phrase outweighs its parts. Only terms found in at least two spans are
kept: a term one span uses cannot bring two spans together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from realpolitik.analysis.interest_cues import cues

if TYPE_CHECKING:
    from spacy.language import Language

CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}


def lemmatizer() -> Language:
    """The configured spaCy pipeline with only what lemmas need (tagger, lemmatizer)."""
    from realpolitik.config import Config
    from realpolitik.nlp import load

    return load(Config.from_env().model, disable=("parser", "ner"))


@dataclass
class SpanTerms:
    terms: list[list[str]]  # key terms per span, repeats kept for term frequency
    surface: dict[str, Counter[str]] = field(default_factory=dict)  # term -> how it was written

    def written(self, term: str) -> str:
        """The term as the texts most often write it ("shared future", not "share future")."""
        seen = self.surface.get(term)
        return seen.most_common(1)[0][0] if seen else term


def _words(doc: Any, generic: frozenset[str]) -> list[tuple[str, str] | None]:
    """(lemma, surface) per content word, None for a word that breaks a phrase; hyphenated
    compounds ("win-win", "low-carbon") are one word."""
    out: list[tuple[str, str] | None] = []
    k = 0
    toks = list(doc)
    while k < len(toks):
        tok = toks[k]
        lemma, surface = tok.lemma_.lower(), tok.text.lower()
        content = tok.pos_ in CONTENT_POS and not tok.is_stop
        while k + 2 < len(toks) and toks[k + 1].text == "-" and not tok.whitespace_ and not toks[k + 1].whitespace_:
            k += 2
            lemma, surface = f"{lemma}-{toks[k].lemma_.lower()}", f"{surface}-{toks[k].text.lower()}"
            content = content or toks[k].pos_ in CONTENT_POS
            tok = toks[k]
        k += 1
        if content and len(lemma) > 2 and any(ch.isalpha() for ch in lemma):
            out.append((lemma, surface))
        else:
            out.append(None)
    return out


def span_terms(texts: Sequence[str], nlp: Language | None = None) -> SpanTerms:
    """Key terms per span text, and how each term is written."""
    nlp = nlp or lemmatizer()
    c = cues()
    cleaned = []
    for text in texts:
        text = " ".join(text.split())
        for rx, repl in c.synonyms:
            text = rx.sub(repl, text)
        cleaned.append(text)
    result = SpanTerms([])
    for doc in nlp.pipe(cleaned, batch_size=256):
        words = _words(doc, c.generic_terms)
        found: list[tuple[str, str]] = [w for w in words if w and w[0] not in c.generic_terms]
        found += [(f"{a[0]} {b[0]}", f"{a[1]} {b[1]}") for a, b in zip(words, words[1:], strict=False)
                  if a and b and not (a[0] in c.generic_terms and b[0] in c.generic_terms)]
        result.terms.append([t for t, _ in found])
        for term, surface in found:
            result.surface.setdefault(term, Counter())[surface] += 1
    return result


def tfidf(terms: Sequence[Sequence[str]], min_df: int = 2) -> tuple[np.ndarray, list[str]]:
    """Rows of L2-normalised TF-IDF weights (sublinear tf, smoothed idf) over the terms found
    in at least `min_df` spans, and that vocabulary. A span with none of them is a zero row."""
    df = Counter(t for row in terms for t in set(row))
    vocab = sorted(t for t, n in df.items() if n >= min_df)
    index = {t: k for k, t in enumerate(vocab)}
    n = len(terms)
    matrix = np.zeros((n, len(vocab)), dtype=np.float64)
    for i, row in enumerate(terms):
        for term, count in Counter(row).items():
            k = index.get(term)
            if k is not None:
                matrix[i, k] = (1.0 + math.log(count)) * (math.log((1 + n) / (1 + df[term])) + 1.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix, vocab
