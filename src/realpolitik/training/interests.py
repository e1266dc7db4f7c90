"""The stand-off interest annotations (docs/annotation.md, "Interests"): typed records,
the same document splits as the events, and agreement between two annotators.

    python -m realpolitik.training.interests --second SECOND.jsonl     # agreement
    python -m realpolitik.training.interests                          # corpus statistics
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from realpolitik.training.annotations import split_of
from realpolitik.training.corpus import REPO

INTERESTS_DIR = REPO / "data" / "annotations" / "interests"
STANCES = ("wants", "opposes", "commits", "fears")


@dataclass(frozen=True)
class GoldInterest:
    sentence: int
    holder: tuple[str, ...]        # codes; empty = the document's voice, unnamed in the sentence
    span: tuple[int, int]
    stance: str
    stated: bool
    salience: tuple[int, int] | None
    cue: tuple[int, int] | None = None   # the words that mark it as an interest


@dataclass
class InterestDoc:
    doc: str
    annotator: str
    sentences: list[tuple[int, int]]
    interests: list[GoldInterest]

    @property
    def split(self) -> str:
        return split_of(self.doc)


def parse_line(row: dict) -> InterestDoc:
    items = [GoldInterest(sentence=i["sentence"], holder=tuple(sorted({m["code"] for m in i["holder"]})),
                          span=(i["interest"]["start"], i["interest"]["end"]), stance=i["stance"],
                          stated=bool(i["stated"]),
                          salience=(i["salience"]["start"], i["salience"]["end"]) if i.get("salience") else None,
                          cue=(i["cue"]["start"], i["cue"]["end"]) if i.get("cue") else None)
             for i in row["interests"]]
    return InterestDoc(row["doc"], row.get("annotator", "?"), [tuple(s) for s in row["sentences"]], items)


def load(directory: Path = INTERESTS_DIR, split: str | None = None) -> Iterator[InterestDoc]:
    seen: set[str] = set()
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = parse_line(json.loads(line))
                if doc.doc not in seen and (split is None or doc.split == split):
                    seen.add(doc.doc)
                    yield doc


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def agreement(first: Iterable[InterestDoc], second: Iterable[InterestDoc]) -> dict:
    """F1 of one annotator against the other: an interest matches one of the other's in the
    same sentence with an overlapping span (and, for the stricter figure, the same holder
    codes); stance agreement over matched pairs."""
    by_doc = {d.doc: d for d in first}
    pairs = [(by_doc[d.doc], d) for d in second if d.doc in by_doc]
    out: dict = {"documents": len(pairs), "sentences": sum(len(a.sentences) for a, _ in pairs),
                 "first": sum(len(a.interests) for a, _ in pairs), "second": sum(len(b.interests) for _, b in pairs)}
    for name, same_holder in (("span", False), ("holder+span", True)):
        matched, stance_same = 0, 0
        for a, b in pairs:
            used: set[int] = set()
            for x in a.interests:
                for j, y in enumerate(b.interests):
                    if j in used or x.sentence != y.sentence or not _overlap(x.span, y.span):
                        continue
                    if same_holder and x.holder != y.holder:
                        continue
                    used.add(j)
                    matched += 1
                    stance_same += x.stance == y.stance
                    break
        total = out["first"] + out["second"]
        out[f"{name} F1"] = round(2 * matched / total, 3) if total else 1.0
        out[f"{name} stance agreement"] = round(stance_same / matched, 3) if matched else None
    return out


@dataclass(frozen=True)
class PredictedInterest:
    sentence: int | None       # None: matched by span alone
    span: tuple[int, int]
    stance: str | None
    holder: str | None         # a code, in the gold's code space
    holder_is_state: bool


def voice_of(doc_id: str) -> str | None:
    """Who speaks in a corpus document's own voice (the holder of an unnamed "we")."""
    from realpolitik.training import corpus

    meta = corpus.get(doc_id).metadata or {}
    return meta.get("voice") or meta.get("country_iso3")


def holder_matches(gold: GoldInterest, voice: str | None, code: str | None, is_state: bool) -> bool:
    """A predicted holder (code, is_state) is the gold's: one of its codes (the document's
    voice for an empty gold holder), or a non-state actor where the gold names a generic kind."""
    from realpolitik.training.evaluate import GENERIC

    holders = set(gold.holder) or ({voice} if voice else set())
    return code in holders or bool(code and not is_state and holders & GENERIC)


def score_interests(gold: list[InterestDoc], predicted: dict[str, list[PredictedInterest]]) -> dict:
    """Span and holder+span P/R/F1, holder and stance accuracy over span matches."""
    gold_n = sum(len(d.interests) for d in gold)
    pred_n = sum(len(predicted.get(d.doc, [])) for d in gold)
    span_hit = full_hit = stance_hit = 0
    for ann in gold:
        preds = predicted.get(ann.doc, [])
        voice = voice_of(ann.doc)
        used_span: set[int] = set()
        used_full: set[int] = set()
        for g in ann.interests:
            near = [k for k, p in enumerate(preds)
                    if (p.sentence is None or p.sentence == g.sentence) and _overlap(p.span, g.span)]
            first = next((k for k in near if k not in used_span), None)
            if first is not None:
                used_span.add(first)
                span_hit += 1
                stance_hit += preds[first].stance == g.stance
            for k in near:
                p = preds[k]
                if k not in used_full and holder_matches(g, voice, p.holder, p.holder_is_state):
                    used_full.add(k)
                    full_hit += 1
                    break

    def prf(hit: int) -> dict:
        prec = hit / pred_n if pred_n else 0.0
        rec = hit / gold_n if gold_n else 0.0
        return {"p": round(prec, 3), "r": round(rec, 3),
                "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0}

    return {"gold": gold_n, "predicted": pred_n, "span": prf(span_hit), "holder+span": prf(full_hit),
            "holder accuracy": round(full_hit / span_hit, 3) if span_hit else None,
            "stance accuracy": round(stance_hit / span_hit, 3) if span_hit else None}


def statistics(docs: list[InterestDoc]) -> dict:
    items = [i for d in docs for i in d.interests]
    return {"documents": len(docs), "sentences": sum(len(d.sentences) for d in docs), "interests": len(items),
            "by_stance": dict(Counter(i.stance for i in items)),
            "stated": sum(i.stated for i in items), "with_salience": sum(i.salience is not None for i in items),
            "voice_holder": sum(not i.holder for i in items),
            "by_collection": dict(Counter(d.doc.split("-")[0] for d in docs)),
            "by_split": dict(Counter(d.split for d in docs))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--second", type=Path)
    args = ap.parse_args(argv)
    if args.second:
        second = [parse_line(json.loads(line)) for line in args.second.read_text(encoding="utf-8").splitlines()
                  if line.strip()]
        print(json.dumps(agreement(load(), second), indent=1))
    else:
        print(json.dumps(statistics(list(load())), indent=1))


if __name__ == "__main__":
    main()
