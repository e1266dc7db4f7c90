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
from realpolitik.training.evaluate import GENERIC
from realpolitik.training.interests import InterestDoc, load


def _voice(doc_id: str) -> str | None:
    meta = corpus.get(doc_id).metadata or {}
    return meta.get("voice") or meta.get("country_iso3")


def score(docs: list[InterestDoc], with_model: bool = True) -> dict:
    from realpolitik.extract import load_default_extractors
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Document, content_id

    pipeline = Pipeline(extractors=[e for e in load_default_extractors() if with_model or e.name != "interest_model"])
    texts = [corpus.get(d.doc) for d in docs]
    documents = [Document(id=content_id(t.text), text=t.text, published=(t.published or "")[:10] or None,
                          metadata=t.metadata or {}) for t in texts]
    gold_n = pred_n = span_hit = full_hit = 0
    for ann, analysis in zip(docs, pipeline.analyze_documents(documents), strict=True):
        actors = {a.id: a for a in analysis.actors}
        lo, hi = ann.sentences[0][0], ann.sentences[-1][1]
        preds = []
        for i in analysis.interests:
            if lo <= i.span.start < hi:
                a = actors.get(i.actor)
                code = (a.country or a.org or a.id) if a else i.actor
                preds.append(((i.span.start, i.span.end), code, bool(a and a.kind == "state")))
        voice = _voice(ann.doc)
        gold_n += len(ann.interests)
        pred_n += len(preds)
        used_span: set[int] = set()
        used_full: set[int] = set()
        for g in ann.interests:
            holders = set(g.holder) or ({voice} if voice else set())
            for k, (span, _code, _state) in enumerate(preds):
                if k not in used_span and span[0] < g.span[1] and g.span[0] < span[1]:
                    used_span.add(k)
                    span_hit += 1
                    break
            for k, (span, code, is_state) in enumerate(preds):
                if k in used_full or not (span[0] < g.span[1] and g.span[0] < span[1]):
                    continue
                if code in holders or (not is_state and holders & GENERIC):
                    used_full.add(k)
                    full_hit += 1
                    break

    def prf(hit: int) -> dict:
        p = hit / pred_n if pred_n else 0.0
        r = hit / gold_n if gold_n else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}

    return {"documents": len(docs), "gold": gold_n, "predicted": pred_n, "span": prf(span_hit),
            "holder+span": prf(full_hit),
            "holder accuracy": round(full_hit / span_hit, 3) if span_hit else None}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--coder", default="pipeline", choices=("pipeline", "rules"),
                    help="pipeline: as shipped; rules: without the trained interest model")
    args = ap.parse_args(argv)
    print(json.dumps(score(list(load(split=args.split)), with_model=args.coder == "pipeline"), indent=1))


if __name__ == "__main__":
    main()
