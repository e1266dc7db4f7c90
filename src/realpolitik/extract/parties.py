"""Parties: whom an actor acts for, and the pair of parties a passage has just named.

An event's two sides are parties — a state, else a bloc or organisation — whoever speaks for
them: Lula and Brasilia both act for Brazil. Two uses read the document's parties rather than
one noun phrase:
- collective subjects ("the two presidents held talks", "both sides agreed", "they signed")
  name the pair the passage is about, not an actor of their own (pair_in_view);
- the members of a bloc ("the allies condemned", "member states agreed") act as the bloc the
  passage names (bloc_in_view);
- a one-sided event's implied counterpart (extract/events/counterparts.py).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from realpolitik.extract.times import paragraph_start
from realpolitik.schema import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from realpolitik.extract.context import ExtractContext


PROMINENT = 3  # mentions that make an organisation what a document is about


def party_key(actor: Actor | None) -> str | None:
    """The party an actor acts for: its state, else its bloc or organisation (None for groups,
    and for people and organisations tied to neither)."""
    if actor is None or actor.kind == "group":
        return None
    return actor.country or actor.org


def same_state(ctx: ExtractContext, a: str | None, b: str | None) -> bool:
    """An actor and its own state (or one of its places) are one party: "Fu Cong denied
    China's ..." has no target."""
    if a is None or b is None:
        return False
    x, y = ctx.actors.get(a), ctx.actors.get(b)
    if x is None or y is None:
        return False
    kx, ky = x.country or x.org or x.id, y.country or y.org or y.id
    return kx == ky and ("state" in (x.kind, y.kind) or "location" in (x.kind, y.kind))


def same_party(ctx: ExtractContext, a: str, b: str) -> bool:
    """Two actors acting for one party ("Xi and Chinese officials")."""
    kx = party_key(ctx.actors.get(a))
    return kx is not None and kx == party_key(ctx.actors.get(b))


def actor_for(ctx: ExtractContext, key: str, fallback: str) -> str:
    """The actor to name for a party: the state or organisation itself when the text has it."""
    return key if key in ctx.actors else fallback


def pair_in_view(ctx: ExtractContext, tok: Token, sentences_back: int, exactly_two: bool,
                 people: bool = False) -> list[str]:
    """The two parties named just before `tok`: in its own sentence and the `sentences_back`
    before it, within its paragraph and the one before. Ranked by how often the document names
    them (a passing "in Ukraine" does not displace the visit's host and guest); with
    `exactly_two`, a passage naming three parties gives none ("they" is then anyone's guess);
    without it the document's two most named parties are candidates too ("both sides" after a
    paragraph on Washington's calls are still India and Pakistan).
    Places named as places ("talks in Geneva") are not parties. With `people` ("the two
    leaders") the parties of the people named come first: a leader's state, not the states
    the leaders talked about."""
    lo = _window_start(ctx, tok, sentences_back)
    if lo is None:
        return []
    named: dict[str, str] = {}  # key -> first actor naming it in the window
    order: list[str] = []
    counts: Counter[str] = Counter()
    anywhere: dict[str, str] = {}  # key -> first actor naming it in the document
    persons: list[tuple[str, str]] = []  # (key, actor) of the people named before tok, latest first
    for m in sorted(ctx.mentions, key=lambda m: m.start):
        actor = ctx.actors.get(m.actor_id)
        key = party_key(actor)
        if key is None or m.locative or m.member:
            continue   # a collective's members were named before it: they count there
        counts[key] += 1
        anywhere.setdefault(key, m.actor_id)
        if lo <= m.start < tok.idx and key not in named:
            named[key] = m.actor_id
            order.append(key)
        if m.start < tok.idx and actor is not None and actor.kind == "person":
            persons = [(key, m.actor_id)] + [p for p in persons if p[0] != key]
    if people and len(persons) >= 2:
        # "the two leaders": the last two people named, however far back the passage began
        two = list(reversed(persons[:2]))
        return [actor_for(ctx, k, a) for k, a in two]
    if not exactly_two:  # "both sides": the document's two main parties are always candidates
        for key, _ in counts.most_common(2):
            if key not in named:
                named[key] = anywhere[key]
                order.append(key)
    if len(order) < 2 or (exactly_two and len(order) > 2):
        return []
    recency = {k: i for i, k in enumerate(order)}
    two = sorted(order, key=lambda k: (-counts[k], -recency[k]))[:2]
    two.sort(key=lambda k: recency[k])  # in the order the text named them
    return [actor_for(ctx, k, named[k]) for k in two]


