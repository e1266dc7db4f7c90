"""What a training rows file was built from, so a stale one is noticed before a model is fit on it.

The candidate rows (`training.pairs`) are the pipeline's reading of the annotated documents:
they change whenever the extraction code, its knowledge files or the annotations change. A
rows file left over from an earlier checkout trains a model on candidates the pipeline no
longer makes (session 14 lost runs to one). `training.pairs` records a digest of those inputs
beside the rows; the trainers that read them say so when the checkout's digest differs.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from realpolitik.training.corpus import REPO

PACKAGE = REPO / "src" / "realpolitik"
# What the rows depend on: the code and knowledge up to the rules' events, and the annotations.
SOURCES = ("extract/**/*.py", "extract/word_vectors.npz", "knowledge/**/*.yaml", "ingest/**/*.py", "nlp.py", "pipeline.py", "config.py",
           "training/pairs.py", "training/reading.py", "training/annotations.py")


def inputs_digest() -> str:
    """sha256 over the path and bytes of every input file, in a fixed order."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in SOURCES for p in PACKAGE.glob(pattern)})
    files += sorted((REPO / "data" / "annotations" / "events").glob("*.jsonl"))
    for path in files:
        digest.update(str(path.relative_to(REPO)).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def record_path(rows: Path) -> Path:
    return rows.with_suffix(".inputs.json")


def record(rows: Path) -> None:
    """Note beside the rows file what it was built from."""
    record_path(rows).write_text(json.dumps({"inputs": inputs_digest()}) + "\n", encoding="utf-8")


def staleness(rows: Path) -> str | None:
    """Why the rows file may not be this checkout's reading of the corpus, or None if it is."""
    noted = record_path(rows)
    if not noted.exists():
        return f"{rows}: no record of what built it; rebuild it with python -m realpolitik.training.pairs {rows}"
    if json.loads(noted.read_text(encoding="utf-8")).get("inputs") != inputs_digest():
        return (f"{rows}: built from other extraction code, knowledge or annotations than this checkout's "
                "(any change to those files counts, even one that leaves the rows as they were); "
                f"rebuild it with python -m realpolitik.training.pairs {rows}")
    return None


def warn_if_stale(rows: Path) -> None:
    message = staleness(rows)
    if message:
        print(f"warning: {message}", file=sys.stderr)
