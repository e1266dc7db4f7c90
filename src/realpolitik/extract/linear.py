"""The shipped linear models (event pairs, interest stances): weights over hashed features,
one column per label, read from an .npz that `make train` writes with its sha256 beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    columns: dict[int, int]     # hashed feature -> row of weights
    weights: np.ndarray         # [features, labels]
    biases: np.ndarray          # [labels]
    thresholds: np.ndarray      # [labels]
    # word-vector features, where the model was trained with them: weights [dense, labels]
    # and the scaling of raw values ((value - mean) / scale)
    dense_weights: np.ndarray | None = field(default=None)
    dense_mean: np.ndarray | None = field(default=None)
    dense_scale: np.ndarray | None = field(default=None)

    @property
    def uses_dense(self) -> bool:
        return self.dense_weights is not None

    def probabilities(self, rows: list[list[int]], dense: np.ndarray | None = None) -> np.ndarray:
        """P(label) for each row of hashed features (independent logistic regressions), plus
        the rows' raw dense features where the model has weights for them."""
        scores = np.tile(self.biases, (len(rows), 1)).astype(np.float64)
        for i, feats in enumerate(rows):
            cols = [self.columns[h] for h in feats if h in self.columns]
            if cols:
                scores[i] += self.weights[cols].sum(axis=0)
        if self.uses_dense:
            if dense is None:
                raise ValueError("this model was trained with dense features: pass them")
            scores += ((dense.astype(np.float32) - self.dense_mean) / self.dense_scale) @ self.dense_weights
        return 1.0 / (1.0 + np.exp(-scores))


def load_linear(path: Path, labels_key: str) -> LinearModel | None:
    """The model at path, or None where no weights are installed."""
    if not path.exists():
        return None
    data = np.load(path)
    dense = {k: data[k] for k in ("dense_weights", "dense_mean", "dense_scale") if k in data.files}
    return LinearModel(labels=tuple(str(t) for t in data[labels_key]),
                       columns={int(h): i for i, h in enumerate(data["ids"])},
                       weights=data["weights"], biases=data["biases"], thresholds=data["thresholds"], **dense)
