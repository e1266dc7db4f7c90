"""Model family 2's features: the contextual states of all-MiniLM-L6-v2 pooled over each pair.

For every row of a pairs file (training.pairs) the row's sentence is run through the encoder
once, and its states are mean-pooled over the whole sentence, the source mention and the
target mention (zeros for none): 3 x 384 numbers per pair, written beside the pairs as
OUT.npy for `training.pair_model --dense OUT.npy`. This is the transformer the issue asks
to compare with the static word vectors; it is measured, not shipped (see bench/README.md).

    python -m realpolitik.training.encoder_pairs build/pairs.jsonl build/pairs.context.npy
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

from realpolitik.training import corpus
from realpolitik.training.annotations import load
from realpolitik.training.pair_model import read

WORD = re.compile(r"\w+|[^\w\s]")


def pieces_with_offsets(model, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Wordpiece ids of the text with the character span of the word each came from."""
    ids, spans = [], []
    for m in WORD.finditer(text):
        for i in model.wordpiece.split(m.group()):
            ids.append(i)
            spans.append(m.span())
    return ids[:254], spans[:254]


def sentence_states(model, texts: list[str], batch: int = 32) -> list[tuple[np.ndarray, list[tuple[int, int]]]]:
    """Per text: the encoder's states for its wordpieces (no [CLS]/[SEP]) and their spans."""
    vocab = model.vocab()
    encoded = [pieces_with_offsets(model, t) for t in texts]
    out: list = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(encoded[i][0]))
    for lo in range(0, len(order), batch):
        chunk = order[lo:lo + batch]
        n = max(len(encoded[i][0]) for i in chunk) + 2
        ids = np.zeros((len(chunk), n), dtype=np.int64)
        mask = np.zeros((len(chunk), n), dtype=np.float32)
        for j, i in enumerate(chunk):
            seq = [vocab["[CLS]"], *encoded[i][0], vocab["[SEP]"]]
            ids[j, :len(seq)] = seq
            mask[j, :len(seq)] = 1.0
        states = model.hidden(ids, mask)
        for j, i in enumerate(chunk):
            out[i] = (states[j, 1:1 + len(encoded[i][0])], encoded[i][1])
    return out


def _pool(states: np.ndarray, spans: list[tuple[int, int]], start: int, end: int) -> np.ndarray:
    rows = [k for k, (s, e) in enumerate(spans) if s < end and start < e]
    return states[rows].mean(0) if rows else np.zeros(states.shape[1], dtype=np.float32)


def build(pairs: Path, out: Path) -> None:
    from realpolitik.training.minilm import MiniLM

    rows = [r for r in read(pairs) if r["source"] is not None]   # the encoder family scores named sources only
    sentences = {d.doc: d.sentences for d in load()}
    keys = sorted({(r["doc"], r["sentence"]) for r in rows})
    texts = []
    for doc, i in keys:
        start, end = sentences[doc][i]
        texts.append(corpus.get(doc).text[start:end])
    model = MiniLM.load()
    states = dict(zip(keys, sentence_states(model, texts), strict=True))
    dense = np.zeros((len(rows), 3 * 384), dtype=np.float16)
    for n, r in enumerate(rows):
        h, spans = states[(r["doc"], r["sentence"])]
        if not len(h):
            continue
        dense[n, :384] = h.mean(0)
        dense[n, 384:768] = _pool(h, spans, *r["spans"][0])
        if len(r["spans"]) > 1:
            dense[n, 768:] = _pool(h, spans, *r["spans"][1])
    np.save(out, dense)
    print(f"wrote {out}: {dense.shape}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    build(args.pairs, args.out)


if __name__ == "__main__":
    main()
