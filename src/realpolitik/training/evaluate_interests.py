"""Scores the pipeline's interests against the annotated interests of one split.

A predicted interest matches a gold one with an overlapping span; "holder+span" also asks
for a compatible holder (an empty gold holder is the document's voice: the United States
for State Department releases, the speaker's state for UN statements).

    python -m realpolitik.training.evaluate_interests --split dev [--interests-model encoder [--retune]]

--retune (dev only) picks the interest encoder's threshold again as the pipeline runs it (int8
weights shift its probabilities), where holder+span P and R are both highest, and writes it
into the model's encoder.json.
"""

from __future__ import annotations

import argparse
import json

from realpolitik.training import corpus
from realpolitik.training.interests import InterestDoc, PredictedInterest, load, score_interests

RETUNE_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def score(docs: list[InterestDoc], with_model: bool = True, interests_model: str | None = None) -> dict:
    from realpolitik.config import Config
    from realpolitik.extract import load_default_extractors
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Document, content_id

    pipeline = Pipeline(config=Config.from_env(interests_model=interests_model),
                        extractors=[e for e in load_default_extractors() if with_model or e.name != "interest_model"])
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
    ap.add_argument("--interests-model", choices=("linear", "encoder"),
                    help="the learned interest coder (default: the configured one, REALPOLITIK_INTERESTS_MODEL)")
    ap.add_argument("--retune", action="store_true", help="re-pick the interest encoder's threshold on dev")
    args = ap.parse_args(argv)
    docs = list(load(split=args.split))
    if args.retune:
        if args.split != "dev" or args.interests_model != "encoder":
            ap.error("--retune picks the interest encoder's threshold on dev: --split dev --interests-model encoder")
        print(json.dumps(retune(docs), indent=1))
        return
    print(json.dumps(score(docs, with_model=args.coder == "pipeline", interests_model=args.interests_model), indent=1))


def retune(docs: list[InterestDoc]) -> dict:
    """Scores the pipeline with the interest encoder at each of RETUNE_THRESHOLDS and writes the
    balanced one (training.interest_model.balanced) into its encoder.json."""
    from realpolitik.extract.encoder_interests.coder import DIRECTORY, model
    from realpolitik.training.interest_model import balanced

    encoder = model()
    results = []
    for threshold in RETUNE_THRESHOLDS:
        encoder.threshold = threshold
        results.append({"threshold": threshold, **score(docs, interests_model="encoder")})
    best = balanced(results)
    encoder.threshold = best["threshold"]
    settings_path = DIRECTORY / "encoder.json"
    settings = json.loads(settings_path.read_text(encoding="utf-8"))
    settings["threshold"] = best["threshold"]
    settings_path.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    return {"chosen": best, "curve (threshold, P, R, F1)": [
        [r["threshold"], r["holder+span"]["p"], r["holder+span"]["r"], r["holder+span"]["f1"]] for r in results]}


if __name__ == "__main__":
    main()