def state_in_view(ctx: ExtractContext, tok: Token, sentences_back: int = 2, places_only: bool = False) -> str | None:
    """The state a passage is about, for a noun that names one only through it ("the
    government", "security forces", "the President"): the state named most in `tok`'s sentence
    (after it too: "security forces in Lima") and the `sentences_back` before it, the latest
    on a tie; places count for their state ("protests in Lima"), the document's own voice
    ("we" in a release) does not; with `places_only` only places count (where a group is,
    not whom the passage talks about: "rebels in Darfur"). With none named there, the
    state the document names most, if it names it at least PROMINENT times. None otherwise."""
    lo = _window_start(ctx, tok, sentences_back)
    if lo is None:
        return None
    here = ctx.body_sentence_at(tok.idx)
    hi = ctx.body_sentences()[here].end_char if here is not None else tok.idx
    in_view: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    latest: dict[str, int] = {}
    for m in ctx.mentions:
        actor = ctx.actors.get(m.actor_id)
        if actor is None or m.member or m.via == "voice" or actor.kind == "group" or actor.country not in _states(ctx):
            continue   # the publisher's own "we" is not what its "the regime", "the police" are
        if places_only and not (m.locative or actor.kind == "location"):
            continue
        anywhere[actor.country] += 1
        if lo <= m.start < hi and not (m.start <= tok.idx < m.end):
            in_view[actor.country] += 1
            latest[actor.country] = max(latest.get(actor.country, -1), m.start if m.start < tok.idx else -1)
    if in_view:
        return max(sorted(in_view), key=lambda k: (in_view[k], latest[k]))
    if anywhere:
        best = max(sorted(anywhere), key=anywhere.__getitem__)
        return best if anywhere[best] >= PROMINENT else None
    return None


def _states(ctx: ExtractContext) -> dict:
    from realpolitik.extract.gazetteer import for_vocab

    return for_vocab(ctx.doc.vocab).knowledge.states


def _window_start(ctx: ExtractContext, tok: Token, sentences_back: int) -> int | None:
    """Where the passage before `tok` starts: `sentences_back` sentences up, never further
    back than the previous paragraph."""
    here = ctx.body_sentence_at(tok.idx)
    if here is None:
        return None
    sentences = ctx.body_sentences()
    text = ctx.document.text
    paragraph = paragraph_start(text, sentences[here].start_char)
    previous_paragraph = paragraph_start(text, max(0, paragraph - 2)) if paragraph else 0
    first = max(0, here - sentences_back)
    while first < here and sentences[first].start_char < previous_paragraph:
        first += 1
    return sentences[first].start_char


def organisation_mentions(ctx: ExtractContext) -> Counter[str]:
    """How often the document names each organisation or bloc (not places, not states)."""
    counts: Counter[str] = Counter()
    for m in ctx.mentions:
        actor = ctx.actors.get(m.actor_id)
        if actor is not None and actor.org and not actor.country and actor.kind != "location":
            counts[m.actor_id] += 1
    return counts


def prominent(ctx: ExtractContext, actor_id: str) -> bool:
    """What the document is about: named in its lede, or PROMINENT times."""
    actor = ctx.actors.get(actor_id)
    if actor is None:
        return False
    lede_end = ctx.lede_end()
    return len(actor.mentions) >= PROMINENT or any(m.start < lede_end for m in actor.mentions)


def bloc_in_view(ctx: ExtractContext, tok: Token, sentences_back: int = 3) -> str | None:
    """The organisation or bloc the members act as. Candidates: those named in the passage
    before `tok` (its own sentence included) and the document's main one. The main one is the
    one its lede names, else the one it names most ("The leaders of the BRICS countries ended
    their summit ... The leaders demanded a ceasefire" is BRICS, though the text names the UN
    more often); among candidates the main one wins, else the one named most. With none in
    view, the main one, if the lede names it or the text names it PROMINENT times."""
    lo = _window_start(ctx, tok, sentences_back)
    if lo is None:
        return None
    counts = organisation_mentions(ctx)
    if not counts:
        return None
    lede_end = ctx.lede_end()
    in_view = {m.actor_id for m in ctx.mentions if m.actor_id in counts and lo <= m.start < tok.idx}
    in_lede = {m.actor_id for m in ctx.mentions if m.actor_id in counts and m.start < lede_end}
    main = max(sorted(counts), key=lambda a: (a in in_lede, counts[a]))
    if main in in_lede or not in_view:  # a document about one forum: its members are it
        return main if main in in_lede or counts[main] >= PROMINENT else None
    return max(sorted(in_view | {main}), key=lambda a: counts[a])
