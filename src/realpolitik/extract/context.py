"""The state one document's extractors share.

Extractors run in a fixed order over one parsed document (see extract/__init__.py). Each
reads what earlier ones produced from this context and adds its own results to it, so the
parse is walked once per extractor and never repeated.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.schema import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Interest,
    Mention,
    Quantity,
    TimeExpr,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class ActorMention:
    """One stretch of text that names (or refers back to) an actor."""

    start: int  # char offsets into the document text
    end: int
    actor_id: str
    via: str = "gazetteer"  # gazetteer | ner | role | coref | sector | voice | implied | group
    token_start: int = -1  # spaCy token indices, end exclusive
    token_end: int = -1
    locative: bool = False  # named as a place ("in Ukraine"): weaker evidence of agency

    @property
    def member(self) -> bool:
        """One member of a collective phrase ("both sides"): the phrase has one mention per
        member over the same words, so no single one of them is the token's actor."""
        return self.via == "group"


@dataclass
class ExtractContext:
    document: Document
    doc: Doc
    config: Config = field(default_factory=Config.from_env)
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    interests: list[Interest] = field(default_factory=list)
    _token_actor: dict[int, ActorMention] | None = None
    _bp_starts: list[int] = field(default_factory=list)
    _body: list[Span] | None = None
    _body_starts: list[int] | None = None
    # What several extractors derive from the same parse (a document's word-vector view),
    # kept for the document's lifetime so it is worked out once; keyed by what it is.
    memo: dict[str, Any] = field(default_factory=dict)
    _tokens: list[Token] | None = None

    def __post_init__(self) -> None:
        self._bp_starts = [s for s, _ in self.document.boilerplate]

    @property
    def doc_id(self) -> str:
        return self.document.id

    @property
    def published(self) -> str | None:
        return self.document.published

    def tokens(self) -> list[Token]:
        """The document's tokens as one list, made once. Iterating a Doc or a Span makes a new
        Token object for every token each time, and extractors walk the whole text again and
        again: slice this list (tokens()[sent.start:sent.end]) instead. Read-only."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    # -- boilerplate ------------------------------------------------------
    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span judged not to be article body."""
        spans = self.document.boilerplate
        i = bisect.bisect_right(self._bp_starts, end) - 1
        while i >= 0:
            s, e = spans[i]
            if s < end and start < e:
                return True
            if e <= start:
                # spans are sorted and disjoint: nothing earlier can overlap
                break
            i -= 1
        return False

    def body_sentences(self) -> list[Span]:
        """Sentences that are article body; extractors of events and claims use only these.

        Computed once per document and shared by every extractor (treat it as read-only)."""
        if self._body is None:
            self._body = [s for s in self.doc.sents if not self.in_boilerplate(s.start_char, s.end_char)]
        return self._body

    def body_sentence_at(self, char: int) -> int | None:
        """Index in body_sentences() of the sentence holding a character offset, else None."""
        body = self.body_sentences()
        if self._body_starts is None:
            self._body_starts = [sent.start_char for sent in body]
        i = bisect.bisect_right(self._body_starts, char) - 1
        return i if i >= 0 and char < body[i].end_char else None

    def lede_end(self) -> int:
        """End of the first body sentence: what a report names there is what it is about."""
        body = self.body_sentences()
        return body[0].end_char if body else 0

    # -- actors -----------------------------------------------------------
    def add_actor(self, actor: Actor) -> Actor:
        have = self.actors.get(actor.id)
        if have is None:
            self.actors[actor.id] = actor
            return actor
        for alias in actor.aliases:
            if alias not in have.aliases:
                have.aliases.append(alias)
        return have

    def add_mention(self, mention: ActorMention) -> None:
        self.mentions.append(mention)
        actor = self.actors[mention.actor_id]
        actor.mentions.append(
            Mention(
                doc=self.doc_id,
                start=mention.start,
                end=mention.end,
                text=self.document.text[mention.start : mention.end],
            )
        )
        if self._token_actor is not None and not mention.member:  # keep the index current
            for i in range(mention.token_start, mention.token_end):
                self._token_actor[i] = mention

    def actor_of_token(self, token: Token) -> str | None:
        """The actor a token belongs to (any token inside a mention), else None."""
        m = self.mention_of_token(token)
        return m.actor_id if m else None

    def names_an_actor(self, start: int, end: int) -> bool:
        """Whether any token of [start, end) has an actor (actor_of_token is not None)."""
        index = self._token_index()
        return any(i in index for i in range(start, end))

    def mention_of_token(self, token: Token) -> ActorMention | None:
        index = self._token_actor if self._token_actor is not None else self._token_index()
        return index.get(token.i)

    def _token_index(self) -> dict[int, ActorMention]:
        if self._token_actor is None:
            index: dict[int, ActorMention] = {}
            for m in self.mentions:
                if m.member:
                    continue   # a collective's members are read from the mentions, not per token
                for i in range(m.token_start, m.token_end):
                    index[i] = m
            self._token_actor = index
        return self._token_actor

    # -- result -----------------------------------------------------------
    def to_analysis(self) -> Analysis:
        actors = [a for a in self.actors.values() if a.mentions]
        return Analysis(
            documents=[self.document],
            actors=actors,
            events=self.events,
            claims=self.claims,
            quantities=self.quantities,
            times=self.times,
            interests=self.interests,
        )
