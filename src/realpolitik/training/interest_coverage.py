"""How many annotated interests the interest model could find at all: the share of gold
interests whose span overlaps a candidate's span with the right holder (a ceiling on the
model's recall), and the uncovered ones grouped by their syntactic shape, so that the
missing candidate kinds show.

    python -m realpolitik.training.interest_coverage --split train --split dev [--examples 2]

Never run on the test split: what the candidates miss there must stay unseen.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.training.interests import InterestDoc, holder_matches, load

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Coverage:
    """One gold interest against the candidates of its sentence."""

    doc: str
    sentence: int
    span_covered: bool        # some candidate's span overlaps it
    covered: bool             # ... with the gold's holder
    kinds: tuple[str, ...]    # the complements of the candidates that cover it with its holder
    alone: bool               # covered by a candidate no other gold interest of the sentence took first
    holder_miss: str          # when the span is covered but not the holder: "gold -> found" kinds
    shape: str                # "POS/dep <- governor" of the gold span's root
    cue: str                  # the annotated cue, lower-cased
    interest: str             # the gold span
    text: str                 # the sentence, for reading


def shape_of(doc: Doc, span: tuple[int, int]) -> str:
    """The gold span's root (part of speech and dependency) and the word that governs it."""
    sub = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None or not len(sub):
        return "?"
    root = sub.root
    gov = root.head
    return f"{root.pos_}/{syntax.relation_label(root)} <- {gov.lemma_.lower() if gov.i != root.i else 'ROOT'}"


def measure(docs: list[InterestDoc]) -> list[Coverage]:
    from realpolitik.extract.interest_model.candidates import candidates
    from realpolitik.training.interest_model import _overlap, analysed, holder_of

    out = []
    for ann, doc, ctx, voice in analysed(docs):
        text = ctx.document.text
        by_sentence = defaultdict(list)
        for g in ann.interests:
            by_sentence[g.sentence].append(g)
        for i, golds in by_sentence.items():
            start, end = ann.sentences[i]
            sent = doc.char_span(start, end, alignment_mode="expand")
            cands = candidates(sent) if sent is not None else []
            holders = [holder_of(ctx, c, voice) for c in cands]
            taken: set[int] = set()
            for g in golds:
                near = [(k, c, h) for k, (c, h) in enumerate(zip(cands, holders, strict=True)) if _overlap(c.span, g.span)]
                right = [(k, c) for k, c, (code, is_state, _) in near if holder_matches(g, voice, code, is_state)]
                free = next((k for k, _ in right if k not in taken), None)
                if free is not None:
                    taken.add(free)
                cue = text[g.cue[0]:g.cue[1]].lower() if g.cue else ""
                miss = ""
                if near and not right:
                    found = sorted({f"{h[2]}:{h[0]}" for _, _, h in near})
                    miss = f"{'voice' if not g.holder else 'named'} -> {','.join(found)}"
                out.append(Coverage(ann.doc, i, bool(near), bool(right), tuple(sorted({c.complement for _, c in right})),
                                    free is not None, miss, shape_of(doc, g.span), cue, text[g.span[0]:g.span[1]], text[start:end]))
    return out


def summary(rows: list[Coverage], examples: int = 1, top: int = 40) -> dict:
    n = len(rows)
    missed = [r for r in rows if not r.covered]
    groups: dict[str, list[Coverage]] = defaultdict(list)
    for r in missed:
        groups[r.shape].append(r)
    kinds = Counter(k for r in rows for k in r.kinds)
    return {
        "gold": n,
        "span coverage": round(sum(r.span_covered for r in rows) / n, 3) if n else None,
        "holder+span coverage": round(sum(r.covered for r in rows) / n, 3) if n else None,
        "one-to-one coverage": round(sum(r.alone for r in rows) / n, 3) if n else None,
        "span covered, holder wrong": sum(r.span_covered and not r.covered for r in rows),
        "holder misses": dict(Counter(r.holder_miss.split(" -> ")[0] + " -> " + ",".join(
            sorted({x.split(":")[0] for x in r.holder_miss.split(" -> ")[1].split(",")}))
            for r in rows if r.holder_miss).most_common(12)),
        "covering complements": dict(kinds.most_common()),
        "uncovered by shape": [
            {"shape": shape, "n": len(rs), "cues": dict(Counter(r.cue for r in rs).most_common(6)),
             "examples": [f"[{r.interest}] in: {r.text}" for r in rs[:examples]]}
            for shape, rs in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:top]],
        "uncovered cues": dict(Counter(r.cue for r in missed).most_common(top)),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", action="append", choices=("train", "dev"), help="train and/or dev (never test)")
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    report = {}
    for split in args.split or ["dev"]:
        rows = measure(sorted(load(split=split), key=lambda d: d.doc))
        report[split] = summary(rows, args.examples, args.top)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
