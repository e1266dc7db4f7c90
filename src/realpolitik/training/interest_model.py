"""Trains and scores the interest model (docs/annotation.md, "Interests").

Each annotated sentence's candidates (extract/interest_model) are recorded with the gold
interests their spans overlap; at training time each gold interest's stance goes to the
overlapping candidate with its holder and the best overlap (`label`), the other candidates
overlapping it are left out rather than taught as wrong. One logistic regression per stance
(as the event model's), a threshold chosen on dev with the coder's decoding where precision
and recall are both highest (`balanced`), dev scores and the P/R curve printed.

    python -m realpolitik.training.interest_model build/interest_rows.jsonl [OUT.npz] [--build]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from realpolitik.training.interests import (
    STANCES,
    GoldInterest,
    InterestDoc,
    PredictedInterest,
    holder_matches,
    load,
    score_interests,
)
from realpolitik.training.pair_model import (
    DENSE_SCALE,
    DenseScaling,
    dense_members,
    design,
    fit_per_label,
    save,
)
from realpolitik.training.pairs import dense_path
from realpolitik.training.reading import read_until

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext
    from realpolitik.pipeline import Pipeline


THRESHOLDS = (0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def holder_of(ctx, c, voice: str | None) -> tuple[str | None, bool, str]:
    """(code, is_state, kind) of a candidate's holder, as the coder finds it (its actor id
    put in the gold's code space)."""
    from realpolitik.extract.interest_model.coder import holder

    actor_id, kind = holder(ctx, c, voice)
    if kind != "actor":
        return actor_id, actor_id is not None, kind
    a = ctx.actors.get(actor_id)
    return ((a.country or a.org or a.id) if a else actor_id), bool(a and a.kind == "state"), kind


def runtime_stop(pipeline: Pipeline) -> str:
    """The extractor that runs just before the interest model: what the pipeline has built
    there (the actors after coreference and the implied actors, the rules' interests) is what
    the model's candidates and holders read at run time, so training reads the same."""
    names = [ex.name for ex in pipeline.extractors]
    if "interest_model" not in names or names.index("interest_model") == 0:
        raise ValueError(f"the pipeline has no extractor before 'interest_model' ({', '.join(names)})")
    return names[names.index("interest_model") - 1]


def analysed(docs: list[InterestDoc], until: str | None = None,
             ) -> Iterator[tuple[InterestDoc, Doc, ExtractContext, str | None]]:
    """Each annotated document parsed and run through the pipeline as far as the interest
    model sees it at run time (or up to the extractor `until`), with its voice."""
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline()
    stop = until or runtime_stop(pipeline)
    for n, ann in enumerate(docs):
        document, doc, ctx = read_until(pipeline, ann.doc, stop)
        meta = document.metadata
        if n % 25 == 0:
            print(f"{n}/{len(docs)} documents", file=sys.stderr)
        yield ann, doc, ctx, meta.get("voice") or meta.get("country_iso3")


def build(docs: list[InterestDoc], out: Path, until: str | None = None) -> None:
    from realpolitik.extract.encoder_interests.coder import unit_of
    from realpolitik.extract.interest_model.candidates import candidates
    from realpolitik.extract.interest_model.features import dense_features, features
    from realpolitik.extract.syntax import subtree_chars
    from realpolitik.extract.word_vectors import shipped

    vectors = shipped()
    dense: list[np.ndarray] = []
    with out.open("w", encoding="utf-8") as handle:
        for ann, doc, ctx, voice in analysed(docs, until):
            gold_by_sentence = defaultdict(list)
            for g in ann.interests:
                gold_by_sentence[g.sentence].append(g)
            for i, (start, end) in enumerate(ann.sentences):
                sent = doc.char_span(start, end, alignment_mode="expand")
                if sent is None:
                    continue
                cands = candidates(sent)
                if vectors is not None and cands:
                    dense.append(dense_features(doc, sent, cands, vectors))
                golds = gold_by_sentence.get(i, [])
                for c in cands:
                    code, is_state, kind = holder_of(ctx, c, voice)
                    handle.write(json.dumps({"doc": ann.doc, "split": ann.split, "sentence": i,
                                             "x": features(doc, c, kind, ctx), "gold": gold_overlaps(doc, c, golds, voice,
                                                                                                 code, is_state),
                                             "span": list(c.span), "holder": code, "holder_is_state": is_state,
                                             "kind": kind, "head": _word_span(doc[c.head]),
                                             "subject": list(subtree_chars(doc[c.subject])) if c.subject is not None else None,
                                             "unit": list(unit_of(doc, c, (start, end)))})
                             + "\n")
    if dense:
        np.save(dense_path(out), np.concatenate(dense).astype(np.float16))


def _word_span(token) -> list[int]:
    return [token.idx, token.idx + len(token)]


def gold_overlaps(doc: Doc, c, golds: list[GoldInterest], voice: str | None, code: str | None,
                  is_state: bool) -> list[list]:
    """The gold interests of the sentence a candidate's span overlaps: [index in the sentence,
    overlap / union of the spans, holder right, stance, predicate inside the gold span]. A
    predicate inside the span ("we must [preserve water and marine resources]": "preserve"
    governing its object) covers the gold from within: taken only where nothing outside does."""
    out = []
    for j, g in enumerate(golds):
        shared = _overlap(c.span, g.span)
        if shared:
            union = max(c.span[1], g.span[1]) - min(c.span[0], g.span[0])
            out.append([j, round(shared / max(1, union), 4), holder_matches(g, voice, code, is_state), g.stance,
                        g.span[0] <= doc[c.head].idx < g.span[1]])
    return out


