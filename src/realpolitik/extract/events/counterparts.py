"""Counterparts: the other party of a one-sided event, read from the relation the text is about.

Writing about two parties names the second one once and then leaves it implied: after
"Egypt accused Ethiopia ...", "Ethiopia rejected the letter" rejects Egypt's letter; in a
report on Israel and Hezbollah, "Israeli jets struck the southern suburbs" strike Lebanon.
A coder fills that target without thinking; the parse cannot. On our held-out articles
events with a source and no target were right half as often as those with both.

The counterpart of a party is the one it is named with in the most sentences of the document
(at least MIN_SHARED of them), and only when that counterpart is named in the event's own
paragraph: the relation must be in view where the event is told. A party with no such
counterpart takes the one other party its sentence names, if there is exactly one. Only event types whose acts
are aimed at someone take a counterpart (`counterpart` in knowledge/cameo.yaml): a
mobilisation or a street protest has none to imply. Force is not implied between parties
the document shows dealing without it: an attack gets no implied target when the two-sided
events between the pair are mostly cooperation and never force (quad class 4: "encouraged
Putin to attack his neighbour" in an article on China and Russia is not aimed at China), while
a sanction may be ("Riyadh cut ties" ends a relation the text told as peaceful). The event
keeps the confidence of a one-sided event and its pattern says the target was implied. An act
done jointly ("Both leaders called for calm", pattern "+joint") is aimed at neither of its doers.
So is one aimed at the doer's own circle ("Ukraine asked its partners", "accused Ukraine's
allies"; pattern "+own-circle"). The co-doers of one act share the target implied for any of
them. Before any of this, a reaction to an act named by a definite event noun ("Iran
condemned the strikes", "deplored the vetoes") is aimed at whoever the text last told doing
that kind of act. A one-sided event whose implied target repeats an act its sentence already codes between the
same parties ("shelled two villages in the Neelum valley, killing a girl") is that act again
and is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from realpolitik.extract import extractor, syntax
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.events import event_id
from realpolitik.extract.events.lexicon import Lexicon, load
from realpolitik.extract.parties import actor_for, party_key
from realpolitik.extract.times import paragraph_start
from realpolitik.schema import Actor, Event

# Patterns whose missing target the text itself leaves open: an act done jointly by the pair
# ("+joint"), or aimed at the doer's own circle ("+own-circle": "asked its partners").
KEEP_OPEN = ("+joint", "+own-circle")
MIN_SHARED = 2  # sentences naming both parties: once is a mention, twice is a relation


class _Relations:
    """Which parties each sentence and paragraph of one document names."""

    def __init__(self, ctx: ExtractContext):
        self.ctx = ctx
        sentences = ctx.body_sentences()
        self.sentence_keys: list[set[str]] = [set() for _ in sentences]
        self.first_actor: dict[str, str] = {}  # key -> the first actor named for it
        for m in ctx.mentions:
            key = party_key(ctx.actors.get(m.actor_id))
            i = ctx.body_sentence_at(m.start) if key is not None else None
            if i is None:
                continue
            self.sentence_keys[i].add(key)
            self.first_actor.setdefault(key, m.actor_id)
        self.shared: dict[str, Counter[str]] = defaultdict(Counter)
        for keys in self.sentence_keys:
            for a in keys:
                for b in keys:
                    if a != b:
                        self.shared[a][b] += 1
        self.paragraph_of = [paragraph_start(ctx.document.text, sent.start_char) for sent in sentences]

    def actor_for(self, key: str) -> str:
        return actor_for(self.ctx, key, self.first_actor[key])

    def sole_other(self, key: str, sentence: int, co_doers: frozenset[str] = frozenset()) -> str | None:
        """The one other party the event's own sentence names, for a party the document names
        too rarely to have a counterpart ("France condemned the launches and said the DPRK ...")."""
        others = self.sentence_keys[sentence] - {key} - co_doers
        return self.actor_for(next(iter(others))) if len(others) == 1 else None

    def counterpart(self, key: str, sentence: int, co_doers: frozenset[str] = frozenset()) -> str | None:
        """The party `key` is most often named with, when its paragraph names it too."""
        ranked = [(k, n) for k, n in self.shared[key].most_common() if k not in co_doers]
        if not ranked or ranked[0][1] < MIN_SHARED:
            return None
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None  # two equal candidates: the text does not single one out
        other = ranked[0][0]
        paragraph = self.paragraph_of[sentence]
        in_view = any(other in self.sentence_keys[i] for i, p in enumerate(self.paragraph_of) if p == paragraph)
        return self.actor_for(other) if in_view else None


def referred_act_doer(ctx: ExtractContext, lex: Lexicon, event: Event, index: int) -> str | None:
    """ "Iran condemned the strikes": a reaction to an act named by a definite event noun is
    aimed at whoever the text last told doing that kind of act (the strikes told before)."""
    if event.type not in lex.response_types and event.type != "PROTEST":
        return None
    span = ctx.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    for obj in (x for t in span for x in syntax.dependents(t, syntax.DIRECT_OBJECT)):
        if not any(
            syntax.attached_as(d, syntax.DETERMINER) and d.lower_ in ("the", "these", "those", "this", "that")
            for d in obj.children
        ):
            continue
        kinds = {p.type for pos in ("NOUN", "VERB") for p in lex.patterns.get((obj.lemma_.lower(), pos), ())}
        if not kinds or ctx.actor_of_token(obj):
            continue
        source = party_key(ctx.actors.get(event.source or ""))
        for earlier in reversed(ctx.events[:index]):
            if earlier.type in kinds and earlier.source and \
                    party_key(ctx.actors.get(earlier.source)) not in (source, None):
                return earlier.source
    return None


def peaceful_pairs(events: list[Event], actors: dict[str, Actor], quad: dict[str, int]) -> set[frozenset[str]]:
    """Pairs of parties whose two-sided events in the document are mostly cooperation (quad
    1-2) and never force (quad 4)."""
    tally: dict[frozenset[str], list[int]] = {}  # pair -> [cooperative, hostile, force]
    for e in events:
        a, b = party_key(actors.get(e.source or "")), party_key(actors.get(e.target or ""))
        if a and b and a != b:
            t = tally.setdefault(frozenset((a, b)), [0, 0, 0])
            t[0 if quad[e.type] <= 2 else 1] += 1
            t[2] += quad[e.type] == 4
    return {pair for pair, (coop, hostile, force) in tally.items() if coop > hostile and not force}


def implied_target(event: Event, relations: _Relations, actors: dict[str, Actor],
                   co_doers: frozenset[str] = frozenset()) -> str | None:
    """The counterpart of the event's source, else the one other party of its sentence;
    never one of the source's co-doers ("Israel and the United States bombed ...")."""
    key = party_key(actors.get(event.source or ""))
    sentence = relations.ctx.body_sentence_at(event.sentence.start)
    if key is None or sentence is None:
        return None
    return relations.counterpart(key, sentence, co_doers) or relations.sole_other(key, sentence, co_doers)


