"""The event lexicon: event_patterns.yaml, cameo.yaml and context_cues.yaml read into lookup tables.

Everything English the event extractor knows is in those files; this module only checks them
and indexes them (by lemma and part of speech) so the extractor does dictionary look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from realpolitik.extract import syntax
from realpolitik.knowledge import KnowledgeError, load_yaml
from realpolitik.schema import EVENT_TYPES

POS = ("VERB", "NOUN", "ADJ")
# the modifiers of an event noun that name its source, by default, in the order tried
OWNERS = ("possessor", "compound", "adjectival_modifier", "nominal_modifier")


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    prep: tuple[str, ...] = ()  # particles / prepositions that must attach to the trigger
    obj: tuple[str, ...] = ()  # direct object lemmas one of which must be present
    targets: tuple[str, ...] | None = None  # prepositions introducing the target
    symmetric: bool = False
    context: tuple[str, ...] = ()
    example: str = ""
    obj_actor: bool = False
    owner: tuple[str, ...] = OWNERS  # relation names (extract/syntax.py), in the order tried; or ("target",)
    not_prep: tuple[str, ...] = ()  # particles that make the word something else ("struck back")
    needs_target: bool = False  # no event without a counterpart actor ("opened fire" on no one named)
    foretells: bool = False  # a that-clause must tell what is to come ("warned that it would strike")
    needs_obj: bool = False  # a direct object is required: "sought loans", not "sought to break out"
    no_clause: bool = False  # with a that-clause it is a statement: "told Ankara it should not expect ..."
    not_xcomp: tuple[str, ...] = ()  # infinitives that make it an idiom: "asked not to be named"
    needs_xcomp: bool = False  # only with an infinitive: "told Washington to stop arming Taiwan"
    not_obj: tuple[str, ...] = ()  # objects that make it something else: "signed a law", "offered no proof"

    @property
    def name(self) -> str:
        """A readable id of the rule, kept in Event.pattern."""
        extra = "+".join(self.prep + self.obj)
        return f"{self.pos.lower()}:{self.lemma}" + (f"+{extra}" if extra else "")

    @property
    def specificity(self) -> int:
        return len(self.prep) * 2 + (1 if self.obj or self.needs_xcomp else 0)


@dataclass(frozen=True)
class TypeInfo:
    root: str
    quad: int
    plover_score: float
    modes: tuple[str, ...]
    target_preps: tuple[str, ...]
    symmetric: bool
    needs_target: bool = False  # no event without a counterpart (a visit to a place is no CONSULT)
    counterpart: bool = False  # aimed at someone: a missing target is the party the text is about


@dataclass(frozen=True)
class Control:
    promote: dict[str, str] = field(default_factory=dict)
    mode: str | None = None
    negate: bool = False
    suppress: bool = False
    object: bool = False


@dataclass
class Lexicon:
    patterns: dict[tuple[str, str], list[Pattern]]  # (lemma, pos) -> most specific first
    multiword: dict[str, list[Pattern]]  # last word -> nominal patterns of several words
    types: dict[str, TypeInfo]
    goldstein: dict[str, float]  # CAMEO root -> Goldstein score
    light_verbs: frozenset[str]
    light_nouns: frozenset[str]
    light_preps: dict[str, frozenset[str]]  # preposition -> verbs: "remained on alert"
    control: dict[str, Control]
    agentive_nouns: frozenset[str]
    evaluative_verbs: frozenset[str]
    evaluative_cues: frozenset[str]
    counterfactive: frozenset[str]
    denial: frozenset[str]
    of_heads: frozenset[str]
    obligation_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    future_promise: frozenset[str]
    future_threat: frozenset[str]
    response_nouns: frozenset[str]  # "rejected the charge": answers the previous sentence's speaker
    response_types: frozenset[str]
    speech_verbs: frozenset[str]
    answer_verbs: frozenset[str]
    instrument_verbs: frozenset[str]  # "retaliated with tariffs": the subject imposes them
    conditional_threat: frozenset[str]  # marks of "will withdraw ... unless": a threat
    under_verbs: frozenset[str]  # "came under fire from X": X acts on the subject
    charge_verbs: dict[str, frozenset[str]]  # verb -> prepositions of the act charged: "accused X of firing"
    charged_types: frozenset[str]  # the types of act an accusation's object is the actor of
    condition_marks: frozenset[str]  # "would rejoin only when X lifted ...": X's act is a condition
    counterpart_nouns: frozenset[str]  # "his Chinese counterpart" is China, whoever "his" is
    collective_nouns: frozenset[str]  # "the two presidents", "both sides": the pair in view
    collective_people: frozenset[str]  # those of them that name people ("the two leaders")
    bloc_nouns: frozenset[str]  # "the allies", "members": the bloc in view acts
    circle_nouns: frozenset[str]  # "its partners", "Ukraine's allies": the doer's own circle
    retaliation_verbs: frozenset[str]  # "vowed to retaliate": a promise of these is a threat
    refusable: frozenset[str]  # types whose announced negation is a refusal: "will never recognise"
    located_targets: frozenset[str]  # types whose target may be read from where it is ("towns in X")
    partitives: frozenset[str]  # "part of its aid": the object is what follows "of"
    predictors: frozenset[str]  # speakers whose "X will ..." is a forecast, not X's commitment
    theme_objects: frozenset[str]  # types whose direct object is what is moved, never the target
    noun_agent_preps: dict[str, frozenset[str]]  # type -> prepositions besides "by" naming a noun's actor
    context_words: dict[str, tuple[str, ...]]  # cue lemma -> contexts
    context_phrases: dict[str, tuple[str, ...]]  # cue of several words -> contexts

    def root_of(self, pattern: Pattern) -> str:
        if pattern.cameo:
            return pattern.cameo[:2]
        return self.types[pattern.type].root


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, (str, bool)) else list(value)
    if any(isinstance(v, bool) for v in items):
        # YAML 1.1 reads a bare on/off/yes/no as a boolean: such words must be quoted.
        raise KnowledgeError(f"event_patterns.yaml: quote on/off/yes/no in {value!r}")
    return tuple(str(v) for v in items)


def _owner(entry: dict[str, Any]) -> tuple[str, ...]:
    names = _tuple(entry.get("owner")) or OWNERS
    if names != ("target",) and not all(name in syntax.RELATIONS for name in names):
        raise KnowledgeError(f"event_patterns.yaml: {entry['lemma']}: owner {entry['owner']!r} names no relation "
                             "of extract/syntax.py, nor is it `target`")
    return names


def _pattern(entry: dict[str, Any]) -> Pattern:
    for key in ("lemma", "type", "example"):
        if not entry.get(key):
            raise KnowledgeError(f"event_patterns.yaml: entry {entry!r:.80} lacks {key}")
    pos = entry.get("pos", "VERB")
    if pos not in POS:
        raise KnowledgeError(f"event_patterns.yaml: {entry['lemma']}: pos {pos!r} is not one of {POS}")
    if entry["type"] not in EVENT_TYPES:
        raise KnowledgeError(f"event_patterns.yaml: {entry['lemma']}: unknown type {entry['type']!r}")
    targets = entry.get("targets")
    return Pattern(
        lemma=str(entry["lemma"]).lower(), pos=pos, type=entry["type"], mode=entry.get("mode"),
        cameo=str(entry["cameo"]) if entry.get("cameo") else None, prep=_tuple(entry.get("prep")),
        obj=_tuple(entry.get("obj")), targets=None if targets is None else _tuple(targets),
        symmetric=bool(entry.get("symmetric")), context=_tuple(entry.get("context")),
        example=entry["example"], obj_actor=bool(entry.get("obj_actor")),
        owner=_owner(entry),
        not_prep=_tuple(entry.get("not_prep")), needs_target=bool(entry.get("needs_target")),
        foretells=bool(entry.get("foretells")), needs_obj=bool(entry.get("needs_obj")),
        no_clause=bool(entry.get("no_clause")), not_xcomp=_tuple(entry.get("not_xcomp")),
        needs_xcomp=bool(entry.get("needs_xcomp")), not_obj=_tuple(entry.get("not_obj")),
    )


@lru_cache(maxsize=1)
def load() -> Lexicon:
    data = load_yaml("event_patterns.yaml")
    cameo = load_yaml("cameo.yaml")
    cues = load_yaml("context_cues.yaml")
    patterns: dict[tuple[str, str], list[Pattern]] = {}
    multiword: dict[str, list[Pattern]] = {}
    for entry in data["patterns"]:
        p = _pattern(entry)
        if " " in p.lemma:
            multiword.setdefault(p.lemma.split()[-1], []).append(p)
        else:
            patterns.setdefault((p.lemma, p.pos), []).append(p)
    for plist in list(patterns.values()) + list(multiword.values()):
        plist.sort(key=lambda p: -p.specificity)
    types = {}
    for name, t in cameo["types"].items():
        if name not in EVENT_TYPES:
            raise KnowledgeError(f"cameo.yaml: unknown type {name!r}")
        types[name] = TypeInfo(
            root=str(t["root"]), quad=int(t["quad"]), plover_score=float(t["plover_score"]),
            modes=_tuple(t.get("modes")), target_preps=_tuple(t.get("target_preps")),
            symmetric=bool(t.get("symmetric")), needs_target=bool(t.get("needs_target")),
            counterpart=bool(t.get("counterpart")),
        )
    missing = set(EVENT_TYPES) - set(types)
    if missing:
        raise KnowledgeError(f"cameo.yaml: no entry for {sorted(missing)}")
    goldstein = {str(k): float(v["goldstein"]) for k, v in cameo["roots"].items()}
    control = {}
    for lemma, c in (data.get("control") or {}).items():
        c = c or {}
        control[lemma] = Control(
            promote=dict(c.get("promote") or {}), mode=c.get("mode"), negate=bool(c.get("negate")),
            suppress=bool(c.get("suppress")), object=bool(c.get("object")),
        )
    words: dict[str, list[str]] = {}
    phrases: dict[str, list[str]] = {}
    for context, items in cues.items():
        for cue in items:
            cue = str(cue).lower()
            (phrases if " " in cue else words).setdefault(cue, []).append(context)
    ev = data.get("evaluative") or {}
    return Lexicon(
        patterns=patterns, multiword=multiword, types=types, goldstein=goldstein,
        light_verbs=frozenset(data.get("light_verbs") or ()),
        light_nouns=frozenset(data.get("light_nouns") or ()), control=control,
        light_preps={str(k): frozenset(v) for k, v in (data.get("light_preps") or {}).items()},
        agentive_nouns=frozenset(data.get("agentive_nouns") or ()),
        evaluative_verbs=frozenset(ev.get("verbs") or ()), evaluative_cues=frozenset(ev.get("cues") or ()),
        counterfactive=frozenset(data.get("counterfactive") or ()),
        denial=frozenset(data.get("denial") or ()),
        of_heads=frozenset(data.get("of_heads") or ()),
        obligation_verbs=frozenset((data.get("obligation") or {}).get("verbs") or ()),
        obligation_modals=frozenset((data.get("obligation") or {}).get("modals") or ()),
        future_promise=frozenset((data.get("future") or {}).get("promise") or ()),
        future_threat=frozenset((data.get("future") or {}).get("threat") or ()),
        response_nouns=frozenset((data.get("response") or {}).get("nouns") or ()),
        response_types=frozenset((data.get("response") or {}).get("types") or ()),
        speech_verbs=frozenset((data.get("response") or {}).get("speech_verbs") or ()),
        answer_verbs=frozenset((data.get("response") or {}).get("answer_verbs") or ()),
        instrument_verbs=frozenset(data.get("instrument_verbs") or ()),
        conditional_threat=frozenset(data.get("conditional_threat") or ()),
        under_verbs=frozenset(data.get("under_verbs") or ()),
        charge_verbs={str(k): frozenset(_tuple(v)) for k, v in (data.get("charge_verbs") or {}).items()},
        charged_types=frozenset(data.get("charged_types") or ()),
        condition_marks=frozenset(data.get("condition_marks") or ()),
        counterpart_nouns=frozenset(data.get("counterpart_nouns") or ()),
        collective_nouns=frozenset(data.get("collective_nouns") or ()),
        collective_people=frozenset(data.get("collective_people") or ()),
        refusable=frozenset(data.get("refusable") or ()),
        bloc_nouns=frozenset(data.get("bloc_nouns") or ()),
        circle_nouns=frozenset(data.get("circle_nouns") or ()),
        retaliation_verbs=frozenset(data.get("retaliation_verbs") or ()),
        located_targets=frozenset(data.get("located_targets") or ()),
        partitives=frozenset(data.get("partitives") or ()),
        predictors=frozenset(data.get("predictors") or ()),
        theme_objects=frozenset(data.get("theme_objects") or ()),
        noun_agent_preps={t: frozenset(p for p, types in (data.get("noun_agent_preps") or {}).items() if t in types)
                          for t in EVENT_TYPES},
        context_words={k: tuple(v) for k, v in words.items()},
        context_phrases={k: tuple(v) for k, v in phrases.items()},
    )


def all_patterns() -> list[Pattern]:
    lex = load()
    out = [p for plist in lex.patterns.values() for p in plist]
    out += [p for plist in lex.multiword.values() for p in plist]
    return out
