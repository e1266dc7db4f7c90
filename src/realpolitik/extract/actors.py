"""Actors: who the text is about — states, their sectors, organisations, people, places.

Resolution is the gazetteer (knowledge/*.yaml, one PhraseMatcher pass) plus spaCy's NER and
parse for what the gazetteer lacks:
- a capital or seat of government acting in a sentence is its state ("Beijing said",
  "the Kremlin"), but a capital used as a place stays a place ("in Beijing", "the Moscow
  military academy");
- a demonym, state name or possessive before a sector noun names that sector
  ("the Russian army" -> RUS-MIL, "Western media" -> WST-MED, "China's intelligence organs");
- a person the gazetteer lacks becomes an actor through their role, with the role's country
  ("Fu Cong, China's plenipotentiary to the EU"; "Chinese foreign minister Qin Gang");
- ambiguous names are settled by context: Georgia the state or the US state, Washington the
  government, the city, the US state or the man; office holders by the published date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from realpolitik.extract import extractor, syntax
from realpolitik.extract.context import ActorMention, ExtractContext
from realpolitik.extract.coref import document_voice
from realpolitik.extract.gazetteer import Entry, Gazetteer, for_vocab, known_actor
from realpolitik.extract.parties import organisation_mentions, state_in_view
from realpolitik.knowledge import Knowledge, load_yaml
from realpolitik.schema import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_AMBIGUITY = load_yaml("ambiguity.yaml")  # context words that settle ambiguous names (data)
LOCATIVE_PREPS = frozenset(_AMBIGUITY["locative_preps"])
MOTION_LEMMAS = frozenset(_AMBIGUITY["motion_lemmas"])
US_STATE_CUES = frozenset(_AMBIGUITY["us_state"])
GEORGIA_CUES = frozenset(_AMBIGUITY["country_georgia"])
SECTOR_NAMES = {"MIL": "military", "GOV": "government", "SPY": "intelligence", "MED": "media",
                "BUS": "business", "LEG": "legislature", "JUD": "judiciary", "COP": "police",
                "EDU": "education", "CVL": "civilians", "REB": "rebels", "PTY": "party", "LAB": "labour",
                "REF": "refugees", "OPP": "protesters and opposition",
                "NGO": "non-governmental organisations"}
# Head nouns of names that are things, not actors: "the Reciprocal Access Agreement".
NOT_ACTORS = {"agreement", "treaty", "accord", "pact", "deal", "programme", "program", "initiative", "plan",
              "act", "law", "resolution", "convention", "declaration", "charter", "protocol", "strategy",
              "doctrine", "project", "pipeline", "summit", "conference", "forum", "war", "crisis", "operation"}
# One-word names of an organisation's bodies: alone ("the Assembly", "the Commission") they
# are a body of the organisation the text is about, never a new organisation of their own.
GENERIC_BODIES = {"Assembly", "Commission", "Council", "Parliament", "Secretariat", "Fund", "Court", "Agency",
                  "Committee", "Board", "Summit", "Tribunal", "Conference", "Presidency", "Bureau",
                  "Organization", "Organisation"}   # "the Organization" of a UN speech: the UN
# Words that join the parts of a long title of office ("Assistant Secretary for the Bureau of
# European and Eurasian Affairs", "Acting Coordinator for Counterterrorism (CT)").
TITLE_JOINERS = {"for", "to", "of", "the", "and", ",", "&", "(", ")", "dr.", "mr.", "ms.", "mrs."}
# Things named like organisations: ships and the like ("the Eagle S, a tanker ...").
VESSELS = {"tanker", "ship", "vessel", "freighter", "carrier", "boat", "trawler", "ferry", "yacht", "submarine",
           "frigate", "destroyer", "cruiser", "aircraft", "plane", "jet", "satellite", "rocket"}
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def sector_actor(ctx: ExtractContext, kb: Knowledge, owner: str, sector: str) -> str:
    """Register a state's or bloc's sector (RUS-MIL, WST-MED) and return its id."""
    actor_id = f"{owner}-{sector}"
    label = SECTOR_NAMES.get(sector, sector.lower())
    if owner in kb.states:
        name = f"{kb.states[owner].name} ({label})"
        # a state's rebels, protesters or workers are a group in it, not an organ acting for it
        kind = "group" if sector in kb.group_sectors else "organization"
        actor = Actor(id=actor_id, name=name, kind=kind, country=owner, sector=sector)
    else:
        o = kb.organizations[owner]
        kind = "group" if o.kind == "group" else "organization"
        actor = Actor(id=actor_id, name=f"{o.name} ({label})", kind=kind, org=owner, sector=sector)
    ctx.add_actor(actor)
    return actor_id


_TITLE_WORDS: set[str] = set()


def _title_words(kb: Knowledge) -> set[str]:
    """Words that make up titles of office ("minister", "foreign", "affairs", "national")."""
    if not _TITLE_WORDS:
        _TITLE_WORDS.update(w for phrase in kb.roles for w in phrase.split())
        _TITLE_WORDS.update(("affairs", "defense", "defence", "national", "foreign", "state", "interior",
                             "finance", "trade", "commerce", "security", "economy", "energy", "justice"))
    return _TITLE_WORDS


class _Resolver:
    """One document's actor resolution; keeps the per-document state out of module globals."""

    def __init__(self, ctx: ExtractContext, gaz: Gazetteer):
        self.ctx = ctx
        self.gaz = gaz
        self.kb: Knowledge = gaz.knowledge
        self.doc: Doc = ctx.doc
        self.taken: set[int] = set()  # token indices already inside a mention
        self.ent_of: dict[int, Span] = {t.i: e for e in self.doc.ents for t in e}
        self.title_words = _title_words(self.kb)
        self._doc_text: str | None = None

    # -- actor constructors ------------------------------------------------
    def state(self, code: str) -> str:
        return known_actor(self.ctx, self.kb, code)

    def org(self, code: str) -> str:
        o = self.kb.organizations[code]
        kind = o.kind if o.kind in ("organization", "group", "location") else "organization"
        self.ctx.add_actor(Actor(id=code, name=o.name, kind=kind, org=code))
        return code

    def sector_actor(self, owner: str, sector: str) -> str:
        """A state's or bloc's sector: RUS-MIL, WST-MED."""
        return sector_actor(self.ctx, self.kb, owner, sector)

    def movement(self, entry: Entry) -> str:
        """A named armed movement: a group in its state, with its own key (Hamas: HAMAS in PSE),
        so that two movements of one state stay two actors."""
        self.state(entry.code)
        self.ctx.add_actor(Actor(id=entry.own, name=self.kb.movements[entry.own], kind="group",
                                 country=entry.code, sector=entry.sector))
        return entry.own

    def location(self, name: str, country: str | None) -> str:
        actor_id = f"loc:{slug(name)}"
        self.ctx.add_actor(Actor(id=actor_id, name=name, kind="location", country=country))
        return actor_id

    def person(self, person_id: str) -> str:
        p = self.kb.people[person_id]
        role = p.role_at(self.ctx.published)
        self.ctx.add_actor(Actor(id=p.id, name=p.name, kind="person", country=p.country, org=p.org,
                                 role=role, sector="GOV" if role else None))
        return p.id

    def mention(self, start: int, end: int, actor_id: str, via: str, locative: bool = False) -> None:
        if any(i in self.taken for i in range(start, end)):
            return
        span = self.doc[start:end]
        if self.ctx.in_boilerplate(span.start_char, span.end_char):
            return
        self.taken.update(range(start, end))
        self.ctx.add_mention(ActorMention(span.start_char, span.end_char, actor_id, via, start, end, locative))

    # -- context tests -----------------------------------------------------
    def is_place(self, token: Token) -> bool:
        """A name used as a location rather than as an acting government."""
        if (
            syntax.attached_as(token, syntax.COMPOUND, syntax.NOMINAL_MODIFIER)
            and token.head.pos_ == "NOUN"
            and token.head.i > token.i
        ):
            return True  # "the Moscow military academy", "Beijing residents"
        head = token.head
        if (
            syntax.attached_as(token, syntax.PREPOSITION_OBJECT)
            and syntax.attached_as(head, syntax.PREPOSITION)
            or syntax.attached_as(token, syntax.PREPOSITION_OBJECT)
        ):
            prep = head.lower_
            if prep in LOCATIVE_PREPS:
                return True
            if prep in ("to", "from") and head.head.lemma_ in MOTION_LEMMAS:
                return True
        return False

    def is_locative(self, token: Token) -> bool:
        return syntax.attached_as(token, syntax.PREPOSITION_OBJECT) and token.head.lower_ in LOCATIVE_PREPS

    def sector_of(self, noun: Token) -> str | None:
        """Sector named by a noun or a two-word compound ending in it ("intelligence organs")."""
        sectors = self.kb.sectors
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None  # "stated", "armed": verbs and adjectives name no sector
        lower = noun.lower_
        for left in (noun.nbor(-1) if noun.i > 0 else None,):
            if left is not None and f"{left.lower_} {lower}" in sectors:
                return sectors[f"{left.lower_} {lower}"]
        if lower in sectors:
            return sectors[lower]
        if noun.lemma_.lower() in sectors:
            return sectors[noun.lemma_.lower()]
        return None

    def sector_head(self, token: Token) -> tuple[Token, str] | None:
        """The sector noun this modifier belongs to, walking compounds: "Chinese intelligence organs".

        A conjunct modifier ("Indian and Chinese troops") belongs to the noun of the first one.
        """
        while (
            syntax.attached_as(token, syntax.CONJUNCT)
            and token.head.i < token.i
            and token.head.pos_ in ("ADJ", "PROPN")
        ):
            token = token.head
        if not syntax.attached_as(
            token, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER, syntax.POSSESSOR
        ):
            return None
        head = token.head
        if head.i <= token.i or head.pos_ not in ("NOUN", "PROPN"):
            return None
        sector = self.sector_of(head)
        if sector:
            return head, sector
        # "Russian military industry": head "industry" with compound "military"
        for child in head.children:
            if (
                child.i > token.i
                and child.i < head.i
                and syntax.attached_as(child, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER)
            ):
                s = self.sector_of(child)
                if s and s != "CVL":
                    return head, s
        return None

    @staticmethod
    def shared_noun(modifier: Token, noun: Token) -> bool:
        """Whether coordinated modifiers share this noun ("Indian and Chinese troops")."""
        return syntax.attached_as(modifier, syntax.CONJUNCT) or any(
            syntax.attached_as(c, syntax.CONJUNCT) and c.i < noun.i for c in modifier.children
        )

    # -- passes --------------------------------------------------------------
    def run(self) -> None:
        for start, end, entries in self.gaz.matches(self.doc):
            self.resolve_match(start, end, entries)
        self.prefixes()
        self.unknown_people()
        self.unknown_orgs()
        self.generic_groups()

    def resolve_match(self, start: int, end: int, entries: list[Entry]) -> None:
        ent = self.ent_of.get(start)
        first = self.doc[start]
        last = self.doc[end - 1]
        if ent is not None and ent.label_ == "PERSON" and (ent.start < start or ent.end > end):
            if not any(e.how == "person" for e in entries):
                return  # "George Washington", "Jackson Georgia"?
        entries = [e for e in entries if not e.article or self.has_article(start, end)]
        entry = self.choose(entries) if entries else None
        if entry is None:
            return
        how, code = entry.how, entry.code
        if how == "person":
            self.mention(start, end, self.person(code), "gazetteer")
            return
        if how in ("org", "org_adj"):
            self.org_match(start, end, entry, last)
            return
        if how == "name" and code == "GEO" and self.is_us_state(start, end):
            self.mention(start, end, self.location("Georgia (US state)", "USA"), "gazetteer", True)
            return
        if how in ("capital", "name") and code == "USA" and first.text == "Washington":
            if self.is_us_state(start, end):
                self.mention(start, end, self.location("Washington (US state)", "USA"), "gazetteer", True)
                return
        if how == "capital" and self.is_place(last):
            self.mention(start, end, self.location(self.doc[start:end].text, code), "place", True)
            return
        if how == "seat":
            actor = self.state(code) if entry.sector in (None, "GOV") else self.sector_actor(code, entry.sector)
            self.mention(self._with_article(start), end, actor, "metonym")
            return
        if how == "institution":
            actor = self.movement(entry) if entry.own else self.sector_actor(self.state(code), entry.sector or "GOV")
            self.mention(self._with_article(start), end, actor, "gazetteer")
            return
        if how == "place":
            self.mention(start, end, self.location(self.doc[start:end].text, code), "place", True)
            return
        if how == "org_seat":
            # "Brussels has refused" is the EU; "talks in Brussels" happen in Belgium's capital
            if self.is_place(last):
                host = next((e.code for e in entries if e.how == "capital"), None)
                self.mention(start, end, self.location(self.doc[start:end].text, host), "place", True)
            else:
                self.mention(start, end, self.org(code), "metonym")
            return
        # a state's name or demonym: perhaps a sector ("the Russian army", "Russia's military")
        sh = self.sector_head(last)
        if sh is not None:
            noun, sector = sh
            owner = self.state(code)
            if syntax.attached_as(last, syntax.POSSESSOR):
                self.mention(start, end, owner, "gazetteer")
                self.mention(noun.i, noun.i + 1, self.sector_actor(owner, sector), "sector")
            elif self.shared_noun(last, noun):
                # "Indian and Chinese troops": each adjective is its own side; the noun is both
                self.mention(start, end, self.sector_actor(owner, sector), "sector")
            else:
                self.mention(start, noun.i + 1, self.sector_actor(owner, sector), "sector")
            return
        if how == "capital":
            self.mention(start, end, self.state(code), "metonym")
            return
        self.mention(start, end, self.state(code), "gazetteer", self.is_locative(last))

    def org_match(self, start: int, end: int, entry: Entry, last: Token) -> None:
        code = entry.code
        if entry.how == "org_adj":
            sh = self.sector_head(last)
            if sh is not None:
                noun, sector = sh
                self.mention(start, noun.i + 1, self.sector_actor(self.org(code), sector), "sector")
                return
            # "Western secrets", "European purchases": the bloc as a whole
        if self.kb.organizations[code].kind == "location" and self.is_place(last):
            self.mention(start, end, self.org(code), "place", True)
            return
        self.mention(self._with_article(start), end, self.org(code), "gazetteer")

    def choose(self, entries: list[Entry]) -> Entry | None:
        if len(entries) == 1:
            return entries[0]
        people = [e for e in entries if e.how == "person"]
        if people and len(people) == len(entries):
            date = self.ctx.published
            active = [e for e in people if self.kb.people[e.code].active_at(date)]
            return (active or people)[0] if len(active) <= 1 else None
        # a form that is both a state name and something else: the state wins
        for how in ("name", "org", "org_seat", "institution", "capital", "seat", "place", "demonym", "org_adj",
                    "person"):
            for e in entries:
                if e.how == how:
                    return e
        return entries[0]

    def is_us_state(self, start: int, end: int) -> bool:
        """Georgia or Washington as a US state: local cues first, then the document's drift."""
        doc = self.doc
        before = doc[max(0, start - 3):start].text.lower()
        after = [t.text for t in doc[end:end + 2]]
        if "state of" in before or "u.s. state" in before or "us state" in before:
            return True
        if after and after[0] in ("state", "State"):
            return True
        if after[:2] in ([",", "U.S."], [",", "USA"], [",", "US"]):
            return True
        sent = doc[start].sent
        if any(t.text in US_STATE_CUES for t in sent):
            return True
        if any(t.text in GEORGIA_CUES for t in sent):
            return False
        # another country in the same sentence makes it international news, not US politics
        for m in self.gaz.matches(sent.as_doc()):
            if any(e.how in ("name", "demonym", "capital") and e.code not in ("USA", "GEO") for e in m[2]):
                return False
        if doc[start].text != "Georgia":
            return False
        words = {t.text for t in doc}  # the document's drift, needed only for a bare "Georgia"
        return len(words & US_STATE_CUES) > len(words & GEORGIA_CUES)

    def has_article(self, start: int, end: int) -> bool:
        """ "the West" but not "West" alone, nor "the West Bank" or "the West African states"."""
        doc = self.doc
        if start == 0 or doc[start - 1].lower_ != "the":
            return False
        return not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title)

    def _with_article(self, start: int) -> int:
        return start - 1 if start > 0 and self.doc[start - 1].lower_ == "the" else start

    def prefixes(self) -> None:
        """Combining forms before a hyphen: "Sino-Russian" names China and Russia."""
        doc = self.doc
        for t in self.ctx.tokens():
            if t.text in self.gaz.prefixes and t.i + 1 < len(doc) and doc[t.i + 1].text in ("-", "–"):
                self.mention(t.i, t.i + 1, self.state(self.gaz.prefixes[t.text]), "gazetteer")

    # -- people and organisations the gazetteer lacks ------------------------
    def role_and_country(self, tokens: list[Token]) -> tuple[str | None, str | None]:
        """Role words and the state they belong to, from the tokens of a role phrase.

        The state is taken from the modifiers before the role word ("China's envoy",
        "Chinese foreign minister"); one named after it is the posting ("envoy to the EU")
        and is used only when nothing precedes.
        """
        roles = self.kb.roles
        tokens = sorted(set(tokens), key=lambda t: t.i)
        words = [t.lower_ for t in tokens]
        role, role_at = None, len(tokens)
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if phrase in roles:
                    role, role_at = roles[phrase], i + n - 1
                    break
            if role:
                break
        before, after = None, None
        for pos, t in enumerate(tokens):
            a = self.ctx.actor_of_token(t)
            actor = self.ctx.actors.get(a) if a else None
            if actor is None or actor.kind not in ("state", "organization", "group") or not (actor.country or actor.org):
                continue
            key = actor.country or actor.org
            if pos <= role_at and before is None:
                before = key
            elif pos > role_at and after is None:
                after = key
        return role, before or after

    def role_phrase_tokens(self, head: Token) -> list[Token]:
        """Tokens of a role noun phrase, excluding the name and any relative clause."""
        return [
            t
            for t in head.subtree
            if not syntax.attached_as(t, syntax.RELATIVE_CLAUSE, syntax.CLAUSAL_MODIFIER)
            and t.i <= head.i + 6
        ]

    def unknown_people(self) -> None:
        """People the gazetteer lacks: NER's PERSONs, and any other name that carries a role.

        The small models sometimes label "Amara Okafor, Nigeria's trade minister" a GPE; a
        name with a role apposition or title is a person whatever NER said.
        """
        candidates = sorted([*map(self.without_title, self.doc.ents), *self.titled_names()], key=lambda e: e.start)
        for ent in candidates:
            if ent.label_ not in ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC") or any(t.i in self.taken for t in ent):
                continue
            if self.ctx.in_boilerplate(ent.start_char, ent.end_char):
                continue
            name = ent.text.strip()
            if len(name) < 2 or not name[0].isupper():
                continue
            role, country = self.person_role(ent)
            if country is None or self.posted_to(ent):
                # "Special Representative for the DPRK Sung Kim" in a State Department release:
                # the state after the title is the posting, the official the publisher's
                country = self.publisher_official(ent) or country
            if ent.label_ != "PERSON" and not (role and len(ent) >= 2 and all(t.pos_ == "PROPN" for t in ent)
                                               and not (ent.start > 0 and self.doc[ent.start - 1].lower_ in ("of", "for"))):
                continue  # "Secretary of National Defense": the name of an office, not a person
            pid = slug(name)
            if pid in self.kb.people:
                self.mention(ent.start, ent.end, self.person(pid), "gazetteer")
                continue
            earlier = self.named_earlier(ent)
            if earlier is not None:  # "Minister Kihara" after "Minoru Kihara"
                self.mention(ent.start, ent.end, earlier, "coref")
                continue
            self.ctx.add_actor(Actor(id=pid, name=name, kind="person", country=country, role=role,
                                     sector="GOV" if role and role not in ("Leader",) else None))
            self.mention(ent.start, ent.end, pid, "role" if role else "ner")

    def without_title(self, ent: Span) -> Span:
        """A PERSON the model read with its title ("Counselor Lena Farrow"): the name alone, so
        that the title is read as one."""
        from spacy.tokens import Span as SpacySpan

        start = ent.start
        while ent.label_ == "PERSON" and ent.end - start > 1 and self.doc[start].lower_ in self.title_words:
            start += 1
        return ent if start == ent.start else SpacySpan(self.doc, start, ent.end, label="PERSON")

    def titled_names(self) -> list[Span]:
        """Names NER missed that follow a title: "Minister of Defense Kenji Mori" (as PERSON)."""
        from spacy.tokens import Span as SpacySpan

        doc = self.doc
        toks = self.ctx.tokens()   # read by index again and again below: doc[i] makes a new Token each time
        out = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and toks[j].pos_ == "PROPN" and toks[j].is_title and j not in self.ent_of:
                j += 1
            k = i
            while k < j and toks[k].lower_ in self.title_words:
                k += 1  # "Defense Kenji Mori": the office's words end where the name begins
            if j - k >= 2 and not any(n in self.taken for n in range(k, j)):
                span = SpacySpan(doc, k, j, label="PERSON")
                role, _ = self.role_and_country(self.title_window(span))
                if role and span[0].lower_ not in self.kb.roles:
                    out.append(span)
            i = max(j, i + 1)
        return out

    def named_earlier(self, ent: Span) -> str | None:
        """A person already named in full of whom this name is a part ("Kihara", "Teodoro")."""
        parts = ent.text.split()
        found = None
        for actor in self.ctx.actors.values():
            if actor.kind != "person" or actor.name == ent.text:
                continue
            full = actor.name.split()
            if len(full) > len(parts) and full[: len(parts)] == parts or full[-len(parts):] == parts or (
                    len(parts) == 1 and parts[0] in full):
                if found is not None and found != actor.id:
                    return None  # two people share this name part: refer to no one
                found = actor.id
        return found

    def state_after(self, ent: Span) -> str | None:
        """ "Minister X of Japan": a state in an "of" phrase right after the name."""
        doc = self.doc
        i = ent.end
        if i < len(doc) and doc[i].lower_ == "of":
            i += 1
            if i < len(doc) and doc[i].lower_ == "the":
                i += 1
            if i < len(doc):
                a = self.ctx.actor_of_token(doc[i])
                actor = self.ctx.actors.get(a) if a else None
                if actor is not None and actor.kind == "state":
                    return actor.country
        return None

    def state_after_coordinated(self, ent: Span) -> str | None:
        """ "A and Minister B of Japan": the state named after the last of coordinated officials."""
        doc = self.doc
        i = ent.end
        if i >= len(doc) or doc[i].lower_ != "and":
            return None
        for k in range(i + 2, min(len(doc) - 1, i + 10)):
            t = doc[k]
            if t.lower_ == "of" and doc[k - 1].pos_ == "PROPN" and doc[k - 1].lower_ not in self.title_words:
                n = k + 2 if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else k + 1
                a = self.ctx.actor_of_token(doc[n])
                actor = self.ctx.actors.get(a) if a else None
                return actor.country if actor is not None and actor.kind == "state" else None
            if t.pos_ not in ("PROPN", "ADP"):
                break
        return None

    def title_window(self, ent: Span) -> list[Token]:
        """The words just before a name that may be its title ("Minister for Foreign Affairs").

        Read linearly, not from the parse: the small model often misparses stacked titles.
        """
        out: list[Token] = []
        i = ent.start - 1
        while i >= 0 and len(out) < 7:
            t = self.doc[i]
            stop = (t.is_punct and t.text not in ("'s", "’s")) or (
                t.pos_ in ("CCONJ", "VERB", "AUX", "PRON", "ADP", "DET") and t.lower_ not in ("of", "for"))
            other = self.ent_of.get(i)
            if stop or (other is not None and other.label_ == "PERSON"):
                break
            out.append(t)
            i -= 1
        return out[::-1]

    def person_role(self, ent: Span) -> tuple[str | None, str | None]:
        """Role and country from an apposition ("X, China's envoy") or a title ("envoy X")."""
        head = ent.root
        role = country = None
        appos = [t for c in syntax.dependents(head, syntax.APPOSITION) for t in self.role_phrase_tokens(c)]
        if appos:
            role, country = self.role_and_country(appos)
        # the name is itself the apposition of a role: "China's envoy, Li Hui, said"
        if not role and syntax.attached_as(head, syntax.APPOSITION) and head.head.pos_ == "NOUN":
            role, country = self.role_and_country(self.role_phrase_tokens(head.head))
        # a title just before the name: "Chinese foreign minister Qin Gang"
        if not role:
            window = self.title_window(ent)
            if window:
                role, country = self.role_and_country(window)
        if not country:
            country = self.state_after(ent)
        if not country and role:
            country = self.state_after_coordinated(ent)
        return role, country

    def posted_to(self, ent: Span) -> bool:
        """The name follows a posting: "... for the DPRK Sung Kim", "Ambassador to Yemen Steve
        Fagin" (a state named just before the name, after "for" or "to")."""
        i = ent.start - 1
        named = False
        while i >= 0 and (a := self.ctx.actors.get(self.ctx.actor_of_token(self.doc[i]) or "")) is not None \
                and a.kind in ("state", "location"):
            named, i = True, i - 1
        if i >= 0 and self.doc[i].lower_ == "the":
            i -= 1
        return named and i >= 0 and self.doc[i].lower_ in ("for", "to")

    def publisher_official(self, ent: Span) -> str | None:
        """The document's own state for an official whose title is one of its offices and who
        has no other state: "Deputy Secretary Sherman", "Under Secretary for Civilian Security,
        Democracy, and Human Rights Uzra Zeya" in a State Department release are the United
        States' (implied_actors.yaml: offices held by the publisher)."""
        voice = document_voice(self.ctx)
        if voice not in self.kb.states:
            return None
        from realpolitik.extract.implied_actors import load  # it reads this module's actors
        know = load()
        title = self.office_title(ent, know.rank_words)
        return voice if title is not None and know.offices.get(title) == "publisher" else None

    def office_title(self, ent: Span, rank_words: frozenset[str]) -> str | None:
        """The office in the title block just before a name, without its rank or portfolio:
        "secretary" of "Assistant Secretary for the Bureau of European and Eurasian Affairs
        Dr. Karen Donfried", "secretary of state" of "Deputy Secretary of State Wendy Sherman".
        None when its "of" phrase names another office ("Secretary of Foreign Affairs")."""
        doc = self.doc
        i = ent.start - 1
        while i >= 0 and ent.start - i <= 20 and not doc[i].is_sent_end and (
                doc[i].is_title or doc[i].is_upper or doc[i].lower_ in TITLE_JOINERS) and not (
                i in self.ent_of and self.ent_of[i].label_ == "PERSON" and self.ent_of[i].end <= ent.start):
            i -= 1   # (a PERSON read with its title, "Counselor Lena Farrow", is this name's own)
        block = list(doc[i + 1:ent.start])
        while block and block[0].lower_ in TITLE_JOINERS:
            block.pop(0)
        words: list[str] = []
        for n, t in enumerate(block):
            if t.lower_ in TITLE_JOINERS:
                rest = [x.lower_ for x in block[n:n + 4]]
                if rest[:2] == ["of", "state"]:
                    words.append("of state")
                elif rest[0] == "of" and rest[1:3] != ["the", "department"]:
                    return None
                break
            if t.lower_ not in rank_words or words:
                words.append(t.lower_)
        return " ".join(words) or None

    def name_parts(self) -> set[str]:
        """First and last names of the people found so far ("Sun" of Sun Weidong)."""
        parts: set[str] = set()
        for a in self.ctx.actors.values():
            words = a.name.split()
            if a.kind == "person" and len(words) >= 2:
                parts.update((words[0], words[-1]))
        return parts

    def main_organisation(self) -> str | None:
        """The organisation the document names most (at least twice), if any."""
        counts = organisation_mentions(self.ctx)
        best = max(sorted(counts), key=counts.__getitem__, default=None)
        return best if best is not None and counts[best] >= 2 else None

    def is_dateline(self, ent: Span) -> bool:
        """ "BEIRUT/JERUSALEM, Nov 26 (Wire) -": the places a report was filed from, not an actor."""
        if not ent.text.isupper():
            return False
        text = self.doc_text()
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        return not text[line_start:ent.start_char].strip() and text[ent.end_char:ent.end_char + 1] == ","

    def doc_text(self) -> str:
        """The parsed text, built once: Doc.text joins every token again on each call."""
        if self._doc_text is None:
            self._doc_text = self.doc.text
        return self._doc_text

    def org_named_earlier(self, text: str, before: int) -> str | None:
        """The one organisation named earlier whose name ends with these words."""
        words = text.split()
        found = None
        for actor in self.ctx.actors.values():
            if actor.kind not in ("organization", "group") or not actor.mentions or actor.mentions[0].start >= before:
                continue
            names = {actor.name, *(m.text for m in actor.mentions)}
            if any(n.split()[-len(words):] == words and len(n.split()) > len(words) for n in names):
                if found is not None and found != actor.id:
                    return None
                found = actor.id
        return found

    def generic_groups(self) -> None:
        """Groups that act with no state named: "rebels seized the town", "workers walked out".
        Where the passage names a place, they are that place's state's ("protesters in Lima"
        are Peru's, CAMEO PEROPP), a group in it, not the state."""
        for t in self.ctx.tokens():
            noun = t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_sent_start and t.lower_ in self.kb.sectors
            if (
                t.i in self.taken
                or not noun
                or not syntax.attached_as(
                    t,
                    syntax.NOMINAL_SUBJECT,
                    syntax.PASSIVE_SUBJECT,
                    syntax.DIRECT_OBJECT,
                    syntax.PREPOSITION_OBJECT,
                    syntax.CONJUNCT,
                )
            ):
                continue
            sector = self.sector_of(t)
            if sector not in self.kb.group_sectors:
                continue
            if self.ctx.in_boilerplate(t.idx, t.idx + len(t)):
                continue
            named = next(
                (
                    a
                    for c in t.children
                    if syntax.attached_as(
                        c, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER
                    )
                    and c.i in self.taken
                    for a in [self.ctx.actor_of_token(c)]
                    if a
                ),
                None,
            )
            if named is None:  # "Armenian-registered firms": a state named inside a modifier
                named = next(
                    (
                        a.country
                        for c in t.children
                        if syntax.attached_as(
                            c, syntax.COMPOUND, syntax.ADJECTIVAL_MODIFIER, syntax.NOMINAL_MODIFIER
                        )
                        and c.i < t.i
                        for x in c.subtree
                        if x.i in self.taken
                        for a in [self.ctx.actors.get(self.ctx.actor_of_token(x) or "")]
                        if a is not None and a.kind in ("state", "location") and a.country
                    ),
                    None,
                )
                named = self.state(named) if named else None
            if named is not None:  # "M23 rebels" are M23; "Syrian rebels" Syria's rebels
                actor = self.ctx.actors[named]
                if actor.kind == "state" and actor.country:
                    named = self.sector_actor(actor.country, sector)
                self.mention(t.i, t.i + 1, named, "sector")
                continue
            where = state_in_view(self.ctx, t, places_only=True)   # "rebels in Darfur": Sudan's
            if where is not None:
                self.mention(t.i, t.i + 1, self.sector_actor(self.state(where), sector), "sector")
                continue
            actor_id = f"grp:{sector}"
            self.ctx.add_actor(Actor(id=actor_id, name=SECTOR_NAMES.get(sector, sector.lower()), kind="group",
                                     sector=sector))
            self.mention(t.i, t.i + 1, actor_id, "sector")

    def unknown_orgs(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or self.ctx.in_boilerplate(ent.start_char, ent.end_char):
                continue
            if any(t.i in self.taken for t in ent):
                continue
            text = ent.text
            if text.lower().startswith("the "):
                text = text[4:]
            if len(text) < 2 or ent.root.lemma_.lower() in NOT_ACTORS or self.is_dateline(ent):
                continue
            if len(ent) == 1 and text in self.name_parts():
                continue  # "Tarumi told Sun ..." after "Sun Weidong": a person's short name (coref)
            # "the Russian operator MTS", "Huawei, the Chinese telecoms company", "China's commerce ministry"
            modifiers = [
                t
                for t in ent.root.children
                if syntax.attached_as(
                    t, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.NOMINAL_MODIFIER, syntax.POSSESSOR
                )
                and t.i < ent.start
            ]
            modifiers += [
                t
                for c in syntax.dependents(ent.root, syntax.APPOSITION)
                for t in c.subtree
                if syntax.attached_as(
                    t, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.POSSESSOR, syntax.NOMINAL_MODIFIER
                )
                and t.i < c.i
            ]
            country = None
            for t in modifiers:
                a = self.ctx.actor_of_token(t)
                actor = self.ctx.actors.get(a) if a else None
                if actor is not None and actor.country and actor.kind != "location":
                    country = actor.country
                    break
            if any(
                syntax.attached_as(c, syntax.APPOSITION) and c.lemma_.lower() in VESSELS
                for c in ent.root.children
            ) or any(
                syntax.attached_as(c, syntax.COMPOUND) and c.lemma_.lower() in VESSELS
                for c in ent.root.children
            ):
                continue  # "the Eagle S, a tanker registered in ...": a ship, not an actor
            bare = self.kb.bare_org_names.get(text)
            if bare and not country:  # "the Security Council": the UN's unless a state's is said
                self.mention(ent.start, ent.end, self.org(bare), "gazetteer")
                continue
            earlier = self.org_named_earlier(text, ent.start_char)
            if earlier is not None:  # "the Council" after "the UN Security Council"
                self.mention(ent.start, ent.end, earlier, "coref")
                continue
            if text in GENERIC_BODIES and not country:
                body = self.main_organisation()
                if body is not None:  # "the Assembly" of an AU summit readout is the AU's
                    self.mention(ent.start, ent.end, body, "coref")
                continue
            sector = self.sector_of(ent.root)
            if sector and country in self.kb.states:
                self.mention(ent.start, ent.end, self.sector_actor(country, sector), "sector")
                continue
            if sector and not country and len(ent) <= 3:
                continue  # "the navy", "the Foreign Ministry": whose is for context to say, not a new actor
            actor_id = f"org:{slug(text)}"
            self.ctx.add_actor(Actor(id=actor_id, name=text, kind="organization", country=country))
            self.mention(ent.start, ent.end, actor_id, "ner")


@extractor("actors", components=("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner"))
def extract_actors(ctx: ExtractContext) -> None:
    """Find every actor mention in the document and register the actors."""
    _Resolver(ctx, for_vocab(ctx.doc.vocab)).run()
