"""realpolitik: a sourced, queryable model of the geopolitics a text describes.

Library use:
    >>> import realpolitik
    >>> analysis = realpolitik.analyze("Beijing accused Washington of theft.", published="2024")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from realpolitik.schema import Analysis


def analyze(text: str, published: str | None = None) -> Analysis:
    """Analyse one text with the default pipeline and return the contract object."""
    from realpolitik.pipeline import analyze as _analyze

    return _analyze(text, published=published)
