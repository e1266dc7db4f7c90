"""The shipped linear models (event pairs, interest stances): weights over hashed features,
one column per label, read from an .npz that `make train` writes with its sha256 beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    columns: dict[int, int]     # hashed feature -> row of weights
    weights: np.ndarray         # [features, labels]
    biases: np.ndarray          # [labels]
    thresholds: np.ndarray      # [labels]

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        """P(label) for each row of hashed features (independent logistic regressions)."""
        scores = np.tile(self.biases, (len(rows), 1)).astype(np.float64)
        for i, feats in enumerate(rows):
            cols = [self.columns[h] for h in feats if h in self.columns]
            if cols:
                scores[i] += self.weights[cols].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-scores))


def load_linear(path: Path, labels_key: str) -> LinearModel | None:
    """The model at path, or None where no weights are installed."""
    if not path.exists():
        return None
    data = np.load(path)
    return LinearModel(labels=tuple(str(t) for t in data[labels_key]),
                       columns={int(h): i for i, h in enumerate(data["ids"])},
                       weights=data["weights"], biases=data["biases"], thresholds=data["thresholds"])
