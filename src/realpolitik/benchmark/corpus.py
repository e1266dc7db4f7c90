"""Benchmark texts, read lazily from a zip, a folder or files, up to a number of words.

The default is the BBC archive in ../shared/data/bench/ (developers only; it is read from
the zip at run time and never copied) and else the bundled example articles. Articles are
taken round-robin across the archive's top folders (business, politics, sport, ...) so a
small sample is as mixed as the whole; a corpus smaller than the words asked for is cycled.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from itertools import chain, zip_longest
from pathlib import Path

from realpolitik.ingest.decode import NotText, decode

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"
BENCH_ZIP = Path("data") / "bench" / "bbc-fulltext.zip"


def shared_dir() -> Path | None:
    """The shared developer material: $REALPOLITIK_SHARED, else ../shared beside the repo."""
    env = os.environ.get("REALPOLITIK_SHARED")
    candidates = [Path(env)] if env else [Path(__file__).resolve().parents[4] / "shared", Path.cwd().parent / "shared"]
    return next((p for p in candidates if p.is_dir()), None)


def default_corpus() -> Path:
    shared = shared_dir()
    if shared is not None and (shared / BENCH_ZIP).is_file():
        return shared / BENCH_ZIP
    return EXAMPLES


def _interleave(names: list[str]) -> list[str]:
    """Round-robin over top-level folders, each in sorted order: a mixed, stable order."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(name.rsplit("/", 1)[0] if "/" in name else "", []).append(name)
    return [n for n in chain.from_iterable(zip_longest(*groups.values())) if n is not None]


def _raw_items(path: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for every text file of the corpus, in a stable order, once."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [i.filename for i in zf.infolist() if not i.is_dir() and i.filename.endswith(".txt")]
            for name in _interleave(names):
                yield f"{path.name}:{name}", zf.read(name)
    elif path.is_dir():
        files = [str(p.relative_to(path)) for p in path.rglob("*") if p.is_file()]
        for rel in _interleave(files):
            yield str(path / rel), (path / rel).read_bytes()
    else:
        yield str(path), path.read_bytes()


def iter_texts(path: Path, words: int) -> Iterator[tuple[str, str]]:
    """(name, text) until `words` words (whitespace-separated) have been yielded."""
    total, cycle = 0, 0
    while total < words:
        got = 0
        for name, data in _raw_items(path):
            try:
                text, _ = decode(data)
            except NotText:
                continue
            if not text.strip():
                continue
            n = len(text.split())
            yield (name if cycle == 0 else f"{name}#{cycle}"), text
            total += n
            got += n
            if total >= words:
                return
        if got == 0:
            raise ValueError(f"{path}: no text files to benchmark with")
        cycle += 1


def count_words(text: str) -> int:
    return len(text.split())
