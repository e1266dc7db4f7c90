"""How an interest is stated: its stance and its emphasis, read from the sentence around it.

The contract's interests carry the span of what is wanted ("hegemonism and power politics"),
not the words that say how it is held ("China firmly opposes ..."). Those words are in the
evidence sentence, so they are read there, with the cues in knowledge/interest_cues.yaml:

- stance: the cue nearest before the span (or a refusal at its start) — wants, opposes,
  commits or fears; "wants" when the sentence gives no other cue;
- emphasis: the cue words found from the sentence start to the span end ("above all",
  "firmly", "a red line"), plus the rank where the text ranks the interest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from realpolitik.knowledge import load_yaml
from realpolitik.training.interests import STANCES  # the annotation codebook's stances

__all__ = ["STANCES", "HowStated", "read_cues"]
LEAD_CHARS = 80  # how far before the span a stance cue may stand ("opposes any attempt by ... to")
NEGATED = re.compile(r"\b(?:never|not|n't|no longer|neither|nor)\s+(?:\w+\s+){0,2}$", re.I)


@dataclass(frozen=True)
class Cues:
    stances: tuple[tuple[str, re.Pattern[str]], ...]
    refusal_opener: re.Pattern[str]
    emphasis: tuple[re.Pattern[str], ...]
    generic_terms: frozenset[str]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]


def _word_rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


@lru_cache(maxsize=1)
def cues() -> Cues:
    d: dict[str, Any] = load_yaml("interest_cues.yaml")
    unknown = set(d["stances"]) - set(STANCES)
    if unknown:
        raise ValueError(f"interest_cues.yaml: unknown stance(s) {sorted(unknown)}; known: {', '.join(STANCES)}")
    return Cues(
        stances=tuple((stance, _word_rx(p)) for stance, pats in d["stances"].items() for p in pats),
        refusal_opener=re.compile(rf"^\s*{d['refusal_openers']}", re.I),
        emphasis=tuple(_word_rx(p) for p in d["emphasis"]),
        generic_terms=frozenset(str(w).lower() for w in d["generic_terms"]),
        synonyms=tuple((re.compile(p, re.I), str(r)) for p, r in (d.get("synonyms") or {}).items()),
    )


@dataclass(frozen=True)
class HowStated:
    stance: str
    stance_cue: str | None  # the words that set the stance; None for the default "wants"
    emphasis: tuple[str, ...]  # emphasis cue words as written, in order

    @property
    def emphatic(self) -> bool:
        return bool(self.emphasis)


def read_cues(sentence: str, span_start: int, span_end: int, rank: int | None = None) -> HowStated:
    """Stance and emphasis of the interest at [span_start, span_end) of `sentence` (offsets
    into the sentence). A ranked interest counts as emphatic ("rank 1")."""
    c = cues()
    lead = sentence[max(0, span_start - LEAD_CHARS):span_start]
    span = sentence[span_start:span_end]
    # a cue may end inside the span's first word: "committed [to multilateralism]"
    opening = re.match(r"\s*\w+", span)
    reach = lead + (opening.group(0) if opening else "")
    stance, cue = "wants", None
    opener = c.refusal_opener.match(span)
    if opener:
        stance, cue = "opposes", opener.group(0).strip()
    else:
        best_end = -1
        for name, rx in c.stances:
            for m in rx.finditer(reach):
                if m.start() < len(lead) and m.end() > best_end:  # nearest; the first listed wins a tie
                    best_end, stance, cue = m.end(), name, m.group(0)
                    if name in ("wants", "commits") and NEGATED.search(lead[:m.start()]):
                        # "will never pursue hegemony", "does not seek ...": a refusal
                        stance, cue = "opposes", lead[NEGATED.search(lead[:m.start()]).start():m.end()]
    said = sentence[:span_end]
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for rx in c.emphasis:
        for m in rx.finditer(said):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue  # "top priority" already covers "priority"
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.group(0).lower()))
    emphasis = tuple(dict.fromkeys(w for _, w in sorted(found)))
    if rank is not None:
        emphasis = (f"rank {rank}", *emphasis)
    return HowStated(stance, cue, emphasis)
