"""Does a change leave the analyses exactly as they were? Contract JSON, old code vs new.

    .venv/bin/python bench/same_outputs.py --base-src /path/to/old/checkout/src [--docs 60]

Analyses a fixed sample (the first --docs articles of the benchmark corpus, in the order
`realpolitik bench` reads them, plus ../shared/examples/*.txt) twice, each in a fresh
process: once importing realpolitik from --base-src, once from this checkout's src, and
compares the two contract JSON files: byte for byte, else after sorting keys, else it lists
the first differing items per section and exits 1. Every other document is given a
publication date, so relative dates are resolved in half the sample and left open in the
other half, and every third document is read as a statement in the UK's own voice
(country_iso3), so the paths for a document's voice run too. For speed work: a refactor
that changes no output passes; one that does, fails.

    .venv/bin/python bench/same_outputs.py --write out.json [--docs 60]

writes the sample's contract JSON with whichever realpolitik is importable.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2005-03-01"  # the BBC archive's years; only the even-numbered documents get it
VOICE = "GBR"             # every third document's voice


def sample(docs: int) -> Iterator[tuple[str, str]]:
    """(name, text): the first `docs` benchmark articles, then the shared examples."""
    from realpolitik.benchmark.corpus import _raw_items, default_corpus, shared_dir
    from realpolitik.ingest.decode import NotText, decode

    corpus = default_corpus()
    taken = 0
    for name, data in _raw_items(corpus):
        if taken >= docs:
            break
        try:
            text, _ = decode(data)
        except NotText:
            continue
        if text.strip():
            taken += 1
            yield name, text
    shared = shared_dir()
    for path in sorted((shared / "examples").glob("*.txt")) if shared else []:
        yield path.name, path.read_text(encoding="utf-8")


def write(out: Path, docs: int) -> None:
    """The sample's contract JSON, as `realpolitik analyze --json` would write it."""
    from realpolitik.ingest import Overrides
    from realpolitik.ingest.document import build
    from realpolitik.jsonout import AnalysisWriter
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Analysis

    overrides = Overrides()
    items = (build(name, text, {"published": PUBLISHED if n % 2 == 0 else None,
                                "country_iso3": VOICE if n % 3 == 1 else None}, overrides)
             for n, (name, text) in enumerate(sample(docs)))
    with AnalysisWriter(out) as writer:
        for result in Pipeline().analyze_stream(items):
            if isinstance(result, Analysis):
                writer.add(result)
            else:
                print(f"not analysed: {result}", file=sys.stderr)


def run_with(src: Path, out: Path, docs: int) -> None:
    """Write the sample's JSON in a fresh process that imports realpolitik from `src`."""
    if not (src / "realpolitik" / "__init__.py").is_file():
        raise SystemExit(f"{src}: not a source folder holding realpolitik/__init__.py")
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, __file__, "--write", str(out), "--docs", str(docs)], env=env, check=True)


def differences(old: dict[str, Any], new: dict[str, Any], show: int = 3) -> list[str]:
    """Per section: how many items differ, and the first few of them side by side."""
    out = []
    for section in sorted(set(old) | set(new)):
        a, b = old.get(section), new.get(section)
        if a == b:
            continue
        if not isinstance(a, list) or not isinstance(b, list):
            out.append(f"{section}: {a!r} -> {b!r}")
            continue
        changed = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
        out.append(f"{section}: {len(a)} -> {len(b)} items, {len(changed)} differ at the same position")
        for x, y in changed[:show]:
            out.append(f"  old: {json.dumps(x, sort_keys=True)[:400]}")
            out.append(f"  new: {json.dumps(y, sort_keys=True)[:400]}")
    return out


def compare(base_src: Path, docs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="realpolitik-same-") as tmp:
        old, new = Path(tmp) / "old.json", Path(tmp) / "new.json"
        run_with(base_src.resolve(), old, docs)
        run_with(ROOT / "src", new, docs)
        old_bytes, new_bytes = old.read_bytes(), new.read_bytes()
        parsed_old, parsed_new = json.loads(old_bytes), json.loads(new_bytes)
    counts = ", ".join(f"{len(v)} {k}" for k, v in parsed_new.items() if isinstance(v, list))
    if old_bytes == new_bytes:
        print(f"identical, byte for byte ({len(new_bytes):,} bytes: {counts})")
        return 0
    if json.dumps(parsed_old, sort_keys=True) == json.dumps(parsed_new, sort_keys=True):
        print(f"identical after sorting keys ({counts})")
        return 0
    print("DIFFERENT:\n" + "\n".join(differences(parsed_old, parsed_new)))
    return 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60, help="benchmark articles in the sample (default 60)")
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--base-src", type=Path, help="the old code's src folder to compare against")
    what.add_argument("--write", type=Path, help="only write the sample's JSON here")
    args = ap.parse_args(argv)
    if args.write:
        write(args.write, args.docs)
        return 0
    return compare(args.base_src, args.docs)


if __name__ == "__main__":
    sys.exit(main())