@extractor("event_counterparts", requires=("events",))
def fill_counterparts(ctx: ExtractContext) -> None:
    """Give one-sided events of aimed types the counterpart their paragraph leaves implied."""
    lex = load()
    open_events = [i for i, e in enumerate(ctx.events) if e.source and e.target is None
                   and lex.types[e.type].counterpart and not (e.pattern or "").endswith(KEEP_OPEN)]
    if not open_events:
        return
    relations = _Relations(ctx)
    quad = {name: info.quad for name, info in lex.types.items()}
    peaceful = peaceful_pairs(ctx.events, ctx.actors, quad)

    def told(e: Event) -> tuple:  # one act, as coded: its sentence, type and parties
        return (e.sentence.start, e.type, party_key(ctx.actors.get(e.source or "")),
                party_key(ctx.actors.get(e.target or "")))

    have = {told(e) for e in ctx.events if e.target is not None}
    doers: dict[tuple, set[str]] = defaultdict(set)  # one act (trigger, type) -> its doers' parties
    for e in ctx.events:
        doers[(e.trigger.start, e.type)].add(party_key(ctx.actors.get(e.source or "")) or "")
    repeated: set[int] = set()
    for i in open_events:
        e = ctx.events[i]
        co_doers = frozenset(doers[(e.trigger.start, e.type)])
        target = referred_act_doer(ctx, lex, e, i) or implied_target(e, relations, ctx.actors, co_doers)
        if target is None or target == e.source:
            continue
        pair = frozenset((party_key(ctx.actors.get(e.source or "")), party_key(ctx.actors.get(target))))
        if e.type == "ASSAULT" and pair in peaceful:
            continue
        filled = e.model_copy(update={
            "target": target, "pattern": f"{e.pattern or ''}+counterpart",
            "id": event_id(ctx.doc_id, e.trigger.start, e.trigger.end, e.type, e.source, target)})
        if told(filled) in have:
            repeated.add(i)  # "shelled two villages ..., killing a girl": the sentence's one attack
            continue
        have.add(told(filled))
        ctx.events[i] = filled
    _share_with_co_doers(ctx, open_events)
    ctx.events[:] = [e for i, e in enumerate(ctx.events) if i not in repeated]


def _share_with_co_doers(ctx: ExtractContext, open_events: list[int]) -> None:
    """ "Israel and the United States bombed the plants": when one doer's target is implied,
    the other doers of the same act (same trigger) share it."""
    by_act: dict[tuple, str] = {}
    for i in open_events:
        e = ctx.events[i]
        if e.target is not None:
            by_act.setdefault((e.trigger.start, e.type), e.target)
    for i in open_events:
        e = ctx.events[i]
        target = by_act.get((e.trigger.start, e.type))
        if e.target is None and target is not None and \
                party_key(ctx.actors.get(target)) != party_key(ctx.actors.get(e.source or "")):
            ctx.events[i] = e.model_copy(update={
                "target": target, "pattern": f"{e.pattern or ''}+counterpart",
                "id": event_id(ctx.doc_id, e.trigger.start, e.trigger.end, e.type, e.source, target)})
