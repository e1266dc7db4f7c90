"""Distils all-MiniLM-L6-v2 into a static word-vector table the pipeline can afford.

Each wordpiece of the encoder's vocabulary is run through the encoder alone ([CLS] piece
[SEP]) and its output state kept (model2vec's recipe); the table is centred, reduced by PCA
to DIMENSIONS and stored as float16. At run time a sentence's vector is the mean of its
wordpieces' rows: a few microseconds, against the ~1 ms per sentence the encoder itself
costs on this CPU. Deterministic: the same weights give the same bytes.

    python -m realpolitik.training.static_vectors OUT.npz [--dimensions 128]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

DIMENSIONS = 256
BATCH = 512


def distil(dimensions: int = DIMENSIONS) -> tuple[list[str], np.ndarray]:
    from realpolitik.training.minilm import MiniLM

    model = MiniLM.load()
    vocab = model.vocab()
    pieces = sorted(vocab, key=vocab.get)
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    table = np.zeros((len(pieces), 384), dtype=np.float32)
    for lo in range(0, len(pieces), BATCH):
        ids = np.arange(lo, min(lo + BATCH, len(pieces)))
        x = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], 1)
        table[ids] = model.hidden(x, np.ones(x.shape, dtype=np.float32))[:, 1]
    centred = table - table.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    signs = np.sign(components[:, :1] + 1e-12)     # a fixed sign per component: same bytes every run
    reduced = centred @ (components * signs)[:dimensions].T
    return pieces, reduced.astype(np.float16)


def main(argv: list[str] | None = None) -> None:
    from realpolitik.training.pair_model import save

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = ap.parse_args(argv)
    pieces, table = distil(args.dimensions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    digest = save(args.out, pieces=np.array(pieces), vectors=table)
    print(f"wrote {args.out}: {table.shape[0]} wordpieces x {table.shape[1]} ({digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
