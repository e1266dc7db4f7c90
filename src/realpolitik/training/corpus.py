"""Reads the texts behind stand-off annotations, in place.

Annotations hold document ids and offsets, never third-party text. The texts stay where
they are published: the State Department and UN General Debate corpora (gzipped JSONL),
the BBC archive (a zip), and documents we wrote ourselves (`data/annotations/texts/`).
"""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
OWN_TEXTS = REPO / "data" / "annotations" / "texts"


@dataclass(frozen=True)
class CorpusDoc:
    id: str
    text: str
    published: str | None
    title: str | None = None
    metadata: dict | None = None   # as a user would ingest it: who speaks in the document's voice


class CorpusMissing(RuntimeError):
    """A corpus the annotations point into is not on this machine."""


def corpora_root() -> Path:
    """Where the shared corpora live: REALPOLITIK_CORPORA, else ../shared/data beside the repo."""
    env = os.environ.get("REALPOLITIK_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _voice(row: dict) -> dict:
    """The State Department speaks for the United States; a General Debate statement for its
    country (the corpus's own country_iso3 field, which realpolitik reads as the voice)."""
    if row["id"].startswith("statedept-"):
        return {"voice": "USA"}
    if row.get("country_iso3"):
        return {"country_iso3": row["country_iso3"]}
    return {}


def _jsonl_gz(path: Path) -> dict[str, CorpusDoc]:
    if not path.exists():
        raise CorpusMissing(f"{path}: corpus file not found (set REALPOLITIK_CORPORA)")
    docs = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            docs[row["id"]] = CorpusDoc(row["id"], row["text"], row.get("published"), row.get("title"), _voice(row))
    return docs


@cache
def _collection(name: str) -> dict[str, CorpusDoc]:
    root = corpora_root()
    if name == "statedept":
        return _jsonl_gz(root / "corpora" / "statedept-press" / "docs.jsonl.gz")
    if name == "ungdc":
        return _jsonl_gz(root / "corpora" / "ungdc-2015-2024" / "docs.jsonl.gz")
    if name == "bbc":
        return _bbc(root / "bench" / "bbc-fulltext.zip")
    if name == "own":
        return {p.stem: CorpusDoc(p.stem, p.read_text(encoding="utf-8"), _own_date(p), None)
                for p in sorted(OWN_TEXTS.glob("*.txt"))}
    raise KeyError(f"unknown collection {name!r}")


def _own_date(path: Path) -> str | None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return first.removeprefix("Published:").strip() if first.startswith("Published:") else None


def _bbc(path: Path) -> dict[str, CorpusDoc]:
    if not path.exists():
        raise CorpusMissing(f"{path}: BBC archive not found (set REALPOLITIK_CORPORA)")
    docs = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not name.endswith(".txt"):
                continue
            parts = name.split("/")
            doc_id = f"bbc-{parts[-2]}-{parts[-1][:-4]}"
            raw = archive.read(name)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            docs[doc_id] = CorpusDoc(doc_id, text, "2005", None)
    return docs


def collection_of(doc_id: str) -> str:
    """The collection a document id belongs to, from its prefix."""
    for prefix, name in (("statedept-", "statedept"), ("ungdc-", "ungdc"), ("bbc-", "bbc")):
        if doc_id.startswith(prefix):
            return name
    return "own"


def get(doc_id: str) -> CorpusDoc:
    docs = _collection(collection_of(doc_id))
    if doc_id not in docs:
        raise KeyError(f"document {doc_id!r} not in its corpus")
    return docs[doc_id]


def iter_collection(name: str) -> Iterator[CorpusDoc]:
    yield from _collection(name).values()


def available() -> bool:
    """True where the shared corpora can be read (tests skip otherwise)."""
    try:
        _collection("statedept")
    except CorpusMissing:
        return False
    return True
