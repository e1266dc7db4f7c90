"""Candidate (source, target) pairs of a sentence: its actor mentions, in pairs and alone."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.extract.context import ActorMention, ExtractContext


@dataclass(frozen=True)
class Pair:
    source: ActorMention
    target: ActorMention | None


def sentence_mentions(ctx: ExtractContext, start_char: int, end_char: int) -> list[ActorMention]:
    """Actor mentions inside [start_char, end_char), one per stretch of text, in order.

    Places named as places ("in Ukraine") stay: the model weighs them (locative feature).
    """
    seen: set[tuple[int, int]] = set()
    out = []
    for m in sorted(ctx.mentions, key=lambda m: (m.start, m.end)):
        if start_char <= m.start and m.end <= end_char and (m.start, m.end) not in seen and m.token_start >= 0:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def pairs(mentions: list[ActorMention], max_mentions: int = 12) -> list[Pair]:
    """Every ordered pair of different actors, and every mention with no target.

    A sentence naming more than max_mentions actors keeps its first max_mentions (lists of
    signatories would otherwise make pairs by the hundred).
    """
    ms = mentions[:max_mentions]
    out = [Pair(m, None) for m in ms]
    out += [Pair(s, t) for s in ms for t in ms if s is not t and s.actor_id != t.actor_id]
    return out
