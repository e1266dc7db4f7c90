"""Per-type precision and recall of event coding on the coverage suite.

    .venv/bin/python bench/event_coverage.py [tests/extract/events/event_cases.yaml ...] [--show]

Without a path it reads every tests/extract/events/event_cases*.yaml (the core table and the
construction table).

A predicted event counts as right when its type, source key and target key (an actor's
country, else its organisation) match an expected event of the sentence; an expected null
target accepts any target, and symmetric types may swap source and target. Rows with
`expect: []` must yield nothing: whatever they yield is a false positive.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "extract" / "events" / "event_cases.yaml"
CASE_FILES = sorted((ROOT / "tests" / "extract" / "events").glob("event_cases*.yaml"))
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}


def load_cases(*paths: Path) -> list[dict]:
    out: list[dict] = []
    for path in paths or CASE_FILES:
        out.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def key(analysis, actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    for a in analysis.actors:
        if a.id == actor_id:
            return a.country or a.org or a.id
    return actor_id


def predicted(analysis) -> list[dict]:
    return [{"type": e.type, "source": key(analysis, e.source), "target": key(analysis, e.target),
             "negated": e.negated, "hypothetical": e.hypothetical} for e in analysis.events]


def matches(p: dict, g: dict) -> bool:
    if p["type"] != g["type"]:
        return False
    gs, gt = g.get("source"), g.get("target")
    if p["source"] == gs and (gt is None or p["target"] == gt):
        return True
    return g["type"] in SYMMETRIC and p["target"] == gs and (gt is None or p["source"] == gt)


def score(pipeline, cases: list[dict]) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts per type (tp, fp, fn) and a line per miss or false positive."""
    counts: dict[str, Counter] = {}
    notes: list[str] = []
    for case in cases:
        analysis = pipeline.analyze_text(case["text"], published=case.get("published"))
        preds = predicted(analysis)
        used: set[int] = set()
        for g in case["expect"]:
            c = counts.setdefault(g["type"], Counter())
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(p, g)), None)
            if hit is None:
                c["fn"] += 1
                notes.append(f"MISS {g['type']} {g.get('source')}->{g.get('target')} | {case['text']}")
            else:
                used.add(hit)
                c["tp"] += 1
        for i, p in enumerate(preds):
            if i not in used:
                counts.setdefault(p["type"], Counter())["fp"] += 1
                notes.append(f"FP   {p['type']} {p['source']}->{p['target']} | {case['text']}")
    return {t: dict(c) for t, c in counts.items()}, notes


def table(counts: dict[str, dict[str, int]]) -> str:
    from realpolitik.schema import EVENT_TYPES

    lines = [f"{'type':10} {'P':>5} {'R':>5} {'tp':>3} {'fp':>3} {'fn':>3}"]
    total = Counter()
    for t in EVENT_TYPES:
        c = Counter(counts.get(t, {}))
        total.update(c)
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        lines.append(f"{t:10} {p:5.2f} {r:5.2f} {c['tp']:3} {c['fp']:3} {c['fn']:3}")
    p = total["tp"] / (total["tp"] + total["fp"]) if total["tp"] + total["fp"] else 0.0
    r = total["tp"] / (total["tp"] + total["fn"]) if total["tp"] + total["fn"] else 0.0
    lines.append(f"{'all':10} {p:5.2f} {r:5.2f} {total['tp']:3} {total['fp']:3} {total['fn']:3}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from realpolitik.pipeline import Pipeline

    args = [a for a in argv if not a.startswith("--")]
    cases = load_cases(*(Path(a) for a in args))
    counts, notes = score(Pipeline(), cases)
    print(f"{len(cases)} sentences")
    print(table(counts))
    if "--show" in argv:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
