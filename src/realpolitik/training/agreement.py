"""Agreement between two annotators of the same documents, as F1 of one against the other.

Reported at three levels, each as a multiset match within a sentence: the type alone; the
type with the source's and target's codes; and the trigger (type plus overlapping trigger
span). F1 is symmetric, so it does not matter which annotator is taken as reference.

    python -m realpolitik.training.agreement FIRST.jsonl... --second SECOND.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from realpolitik.training.annotations import AnnotatedDoc, GoldEvent, load, parse_line


def _codes(mentions) -> tuple[str, ...]:
    return tuple(sorted({m.code for m in mentions}))


KEYS: dict[str, Callable[[GoldEvent], tuple]] = {
    "type": lambda e: (e.sentence, e.type),
    "type+source+target": lambda e: (e.sentence, e.type, _codes(e.source), _codes(e.target)),
    "sentence has event": lambda e: (e.sentence,),
}


def f1(a: Counter, b: Counter) -> float:
    both = sum((a & b).values())
    total = sum(a.values()) + sum(b.values())
    return 2 * both / total if total else 1.0


def agreement(first: Iterable[AnnotatedDoc], second: Iterable[AnnotatedDoc]) -> dict[str, object]:
    by_doc = {d.doc: d for d in first}
    pairs = [(by_doc[d.doc], d) for d in second if d.doc in by_doc]
    out: dict[str, object] = {"documents": len(pairs), "sentences": sum(len(a.sentences) for a, _ in pairs),
                              "events_first": sum(len(a.events) for a, _ in pairs),
                              "events_second": sum(len(b.events) for _, b in pairs)}
    for name, key in KEYS.items():
        a_all: Counter = Counter()
        b_all: Counter = Counter()
        for a, b in pairs:
            if name == "sentence has event":
                a_all.update({(a.doc, *k) for k in map(key, a.events)})
                b_all.update({(b.doc, *k) for k in map(key, b.events)})
            else:
                a_all.update((a.doc, *key(e)) for e in a.events)
                b_all.update((b.doc, *key(e)) for e in b.events)
        out[name] = round(f1(a_all, b_all), 3)
    per_type = {}
    for t in sorted({e.type for a, b in pairs for e in (*a.events, *b.events)}):
        a_t = Counter((a.doc, e.sentence) for a, _ in pairs for e in a.events if e.type == t)
        b_t = Counter((b.doc, e.sentence) for _, b in pairs for e in b.events if e.type == t)
        per_type[t] = {"f1": round(f1(a_t, b_t), 2), "first": sum(a_t.values()), "second": sum(b_t.values())}
    out["per_type"] = per_type
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=Path, default=None, help="folder of first annotations (default: the corpus)")
    ap.add_argument("--second", type=Path, required=True)
    args = ap.parse_args(argv)
    second = [parse_line(json.loads(line)) for line in args.second.read_text(encoding="utf-8").splitlines() if line.strip()]
    first = list(load(args.first, adjudicated=False) if args.first else load(adjudicated=False))
    print(json.dumps(agreement(first, second), indent=1))


if __name__ == "__main__":
    main()
