"""The annotated corpus as candidate pairs with features and labels, for the event model.

Each annotated document is analysed by today's pipeline (actors, coreference, the rules);
each gold sentence's actor mentions give candidate pairs; a pair is labelled with the
types of the gold events whose source (and target, or no target) it matches by overlapping
spans. Pairs whose source matches a gold event whose target the pipeline did not find are
left out for that type rather than taught as negatives.

    python -m realpolitik.training.pairs OUT.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from realpolitik.training.annotations import AnnotatedDoc, GoldEvent, load
from realpolitik.training.reading import read_until
from realpolitik.training.rows_record import record


def _overlaps(m, gold_mentions) -> bool:
    return any(m.start < g.end and g.start < m.end for g in gold_mentions)


def label_pair(pair, events: list[GoldEvent], targets: list | None = None) -> tuple[list[str], list[str]]:
    """(types this pair carries, types to ignore for it).

    A pair whose source matches a gold event carries its type when its target matches too (or
    both have none). When no candidate of the sentence matches the gold target (`targets`: the
    sentence's candidate target mentions), the source with no target carries the type, so the
    model still learns who did what; the wrong targets are ignored for it. A pair with no
    source carries the types of gold events that name no doer and whose target it matches.
    """
    yes, unsure = [], []
    for e in events:
        if pair.source is None:
            if not e.source and e.target and _overlaps(pair.target, e.target):
                yes.append(e.type)
            continue
        if not e.source or not _overlaps(pair.source, e.source):
            continue
        if not e.target:
            (yes if pair.target is None else unsure).append(e.type)
        elif pair.target is not None and _overlaps(pair.target, e.target):
            yes.append(e.type)
        elif pair.target is None and targets is not None and not any(_overlaps(t, e.target) for t in targets):
            yes.append(e.type)
        else:
            unsure.append(e.type)
    return sorted(set(yes)), sorted(set(unsure) - set(yes))


def build(docs: list[AnnotatedDoc], out: Path, log=print) -> Counter:
    import numpy as np

    from realpolitik.extract.events.pair_model.features import dense_pair_features, featurize_sentence
    from realpolitik.extract.word_vectors import shipped
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline()
    vectors = shipped()
    dense: list[np.ndarray] = []
    stats: Counter = Counter()
    with out.open("w", encoding="utf-8") as handle:
        for n, ann in enumerate(docs):
            # up to the rules' events: what the model sees when it codes
            document, doc, ctx = read_until(pipeline, ann.doc, "events")
            by_sentence: dict[int, list[GoldEvent]] = {}
            for e in ann.events:
                by_sentence.setdefault(e.sentence, []).append(e)
            for i, (start, end) in enumerate(ann.sentences):
                sent = doc.char_span(start, end, alignment_mode="expand")
                if sent is None:
                    continue
                gold = by_sentence.get(i, [])
                rows = featurize_sentence(ctx, sent)
                if vectors is not None and rows:
                    dense.append(dense_pair_features(doc, sent, [p for p, _ in rows], vectors))
                for e in gold:
                    stats["gold_events"] += 1
                    if e.source and any(p.source and _overlaps(p.source, e.source) for p, _ in rows):
                        stats["gold_source_found"] += 1
                targets = [p.target for p, _ in rows if p.target is not None]
                for pair, feats in rows:
                    yes, unsure = label_pair(pair, gold, targets)
                    predicate = _predicate(ctx, pair)
                    stats["pairs"] += 1
                    stats["positive_pairs"] += bool(yes)
                    handle.write(json.dumps({"doc": ann.doc, "split": ann.split, "sentence": i, "x": feats,
                                             "y": yes, "skip": unsure,
                                             "source": pair.source_id,
                                             "target": pair.target.actor_id if pair.target else None,
                                             "source_code": _code(ctx, pair.source_id) if pair.source else None,
                                             "target_code": _code(ctx, pair.target.actor_id) if pair.target else None,
                                             "trigger": ctx.doc[predicate].idx,
                                             "spans": _spans(pair, sent.start_char),
                                             "unit": _unit(ctx, pair, predicate, sent)}) + "\n")
            if log and n % 25 == 0:
                log(f"{n}/{len(docs)} documents, {stats['pairs']} pairs")
    if dense:   # the rows' word-vector features, in row order, beside the JSONL
        np.save(dense_path(out), np.concatenate(dense).astype(np.float16))
    record(out)
    return stats


def dense_path(pairs: Path) -> Path:
    return pairs.with_suffix(".dense.npy")


def _spans(pair, offset: int) -> list:
    """The pair's mentions as character offsets within their sentence (for the encoder); a
    pair with no source has None in its place."""
    out = [[pair.source.start - offset, pair.source.end - offset] if pair.source else None]
    if pair.target is not None:
        out.append([pair.target.start - offset, pair.target.end - offset])
    return out


def _unit(ctx, pair, predicate: int, sent) -> list[int]:
    """What the encoder reads for the pair (document offsets): its trigger's (`predicate`'s)
    coordinated clause, stretched to hold its mentions (extract.encoder.units.unit_of)."""
    from realpolitik.extract import syntax
    from realpolitik.extract.encoder.units import unit_of

    spans = [(m.start, m.end) for m in (pair.source, pair.target) if m is not None]
    clause = syntax.coordinated_clause_chars(ctx.doc[predicate])
    return list(unit_of(clause, spans, (sent.start_char, sent.end_char)))


def _code(ctx, actor_id: str) -> list:
    from realpolitik.training.evaluate import actor_code

    a = ctx.actors.get(actor_id)
    if a is None:
        return [actor_id, False]
    return list(actor_code(a))


def _predicate(ctx, pair) -> int:
    from realpolitik.extract import syntax

    return syntax.role_of(ctx.doc, pair.doer.token_start, pair.doer.token_end).predicate


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    docs = sorted(load(), key=lambda d: d.doc)
    stats = build(docs, args.out, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
