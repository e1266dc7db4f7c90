"""Write the contract JSON of a whole corpus one document's analysis at a time.

The contract is one object with an array per section, so a corpus cannot be written in one
pass without holding it. Instead every section is spilled, already formatted, to its own
temporary file as results arrive, and the files are concatenated at the end. Actors are the
exception: they are merged across documents (schema.merge_actor), so each stays in memory,
as compact JSON without its mentions (a news corpus names thousands of people: ~300 bytes
each instead of ~1.5 KB as a model); mentions go to a spill file and each actor keeps only
the file offsets of its own (8 bytes a mention). The bytes written equal
`schema.write(schema.merge(parts))`; a failed run leaves no output file behind.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from array import array
from pathlib import Path
from typing import IO, Any

from realpolitik.schema import SCHEMA_VERSION, Actor, Analysis, merge_actor

# The list sections of the contract, in the order Analysis declares (and dumps) them.
SECTIONS: tuple[str, ...] = ("documents", "actors", "events", "claims", "quantities", "times", "interests")
_SPILLED = tuple(s for s in SECTIONS if s != "actors")


def _item(obj: dict[str, Any]) -> str:
    """One array element as json.dump(indent=1) lays it out two levels deep."""
    out = ["  "]
    try:
        _encode(obj, "\n  ", out)
    except _Unusual:   # a value model_dump(mode="json") does not give: json's own way
        return "  " + json.dumps(obj, ensure_ascii=False, indent=1).replace("\n", "\n  ")
    return "".join(out)


class _Unusual(Exception):
    pass


_encode_str = json.encoder.encode_basestring   # ensure_ascii=False, in C where available


def _encode(o: Any, newline: str, out: list[str]) -> None:
    """What json.dumps(o, ensure_ascii=False, indent=1) writes, each line after the first
    starting with `newline`'s spaces. json's indented encoder is its pure-Python one (the C
    encoder does no indentation) and costs as much as a small extractor; this writes the same
    characters (tests/test_jsonout.py compares them) for the types model_dump(mode="json")
    gives, and leaves anything else to json."""
    if isinstance(o, str):
        out.append(_encode_str(o))
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(_float(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = newline + " "
        out.append("[")
        for n, v in enumerate(o):
            out.append(inner if n == 0 else "," + inner)
            _encode(v, inner, out)
        out.append(newline + "]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = newline + " "
        out.append("{")
        for n, (k, v) in enumerate(o.items()):
            if not isinstance(k, str):
                raise _Unusual
            out.append((inner if n == 0 else "," + inner) + _encode_str(k) + ": ")
            _encode(v, inner, out)
        out.append(newline + "}")
    else:
        raise _Unusual


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == float("-inf"):
        return "-Infinity"
    return float.__repr__(o)


def _pack(actor: Actor) -> bytes:
    return actor.model_dump_json(by_alias=True).encode()


class AnalysisWriter:
    """Stream per-document analyses into one contract JSON file (or '-' for stdout)."""

    def __init__(self, out: str | Path, spill_dir: str | Path | None = None):
        self.out = str(out)
        self._tmp = tempfile.TemporaryDirectory(prefix="realpolitik-json-", dir=spill_dir)
        tmp = Path(self._tmp.name)
        self._spills: dict[str, IO[str]] = {
            s: open(tmp / f"{s}.part", "w+", encoding="utf-8") for s in _SPILLED
        }
        self._mentions = open(tmp / "mentions.jsonl", "w+b")
        self.counts: dict[str, int] = dict.fromkeys(SECTIONS, 0)
        self._actors: dict[str, bytes] = {}  # merged actor as JSON, mentions left out
        self._mention_offsets: dict[str, array[int]] = {}

    # -- feeding ----------------------------------------------------------
    def add(self, analysis: Analysis) -> None:
        for section in _SPILLED:
            items = getattr(analysis, section)
            if not items:
                continue
            f = self._spills[section]
            for obj in items:
                f.write((",\n" if self.counts[section] else "") + _item(obj.model_dump(mode="json", by_alias=True)))
                self.counts[section] += 1
        for actor in analysis.actors:
            slim = actor.model_copy(update={"mentions": []})
            have = self._actors.get(actor.id)
            if have is None:
                self.counts["actors"] += 1
                self._mention_offsets[actor.id] = array("q")
                self._actors[actor.id] = _pack(slim)
            else:
                table = {actor.id: Actor.model_validate_json(have)}
                merge_actor(table, slim)
                self._actors[actor.id] = _pack(table[actor.id])
            offsets = self._mention_offsets[actor.id]
            for m in actor.mentions:
                offsets.append(self._mentions.tell())
                self._mentions.write(json.dumps(m.model_dump(mode="json"), ensure_ascii=False).encode() + b"\n")

    # -- finishing --------------------------------------------------------
    def close(self) -> None:
        """Assemble the output; atomically replaces the target file."""
        try:
            if self.out == "-":
                self._assemble(sys.stdout)
                sys.stdout.write("\n")
                sys.stdout.flush()
                return
            path = Path(self.out)
            tmp = path.with_name(path.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                self._assemble(f)
            tmp.replace(path)
        finally:
            self._cleanup()

    def abort(self) -> None:
        """Drop everything: no output is written."""
        self._cleanup()

    def __enter__(self) -> AnalysisWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _assemble(self, f: IO[str]) -> None:
        f.write("{\n " + json.dumps("schema") + ": " + json.dumps(SCHEMA_VERSION))
        for section in SECTIONS:
            f.write(",\n " + json.dumps(section) + ": ")
            if not self.counts[section]:
                f.write("[]")
                continue
            f.write("[\n")
            if section == "actors":
                self._write_actors(f)
            else:
                spill = self._spills[section]
                spill.flush()
                spill.seek(0)
                shutil.copyfileobj(spill, f, 1 << 20)
            f.write("\n ]")
        f.write("\n}")

    def _write_actors(self, f: IO[str]) -> None:
        self._mentions.flush()
        for n, (actor_id, packed) in enumerate(self._actors.items()):
            obj = Actor.model_validate_json(packed).model_dump(mode="json", by_alias=True)
            mentions = []
            for offset in self._mention_offsets[actor_id]:
                self._mentions.seek(offset)
                mentions.append(json.loads(self._mentions.readline()))
            obj["mentions"] = mentions
            f.write((",\n" if n else "") + _item(obj))

    def _cleanup(self) -> None:
        for spill in self._spills.values():
            spill.close()
        self._mentions.close()
        self._tmp.cleanup()
