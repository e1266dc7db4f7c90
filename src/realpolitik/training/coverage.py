"""How many gold events the event model can code at all: does an actor mention cover their sides?

The pair model only scores pairs of the pipeline's actor mentions, so a gold event whose
source (or target) no mention overlaps is out of its reach whatever it learns. This reports,
per split (train and dev only: the test split is scored once per release, never explored),
the share of gold events whose source and target spans are covered — by any mention, and by
one whose actor has a code compatible with the gold's (also per collection: readouts, speeches,
news, our own writing) — and the most frequent uncovered gold sides by their head lemma, to say
which kinds of mention are missing.

    python -m realpolitik.training.coverage [--split train dev] [--top 40]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from realpolitik.training import corpus
from realpolitik.training.annotations import AnnotatedDoc, Mention, load
from realpolitik.training.evaluate import GENERIC, actor_code
from realpolitik.training.reading import read_until

EXPLORABLE = ("train", "dev")


@dataclass
class Coverage:
    """Counts for one split: per side, gold events with that side, covered by span, by code."""

    counts: Counter = field(default_factory=Counter)
    # (side, "missed" | "miscoded") -> head lemma -> events; no mention overlaps the gold side,
    # or one does but its actor's code is not the gold's
    lemmas: dict[tuple[str, str], Counter] = field(default_factory=dict)
    examples: dict[tuple[str, str, str], str] = field(default_factory=dict)   # (side, why, lemma) -> a text

    def share(self, side: str, how: str, collection: str = "") -> float:
        at = f"{collection}:" if collection else ""
        gold = self.counts[f"{at}{side}_gold"]
        return round(self.counts[f"{at}{side}_{how}"] / gold, 3) if gold else 0.0

    def collections(self) -> list[str]:
        return sorted({k.split(":")[0] for k in self.counts if ":" in k})

    def report(self, top: int) -> dict:
        return {"events": self.counts["events"],
                "code_by_collection": {c: {side: self.share(side, "code", c) for side in ("source", "target")}
                                       for c in self.collections()},
                **{f"{side}_{how}": self.share(side, how) for side in ("source", "target")
                   for how in ("span", "code")},
                **{f"{side}_gold": self.counts[f"{side}_gold"] for side in ("source", "target")},
                **{f"{side}_{why}_top": [[lemma, n, self.examples[(side, why, lemma)]]
                                         for lemma, n in self.lemmas.get((side, why), Counter()).most_common(top)]
                   for side in ("source", "target") for why in ("missed", "miscoded")}}


def _compatible(gold: Mention, code: str | None, is_state: bool) -> bool:
    """The mention's actor stands for the gold code (a generic gold code takes any non-state)."""
    return code == gold.code or (not is_state and gold.code in GENERIC)


def _actor_code(ctx, actor_id: str) -> tuple[str | None, bool]:
    a = ctx.actors.get(actor_id)
    return (None, False) if a is None else actor_code(a)


def _side(ctx, doc, text: str, gold: tuple[Mention, ...], mentions, side: str, cov: Coverage,
          collection: str = "") -> None:
    """Count one side of one gold event (overall and in its collection), and its head lemma
    when no mention covers it."""
    if not gold:
        return
    keys = ["", f"{collection}:"] if collection else [""]
    for at in keys:
        cov.counts[f"{at}{side}_gold"] += 1
    overlapping = [m for m in mentions if any(m.start < g.end and g.start < m.end for g in gold)]
    if overlapping:
        for at in keys:
            cov.counts[f"{at}{side}_span"] += 1
    if any(_compatible(g, *_actor_code(ctx, m.actor_id)) for m in overlapping for g in gold
           if m.start < g.end and g.start < m.end):
        for at in keys:
            cov.counts[f"{at}{side}_code"] += 1
        return
    g = gold[0]
    span = doc.char_span(g.start, g.end, alignment_mode="expand")
    lemma = span.root.lemma_.lower() if span is not None and len(span) else text[g.start:g.end].lower()
    if span is not None and span.root.pos_ == "PROPN":
        lemma = f"{lemma} [name]"
    why = "miscoded" if overlapping else "missed"
    cov.lemmas.setdefault((side, why), Counter())[lemma] += 1
    found = f" -> {'/'.join(sorted({str(_actor_code(ctx, m.actor_id)[0]) for m in overlapping}))}" if overlapping else ""
    cov.examples.setdefault((side, why, lemma), f"{text[g.start:g.end]} ({g.code}){found}")


def measure(docs: Iterable[AnnotatedDoc], log=None) -> Coverage:
    """Run the pipeline up to the rules' events (what the pair model sees) over each document."""
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline()
    cov = Coverage()
    docs = list(docs)
    for n, ann in enumerate(docs):
        document, doc, ctx = read_until(pipeline, ann.doc, "events")
        collection = corpus.collection_of(ann.doc)   # statedept, ungdc, bbc, own: where a miss lives
        for e in ann.events:
            start, end = ann.sentences[e.sentence]
            mentions = [m for m in ctx.mentions if start <= m.start and m.end <= end and m.token_start >= 0]
            cov.counts["events"] += 1
            _side(ctx, doc, document.text, e.source, mentions, "source", cov, collection)
            _side(ctx, doc, document.text, e.target, mentions, "target", cov, collection)
        if log and n % 25 == 0:
            log(f"{n}/{len(docs)} documents")
    return cov


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", nargs="+", default=list(EXPLORABLE), choices=EXPLORABLE,
                    help="train and/or dev (the test split is not explored)")
    ap.add_argument("--top", type=int, default=40, help="how many uncovered head lemmas to list")
    args = ap.parse_args(argv)
    out = {}
    for split in args.split:
        cov = measure(sorted(load(split=split), key=lambda d: d.doc), log=lambda m: print(m, file=sys.stderr))
        out[split] = cov.report(args.top)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
