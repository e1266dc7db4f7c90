"""Events: who did what to whom, and when, coded to PLOVER with CAMEO roots and Goldstein scores.

The English is data (knowledge/event_patterns.yaml, read by lexicon.py); the rules walk
the dependency parse of each body sentence:

- triggers: a verb, an event noun or a predicative adjective whose lemma (plus any particle,
  preposition or object the pattern asks for) is in the lexicon;
- source: the clause's subject, the agent of a passive ("by X"), the controller of an
  infinitive ("decided to mediate", "encouraged Putin to attack"), the possessor of an
  agentive noun ("Beijing's decision to side with"), the head of a participle or relative
  clause; for an event noun its possessor or adjective ("Western sanctions"), else the subject
  of the light verb that governs it ("imposed sanctions");
- target: the object, the dative, the object of the pattern's prepositions; for a symmetric
  event of coordinated subjects ("China and Russia agreed") the second subject;
- actors are read through ctx.actor_of_token (gazetteer, roles, coreference); a noun phrase's
  actor is its head's own mention, else its possessor, compound or adjective, else its
  apposition — never a locative modifier ("the Chinese embassy in Ukraine" is China's);
- flags: negation (not/never/no, a failed or denied clause), hypothetical (if/unless/whether
  clauses, could/might/may/should, would outside reported speech), intent and plans in mode.

Operational note: an event needs a source or a target actor; events between an actor and
itself are dropped, and nothing is read from boilerplate (ctx.body_sentences()).

Modules: candidate (what a rule has read), noun_phrases (actors in noun phrases and clauses),
finder, nominal and flags (the rules), coding (candidates to Events), lexicon (the patterns,
typed), dates (the time an event hangs on), counterparts (the other side of a one-sided
act), policy (which events are kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.extract import extractor
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.events.coding import event_id, events_in_sentence
from realpolitik.extract.events.lexicon import load
from realpolitik.schema import Event

if TYPE_CHECKING:
    from spacy.tokens import Span


@extractor("events", requires=("actors", "coref", "times"), components=("parser", "lemmatizer"))
def extract_events(ctx: ExtractContext) -> None:
    lex = load()
    previous: tuple[Span, list[Event]] | None = None
    earlier: tuple[Span, list[Event]] | None = None
    for sent in ctx.body_sentences():
        found = events_in_sentence(ctx, lex, sent, previous, earlier)
        ctx.events.extend(found)
        previous, earlier = (sent, found), previous
    ctx.events.sort(key=lambda e: (e.sentence.start, e.trigger.start))


__all__ = ["event_id", "extract_events", "events_in_sentence"]
