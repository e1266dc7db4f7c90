"""What an event rule has read in a sentence before it becomes an Event: a Candidate (the
trigger, the pattern that matched it, the actors read so far, the flags), and the words and
relations the rules share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from realpolitik.extract import syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

    from realpolitik.extract.events.lexicon import Pattern

SUBJ = syntax.NOMINAL_SUBJECT | syntax.CLAUSAL_SUBJECT
PASSIVE_SUBJ = syntax.PASSIVE_SUBJECT | syntax.PASSIVE_CLAUSAL_SUBJECT
# a noun's modifiers that may name its actor, in the order they are tried
NP_MODIFIERS = (syntax.POSSESSOR, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER,
                syntax.LEGACY_NOUN_COMPOUND)
IF_MARKS = {"if", "unless", "whether"}
SPECULATIVE = {"could", "might", "may", "should", "ought"}
FUTURE = {"will", "shall", "'ll"}
REPORTING_CONTEXT = syntax.CLAUSAL_COMPLEMENT
NON_SPECIFIC = {"any", "every", "no"}
# Events whose clause complement is their content, not a second event.
SPEECH_TYPES = {"AGREE", "CONSULT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}  # "any threat against its trade" names no event


@dataclass
class Candidate:
    trigger: Token
    pattern: Pattern
    type: str
    construction: str  # verbal | passive | nominal | adjectival | evaluative
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    mode: str | None = None
    clause: Token | None = None  # the verb whose clause carries the event (light verb for nouns)
    dropped: bool = False
    collective: bool = False  # sources read from "the two leaders", "both sides", "they"
