"""Trains the event model: one logistic regression per PLOVER type over candidate pairs.

Reads the pairs built by realpolitik.training.pairs, fits on the train split (L2, L-BFGS,
deterministic), picks each type's threshold on dev, and writes the weights the pipeline
ships (only the hashed features seen in training, float32). Prints dev scores.

    python -m realpolitik.training.pair_model build/pairs.jsonl OUT.npz [--fraction 0.5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from realpolitik.training.annotations import TYPES
from realpolitik.training.rows_record import warn_if_stale

L2 = 0.1   # chosen on dev among 0.1, 1 and 5
# The word-vector features are z-scored, then scaled down so that the one L2 penalty
# regularises them as much more strongly as dense inputs need (chosen on dev).
DENSE_SCALE = 0.1


def read(path: Path) -> list[dict]:
    """The rows of a training.pairs file (with a warning if this checkout would build others)."""
    warn_if_stale(path)
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


class Design:
    """A design matrix whose hashed part is sparse and whose dense part stays dense.

    Stacking 768 word-vector columns into the sparse matrix made every product walk ~80
    million stored entries; kept apart, the dense part is one BLAS product (float32)."""

    def __init__(self, hashed: sparse.csr_matrix, dense: np.ndarray | None = None):
        self.hashed = hashed
        self.dense = None if dense is None else np.ascontiguousarray(dense, dtype=np.float32)

    @property
    def shape(self) -> tuple[int, int]:
        extra = 0 if self.dense is None else self.dense.shape[1]
        return self.hashed.shape[0], self.hashed.shape[1] + extra

    def __matmul__(self, w: np.ndarray) -> np.ndarray:
        n = self.hashed.shape[1]
        out = self.hashed @ w[:n]
        if self.dense is not None:
            out = out + self.dense @ np.asarray(w[n:n + self.dense.shape[1]], dtype=np.float32)
        return out

    @property
    def T(self) -> _Transposed:   # noqa: N802 (as numpy and scipy spell it)
        return _Transposed(self)

    def rows(self, mask: np.ndarray) -> Design:
        return Design(self.hashed[mask], None if self.dense is None else self.dense[mask])


class _Transposed:
    def __init__(self, x: Design):
        self.x = x

    def __matmul__(self, g: np.ndarray) -> np.ndarray:
        parts = [self.x.hashed.T @ g]
        if self.x.dense is not None:
            parts.append((self.x.dense.T @ g.astype(np.float32)).astype(np.float64))
        return np.concatenate(parts)


def design(rows: list[dict], columns: dict[int, int], dense: np.ndarray | None = None) -> Design:
    """The rows' hashed features as 0/1 columns, then their dense features (already scaled)."""
    data, indices, indptr = [], [], [0]
    for r in rows:
        cols = [columns[h] for h in r["x"] if h in columns]
        indices.extend(cols)
        data.extend([1.0] * len(cols))
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64),
                           np.array(indptr)), shape=(len(rows), len(columns)))
    return Design(x, dense)


@dataclass(frozen=True)
class DenseScaling:
    """How raw dense features become model inputs: (value - mean) / scale."""
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, train: np.ndarray, factor: float = DENSE_SCALE) -> DenseScaling:
        values = train.astype(np.float64)
        return cls(values.mean(0).astype(np.float32), ((values.std(0) + 1e-6) / factor).astype(np.float32))

    def apply(self, values: np.ndarray) -> np.ndarray:
        return (values.astype(np.float32) - self.mean) / self.scale


def fit_binary(x: Design | sparse.csr_matrix, y: np.ndarray, weight: np.ndarray, l2: float = L2) -> np.ndarray:
    """Weights (last entry: bias) minimising weighted log loss + l2/2 |w|^2."""
    n, d = x.shape

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        ll = -np.sum(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
        g = weight * (p - y)
        grad = np.empty(d + 1)
        grad[:-1] = x.T @ g + l2 * w[:-1]
        grad[-1] = g.sum()
        return ll + 0.5 * l2 * float(w[:-1] @ w[:-1]), grad

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 400})
    return result.x


