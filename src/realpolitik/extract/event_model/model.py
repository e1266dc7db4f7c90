"""The shipped event model: per-type weights over hashed pair features (make train writes
weights.npz beside this file; see realpolitik.training.pair_model)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("weights.npz")


@dataclass(frozen=True)
class PairModel:
    types: tuple[str, ...]
    columns: dict[int, int]
    weights: np.ndarray      # [columns, types]
    biases: np.ndarray       # [types]
    thresholds: np.ndarray   # [types]

    def probabilities(self, features: list[list[int]]) -> np.ndarray:
        """P(pair carries an event of each type), one row per pair."""
        scores = np.tile(self.biases, (len(features), 1)).astype(np.float64)
        for row, feats in enumerate(features):
            cols = [self.columns[h] for h in feats if h in self.columns]
            if cols:
                scores[row] += self.weights[cols].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-scores))


@cache
def load(path: Path = WEIGHTS) -> PairModel | None:
    """The model, or None where no weights are installed (the rules then code alone)."""
    if not path.exists():
        return None
    data = np.load(path)
    ids = data["ids"]
    return PairModel(types=tuple(str(t) for t in data["types"]), columns={int(h): i for i, h in enumerate(ids)},
                     weights=data["weights"], biases=data["biases"], thresholds=data["thresholds"])
