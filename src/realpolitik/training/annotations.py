"""The stand-off event annotations (docs/annotation.md) as typed records, and their splits.

Documents are split into train / dev / test by a hash of their id, fixed before any model
was trained: the same document is always in the same split, whoever loads it. The news-wire
documents we wrote in session 14 (ids "wire-…") are train only wherever they are used: they
were written after the splits and the kept test scores, and dev and test stay what they were
(real text is the measure). Their annotations are held out of training for now, in
events/held/ (a subfolder, which load does not read; its README says why).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from realpolitik.training.corpus import REPO

EVENTS_DIR = REPO / "data" / "annotations" / "events"
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ADJUDICATOR = "ADJ"
SPLITS = {"train": (0, 70), "dev": (70, 85), "test": (85, 100)}
TRAIN_ONLY_PREFIXES = ("wire-",)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str     # empty in the stored files: the text stays in its corpus (read it by offsets)
    code: str


@dataclass(frozen=True)
class GoldEvent:
    sentence: int
    type: str
    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    trigger: tuple[int, int] | None
    mode: str | None = None
    negated: bool = False
    hypothetical: bool = False
    date: tuple[int, int] | None = None


@dataclass
class AnnotatedDoc:
    doc: str
    annotator: str
    sentences: list[tuple[int, int]]
    events: list[GoldEvent] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.doc)


def split_of(doc_id: str) -> str:
    if doc_id.startswith(TRAIN_ONLY_PREFIXES):
        return "train"
    bucket = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 100
    return next(name for name, (lo, hi) in SPLITS.items() if lo <= bucket < hi)


def _mention(m: dict) -> Mention:
    return Mention(m["start"], m["end"], m.get("text", ""), m["code"])


def parse_line(row: dict) -> AnnotatedDoc:
    events = []
    for e in row["events"]:
        trig = e.get("trigger")
        date = e.get("date")
        events.append(GoldEvent(
            sentence=e["sentence"], type=e["type"], mode=e.get("mode"),
            source=tuple(_mention(m) for m in e.get("source", [])),
            target=tuple(_mention(m) for m in e.get("target", [])),
            trigger=(trig["start"], trig["end"]) if trig else None,
            negated=bool(e.get("negated")), hypothetical=bool(e.get("hypothetical")),
            date=(date["start"], date["end"]) if date else None))
    return AnnotatedDoc(row["doc"], row.get("annotator", "?"), [tuple(s) for s in row["sentences"]], events)


def load(directory: Path = EVENTS_DIR, split: str | None = None, adjudicated: bool = True) -> Iterator[AnnotatedDoc]:
    """Every annotated document in the directory's *.jsonl files (not its subfolders).

    A document that was double-annotated and adjudicated (annotator "ADJ") is given in its
    adjudicated version; adjudicated=False gives the first annotator's instead (for agreement).
    """
    first: dict[str, AnnotatedDoc] = {}
    adjudicated_docs: dict[str, AnnotatedDoc] = {}
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    doc = parse_line(json.loads(line))
                    into = adjudicated_docs if doc.annotator == ADJUDICATOR else first
                    into.setdefault(doc.doc, doc)
    chosen = {**first, **adjudicated_docs} if adjudicated else first
    for doc in chosen.values():
        if split is None or doc.split == split:
            yield doc
