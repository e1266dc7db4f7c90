"""The annotated corpus as spaCy DocBins: one Doc per annotated sentence, its event types
as multi-label categories (all zero = "no event", which the model must learn too).

    python -m realpolitik.training.spacy_data OUT_DIR [--fraction 0.5]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from realpolitik.training import corpus
from realpolitik.training.annotations import TYPES, AnnotatedDoc, load


def sentence_examples(docs: list[AnnotatedDoc]) -> list[tuple[str, dict[str, float]]]:
    out = []
    for doc in docs:
        text = corpus.get(doc.doc).text
        types_by_sentence: dict[int, set[str]] = {}
        for e in doc.events:
            types_by_sentence.setdefault(e.sentence, set()).add(e.type)
        for i, (start, end) in enumerate(doc.sentences):
            found = types_by_sentence.get(i, set())
            out.append((" ".join(text[start:end].split()), {t: float(t in found) for t in TYPES}))
    return out


def write(out: Path, fraction: float = 1.0, seed: int = 0) -> dict[str, int]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for split in ("train", "dev"):
        docs = sorted(load(split=split), key=lambda d: d.doc)
        if split == "train" and fraction < 1.0:   # learning curve: a seeded share of documents
            docs = random.Random(seed).sample(docs, max(1, round(len(docs) * fraction)))
        examples = sentence_examples(docs)
        bin_ = DocBin()
        for text, cats in examples:
            d = nlp.make_doc(text)
            d.cats = cats
            bin_.add(d)
        bin_.to_disk(out / f"{split}.spacy")
        sizes[split] = len(examples)
    return sizes


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--fraction", type=float, default=1.0)
    args = ap.parse_args(argv)
    print(write(args.out, args.fraction))


if __name__ == "__main__":
    main()
