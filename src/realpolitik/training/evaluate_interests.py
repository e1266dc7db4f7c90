"""Scores the pipeline's interests against the annotated interests of one split.

A predicted interest matches a gold one with an overlapping span; "holder+span" also asks
for a compatible holder (an empty gold holder is the document's voice: the United States
for State Department releases, the speaker's state for UN statements).

    python -m realpolitik.training.evaluate_interests --split dev
"""

from __future__ import annotations

import argparse
import json

from realpolitik.training import corpus
from realpolitik.training.interests import InterestDoc, PredictedInterest, load, score_interests


def score(docs: list[InterestDoc], with_model: bool = True) -> dict:
    from realpolitik.extract import load_default_extractors
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Document, content_id

    pipeline = Pipeline(extractors=[e for e in load_default_extractors() if with_model or e.name != "interest_model"])
    texts = [corpus.get(d.doc) for d in docs]
    documents = [Document(id=content_id(t.text), text=t.text, published=(t.published or "")[:10] or None,
                          metadata=t.metadata or {}) for t in texts]
    predicted: dict[str, list[PredictedInterest]] = {}
    for ann, analysis in zip(docs, pipeline.analyze_documents(documents), strict=True):
        actors = {a.id: a for a in analysis.actors}
        lo, hi = ann.sentences[0][0], ann.sentences[-1][1]
        out = predicted.setdefault(ann.doc, [])
        for i in analysis.interests:
            if lo <= i.span.start < hi:
                a = actors.get(i.actor)
                code = (a.country or a.org or a.id) if a else i.actor
                out.append(PredictedInterest(None, (i.span.start, i.span.end), None, code,
                                             bool(a and a.kind == "state")))
    result = score_interests(docs, predicted)
    result.pop("stance accuracy")   # the contract's interests carry no stance
    return {"documents": len(docs), **result}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--coder", default="pipeline", choices=("pipeline", "rules"),
                    help="pipeline: as shipped; rules: without the trained interest model")
    args = ap.parse_args(argv)
    print(json.dumps(score(list(load(split=args.split)), with_model=args.coder == "pipeline"), indent=1))


if __name__ == "__main__":
    main()
