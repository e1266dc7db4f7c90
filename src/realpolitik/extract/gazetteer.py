"""The gazetteer as a spaCy PhraseMatcher: every surface form of every known actor, matched once.

Built once per vocabulary (so once per process), then one pass over each Doc finds every
state name, capital, seat of government, demonym, organisation and office holder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from realpolitik.knowledge import Knowledge
from realpolitik.knowledge import load as load_knowledge
from realpolitik.schema import Actor

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from realpolitik.extract.context import ExtractContext


@dataclass(frozen=True)
class Entry:
    """What a surface form stands for."""

    how: str  # name | capital | seat | institution | place | demonym | org | org_seat | org_adj | person
    code: str  # state code, organisation code or person id
    sector: str | None = None
    article: bool = False  # given as "the X": matches only after "the", and not inside "the X Bank"
    own: str | None = None  # an armed movement's own key (HAMAS): an actor of its own in its state


@dataclass
class Gazetteer:
    knowledge: Knowledge
    matcher: PhraseMatcher
    entries: dict[int, list[Entry]]  # matcher key -> what it may stand for
    prefixes: dict[str, str]  # "Sino" -> "CHN" (combining forms, matched before a hyphen)

    def matches(self, doc: Doc) -> list[tuple[int, int, list[Entry]]]:
        """Longest non-overlapping matches as (token start, token end, entries)."""
        found = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        out: list[tuple[int, int, list[Entry]]] = []
        last_end = -1
        for key, start, end in found:
            if start < last_end:
                if out and end - start > out[-1][1] - out[-1][0] and start == out[-1][0]:
                    out[-1] = (start, end, self.entries[key])
                    last_end = end
                continue
            out.append((start, end, self.entries[key]))
            last_end = end
        return out


_CACHE: dict[int, Gazetteer] = {}


def for_vocab(vocab: Vocab) -> Gazetteer:
    """The gazetteer for this vocabulary, built on first use (so once per process)."""
    key = id(vocab)
    if key not in _CACHE:
        from spacy.lang.en import English

        _CACHE[key] = _build(English(vocab=vocab))  # only the tokenizer is used, to make patterns
    return _CACHE[key]


def _build(nlp: Language) -> Gazetteer:
    from spacy.matcher import PhraseMatcher

    kb = load_knowledge()
    forms: dict[str, list[Entry]] = {}

    def add(form: str, entry: Entry) -> None:
        form = form.strip()
        if form.lower().startswith("the "):
            # "the West" must not match "West Bank": the matcher sees the bare form, and the
            # resolver checks the article. Seats ("the Kremlin") read as well without it.
            form = form[4:]
            if entry.how not in ("seat",):
                entry = Entry(entry.how, entry.code, entry.sector, article=True, own=entry.own)
        # a typeset apostrophe names the same ("the People’s Republic of China" is not the
        # "Republic of China" that its tail alone would match)
        for variant in dict.fromkeys((form, form.replace("'", "\u2019"))):
            if variant and entry not in forms.setdefault(variant, []):
                forms[variant].append(entry)

    for s in kb.states.values():
        for name in (s.name, s.official, *s.names):
            if name:
                add(name, Entry("name", s.code))
        for cap in s.capitals:
            add(cap, Entry("capital", s.code, "GOV"))
        for seat in s.seats:
            add(seat.name, Entry("seat", s.code, seat.sector or "GOV"))
        for dem in s.demonyms:
            add(dem, Entry("demonym", s.code))
    for o in kb.organizations.values():
        for name in (o.name, *o.names):
            add(name, Entry("org", o.code))
        for adj in o.adjectives:
            add(adj, Entry("org_adj", o.code))
        for seat in o.seats:
            add(seat.name, Entry("org_seat", o.code, seat.sector))
    for name, country in kb.places:
        add(name, Entry("place", country))
    for name, country, sector, own in kb.institutions:
        add(name, Entry("institution", country, sector, own=own))
    for p in kb.people.values():
        for name in (p.name, *p.names):
            add(name, Entry("person", p.id))
            for form in _official_styles(name):
                add(form, Entry("person", p.id))

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    entries: dict[int, list[Entry]] = {}
    for form, ents in forms.items():
        key = nlp.vocab.strings.add(f"GAZ:{form}")
        entries[key] = ents
        matcher.add(f"GAZ:{form}", [nlp.make_doc(form)])
    prefixes = {p: s.code for s in kb.states.values() for p in s.prefixes}
    return Gazetteer(kb, matcher, entries, prefixes)


def _official_styles(name: str) -> list[str]:
    """The capitalised-surname styles of official readouts: "KISHIDA Fumio" for Fumio Kishida,
    "KISHIDA" for a bare Kishida (only names of two words, or a bare surname, of letters)."""
    words = name.split()
    if not all(w.isalpha() for w in words):
        return []
    if len(words) == 1 and len(name) > 3:
        return [name.upper()]
    if len(words) == 2:
        given, family = words
        return [f"{family.upper()} {given}", f"{given} {family.upper()}"]
    return []


def known_actor(ctx: ExtractContext, kb: Knowledge, code: str) -> str | None:
    """Register the state or organisation the gazetteer knows by `code` (a state as a whole; an
    organisation as an organisation or a group) and return its id; None for a code it lacks."""
    if code in kb.states:
        ctx.add_actor(Actor(id=code, name=kb.states[code].name, kind="state", country=code))
        return code
    if code in kb.organizations:
        org = kb.organizations[code]
        kind = org.kind if org.kind in ("organization", "group") else "organization"
        ctx.add_actor(Actor(id=code, name=org.name, kind=kind, org=code))
        return code
    return None
