"""Candidate (source, target) pairs of a sentence: its actor mentions, in pairs and alone."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from realpolitik.extract.context import ActorMention, ExtractContext


@dataclass(frozen=True)
class Pair:
    """A candidate (source, target). One side may be missing: no target ("Russia mobilised"),
    or no source — an act done to the target by a doer the sentence does not name ("Russia was
    hit with new sanctions"); never both."""

    source: ActorMention | None
    target: ActorMention | None

    @property
    def doer(self) -> ActorMention:
        """The mention whose predicate carries the act: the source, else the target."""
        return self.source if self.source is not None else self.target   # type: ignore[return-value]

    @property
    def source_id(self) -> str | None:
        return self.source.actor_id if self.source is not None else None

    @property
    def gate_key(self) -> tuple[int | None, int, int]:
        """Whose act the encoder's gate opens (events.encoder.coder): a named source's mention,
        or, for an act with no named doer, the mention it is done to."""
        if self.source is not None:
            return (0, self.source.start, self.source.end)
        return (None, self.doer.start, self.doer.end)


def sentence_mentions(ctx: ExtractContext, start_char: int, end_char: int) -> list[ActorMention]:
    """Actor mentions inside [start_char, end_char), one per stretch of text, in order.

    Places named as places ("in Ukraine") stay: the model weighs them (locative feature). A
    collective phrase ("both sides") gives one mention per member over the same words.
    """
    seen: set[tuple[int, int]] = set()
    members: set[tuple[int, int, str]] = set()
    out = []
    ordered, starts = _ordered(ctx)
    for m in ordered[bisect.bisect_left(starts, start_char):bisect.bisect_right(starts, end_char)]:
        if not (start_char <= m.start and m.end <= end_char and m.token_start >= 0):
            continue
        if m.member:
            if (m.start, m.end, m.actor_id) not in members:
                members.add((m.start, m.end, m.actor_id))
                out.append(m)
        elif (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _ordered(ctx: ExtractContext) -> tuple[list[ActorMention], list[int]]:
    """ctx.mentions sorted by (start, end), and their starts: sorted once per document, not
    once per sentence, and again only after a mention was added (mentions are only added)."""
    got = ctx.memo.get("mentions_in_order")
    if got is None or got[0] != len(ctx.mentions):
        ordered = sorted(ctx.mentions, key=lambda m: (m.start, m.end))
        got = ctx.memo["mentions_in_order"] = (len(ctx.mentions), ordered, [m.start for m in ordered])
    return got[1], got[2]


def pairs(mentions: list[ActorMention], max_mentions: int = 12, sourceless: bool = False) -> list[Pair]:
    """Every ordered pair of different actors, and every mention with no target (never two
    members of one collective phrase: "both sides agreed" is not one side acting on the other);
    with `sourceless`, every mention also as the target of an unnamed doer.

    A sentence naming more than max_mentions actors keeps its first max_mentions (lists of
    signatories would otherwise make pairs by the hundred).
    """
    ms = mentions[:max_mentions]
    out = [Pair(m, None) for m in ms]
    if sourceless:
        out += [Pair(None, m) for m in ms]
    out += [Pair(s, t) for s in ms for t in ms
            if s is not t and s.actor_id != t.actor_id and (s.start, s.end) != (t.start, t.end)]
    return out
