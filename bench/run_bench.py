#!/usr/bin/env python3
"""Run `realpolitik bench` with the acceptance settings and keep the result in bench/results/.

    .venv/bin/python bench/run_bench.py                 # 200,000 words, 1 and 2 processes, memory scaling
    .venv/bin/python bench/run_bench.py --words 20000   # any `realpolitik bench` option passes through

Results are JSON files named by UTC time; bench/results/ is not committed.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from realpolitik.cli import main

RESULTS = Path(__file__).resolve().parent / "results"


def run(argv: list[str]) -> None:
    args = list(argv)
    if "--json" not in args and "--profile" not in args:
        RESULTS.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        args += ["--json", str(RESULTS / f"bench-{stamp}.json")]
    if "--words" not in args:
        args += ["--words", "200000"]
    if "--scaling" not in args and "--profile" not in args:
        args.append("--scaling")
    main(["bench", *args])


if __name__ == "__main__":
    run(sys.argv[1:])
