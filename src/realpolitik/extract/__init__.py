"""Extractors: one module per kind of finding, each a function over an ExtractContext.

Built-in extractors register themselves exactly as a third party's would (`@extractor`),
saying what they need from earlier stages and which spaCy components they use, so the
pipeline can run them in order and disable components nobody needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from realpolitik.extract.context import ExtractContext

ExtractFn = Callable[[ExtractContext], None]

# Built-ins, in the order they run; each module registers itself on import.
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "realpolitik.extract.actors",
    "realpolitik.extract.coref",
    "realpolitik.extract.implied_actors",
    "realpolitik.extract.times",
    "realpolitik.extract.quantities",
    "realpolitik.extract.events",
    "realpolitik.extract.events.pair_model.coder",
    "realpolitik.extract.events.counterparts",
    "realpolitik.extract.claims",
    "realpolitik.extract.interests",
    "realpolitik.extract.interest_model.coder",
    "realpolitik.extract.events.policy",
)


@dataclass(frozen=True)
class Extractor:
    name: str
    fn: ExtractFn
    requires: tuple[str, ...] = ()  # names of extractors whose results this one reads
    components: tuple[str, ...] = field(default=())  # spaCy components it relies on


REGISTRY: dict[str, Extractor] = {}


def extractor(
    name: str, requires: tuple[str, ...] = (), components: tuple[str, ...] = ()
) -> Callable[[ExtractFn], ExtractFn]:
    """Register an extractor under `name`."""

    def register(fn: ExtractFn) -> ExtractFn:
        REGISTRY[name] = Extractor(name, fn, requires, components)
        return fn

    return register


def load_default_extractors() -> list[Extractor]:
    """Import the built-ins and return every registered extractor in dependency order."""
    for module in DEFAULT_EXTRACTORS:
        importlib.import_module(module)
    ordered: list[Extractor] = []
    seen: set[str] = set()

    def visit(ex: Extractor, stack: tuple[str, ...] = ()) -> None:
        if ex.name in seen:
            return
        if ex.name in stack:
            raise RuntimeError(f"extractor dependency cycle: {' -> '.join(stack + (ex.name,))}")
        for dep in ex.requires:
            if dep not in REGISTRY:
                raise RuntimeError(f"extractor {ex.name!r} requires unknown extractor {dep!r}")
            visit(REGISTRY[dep], stack + (ex.name,))
        seen.add(ex.name)
        ordered.append(ex)

    # The built-ins in DEFAULT_EXTRACTORS' order, whatever imported them first (a test, a
    # caller): the order of independent extractors changes what they find, and one process
    # must code a text as every other does. Others follow in the order they registered.
    rank = {module: i for i, module in enumerate(DEFAULT_EXTRACTORS)}
    for ex in sorted(REGISTRY.values(), key=lambda e: rank.get(e.fn.__module__, len(rank))):
        visit(ex)
    return ordered
