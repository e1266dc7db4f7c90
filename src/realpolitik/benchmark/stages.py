"""Where the time of a one-process run goes: ingest, parse, each extractor, the JSON writer.

Wall-clock timers around each stage, not a sampling profiler: they cost two perf_counter
calls per document and stage, so the run they describe is the run that was measured, and
Cython code (the parse, the Matcher) is charged to the stage that called it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from realpolitik.pipeline import Pipeline

F = TypeVar("F", bound=Callable[..., Any])


class Stages:
    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn: F) -> F:
        seconds = self.seconds

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - start

        return timed  # type: ignore[return-value]

    def instrument(self, pipeline: Pipeline) -> None:
        """Time the parse and every extractor of `pipeline` (in this process only)."""
        pipeline.parse = self.wrap("parse", pipeline.parse)  # type: ignore[method-assign]
        pipeline.extractors = [replace(ex, fn=self.wrap(f"extract:{ex.name}", ex.fn)) for ex in pipeline.extractors]

    def report(self, total: float) -> dict[str, float]:
        """Seconds per stage, plus `other` (the generators, Analysis objects, the loop)."""
        out = {k: round(v, 3) for k, v in self.seconds.items()}
        out["other"] = round(max(0.0, total - sum(self.seconds.values())), 3)
        return out