def label(rows: list[dict]) -> None:
    """Each row's stance ("y", None for no interest) and whether it is left out ("skip").

    Per sentence and gold interest, the overlapping candidate with the gold's holder (any
    holder where none has it), its predicate outside the gold span (inside where no other
    covers it) and the best overlap carries the gold's stance; the other candidates
    overlapping it are left out rather than taught as wrong: all but one of them say the same
    thing in other words. A candidate that spans two or more gold interests and is the best
    for none of them (the whole list where the items are stated one by one) is taught as no
    interest."""
    by_sentence: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for r in rows:
        r["y"], r["skip"] = None, False
        by_sentence[(r["doc"], r["sentence"])].append(r)
    for group in by_sentence.values():
        best: dict[int, tuple[tuple[bool, bool, float], dict, str]] = {}
        for r in group:
            for j, ratio, holder_ok, stance, *inside in r["gold"]:
                key = (holder_ok, not (inside and inside[0]), ratio)
                if j not in best or key > best[j][0]:
                    best[j] = (key, r, stance)
        chosen = {id(r) for _, r, _ in best.values()}
        for _, r, stance in sorted(best.values(), key=lambda b: b[0], reverse=True):
            if r["y"] is None:
                r["y"] = stance
        for r in group:
            if id(r) not in chosen and r["gold"]:
                r["skip"] = len(r["gold"]) < 2


def train(rows: list[dict], dense: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keep = [i for i, r in enumerate(rows) if r["split"] == "train" and not r["skip"]]
    return fit_per_label([rows[i] for i in keep], STANCES, positive=lambda r, stance: r["y"] == stance, l2=0.3,
                         dense=None if dense is None else dense[keep])


def decode(rows: list[dict], probs: np.ndarray, threshold: float) -> list[tuple[dict, np.ndarray]]:
    """The candidates taken as interests, as the coder takes them: per sentence, most
    probable first, each with a holder, above the threshold and overlapping none taken before it (nested and listed spans say one thing
    once)."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        if probs[k].max() >= threshold and r["holder"] is not None:   # the coder names every holder
            by_sentence[(r["doc"], r["sentence"])].append(k)
    out = []
    for ks in by_sentence.values():
        taken: list[tuple[int, int]] = []
        for k in sorted(ks, key=lambda k: -float(probs[k].max())):
            span = tuple(rows[k]["span"])
            if not any(_overlap(span, t) for t in taken):
                taken.append(span)
                out.append((rows[k], probs[k]))
    return out


def evaluate(rows: list[dict], probs: np.ndarray, threshold: float, split: str) -> dict:
    predicted: dict[str, list[PredictedInterest]] = defaultdict(list)
    for r, p in decode(rows, probs, threshold):
        predicted[r["doc"]].append(PredictedInterest(r["sentence"], tuple(r["span"]), STANCES[int(p.argmax())],
                                                     r["holder"], r["holder_is_state"]))
    return {"threshold": threshold, **score_interests(list(load(split=split)), predicted)}


def balanced(results: list[dict]) -> dict:
    """The threshold whose holder+span precision and recall are both highest (the larger of the
    two lower ones; F1 breaks a tie): the acceptance asks for both, so F1 alone would let one
    fall for the other."""
    return max(results, key=lambda r: (min(r["holder+span"]["p"], r["holder+span"]["r"]), r["holder+span"]["f1"]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--build", action="store_true", help="(re)build the rows from the annotations first")
    ap.add_argument("--until", help="read the documents up to this extractor (default: the one before the model)")
    ap.add_argument("--no-dense", action="store_true", help="hashed features only")
    ap.add_argument("--dense-scale", type=float, default=DENSE_SCALE)
    args = ap.parse_args(argv)
    if args.build or not args.rows.exists():
        args.rows.parent.mkdir(parents=True, exist_ok=True)
        build(sorted(load(), key=lambda d: d.doc), args.rows, args.until)
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    label(rows)
    scaling = dense = None
    if not args.no_dense and dense_path(args.rows).exists():
        raw = np.load(dense_path(args.rows))
        scaling = DenseScaling.fit(raw[[i for i, r in enumerate(rows) if r["split"] == "train" and not r["skip"]]],
                                   args.dense_scale)
        dense = scaling.apply(raw)
    ids, weights, biases = train(rows, dense)
    dev_at = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    dev = [rows[i] for i in dev_at]
    columns = {int(h): i for i, h in enumerate(ids)}
    x = design(dev, columns, None if dense is None else dense[dev_at])
    probs = 1.0 / (1.0 + np.exp(-(x @ weights + biases)))
    results = [evaluate(dev, probs, th, "dev") for th in THRESHOLDS]
    best = balanced(results)
    curve = [[r["threshold"], r["holder+span"]["p"], r["holder+span"]["r"], r["holder+span"]["f1"]] for r in results]
    print(json.dumps({"features": len(ids), "dev": best, "dev curve (threshold, P, R, F1)": curve,
                      "all_thresholds": results}, indent=1))
    if args.out:
        digest = save(args.out, ids=ids, weights=weights[:len(ids)], biases=biases,
                      thresholds=np.full(len(STANCES), best["threshold"], dtype=np.float32), stances=np.array(STANCES),
                      **dense_members(scaling, weights, len(ids)))
        print(f"wrote {args.out} (sha256 {digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
