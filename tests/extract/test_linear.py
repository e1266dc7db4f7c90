"""The linear models' scoring: the hashed part of a score is summed for all rows at once, and
must be bit for bit what summing each row's known weights alone gives (the shipped
thresholds and the outputs depend on the last bit of a probability near its bar)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from realpolitik.extract.events.pair_model import model as event_model
from realpolitik.extract.interest_model import coder as interest_coder


def _models():
    return [m for m in (event_model.load(), interest_coder.load()) if m is not None]


def _rows(model, rng: np.random.Generator, n: int) -> list[list[int]]:
    """Sorted, distinct hashed indices as the featurisers make them: known ones and unknown ones."""
    known = np.fromiter(model.columns, dtype=np.int64)
    rows = []
    for _ in range(n):
        k = int(rng.integers(0, 120))
        picked = rng.choice(known, size=k // 2, replace=False).tolist() + rng.integers(0, 1 << 20, k - k // 2).tolist()
        rows.append(sorted(set(picked)))
    return rows


@pytest.mark.parametrize("n_rows", [1, 2, 7, 40, 300])
def test_hashed_sums_are_bit_for_bit_the_row_by_row_sums(n_rows):
    rng = np.random.default_rng(n_rows)
    for model in _models():
        rows = _rows(model, rng, n_rows)
        got = model.hashed_sums(rows)
        assert got.shape == (n_rows, len(model.labels))
        for row, sums in zip(rows, got, strict=True):
            cols = [model.columns[h] for h in row if h in model.columns]
            expected = model.weights[cols].sum(axis=0) if cols else np.zeros(len(model.labels), model.weights.dtype)
            assert np.array_equal(sums, expected)


def test_a_row_with_no_known_feature_scores_its_biases_alone():
    model = event_model.load()
    assert model is not None
    unknown = next(h for h in range(1 << 20) if h not in model.columns)
    dense = None
    if model.uses_dense:
        dense = np.broadcast_to(model.dense_mean, (2, model.dense_mean.shape[0])).copy()  # scales to zero
    probs = model.probabilities([[], [unknown]], dense)
    expected = 1.0 / (1.0 + np.exp(-model.biases.astype(np.float64)))
    assert np.array_equal(probs[0], expected) and np.array_equal(probs[1], expected)


def test_a_row_scores_the_same_alone_or_among_others():
    shipped = interest_coder.load()
    assert shipped is not None
    # its hashed part alone: without word vectors, rows are independent of each other
    model = dataclasses.replace(shipped, dense_weights=None, dense_mean=None, dense_scale=None)
    assert not model.uses_dense
    rows = _rows(model, np.random.default_rng(3), 25)
    together = model.probabilities(rows)
    for i, row in enumerate(rows):
        assert np.array_equal(model.probabilities([row])[0], together[i])
