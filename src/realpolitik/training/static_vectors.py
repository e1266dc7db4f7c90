"""Distils all-MiniLM-L6-v2 into a static word-vector table the pipeline can afford.

Each wordpiece of the encoder's vocabulary is run through the encoder alone ([CLS] piece
[SEP]) and its output state kept (model2vec's recipe); the table is centred, reduced by PCA
to DIMENSIONS and stored as float16. At run time a sentence's vector is the mean of its
wordpieces' rows: a few microseconds, against the ~1 ms per sentence the encoder itself
costs on this CPU. Deterministic on one machine: the same weights give the same bytes.

Across machines the float32 sums (OpenBLAS picks its kernels for the CPU) differ in the last
bits, and a few thousand of the table's 7.8 million float16 entries round the other way
(session 12: at most 0.0039 on values up to about 9). Everything trained on the table would
then differ too, so `make train` checks the shipped table instead of rewriting it (--check):
the distillation must match it within one float16 step at the table's scale, and the table
is kept, so the models trained on it rebuild byte for byte on any machine.

    python -m realpolitik.training.static_vectors OUT.npz [--dimensions 128] [--check]
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


def mismatch(path: Path, pieces: list[str], table: np.ndarray) -> str | None:
    """Why the table at `path` is not this distillation, or None when it is: the same pieces,
    and every entry within one float16 step at the table's largest magnitude."""
    if not path.exists():
        return "no table to check (run without --check to write one)"
    with np.load(path) as shipped:
        if list(shipped["pieces"]) != pieces:
            return "its wordpieces are not the encoder's vocabulary"
        have = shipped["vectors"]
    if have.shape != table.shape:
        return f"shape {have.shape}, the distillation's is {table.shape}"
    step = float(np.spacing(np.abs(have).max()))
    worst = float(np.abs(have.astype(np.float32) - table.astype(np.float32)).max())
    return None if worst <= step else f"differs from the distillation by up to {worst:.4g} (tolerance {step:.4g})"


def main(argv: list[str] | None = None) -> None:
    from realpolitik.training.pair_model import save

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dimensions", type=int, default=DIMENSIONS)
    ap.add_argument("--check", action="store_true",
                    help="distil, compare with OUT within float16 rounding, keep OUT (exit 1 if it differs)")
    args = ap.parse_args(argv)
    pieces, table = distil(args.dimensions)
    if args.check:
        problem = mismatch(args.out, pieces, table)
        if problem:
            sys.exit(f"{args.out}: {problem}")
        print(f"kept {args.out}: the distillation matches it within float16 rounding", file=sys.stderr)
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    digest = save(args.out, pieces=np.array(pieces), vectors=table)
    print(f"wrote {args.out}: {table.shape[0]} wordpieces x {table.shape[1]} ({digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
