"""The shipped linear models (event pairs, interest stances): weights over hashed features,
one column per label, read from an .npz that `make train` writes with its sha256 beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path

import numpy as np

HASH_SPACE = 1 << 20   # the feature hashing's range (events.pair_model.features.HASH_BITS)
SUM_ROWS = 512         # rows per gather in hashed_sums (~5 MB at 150 features and 16 labels)


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
        return self.probabilities_of_sums(self.hashed_sums(rows) if rows else None, len(rows), dense)

    def probabilities_of_sums(self, sums: np.ndarray | None, n_rows: int, dense: np.ndarray | None = None) -> np.ndarray:
        """probabilities() from the rows' hashed_sums, worked out beforehand: a coder sums the
        rows of a whole document at once (rows are independent) and scores each sentence's,
        whose word-vector product must keep the sentence's own rows (its rounding depends on
        their number and place)."""
        scores = np.tile(self.biases, (n_rows, 1)).astype(np.float64)
        if sums is not None:
            scores += sums
        if self.uses_dense:
            if dense is None:
                raise ValueError("this model was trained with dense features: pass them")
            scores += ((dense.astype(np.float32) - self.dense_mean) / self.dense_scale) @ self.dense_weights
        return 1.0 / (1.0 + np.exp(-scores))

    def hashed_sums(self, rows: list[list[int]]) -> np.ndarray:
        """Each row's sum of the weights of its known features, in the row's order, as float32.

        The rows are padded into [rows, longest, labels] gathers where every unknown or
        missing feature reads a row of zeros, and summed along the features: the same
        additions in the same order as summing each row's known weights alone (adding 0.0
        changes no float), so the scores are bit for bit those of a row-by-row loop. Rows go
        SUM_ROWS at a time, which bounds the gather's memory on a long document."""
        if len(rows) > SUM_ROWS:
            return np.concatenate([self.hashed_sums(rows[i:i + SUM_ROWS]) for i in range(0, len(rows), SUM_ROWS)])
        lengths = np.fromiter((len(r) for r in rows), dtype=np.intp, count=len(rows))
        width = int(lengths.max()) if len(rows) else 0
        pad = len(self.columns)
        if width == 0:
            return np.zeros((len(rows), len(self.labels)), dtype=self.weights.dtype)
        flat = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=int(lengths.sum()))
        index = np.full((len(rows), width), pad, dtype=np.intp)
        index[np.arange(width) < lengths[:, None]] = self._column_of[flat]
        return self._padded_weights[index].sum(axis=1)

    @cached_property
    def _column_of(self) -> np.ndarray:
        """Weight row of every possible hashed feature (the zero row for unknown ones)."""
        size = max(HASH_SPACE, max(self.columns, default=0) + 1)
        out = np.full(size, len(self.columns), dtype=np.min_scalar_type(len(self.columns)))
        if self.columns:
            out[np.fromiter(self.columns, dtype=np.intp)] = np.fromiter(self.columns.values(), dtype=np.intp)
        return out

    @cached_property
    def _padded_weights(self) -> np.ndarray:
        return np.vstack([self.weights, np.zeros((1, self.weights.shape[1]), dtype=self.weights.dtype)])


def load_linear(path: Path, labels_key: str) -> LinearModel | None:
    """The model at path, or None where no weights are installed."""
    if not path.exists():
        return None
    data = np.load(path)
    dense = {k: data[k] for k in ("dense_weights", "dense_mean", "dense_scale") if k in data.files}
    return LinearModel(labels=tuple(str(t) for t in data[labels_key]),
                       columns={int(h): i for i, h in enumerate(data["ids"])},
                       weights=data["weights"], biases=data["biases"], thresholds=data["thresholds"], **dense)
