"""Two-stage coding on dev: the sentence-type model says which types a sentence reports,
the pair model says which candidate pair carries each (its best-scoring pair, no threshold).

    python -m realpolitik.training.combined build/pairs.jsonl PAIRS.npz TYPES_MODEL [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from realpolitik.training.annotations import TYPES, load
from realpolitik.training.evaluate import Predicted, score_placed
from realpolitik.training.pair_model import probabilities, read


def sentence_types(model_path: str, split: str) -> dict[tuple[str, int], dict[str, float]]:
    import spacy

    from realpolitik.training.spacy_data import sentence_examples

    nlp = spacy.load(model_path)
    out = {}
    for doc in load(split=split):
        examples = sentence_examples([doc])
        for i, parsed in enumerate(nlp.pipe(t for t, _ in examples)):
            out[(doc.doc, i)] = parsed.cats
    return out


def combine(rows: list[dict], probs: np.ndarray, cats: dict, threshold: float) -> dict[str, list[Predicted]]:
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_sentence[(r["doc"], r["sentence"])].append(i)
    placed: dict[str, list[Predicted]] = defaultdict(list)
    for (doc, sentence), scores in cats.items():
        for k, t in enumerate(TYPES):
            if scores.get(t, 0.0) < threshold:
                continue
            candidates = by_sentence.get((doc, sentence), [])
            if not candidates:
                placed[doc].append(Predicted(sentence, t, (), ()))
                continue
            best = max(candidates, key=lambda i: probs[i, k])
            r = rows[best]
            target = (tuple(r["target_code"]),) if r["target_code"] else ()
            source = (tuple(r["source_code"]),) if r["source_code"] else ()
            placed[doc].append(Predicted(sentence, t, source, target))
    return placed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("pair_model", type=Path)
    ap.add_argument("types_model")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--split", default="dev")
    args = ap.parse_args(argv)
    rows = [r for r in read(args.pairs) if r["split"] == args.split]
    m = np.load(args.pair_model)
    probs = probabilities(rows, m["ids"], m["weights"], m["biases"])
    cats = sentence_types(args.types_model, args.split)
    result = score_placed(list(load(split=args.split)), combine(rows, probs, cats, args.threshold))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
