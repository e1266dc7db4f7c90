"""make train checks the shipped word-vector table against the distillation instead of
rewriting it: float16's last bit may differ across CPUs, a different table may not."""

from __future__ import annotations

import numpy as np

from realpolitik.training.pair_model import save
from realpolitik.training.static_vectors import mismatch

PIECES = ["[PAD]", "the", "##s", "sanction"]


def _table(path, vectors: np.ndarray, pieces: list[str] = PIECES):
    save(path, pieces=np.array(pieces), vectors=vectors.astype(np.float16))
    return path


def test_a_table_within_float16_rounding_is_kept(tmp_path):
    rng = np.random.default_rng(0)
    shipped = rng.normal(0, 3, (len(PIECES), 8)).astype(np.float16)
    path = _table(tmp_path / "v.npz", shipped)
    step = float(np.spacing(np.abs(shipped).max()))
    nudged = (shipped.astype(np.float32) + step / 2).astype(np.float16)   # what another CPU's sums give
    assert mismatch(path, PIECES, shipped) is None
    assert mismatch(path, PIECES, nudged) is None


def test_another_table_is_refused_with_the_reason(tmp_path):
    rng = np.random.default_rng(1)
    shipped = rng.normal(0, 3, (len(PIECES), 8)).astype(np.float16)
    path = _table(tmp_path / "v.npz", shipped)
    flipped = shipped.copy()
    flipped[:, 0] *= -1                                                     # a component's sign
    assert "differs from the distillation" in mismatch(path, PIECES, flipped)
    assert "vocabulary" in mismatch(path, ["[PAD]", "the", "##es", "sanction"], shipped)
    assert "shape" in mismatch(path, PIECES, shipped[:, :4])
    assert "no table" in mismatch(tmp_path / "absent.npz", PIECES, shipped)
