"""Scores an event coder against the annotated corpus (one split), per type and overall.

Predicted events are placed in the gold sentence that holds their trigger; only annotated
sentences count (a UN speech is annotated in a window). Three scores, each a multiset F1
within a sentence: type; type with source and target (codes compatible, as in PLOVER
scoring: a generic code such as IGO or MNC matches any non-state actor); and whether a
sentence has any event at all.

    python -m realpolitik.training.evaluate --split dev [--coder rules]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from realpolitik.knowledge import load as knowledge
from realpolitik.training import corpus
from realpolitik.training.annotations import TYPES, AnnotatedDoc, load

GENERIC = {"IGO", "NGO", "IMG", "MNC", "CVL", "OPP", "REB", "ISM"}


@dataclass(frozen=True)
class Predicted:
    sentence: int
    type: str
    source: tuple[tuple[str, bool], ...]   # (code, is_state) of each source actor
    target: tuple[tuple[str, bool], ...]


def _compatible(gold: set[str], predicted: tuple[tuple[str, bool], ...]) -> bool:
    if not gold:
        return not predicted
    for code, is_state in predicted:
        if code in gold or (not is_state and gold & GENERIC):
            return True
    return False


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> int | None:
    for i, (start, end) in enumerate(spans):
        if start <= offset < end:
            return i
    return None


def actor_code(a) -> tuple[str, bool]:
    """(code, is_state) of an actor in the gold's code space: a state's organs and people act for
    it; a group in it (its rebels, protesters) is not the state, so it matches generic codes; a
    body of an organisation is coded with the organisation's key (the Security Council: UN), a
    named armed movement with its own (HAMAS)."""
    if a.kind == "group" and a.id in knowledge().movements:
        return a.id, False   # an armed movement by its own key (HAMAS), as the codebook codes it
    org = a.org
    if org is not None and org in knowledge().organizations:
        org = knowledge().organizations[org].part_of or org
    return a.country or org or a.id, a.kind == "state" or (a.country is not None and not a.org and a.kind != "group")


def _codes(actors: dict, actor_id: str | None) -> tuple[tuple[str, bool], ...]:
    """(code, is_state) of a predicted actor, in the gold's code space."""
    a = actors.get(actor_id) if actor_id else None
    if a is None:
        return ()
    return (actor_code(a),)


def rules_coder(with_model: bool = True) -> Callable[[list[tuple[str, str | None, dict]]],
                                                    list[list[tuple[int, str, tuple, tuple]]]]:
    """Today's pipeline as a coder: (text, published, metadata) in, events with offsets out;
    with_model=False leaves out the trained model's additions (the rules alone)."""
    from realpolitik.extract import load_default_extractors
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Document, content_id

    pipeline = Pipeline(extractors=[e for e in load_default_extractors() if with_model or e.name != "event_model"])

    def code(docs: list[tuple[str, str | None, dict]]):
        documents = [Document(id=content_id(t), text=t, published=p, metadata=m) for t, p, m in docs]
        out = []
        for analysis in pipeline.analyze_documents(documents):
            actors = {a.id: a for a in analysis.actors}
            out.append([(e.trigger.start, e.type, _codes(actors, e.source), _codes(actors, e.target))
                        for e in analysis.events])
        return out

    return code


def score(docs: Iterable[AnnotatedDoc], coder) -> dict:
    docs = list(docs)
    texts = [corpus.get(d.doc) for d in docs]
    published = [(t.text, (t.published or "")[:10] or None, t.metadata or {}) for t in texts]
    predictions = coder(published)
    placed_by_doc: dict[str, list[Predicted]] = {}
    for doc, preds in zip(docs, predictions, strict=True):
        placed_by_doc[doc.doc] = [Predicted(s, etype, source, target)
                                  for offset, etype, source, target in preds
                                  if (s := _sentence_of(doc.sentences, offset)) is not None]
    return score_placed(docs, placed_by_doc)


def score_placed(docs: list[AnnotatedDoc], placed_by_doc: dict[str, list[Predicted]]) -> dict:
    """Scores predictions already placed in gold sentences."""
    counts = {k: Counter() for k in ("type", "full", "any", "sentence_types")}
    per_type: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        placed = placed_by_doc.get(doc.doc, [])
        gold_by_sentence = defaultdict(list)
        for e in doc.events:
            gold_by_sentence[e.sentence].append(e)
        pred_by_sentence = defaultdict(list)
        for p in placed:
            pred_by_sentence[p.sentence].append(p)
        for s in range(len(doc.sentences)):
            gold, pred = gold_by_sentence.get(s, []), pred_by_sentence.get(s, [])
            g_types, p_types = Counter(e.type for e in gold), Counter(p.type for p in pred)
            hit = g_types & p_types
            g_set, p_set = set(g_types), set(p_types)
            counts["sentence_types"].update(tp=len(g_set & p_set), gold=len(g_set), pred=len(p_set))
            counts["type"].update(tp=sum(hit.values()), gold=sum(g_types.values()), pred=sum(p_types.values()))
            for t in TYPES:
                per_type[t].update(tp=hit[t], gold=g_types[t], pred=p_types[t])
            # full match: greedy one-to-one pairing of compatible events
            used: set[int] = set()
            tp = 0
            for e in gold:
                src, tgt = {m.code for m in e.source}, {m.code for m in e.target}
                for i, p in enumerate(pred):
                    if i in used or p.type != e.type:
                        continue
                    if _compatible(src, p.source) and (not tgt or _compatible(tgt, p.target)):
                        used.add(i)
                        tp += 1
                        break
            counts["full"].update(tp=tp, gold=len(gold), pred=len(pred))
            counts["any"].update(tp=int(bool(gold) and bool(pred)), gold=int(bool(gold)), pred=int(bool(pred)))
    return {"documents": len(docs), "sentences": sum(len(d.sentences) for d in docs),
            **{name: _prf(c) for name, c in counts.items()},
            "per_type": {t: _prf(c) for t, c in per_type.items()}}


def _prf(c: Counter) -> dict:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": c["gold"], "pred": c["pred"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--coder", default="pipeline", choices=("pipeline", "rules", "sentence-types"),
                    help="pipeline: everything as shipped; rules: without the trained model")
    ap.add_argument("--model", help="trained sentence-type model (with --coder sentence-types)")
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args(argv)
    if args.coder == "sentence-types":
        result = score_sentence_types(load(split=args.split), args.model, args.threshold)
    else:
        result = score(load(split=args.split), rules_coder(with_model=args.coder == "pipeline"))
    print(json.dumps(result, indent=1))



def score_sentence_types(docs: Iterable[AnnotatedDoc], model_path: str, threshold: float = 0.5) -> dict:
    """Type P/R/F1 of a sentence classifier (spaCy textcat_multilabel) on gold sentences."""
    import spacy

    from realpolitik.training.spacy_data import sentence_examples

    nlp = spacy.load(model_path)
    examples = sentence_examples(list(docs))
    counts: Counter = Counter()
    per_type: dict[str, Counter] = defaultdict(Counter)
    for (_text, gold), doc in zip(examples, nlp.pipe(t for t, _ in examples), strict=True):
        for t in TYPES:
            g, p = gold[t] >= 0.5, doc.cats.get(t, 0.0) >= threshold
            counts.update(tp=int(g and p), gold=int(g), pred=int(p))
            per_type[t].update(tp=int(g and p), gold=int(g), pred=int(p))
    return {"sentences": len(examples), "type": _prf(counts), "per_type": {t: _prf(c) for t, c in per_type.items()}}


if __name__ == "__main__":
    main()
