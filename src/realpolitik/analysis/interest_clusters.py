"""Group interest spans into topics: agglomerative clustering of their TF-IDF vectors.

Average linkage on cosine distance, cut at a fixed distance, is deterministic (same spans,
same topics) and needs no number of topics in advance. Spans with no shared term are left
out (label -1). Past MAX_CLUSTERED spans, an evenly spaced sample is clustered and the
others join the nearest topic centroid when they are close enough, so memory stays bounded.
"""

from __future__ import annotations

import numpy as np

MAX_CLUSTERED = 3000
DEFAULT_CUT = 0.9  # cosine distance: spans in one topic share on average > 0.1 similarity


def cluster(matrix: np.ndarray, cut: float = DEFAULT_CUT) -> np.ndarray:
    """A topic label per row (0, 1, ... in order of first appearance); -1 for a zero row."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    if not 0.0 < cut <= 1.0:
        raise ValueError(f"cut must be a cosine distance in (0, 1], not {cut}")
    labels = np.full(matrix.shape[0], -1, dtype=np.int64)
    live = np.flatnonzero(np.linalg.norm(matrix, axis=1) > 0)
    if len(live) == 0:
        return labels
    sample = live if len(live) <= MAX_CLUSTERED else live[np.linspace(0, len(live) - 1, MAX_CLUSTERED).astype(int)]
    if len(sample) == 1:
        labels[sample] = 0
    else:
        tree = linkage(np.clip(pdist(matrix[sample], "cosine"), 0.0, 2.0), method="average")
        labels[sample] = fcluster(tree, t=cut, criterion="distance")
    rest = np.setdiff1d(live, sample)
    if len(rest):
        ids = np.unique(labels[sample])
        centroids = np.stack([matrix[sample][labels[sample] == k].mean(axis=0) for k in ids])
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
        sims = matrix[rest] @ centroids.T
        best = sims.argmax(axis=1)
        labels[rest] = np.where(sims[np.arange(len(rest)), best] >= 1.0 - cut, ids[best], -1)
    return _renumber(labels)


def _renumber(labels: np.ndarray) -> np.ndarray:
    out = np.full_like(labels, -1)
    seen: dict[int, int] = {}
    for i, k in enumerate(labels):
        if k < 0:
            continue
        out[i] = seen.setdefault(int(k), len(seen))
    return out


def key_terms(matrix: np.ndarray, vocab: list[str], members: np.ndarray, k: int = 6) -> list[str]:
    """The topic's terms by weight in its centroid; a word already inside a chosen phrase
    ("power" after "power politics") is skipped so the label says more in fewer words."""
    centroid = matrix[members].mean(axis=0)
    order = np.argsort(-centroid, kind="stable")
    chosen: list[str] = []
    covered: set[str] = set()
    for j in order:
        if centroid[j] <= 0 or len(chosen) >= k:
            break
        term = vocab[j]
        words = term.split()
        if len(words) == 1 and term in covered:
            continue
        if len(words) > 1:
            chosen = [c for c in chosen if c not in words]
        chosen.append(term)
        covered.update(words)
    return chosen


def similarity_to_centroid(matrix: np.ndarray, members: np.ndarray) -> np.ndarray:
    """Cosine similarity of each member to its topic's centroid: how typical a statement is."""
    centroid = matrix[members].mean(axis=0)
    norm = np.linalg.norm(centroid)
    return matrix[members] @ (centroid / norm) if norm > 0 else np.zeros(len(members))
