"""Turns annotators' working files into stand-off annotations with character offsets.

Annotators write events against numbered sentences and quote mentions, triggers and dates
exactly as the batch printed them (whitespace collapsed); this finds each quote in the
corpus document's own text and stores only offsets, so the repository keeps no third-party
text at all.

    python -m realpolitik.training.convert MANIFEST WORKFILE OUT --annotator A1
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from realpolitik.training import corpus
from realpolitik.training.annotations import TYPES
from realpolitik.training.interests import STANCES


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space, and each character's original index."""
    out: list[str] = []
    index: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            index.append(i - 1)
            pending_space = False
        out.append(ch)
        index.append(i)
    return "".join(out), index


def _first_whole(flat: str, quote: str) -> int:
    """Index of quote in flat, preferring an occurrence bounded by non-word characters."""
    first = flat.find(quote)
    at = first
    while at >= 0:
        before = flat[at - 1] if at > 0 else " "
        after = flat[at + len(quote)] if at + len(quote) < len(flat) else " "
        if not (before.isalnum() and quote[:1].isalnum()) and not (after.isalnum() and quote[-1:].isalnum()):
            return at
        at = flat.find(quote, at + 1)
    return first


def locate(text: str, span: tuple[int, int], quote: str) -> dict | None:
    """The quote's offsets inside text[span], or None when absent: its first occurrence that
    is not inside a word ("we" not in "powerful"), else its first occurrence at all."""
    start, end = span
    flat, index = _normalised(text[start:end])
    quote = " ".join(quote.split())
    at = _first_whole(flat, quote) if quote else -1
    if at < 0:
        return None
    # offsets only: the repository keeps labels, never the corpus's own words
    return {"start": start + index[at], "end": start + index[at + len(quote) - 1] + 1}


def _mentions(text: str, span: tuple[int, int], quoted: list[dict] | None, key: str, where: str,
              problems: list[str]) -> list[dict] | None:
    """Quoted mentions (source, target, holder) with offsets; None (and a problem) if one is missing."""
    found = []
    for m in quoted or []:
        at = locate(text, span, m.get("text", ""))
        if at is None or not m.get("code"):
            problems.append(f"{where}: {key} {m.get('text')!r} not found or uncoded")
            return None
        found.append({**at, "code": str(m["code"]).upper()})
    return found


def _sentence(item: dict, sentences: list[list[int]], field: str, allowed: tuple[str, ...], where: str,
              problems: list[str]) -> tuple[int, int] | None:
    """The span of the sentence an annotated item names, if it exists and its label is known."""
    s = item.get("s")
    if not isinstance(s, int) or not 0 <= s < len(sentences):
        problems.append(f"{where}: no such sentence")
        return None
    if item.get(field) not in allowed:
        problems.append(f"{where}: unknown {field} {item.get(field)!r}")
        return None
    return tuple(sentences[s])


def convert_doc(row: dict, sentences: list[list[int]], annotator: str, problems: list[str]) -> dict:
    doc = corpus.get(row["doc"])
    events = []
    for e in row.get("events", []):
        where = f"{row['doc']} s{e.get('s')}"
        span = _sentence(e, sentences, "type", TYPES, where, problems)
        if span is None:
            continue
        source = _mentions(doc.text, span, e.get("source"), "source", where, problems)
        target = _mentions(doc.text, span, e.get("target"), "target", where, problems)
        trigger = locate(doc.text, span, e.get("trigger") or "")
        if source is None or target is None or trigger is None:
            if trigger is None:
                problems.append(f"{where}: trigger {e.get('trigger')!r} not found")
            continue
        date = locate(doc.text, span, e["date"]) if e.get("date") else None
        events.append({"sentence": e["s"], "type": e["type"], "mode": e.get("mode"),
                       "source": source, "target": target, "trigger": trigger,
                       "negated": bool(e.get("negated")), "hypothetical": bool(e.get("hypothetical")),
                       "date": date})
    return {"doc": row["doc"], "annotator": annotator, "sentences": sentences, "events": events}


def _optional_quote(text: str, span: tuple[int, int], item: dict, key: str, where: str,
                    problems: list[str]) -> dict | None:
    """An optional quote (cue, salience): absent is fine, given but not in the sentence is a problem."""
    if not item.get(key):
        return None
    found = locate(text, span, item[key])
    if found is None:
        problems.append(f"{where}: {key} {item[key]!r} not found")
    return found


def convert_interests_doc(row: dict, sentences: list[list[int]], annotator: str, problems: list[str]) -> dict:
    """The interests of one document (codebook: Interests) with offsets."""
    doc = corpus.get(row["doc"])
    out = []
    for it in row.get("interests", []):
        where = f"{row['doc']} s{it.get('s')}"
        span = _sentence(it, sentences, "stance", STANCES, where, problems)
        if span is None:
            continue
        holder = _mentions(doc.text, span, it.get("holder"), "holder", where, problems)
        interest = locate(doc.text, span, it.get("interest") or "")
        if holder is None or interest is None:
            if interest is None:
                problems.append(f"{where}: interest {it.get('interest')!r} not found")
            continue
        cue = _optional_quote(doc.text, span, it, "cue", where, problems)
        salience = _optional_quote(doc.text, span, it, "salience", where, problems)
        stated = it.get("stated")
        if not isinstance(stated, bool):
            # a salience word or a string "false" here would silently become True
            problems.append(f"{where}: stated must be true or false, not {stated!r}")
            continue
        out.append({"sentence": it["s"], "holder": holder, "interest": interest, "stance": it["stance"],
                    "cue": cue, "stated": stated, "salience": salience})
    return {"doc": row["doc"], "annotator": annotator, "sentences": sentences, "interests": out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("manifest", type=Path)
    ap.add_argument("workfile", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--annotator", required=True)
    ap.add_argument("--kind", choices=("events", "interests"), default="events")
    args = ap.parse_args(argv)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    problems: list[str] = []
    rows = {}
    for line in args.workfile.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["doc"]] = row   # a later line for the same document replaces the earlier
    out = []
    for doc_id, row in rows.items():
        if doc_id not in manifest:
            problems.append(f"{doc_id}: not in the manifest")
            continue
        convert = convert_interests_doc if args.kind == "interests" else convert_doc
        out.append(convert(row, manifest[doc_id]["sentences"], args.annotator, problems))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for row in out:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    kept = sum(len(r[args.kind]) for r in out)
    print(f"{args.out}: {len(out)} documents, {kept} {args.kind}; {len(problems)} problems", file=sys.stderr)
    for p in problems[:20]:
        print("  " + p, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
