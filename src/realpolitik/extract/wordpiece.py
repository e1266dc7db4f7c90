"""BERT's WordPiece split of a word (uncased), in plain Python, for the shipped word vectors.

The word vectors (`extract/word_vectors.py`) are indexed by the wordpieces of
all-MiniLM-L6-v2's vocabulary. Splitting one spaCy token at a time, cached per word, costs
next to nothing and needs no tokenizer library at run time.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MAX_CHARS = 100   # BERT's own limit: a longer "word" is [UNK]


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _is_punct(char: str) -> bool:
    cp = ord(char)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def basic_split(text: str) -> list[str]:
    """Lower-cased, accent-stripped words with punctuation split off, as BertTokenizer does."""
    if text.isascii() and text.isalnum():
        return [text.lower()]   # most tokens: no accent, no space, no punctuation to split off
    words: list[str] = []
    for chunk in _strip_accents(text.lower()).split():
        current = ""
        for char in chunk:
            if _is_punct(char):
                if current:
                    words.append(current)
                    current = ""
                words.append(char)
            else:
                current += char
        if current:
            words.append(current)
    return words


class WordPiece:
    def __init__(self, vocab: dict[str, int], unknown: str = "[UNK]") -> None:
        self.vocab = vocab
        self.unknown_id = vocab[unknown]
        self.split = lru_cache(maxsize=200_000)(self._split)

    def _word(self, word: str) -> list[int]:
        if len(word) > MAX_CHARS:
            return [self.unknown_id]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.unknown_id]
            start = end
        return ids

    def _split(self, text: str) -> tuple[int, ...]:
        return tuple(i for word in basic_split(text) for i in self._word(word))
