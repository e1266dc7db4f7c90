"""realpolitik: a sourced, queryable model of the geopolitics a text describes.

Library use:
    >>> import realpolitik
    >>> analysis = realpolitik.analyze("Beijing accused Washington of theft.", published="2024")
    >>> corpus = realpolitik.Corpus("realpolitik.duckdb")   # a store built by `realpolitik ingest`
    >>> corpus.dyad("China", "Russia", by="quarter").to_pandas()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from realpolitik.corpus import Corpus
    from realpolitik.schema import Analysis

__all__ = ["Corpus", "analyze"]


def __getattr__(name: str) -> object:
    """`realpolitik.Corpus` is imported on first use: `import realpolitik` stays light."""
    if name == "Corpus":
        from realpolitik.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'realpolitik' has no attribute {name!r}")


def analyze(text: str, published: str | None = None) -> Analysis:
    """Analyse one text with the default pipeline and return the contract object."""
    from realpolitik.pipeline import analyze as _analyze

    return _analyze(text, published=published)