def fit_per_label(train_rows: list[dict], labels: tuple[str, ...], positive: Callable[[dict, str], bool],
                  counted: Callable[[dict, str], bool] = lambda r, label: True,
                  l2: float = L2, dense: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One logistic regression per label over the rows' hashed features (x) and, if given,
    their scaled dense features: (hash ids of the columns, weights [columns (+ dense) x
    labels], biases [labels]). Rows not `counted` for a label weigh nothing in its fit."""
    seen = sorted({h for r in train_rows for h in r["x"]})
    columns = {h: i for i, h in enumerate(seen)}
    x = design(train_rows, columns, dense)
    weights = np.zeros((x.shape[1], len(labels)), dtype=np.float32)
    biases = np.zeros(len(labels), dtype=np.float32)
    for k, label in enumerate(labels):
        y = np.array([1.0 if positive(r, label) else 0.0 for r in train_rows])
        w = np.array([1.0 if counted(r, label) else 0.0 for r in train_rows])
        fitted = fit_binary(x, y, w, l2=l2)
        weights[:, k], biases[k] = fitted[:-1], fitted[-1]
    return np.array(seen, dtype=np.int64), weights, biases


def train(rows: list[dict], dense: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The event model: a pair carries a type when its gold label says so; a pair whose
    target the pipeline missed is not counted for that type. `dense` (scaled, one row per
    row) adds the word-vector features; their weights follow the hashed ones."""
    keep = [i for i, r in enumerate(rows) if r["split"] == "train"]
    return fit_per_label([rows[i] for i in keep], TYPES,
                         positive=lambda r, t: t in r["y"], counted=lambda r, t: t not in r["skip"],
                         dense=None if dense is None else dense[keep])


def probabilities(rows: list[dict], ids: np.ndarray, weights: np.ndarray, biases: np.ndarray,
                  dense: np.ndarray | None = None) -> np.ndarray:
    columns = {int(h): i for i, h in enumerate(ids)}
    x = design(rows, columns, dense)
    return 1.0 / (1.0 + np.exp(-(x @ weights[:x.shape[1]] + biases)))


def decode(rows: list[dict], probs: np.ndarray, thresholds: np.ndarray) -> list[tuple]:
    """Events from pair probabilities: per sentence, type and source actor, the best target
    (or none) whose probability clears the type's threshold."""
    best: dict[tuple, tuple[float, dict]] = {}
    for r, p in zip(rows, probs, strict=True):
        for k, t in enumerate(TYPES):
            if p[k] >= thresholds[k]:
                key = (r["doc"], r["sentence"], t, r["source"])
                if key not in best or p[k] > best[key][0]:
                    best[key] = (float(p[k]), r)
    out = []
    for (doc, sentence, t, _), (_, r) in best.items():
        target = (tuple(r["target_code"]),) if r["target_code"] else ()
        source = (tuple(r["source_code"]),) if r["source_code"] else ()
        out.append((doc, sentence, t, source, target))
    return out


def evaluate_rows(rows: list[dict], events: list[tuple], split: str) -> dict:
    """Scores decoded events against the gold of the split (same metric as training.evaluate)."""
    from realpolitik.training.annotations import load
    from realpolitik.training.evaluate import Predicted, score_placed

    gold = list(load(split=split))
    placed = defaultdict(list)
    for doc, sentence, t, source, target in events:
        placed[doc].append(Predicted(sentence, t, source, target))
    return score_placed(gold, placed)


def tune_thresholds(rows: list[dict], probs: np.ndarray) -> np.ndarray:
    """One threshold for every type, the one maximising dev event F1 (type+source+target):
    per-type thresholds overfit dev's handful of examples of the rarer types."""
    best_f, best_th = -1.0, 0.5
    for th in (0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
        result = evaluate_rows(rows, decode(rows, probs, np.full(len(TYPES), th)), "dev")
        if result["full"]["f1"] > best_f:
            best_f, best_th = result["full"]["f1"], th
    return np.full(len(TYPES), best_th)


def dense_members(scaling: DenseScaling | None, weights: np.ndarray, n_hashed: int) -> dict[str, np.ndarray]:
    """The dense part of fitted weights as the shipped model reads it (extract.linear): the
    rows after the hashed features', and the scaling; nothing for a hashed-only model."""
    if scaling is None:
        return {}
    return {"dense_weights": weights[n_hashed:], "dense_mean": scaling.mean, "dense_scale": scaling.scale}


def save(path: Path, **arrays: np.ndarray) -> str:
    """An .npz with fixed member dates, so the same weights give the same bytes; the sha256
    is written beside it (weights.sha256) and returned."""
    import hashlib
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_suffix(".sha256").write_text(f"{digest}  {path.name}\n", encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--fraction", type=float, default=1.0, help="share of training documents (learning curve)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-dense", action="store_true", help="hashed features only (the session-3 model)")
    ap.add_argument("--dense-scale", type=float, default=DENSE_SCALE)
    ap.add_argument("--dense", type=Path, help="dense features other than the pairs' own (.dense.npy beside them)")
    args = ap.parse_args(argv)
    from realpolitik.training.pairs import dense_path

    rows = read(args.pairs)
    dense_file = args.dense or dense_path(args.pairs)
    raw = None if args.no_dense or not dense_file.exists() else np.load(dense_file)
    if args.fraction < 1.0:
        train_docs = sorted({r["doc"] for r in rows if r["split"] == "train"})
        keep = set(random.Random(args.seed).sample(train_docs, round(len(train_docs) * args.fraction)))
        kept = [i for i, r in enumerate(rows) if r["split"] != "train" or r["doc"] in keep]
        rows, raw = [rows[i] for i in kept], None if raw is None else raw[kept]
    scaling = dense = None
    if raw is not None:
        scaling = DenseScaling.fit(raw[[i for i, r in enumerate(rows) if r["split"] == "train"]], args.dense_scale)
        dense = scaling.apply(raw)
    ids, weights, biases = train(rows, dense)
    dev_at = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    dev = [rows[i] for i in dev_at]
    probs = probabilities(dev, ids, weights, biases, None if dense is None else dense[dev_at])
    thresholds = tune_thresholds(dev, probs)
    result = evaluate_rows(dev, decode(dev, probs, thresholds), "dev")
    print(json.dumps({"fraction": args.fraction, "features": len(ids), "dense": 0 if raw is None else raw.shape[1],
                      **result}, indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        digest = save(args.out, ids=ids, weights=weights[:len(ids)], biases=biases,
                      thresholds=thresholds.astype(np.float32), types=np.array(TYPES),
                      **dense_members(scaling, weights, len(ids)))
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, sha256 {digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
