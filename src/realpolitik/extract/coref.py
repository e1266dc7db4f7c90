"""Coreference, the cheap and explainable kind: short names and pronouns back to actors.

- A short form of a person already named in the document ("Fu" after "Fu Cong") is that
  person. Known office holders' short names come from the gazetteer already.
- "we/our/us" inside a quotation go to its speaker (a label before it, "Kishida: ...", or the
  reporting clause after it, "...," Yoon said);
- "he/his/him/she/her" go to the nearest preceding person mention, preferring subjects;
  "it/its" to the nearest preceding state or organisation acting as a subject. Pleonastic
  "it" ("it is true that", "it should be noted") refers to nothing and is left alone.
Each resolved pronoun is an ActorMention with via="coref", so later stages name who acted.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from realpolitik.extract import extractor
from realpolitik.extract.context import ActorMention, ExtractContext
from realpolitik.extract.gazetteer import for_vocab, known_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
WE_PRONOUNS = {"we", "our", "us", "ours", "ourselves"}
FIRST_PERSON = WE_PRONOUNS | {"i", "me", "my", "mine", "myself"}
# "my country", "our Government": the possessed noun is the speaker's own side
OWN_SIDE_NOUNS = {"country", "government", "delegation", "nation", "state", "administration", "people",
                  "republic", "kingdom"}
# Definite nouns for an organisation named before: the last word its name must end in, or
# empty for a noun any organisation answers to ("the bloc").
BODY_NOUNS: dict[str, set[str]] = {
    "agency": {"agency"}, "council": {"council"}, "commission": {"commission"}, "court": {"court", "tribunal"},
    "tribunal": {"tribunal", "court"}, "fund": {"fund"}, "bank": {"bank"}, "union": {"union"},
    "organisation": set(), "organization": set(), "bloc": set(), "alliance": set(), "group": set(),
}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CURLY = re.compile(r"\u201c[^\u201d\n]{2,}?\u201d")
_STRAIGHT = re.compile(r'"[^"\n]{2,}?"')
# After a closing quote: ', said X', ', X said', ' X told reporters' ...
_REPORTING = re.compile(r"^[,.]?\s*(?:[A-Z][\w'.-]*\s+){0,6}(?:said|says|added|told|stated|declared|wrote)\b"
                        r"|^[,.]?\s*(?:said|says|added|told|stated|declared|wrote)\b")
LOOKBACK_SENTENCES = 2


def _short_names(ctx: ExtractContext) -> None:
    """Mentions of a person by one part of their name, for people named in full earlier."""
    parts: dict[str, str | None] = {}
    for actor in ctx.actors.values():
        if actor.kind != "person":
            continue
        tokens = actor.name.split()
        if len(tokens) < 2:
            continue
        for part in (tokens[0], tokens[-1]):
            # a part shared by two people is ambiguous and resolves to no one
            parts[part] = None if part in parts and parts[part] != actor.id else actor.id
    if not parts:
        return
    for t in ctx.tokens():
        if t.pos_ != "PROPN" or t.text not in parts or ctx.mention_of_token(t) is not None:
            continue
        actor_id = parts[t.text]
        if actor_id is None or ctx.in_boilerplate(t.idx, t.idx + len(t)):
            continue
        first = min(m.start for m in ctx.actors[actor_id].mentions) if ctx.actors[actor_id].mentions else None
        if first is None or first > t.idx:
            continue  # a short form only refers back
        ctx.add_mention(ActorMention(t.idx, t.idx + len(t), actor_id, "coref", t.i, t.i + 1))


def _pleonastic(t: Token) -> bool:
    """'it' that stands for nothing: "it is true that", "it seems", "it should be noted"."""
    head = t.head
    if t.dep_ == "expl":
        return True
    if t.dep_ not in SUBJECT_DEPS:
        return False
    if any(c.dep_ in ("ccomp", "csubj") for c in head.children) and head.lemma_ in (
            "be", "seem", "appear", "note", "say", "believe", "report", "expect", "understand", "know", "remain"):
        return True
    if head.lemma_ == "be" and any(c.dep_ == "acomp" for c in head.children):
        return any(c.dep_ in ("ccomp", "xcomp") for c in head.children) or any(
            gc.dep_ in ("ccomp", "xcomp") for c in head.children if c.dep_ == "acomp" for gc in c.children)
    return head.lemma_ in ("rain", "matter")


def _sentence_starts(doc) -> tuple[list[int], list[int]]:
    """Per document, once: the sentence starts, and for each token the index of its sentence."""
    starts: list[int] = []
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        starts.append(sent.start)
        for i in range(sent.start, sent.end):
            index[i] = n
    return starts, index


def _candidates(ctx: ExtractContext, pronoun: Token, want_person: bool,
                sentences: tuple[list[int], list[int]]) -> list[ActorMention]:
    """Earlier mentions of the right kind within the lookback window, nearest first."""
    starts, index = sentences
    window_start = starts[max(0, index[pronoun.i] - LOOKBACK_SENTENCES)]
    out = []
    for m in ctx.mentions:
        if not (window_start <= m.token_start and m.token_end <= pronoun.i):
            continue
        actor = ctx.actors[m.actor_id]
        if want_person != (actor.kind == "person"):
            continue
        if not want_person and actor.kind not in ("state", "organization", "group"):
            continue
        if m.locative:
            continue
        out.append(m)
    return sorted(out, key=lambda m: -m.token_start)


def _best(ctx: ExtractContext, pronoun: Token, cands: list[ActorMention], sent_index: list[int]) -> ActorMention | None:
    """Prefer a subject in the same sentence, then the latest subject before, then the nearest.

    A singular pronoun never stands for one member of a coordinated pair ("China and Russia
    agreed … it"), and among subjects of one sentence the least embedded wins ("while Xi does
    not want to see Putin fall, he …" is Xi).
    """
    doc = ctx.doc
    cands = [m for m in cands if not _coordinated(doc[m.token_end - 1])]
    if not cands:
        return None
    subj = [m for m in cands if _is_subject(doc[m.token_end - 1])]
    # the nearest sentence with a subject wins; within it, the least embedded subject
    by_sentence: dict[int, list[ActorMention]] = {}
    for m in subj:
        by_sentence.setdefault(sent_index[m.token_start], []).append(m)
    for start in sorted(by_sentence, reverse=True):
        return min(by_sentence[start], key=lambda m: (_depth(doc[m.token_end - 1]), -m.token_start))
    same = [m for m in cands if sent_index[m.token_start] == sent_index[pronoun.i]]
    return (same or cands)[0]


def _follows_a_thing(ctx: ExtractContext, pronoun: Token, sentences: tuple[list[int], list[int]]) -> bool:
    """A subject "it" after a clause about a thing is that thing: "The draft would have
    tightened the embargo. It would also have banned fuel exports" is the draft, not the state
    the draft names; so is "The statement named no one, but it urged ...". A thing: the previous sentence's main subject is a singular common
    noun that neither names an actor nor is owned by one ("China's belief ... was reflected in
    the behaviour of its embassy. It ..." may be China's) and is no actor's sector ("the
    ministry" may be a state's)."""
    starts, index = sentences
    n = index[pronoun.i]
    if pronoun.dep_ not in SUBJECT_DEPS:
        return False
    earlier = [t for t in ctx.doc[starts[n]:pronoun.i] if t.dep_ in SUBJECT_DEPS]
    if earlier:  # "The statement named no government, but it urged ...": the statement
        head = earlier[-1]
    elif n == 0:
        return False
    else:
        previous = ctx.doc[starts[n - 1]:starts[n]]
        subjects = [t for t in previous.root.children if t.dep_ in SUBJECT_DEPS]
        if not subjects:
            return False
        head = subjects[0]
    return (head.tag_ == "NN" and not any(ctx.mention_of_token(t) for t in head.subtree if t.i <= head.i)
            and head.lemma_.lower() not in for_vocab(ctx.doc.vocab).knowledge.sectors)


def _coordinated(t: Token) -> bool:
    while t.dep_ in ("compound", "poss", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)


def _depth(t: Token) -> int:
    depth = 0
    while t.head.i != t.i:
        t = t.head
        depth += 1
    return depth


def _is_subject(t: Token) -> bool:
    """A mention heads a subject, directly or as the possessor or conjunct of one."""
    while t.dep_ in ("compound", "poss", "conj", "amod", "appos") and t.head.i != t.i:
        t = t.head
    return t.dep_ in SUBJECT_DEPS


def _pronouns(ctx: ExtractContext) -> None:
    sentences: tuple[list[int], list[int]] | None = None
    for t in ctx.tokens():
        lower = t.lower_
        if lower not in PERSON_PRONOUNS and lower not in THING_PRONOUNS:
            continue
        if ctx.mention_of_token(t) is not None or ctx.in_boilerplate(t.idx, t.idx + len(t)):
            continue
        want_person = lower in PERSON_PRONOUNS
        if not want_person:
            if t.dep_ not in ("nsubj", "nsubjpass", "poss") or _pleonastic(t):
                continue
        if sentences is None:
            sentences = _sentence_starts(ctx.doc)
        if not want_person and _follows_a_thing(ctx, t, sentences):
            continue
        m = _best(ctx, t, _candidates(ctx, t, want_person, sentences), sentences[1])
        if m is not None:
            ctx.add_mention(ActorMention(t.idx, t.idx + len(t), m.actor_id, "coref", t.i, t.i + 1))


def _countries_through_possessors(ctx: ExtractContext) -> None:
    """ "His foreign minister, Ishaq Dar": an official's country is that of the resolved possessor."""
    doc = ctx.doc
    for actor in ctx.actors.values():
        if actor.kind != "person" or actor.country or not actor.role or not actor.mentions:
            continue
        first = actor.mentions[0]
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        role_nouns = [head.head] if head.dep_ == "appos" else []
        role_nouns += [c for c in head.children if c.dep_ == "appos"]
        role_nouns += [t for t in doc[max(0, span.start - 4):span.start]]
        for noun in role_nouns:
            for t in [noun, *noun.children]:
                if t.dep_ != "poss":
                    continue
                m = ctx.mention_of_token(t)
                owner = ctx.actors.get(m.actor_id) if m else None
                if owner is not None and owner.id != actor.id and (owner.country or owner.org):
                    actor.country = owner.country
                    actor.org = actor.org or (owner.org if not owner.country else None)
                    break
            if actor.country:
                break


# Titles that speak for a state at home; an envoy's or an adviser's state is not the story's.
NATIONAL_ROLES = {"President", "Vice President", "Prime Minister", "Chancellor", "Foreign Minister",
                  "Defence Minister", "Finance Minister", "Trade Minister", "Interior Minister", "Minister",
                  "Leader", "Party Leader", "Spokesperson"}


def _countries_from_the_story(ctx: ExtractContext) -> None:
    """ "Opposition groups in Zimbabwe demand that President Mugabe …": a national official named
    with no state is of the state their paragraph is about (the most-mentioned one there)."""
    text = ctx.document.text
    for actor in ctx.actors.values():
        if actor.kind != "person" or actor.country or actor.org or actor.role not in NATIONAL_ROLES:
            continue
        if not actor.mentions:
            continue
        first = actor.mentions[0].start
        lo = text.rfind("\n\n", 0, first) + 1
        hi = text.find("\n\n", first)
        hi = len(text) if hi < 0 else hi
        counts: dict[str, int] = {}
        for other in ctx.actors.values():
            if other.kind not in ("state", "location") or not other.country:
                continue
            n = sum(1 for m in other.mentions if lo <= m.start < hi)
            if n:
                counts[other.country] = counts.get(other.country, 0) + n
        if counts:
            best = max(counts.values())
            winners = [c for c, n in counts.items() if n == best]
            if len(winners) == 1:
                actor.country = winners[0]


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotation, curly or straight, each within one paragraph."""
    spans = [(m.start(), m.end()) for m in _CURLY.finditer(text)]
    spans += [(m.start(), m.end()) for m in _STRAIGHT.finditer(text)]
    return sorted(spans)


def _speaker(ctx: ExtractContext, start: int, end: int) -> str | None:
    """Who a quotation is attributed to: the label before it ("Prime Minister Kishida: "...")
    or the reporting clause right after it ("...," Yoon said / said Yoon)."""
    text = ctx.document.text
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start].rstrip()
    if label.endswith(":"):
        before = [m for m in ctx.mentions if line_start <= m.start and m.end <= start]
        if before:
            return max(before, key=lambda m: m.start).actor_id
    after = text[end:end + 120]
    stop = min((i for i in (after.find("."), after.find("\n")) if i >= 0), default=len(after))
    if _REPORTING.match(after[:stop]):
        inside = [m for m in ctx.mentions if end <= m.start and m.end <= end + stop]
        if inside:
            return min(inside, key=lambda m: m.start).actor_id
    return None


def _first_person_in_quotes(ctx: ExtractContext) -> None:
    """ "We condemned the launch," said Yoon: a quoted "we" or "our" is the speaker's side."""
    spans = _quotes(ctx.document.text)
    if not spans:
        return
    starts = [a for a, _ in spans]
    speakers: dict[tuple[int, int], str | None] = {}
    for t in ctx.tokens():
        if t.lower_ not in WE_PRONOUNS or ctx.mention_of_token(t) is not None:
            continue
        i = bisect.bisect_right(starts, t.idx) - 1
        if i < 0 or not (spans[i][0] < t.idx < spans[i][1]):
            continue
        if spans[i] not in speakers:
            speakers[spans[i]] = _speaker(ctx, *spans[i])
        actor = speakers[spans[i]]
        if actor is not None:
            ctx.add_mention(ActorMention(t.idx, t.idx + len(t), actor, "coref", t.i, t.i + 1))


def document_voice(ctx: ExtractContext) -> str | None:
    """Who speaks in the document's own voice: metadata `voice` (an ISO 3166 code or an
    organisation key, as a user ingesting a government's or a body's statements sets it),
    else `country_iso3` (the UN General Debate corpus's field). None when unknown."""
    meta = ctx.document.metadata or {}
    code = str(meta.get("voice") or meta.get("country_iso3") or "").strip().upper()
    if not code:
        return None
    return known_actor(ctx, for_vocab(ctx.doc.vocab).knowledge, code)


def _first_person_outside_quotes(ctx: ExtractContext) -> None:
    """In a statement or speech, an unquoted "we", "I" or "my country" is the document's voice."""
    voice = document_voice(ctx)
    if voice is None:
        return
    spans = _quotes(ctx.document.text)
    starts = [a for a, _ in spans]
    for t in ctx.tokens():
        low = t.lower_
        if low not in FIRST_PERSON or ctx.mention_of_token(t) is not None:
            continue
        i = bisect.bisect_right(starts, t.idx) - 1
        if i >= 0 and spans[i][0] < t.idx < spans[i][1]:
            continue
        if ctx.in_boilerplate(t.idx, t.idx + len(t)):
            continue
        end = t
        if t.dep_ == "poss" and t.head.lemma_.lower() in OWN_SIDE_NOUNS and t.head.i == t.i + 1:
            end = t.head
        ctx.add_mention(ActorMention(t.idx, end.idx + len(end), voice, "voice", t.i, end.i + 1))


def _definite_bodies(ctx: ExtractContext) -> None:
    """ "the agency" after the International Atomic Energy Agency, "the bloc" after ECOWAS: a
    definite common noun that names a kind of organisation is the latest one named before it
    whose name ends in that noun, or, for a generic one ("the bloc", "the alliance"), the
    latest organisation named."""
    orgs = sorted((m for m in ctx.mentions if (a := ctx.actors.get(m.actor_id)) is not None
                   and a.org and not a.country and a.kind in ("organization", "group")), key=lambda m: m.start)
    if not orgs:
        return
    starts = [m.start for m in orgs]
    for t in ctx.tokens():
        low = t.lower_
        if low not in BODY_NOUNS or t.tag_ != "NN" or ctx.mention_of_token(t) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) or any(
                c.dep_ in ("amod", "compound", "poss") for c in t.children):
            continue
        before = orgs[:bisect.bisect_left(starts, t.idx)]
        if low == "group":  # "the group" after the G7: a forum, not any organisation
            before = [m for m in before if ctx.actors[m.actor_id].kind == "group"]
        elif BODY_NOUNS[low]:
            before = [m for m in before if ctx.actors[m.actor_id].name.lower().split()[-1] in BODY_NOUNS[low]]
        if before:
            ctx.add_mention(ActorMention(t.idx, t.idx + len(t), before[-1].actor_id, "coref", t.i, t.i + 1))


@extractor("coref", requires=("actors",), components=("parser",))
def resolve_coreference(ctx: ExtractContext) -> None:
    _short_names(ctx)
    _pronouns(ctx)
    _definite_bodies(ctx)
    _first_person_in_quotes(ctx)
    _first_person_outside_quotes(ctx)
    _countries_through_possessors(ctx)
    _countries_from_the_story(ctx)
