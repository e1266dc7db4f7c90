"""Which words name a scenario's issue, and whether a stated interest names it.

The issue is one or more phrases: the analyst's --terms ("seabed mining", "Power of Siberia"),
else the issue sentence itself. A phrase keeps its content words: the nouns, proper nouns,
adjectives and verbs that are not stop words or the fillers every statement of interest is
phrased with (knowledge/interest_cues.yaml, generic_terms), each as written and as its lemma,
so "fisheries" and "fishery" meet. A text names the issue when it holds every content word
of one of its phrases: "nuclear power" does not name "nuclear disarmament".

A statement's stance says how its holder stands toward what its span names first: in
"a moratorium on seabed mining" what is wanted is the moratorium, not the mining. So a
statement counts for a position only when the words of one phrase are in the span's head,
the words before its first preposition, verb, conjunction or clause ("that seabed mining will
..." keeps "seabed mining": a leading "that" or "to" is skipped, and in a refusal span, "will
not accept overfishing ...", the refusing verb too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.interest_cues import cues

if TYPE_CHECKING:
    from spacy.language import Language

CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB"}
LEADING = {"DET", "ADP", "SCONJ", "PART", "ADV", "PRON", "PUNCT", "CCONJ", "AUX", "SPACE"}
HEAD_POS = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}
NEGATIONS = {"not", "never", "n't", "no"}


@dataclass(frozen=True)
class Words:
    """The content words of one text, in order, each as {lemma, surface} in lower case; and the
    keys of all of them and of those in the text's head."""
    words: tuple[frozenset[str], ...]
    all: frozenset[str]
    head: frozenset[str]


@dataclass(frozen=True)
class Phrase:
    text: str  # as the analyst or the issue wrote it
    words: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Issue:
    """What the issue's words are, and whether a text names them."""
    phrases: tuple[Phrase, ...]

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.phrases]

    def named_by(self, w: Words) -> bool:
        """The text holds every content word of one of the phrases."""
        return any(all(k & w.all for k in p.words) for p in self.phrases)

    def named_in_head(self, w: Words) -> bool:
        """The text's head holds every content word of one of the phrases."""
        return any(all(k & w.head for k in p.words) for p in self.phrases)

    def named_in(self, keys: frozenset[str]) -> bool:
        """`keys` (a topic's key-term words) hold every content word of one of the phrases."""
        return any(all(k & keys for k in p.words) for p in self.phrases)


def _keys(tok: Any) -> frozenset[str]:
    return frozenset({tok.lemma_.lower(), tok.text.lower()})


def _is_content(tok: Any, generic: frozenset[str]) -> bool:
    return (tok.pos_ in CONTENT_POS and not tok.is_stop and len(tok.text) > 2
            and any(ch.isalpha() for ch in tok.text) and tok.lemma_.lower() not in generic)


def _skip_leading(toks: list[Any], k: int) -> int:
    while k < len(toks) and toks[k].pos_ in LEADING:
        k += 1
    return k


def _read(doc: Any, generic: frozenset[str]) -> Words:
    toks = list(doc)
    words = tuple(_keys(t) for t in toks if _is_content(t, generic))
    k = _skip_leading(toks, 0)
    if k < len(toks) and toks[k].pos_ == "VERB" and any(t.lower_ in NEGATIONS for t in toks[:k]):
        k = _skip_leading(toks, k + 1)  # "will not accept [overfishing]": the refused thing
    head: set[str] = set()
    while k < len(toks):
        tok = toks[k]
        hyphen = tok.text == "-" and not toks[k - 1].whitespace_  # "single-use", "low-carbon"
        if tok.pos_ not in HEAD_POS and not hyphen and not (tok.tag_ == "VBG" and k + 1 < len(toks)
                                                            and toks[k + 1].pos_ in {"NOUN", "PROPN"}):
            break  # "mining" in "seabed mining", but "seabed mining will ..." ends at "will"
        if _is_content(tok, generic):
            head |= _keys(tok)
        k += 1
    return Words(words, frozenset().union(*words), frozenset(head))


def read_words(texts: Sequence[str], nlp: Language | None = None) -> list[Words]:
    """Content words and head words of each text, with the lemmatizer topics use."""
    from realpolitik.analysis.interest_terms import lemmatizer

    nlp = nlp or lemmatizer()
    generic = cues().generic_terms
    return [_read(doc, generic) for doc in nlp.pipe([" ".join(t.split()) for t in texts], batch_size=256)]


def issue_terms(issue: str, terms: Iterable[str] = (), nlp: Language | None = None) -> Issue:
    """The phrases that name the issue: each of `terms` when the analyst gives them, else the
    issue sentence. Raises ValueError when a phrase has no content word ("the", "Will it?")."""
    given = [" ".join(t.split()) for t in terms if t.strip()]
    texts = given or [" ".join(issue.split())]
    phrases = []
    for text, w in zip(texts, read_words(texts, nlp), strict=True):
        if not w.words:
            where = f"--terms {text!r}" if given else f"the issue {text!r}"
            raise ValueError(f"{where} has no content word to find in stated interests "
                             "(give nouns or adjectives, e.g. --terms 'seabed mining')")
        phrases.append(Phrase(text, w.words))
    return Issue(tuple(phrases))
