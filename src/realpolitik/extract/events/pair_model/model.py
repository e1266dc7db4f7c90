"""The shipped event model: per-type weights over hashed pair features (make train writes
weights.npz beside this file; see realpolitik.training.pair_model)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from realpolitik.extract.linear import LinearModel, load_linear

WEIGHTS = Path(__file__).with_name("weights.npz")


@cache
def load(path: Path = WEIGHTS) -> LinearModel | None:
    """The model, or None where no weights are installed (the rules then code alone)."""
    return load_linear(path, "types")
