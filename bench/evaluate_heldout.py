"""Held-out evaluation: run `realpolitik analyze` on every article in a folder (default tests/data/eval) and score it.

    .venv/bin/python bench/evaluate_heldout.py [--dir DIR] [--details] [--json OUT]

The articles were annotated before the tool ever ran on them and nobody tunes rules on them,
so these numbers estimate quality on unseen text, unlike the flagship article's. The CLI is run
once per article, as a user would run it: per-article actor checks must not see other articles'
actors. Pooled figures are micro-averages over the (hits, total) counts of every article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from realpolitik.evaluation import score
from realpolitik.schema import read

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "eval"
CLI = Path(sys.executable).with_name("realpolitik")

# (column, metric, counts key): the table's columns, each pooled from its counts.
COLUMNS = [
    ("ev_P", "events_precision", "n_events_precision"), ("ev_R", "events_recall", "n_events_recall"),
    ("ev_F1", "events_f1", None), ("pol", "events_polarity_acc", "n_events_polarity"),
    ("date", "events_date_acc", "n_events_date"), ("cl_R", "claims_recall", "n_claims_recall"),
    ("cl_st", "claims_status_acc", "n_claims_status"), ("cl_src", "claims_source_acc", "n_claims_source"),
    ("q_P", "quantities_precision", "n_quantities_precision"), ("q_R", "quantities_recall", "n_quantities_recall"),
    ("t_R", "times_recall", "n_times"), ("act_R", "actors_recall", "n_actors"),
    ("int_R", "interests_recall", "n_interests"), ("bp_R", "boilerplate_recall", "n_boilerplate"),
]
DETAILS = ["events_missed", "events_unmatched", "claims_missed", "quantities_missed", "times_missed",
           "interests_missed", "actors_missing", "actor_keys_unexpected", "metonyms", "events_in_boilerplate"]


def analyze(article: Path, workdir: Path) -> dict:
    out = workdir / (article.stem + ".json")
    subprocess.run([str(CLI), "analyze", str(article), "--json", str(out), "-q"], check=True)
    gold = json.loads(article.with_name(article.stem + ".gold.json").read_text(encoding="utf-8"))
    return score(read(out), gold)


def pooled(results: dict[str, dict]) -> dict:
    out: dict = {}
    for _, metric, counts in COLUMNS:
        if counts:
            hits = sum(r[counts][0] for r in results.values())
            total = sum(r[counts][1] for r in results.values())
            out[metric] = hits / total if total else None
    p, r = out["events_precision"], out["events_recall"]
    out["events_f1"] = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    out["events_in_boilerplate"] = sum(r["events_in_boilerplate"] for r in results.values())
    return out


def fmt(v: float | None) -> str:
    return "  n/a" if v is None else f"{v:5.2f}"


def table(results: dict[str, dict]) -> str:
    width = max(len(n) for n in [*results, "POOLED"])
    lines = [f"{'article':<{width}} " + " ".join(f"{c:>5}" for c, _, _ in COLUMNS) + "  ev_n  bp_ev"]
    rows = {**results, "POOLED": pooled(results)}
    for name, r in rows.items():
        n = r.get("events_predicted", sum(x["events_predicted"] for x in results.values()))
        lines.append(f"{name:<{width}} " + " ".join(fmt(r[m]) for _, m, _ in COLUMNS)
                     + f"  {n:4d}  {r['events_in_boilerplate']:5d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="list misses and unmatched predictions per article")
    ap.add_argument("--json", help="write every article's full metrics to this file")
    ap.add_argument("--dir", type=Path, default=EVAL,
                    help="folder of articles (*.txt) with their *.gold.json (default: tests/data/eval)")
    args = ap.parse_args(argv)
    articles = sorted(args.dir.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        results = {a.stem: analyze(a, Path(tmp)) for a in articles}
    print(table(results))
    if args.details:
        for name, r in results.items():
            print(f"\n== {name}")
            for key in DETAILS:
                if r[key]:
                    print(f"{key}: " + (json.dumps(r[key], indent=2) if isinstance(r[key], list) else str(r[key])))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
