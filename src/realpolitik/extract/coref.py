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
from collections import Counter
from typing import TYPE_CHECKING

from realpolitik.extract import extractor, syntax
from realpolitik.extract.context import ActorMention, ExtractContext
from realpolitik.extract.gazetteer import for_vocab, known_actor

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
WE_PRONOUNS = {"we", "our", "us", "ours", "ourselves"}
FIRST_PERSON = WE_PRONOUNS | {"i", "me", "my", "mine", "myself"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves"}
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
# Capitalised alone, as a charter calls its own body: "the Organization" (the UN in a UN speech)
CHARTER_NOUNS = {"organization", "organisation"}
SUBJECT_DEPS = syntax.NOMINAL_SUBJECT | syntax.PASSIVE_SUBJECT
_CURLY = re.compile(r"\u201c[^\u201d\n]{2,}?\u201d")
_STRAIGHT = re.compile(r'"[^"\n]{2,}?"')
# After a closing quote: ', said X', ', X said', ' X told reporters' ...
_REPORTING = re.compile(r"^[,.]?\s*(?:(?:[A-Z][\w'.-]*|of|for|the|he|she)\s+){0,8}(?:said|says|added|told|stated|declared|wrote)\b"
                        r"|^[,.]?\s*(?:said|says|added|told|stated|declared|wrote)\b")
LOOKBACK_SENTENCES = 2
# A speaker's label opening a turn of a transcript: "SECRETARY BLINKEN: ...", "QUESTION: ..."
_TURN_LABEL = re.compile(r"(?m)^([A-Z\u00c0-\u024f][A-Z\u00c0-\u024f0-9 .'\u2019-]*[A-Z\u00c0-\u024f.]):[ \t]")


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
    if syntax.attached_as(t, syntax.EXPLETIVE):
        return True
    if not syntax.attached_as(t, SUBJECT_DEPS):
        return False
    if syntax.has_dependent(head, syntax.CLAUSAL_COMPLEMENT, syntax.CLAUSAL_SUBJECT) and head.lemma_ in (
            "be", "seem", "appear", "note", "say", "believe", "report", "expect", "understand", "know", "remain"):
        return True
    if head.lemma_ == "be" and syntax.has_dependent(head, syntax.ADJECTIVAL_COMPLEMENT):
        return syntax.has_dependent(head, syntax.CLAUSAL_COMPLEMENT, syntax.OPEN_COMPLEMENT) or any(
            syntax.attached_as(gc, syntax.CLAUSAL_COMPLEMENT, syntax.OPEN_COMPLEMENT)
            for c in syntax.dependents(head, syntax.ADJECTIVAL_COMPLEMENT)
            for gc in c.children
        )
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
    if not syntax.attached_as(pronoun, SUBJECT_DEPS):
        return False
    earlier = [t for t in ctx.doc[starts[n]:pronoun.i] if syntax.attached_as(t, SUBJECT_DEPS)]
    if earlier:  # "The statement named no government, but it urged ...": the statement
        head = earlier[-1]
    elif n == 0:
        return False
    else:
        previous = ctx.doc[starts[n - 1]:starts[n]]
        subjects = syntax.dependents(previous.root, SUBJECT_DEPS)
        if not subjects:
            return False
        head = subjects[0]
    return (head.tag_ == "NN" and not any(ctx.mention_of_token(t) for t in head.subtree if t.i <= head.i)
            and head.lemma_.lower() not in for_vocab(ctx.doc.vocab).knowledge.sectors)


def _coordinated(t: Token) -> bool:
    while syntax.attached_as(t, syntax.COMPOUND, syntax.POSSESSOR, syntax.ADJECTIVAL_MODIFIER) and t.head.i != t.i:
        t = t.head
    return syntax.attached_as(t, syntax.CONJUNCT) or syntax.has_dependent(t, syntax.CONJUNCT)


def _depth(t: Token) -> int:
    depth = 0
    while t.head.i != t.i:
        t = t.head
        depth += 1
    return depth


def _is_subject(t: Token) -> bool:
    """A mention heads a subject, directly or as the possessor or conjunct of one."""
    while (
        syntax.attached_as(
            t,
            syntax.COMPOUND,
            syntax.POSSESSOR,
            syntax.CONJUNCT,
            syntax.ADJECTIVAL_MODIFIER,
            syntax.APPOSITION,
        )
        and t.head.i != t.i
    ):
        t = t.head
    return syntax.attached_as(t, SUBJECT_DEPS)


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
            if not syntax.attached_as(
                t, syntax.NOMINAL_SUBJECT, syntax.PASSIVE_SUBJECT, syntax.POSSESSOR
            ) or _pleonastic(t):
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
        role_nouns = [head.head] if syntax.attached_as(head, syntax.APPOSITION) else []
        role_nouns += syntax.dependents(head, syntax.APPOSITION)
        role_nouns += [t for t in doc[max(0, span.start - 4):span.start]]
        for noun in role_nouns:
            for t in [noun, *noun.children]:
                if not syntax.attached_as(t, syntax.POSSESSOR):
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
        people = [m for m in inside if (a := ctx.actors.get(m.actor_id)) is not None and a.kind == "person"]
        if people or inside:   # "said Finance Minister X of Hungary": X, not a word of the title
            return min(people or inside, key=lambda m: m.start).actor_id
    return None


def _quotations(ctx: ExtractContext) -> tuple[list[tuple[int, int]], list[int]]:
    """The document's quotations (_quotes) and their starts, found once per document: four
    readings below ask which quotation a token is in."""
    got = ctx.memo.get("quotations")
    if got is None:
        spans = _quotes(ctx.document.text)
        got = ctx.memo["quotations"] = (spans, [a for a, _ in spans])
    return got


def _quote_at(spans: list[tuple[int, int]], starts: list[int], offset: int) -> int | None:
    """The index of the quotation (spans, sorted, with their starts) that holds offset, if any."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and spans[i][0] < offset < spans[i][1] else None


# A quotation with no attribution of its own this close after an attributed one continues it.
CONTINUED_QUOTE = 300


def _first_person_in_quotes(ctx: ExtractContext) -> None:
    """ "We condemned the launch," said Yoon: a quoted "we", "our" or "I" is the speaker's side
    (the speaker, for "I"); a quotation that follows an attributed one with none of its own
    ("... ," said Yoon. "We will answer.") is the same speaker's."""
    spans, starts = _quotations(ctx)
    if not spans:
        return
    speakers: dict[tuple[int, int], str | None] = {}

    def speaker_of(n: int) -> str | None:
        if spans[n] not in speakers:
            found = _speaker(ctx, *spans[n])
            if found is None and n > 0 and 0 <= spans[n][0] - spans[n - 1][1] <= CONTINUED_QUOTE:
                speakers[spans[n]] = None   # no loops through overlapping spans
                found = speaker_of(n - 1)
            speakers[spans[n]] = found
        return speakers[spans[n]]

    for t in ctx.tokens():
        if t.lower_ not in FIRST_PERSON or ctx.mention_of_token(t) is not None:
            continue
        i = _quote_at(spans, starts, t.idx)
        if i is None:
            continue
        actor = speaker_of(i)
        if actor is not None:
            ctx.add_mention(ActorMention(t.idx, t.idx + len(t), actor, "coref", t.i, t.i + 1))


def _turns(ctx: ExtractContext) -> list[tuple[int, int, str | None]]:
    """A transcript's turns, (start, end, the side its speaker speaks for): each runs from its
    upper-case label ("FOREIGN MINISTER OMAMO:") to the next. The side is the state (else the
    organisation) of the person the label names; None for a label naming no one with a side
    ("QUESTION:", "MODERATOR:")."""
    text = ctx.document.text
    labels = [m for m in _TURN_LABEL.finditer(text) if sum(ch.isalpha() for ch in m.group(1)) >= 2
              and m.group(1).upper() == m.group(1)]
    kb = for_vocab(ctx.doc.vocab).knowledge
    turns = []
    for n, label in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        side = None
        named = [m for m in ctx.mentions if label.start(1) <= m.start and m.end <= label.end(1) and not m.member]
        for m in sorted(named, key=lambda m: -m.start):
            a = ctx.actors.get(m.actor_id)
            if a is not None and a.kind == "person" and (a.country or a.org):
                side = known_actor(ctx, kb, a.country or a.org) or (a.country or a.org)
                break
        titled = side is None and any(label.group(1).lower().startswith(r) for r in kb.roles)
        turns.append((label.end(), end, side if side in ctx.actors else "guest" if titled else None))
    if any(side == "guest" for _, _, side in turns):
        guest = _guest(ctx, {side for _, _, side in turns} | {document_voice(ctx)})
        turns = [(a, b, guest if side == "guest" else side) for a, b, side in turns]
    return turns


def _guest(ctx: ExtractContext, hosts: set[str | None]) -> str | None:
    """The state a titled speaker the gazetteer does not know speaks for ("PRESIDENT ALI:" in a
    release of the host's): the state the document names most, other than the host's own and
    other speakers'; of two named as often, the one named first."""
    named = [m for m in sorted(ctx.mentions, key=lambda m: m.start) if not m.member and m.via != "voice"
             and not m.locative and (a := ctx.actors.get(m.actor_id)) is not None and a.kind == "state"
             and m.actor_id not in hosts]
    counts = Counter(m.actor_id for m in named)
    return max(counts, key=lambda k: counts[k], default=None)   # max keeps the first of equals


def _persons_in_turns(ctx: ExtractContext) -> list[tuple[int, int]]:
    """In a transcript, "we", "I" and "my country" are the side of the turn's speaker, and
    "you" the other side when the transcript has exactly two (a press availability of two
    ministers; not a question, whose "you" is whoever answers). Returns the turns with a
    speaker, which the document's own voice then leaves alone (it keeps the rest: "MS KVIEN:",
    an official the gazetteer does not know, is most likely the publisher's)."""
    turns = _turns(ctx)
    sides = {side for _, _, side in turns if side is not None}
    if not sides:
        return []   # no one named speaks: not a transcript
    spans, starts = _quotations(ctx)
    bounds = [a for a, _, _ in turns]
    for t in ctx.tokens():
        low = t.lower_
        if low not in FIRST_PERSON and low not in SECOND_PERSON or ctx.mention_of_token(t) is not None:
            continue
        i = bisect.bisect_right(bounds, t.idx) - 1
        if i < 0 or not turns[i][0] <= t.idx < turns[i][1] or turns[i][2] is None:
            continue
        if _quote_at(spans, starts, t.idx) is not None:
            continue   # quoted: the quotation's own speaker
        speaker = turns[i][2]
        if low in SECOND_PERSON:
            others = sides - {speaker}
            if len(sides) != 2 or len(others) != 1:
                continue
            actor = others.pop()
        else:
            actor = speaker
        end = t
        if syntax.attached_as(t, syntax.POSSESSOR) and t.head.lemma_.lower() in OWN_SIDE_NOUNS and t.head.i == t.i + 1:
            end = t.head
        ctx.add_mention(ActorMention(t.idx, end.idx + len(end), actor, "coref", t.i, end.i + 1))
    return [(a, b) for a, b, side in turns if side is not None]


def document_voice(ctx: ExtractContext) -> str | None:
    """Who speaks in the document's own voice: metadata `voice` (an ISO 3166 code or an
    organisation key, as a user ingesting a government's or a body's statements sets it),
    else `country_iso3` (the UN General Debate corpus's field). None when unknown."""
    meta = ctx.document.metadata or {}
    code = str(meta.get("voice") or meta.get("country_iso3") or "").strip().upper()
    if not code:
        return None
    return known_actor(ctx, for_vocab(ctx.doc.vocab).knowledge, code)


LEAD_SENTENCES = 4


def _joint_voice(ctx: ExtractContext) -> str | None:
    """The forum of states a joint statement speaks for: "The following statement was released
    by the G7 foreign ministers …", "We, the G7 Foreign Ministers of …". Read in the lead up to
    the first sentence that says "we"; only a group of states (the G7, the Quad), not an
    organisation issuing its own release."""
    kb = for_vocab(ctx.doc.vocab).knowledge
    for n, sent in enumerate(ctx.doc.sents):
        if n >= LEAD_SENTENCES:
            break
        first = next((t for t in sent if t.lower_ in WE_PRONOUNS), None)
        joint = any(t.lemma_.lower() == "statement" for t in sent) or (
            first is not None and first.i + 1 < sent.end and ctx.doc[first.i + 1].text == ",")
        if joint:
            for m in sorted(ctx.mentions, key=lambda m: m.start):
                org = kb.organizations.get(m.actor_id)
                if sent.start <= m.token_start and m.token_end <= sent.end and not m.member \
                        and org is not None and org.kind == "group" and org.members:
                    return m.actor_id
        if first is not None:
            break
    return None


def _first_person_outside_quotes(ctx: ExtractContext, turns: list[tuple[int, int]] = ()) -> None:
    """In a statement or speech, an unquoted "we", "I" or "my country" is the document's voice
    (not in a transcript's turns: each is its speaker's), or the forum a joint statement
    speaks for."""
    voice = document_voice(ctx)
    if voice is None:
        return
    voice = _joint_voice(ctx) or voice
    spans, starts = _quotations(ctx)
    turn_starts = [a for a, _ in turns]
    for t in ctx.tokens():
        low = t.lower_
        if low not in FIRST_PERSON or ctx.mention_of_token(t) is not None:
            continue
        if _quote_at(spans, starts, t.idx) is not None:
            continue
        j = bisect.bisect_right(turn_starts, t.idx) - 1
        if j >= 0 and turns[j][0] <= t.idx < turns[j][1]:
            continue
        if ctx.in_boilerplate(t.idx, t.idx + len(t)):
            continue
        end = t
        if syntax.attached_as(t, syntax.POSSESSOR) and t.head.lemma_.lower() in OWN_SIDE_NOUNS and t.head.i == t.i + 1:
            end = t.head
        ctx.add_mention(ActorMention(t.idx, end.idx + len(end), voice, "voice", t.i, end.i + 1))


def _definite_bodies(ctx: ExtractContext) -> None:
    """ "the agency" after the International Atomic Energy Agency, "the bloc" after ECOWAS: a
    definite common noun that names a kind of organisation is the latest one named before it
    whose name ends in that noun, or, for a generic one ("the bloc", "the alliance"), the
    latest organisation named; "the group" is the latest forum or armed movement named."""
    movements = for_vocab(ctx.doc.vocab).knowledge.movements   # "the group" after the Houthis
    orgs = sorted((m for m in ctx.mentions if (a := ctx.actors.get(m.actor_id)) is not None
                   and (a.org and not a.country and a.kind in ("organization", "group") or a.id in movements)),
                  key=lambda m: m.start)
    if not orgs:
        return
    starts = [m.start for m in orgs]
    for t in ctx.tokens():
        low = t.lower_
        if low not in BODY_NOUNS or ctx.mention_of_token(t) is not None or t.tag_ != "NN" and not (
                t.tag_ == "NNP" and low in CHARTER_NOUNS and t.i + 1 < len(t.doc) and t.nbor().pos_ != "PROPN"):
            continue
        if not any(
            syntax.attached_as(c, syntax.DETERMINER) and c.lower_ == "the" for c in t.children
        ) or syntax.has_dependent(t, syntax.ADJECTIVAL_MODIFIER, syntax.COMPOUND, syntax.POSSESSOR):
            continue
        before = orgs[:bisect.bisect_left(starts, t.idx)]
        if low == "group":  # "the group" after the G7: a forum, not any organisation
            before = [m for m in before if ctx.actors[m.actor_id].kind == "group"]
        elif BODY_NOUNS[low]:
            before = [m for m in before if ctx.actors[m.actor_id].name.lower().split()[-1] in BODY_NOUNS[low]]
        if before:
            ctx.add_mention(ActorMention(t.idx, t.idx + len(t), before[-1].actor_id, "coref", t.i, t.i + 1))


ASSEMBLY = "General Assembly"


def _addressee(ctx: ExtractContext) -> str | None:
    """Whom a statement or speech says "you" to: the President of the General Assembly (the UN)
    in a speech there; else the state the document names most besides
    its own (a message on another country's national day)."""
    text = ctx.document.text
    kb = for_vocab(ctx.doc.vocab).knowledge
    if ASSEMBLY in text:
        return known_actor(ctx, kb, "UN")
    return _guest(ctx, {document_voice(ctx)})


def _second_person_outside_quotes(ctx: ExtractContext, turns: list[tuple[int, int]]) -> None:
    """In a statement or speech in a state's voice (not a transcript), an unquoted "you" or
    "your" is the document's addressee."""
    voice = document_voice(ctx)
    if voice is None or voice not in ctx.actors or ctx.actors[voice].kind != "state" or turns:
        return
    spans, starts = _quotations(ctx)
    addressee = None
    for t in ctx.tokens():
        if t.lower_ not in SECOND_PERSON or ctx.mention_of_token(t) is not None:
            continue
        if _quote_at(spans, starts, t.idx) is not None or ctx.in_boilerplate(t.idx, t.idx + len(t)):
            continue
        addressee = addressee or _addressee(ctx)
        if addressee is None or addressee == voice:
            return
        ctx.add_mention(ActorMention(t.idx, t.idx + len(t), addressee, "coref", t.i, t.i + 1))


@extractor("coref", requires=("actors",), components=("parser",))
def resolve_coreference(ctx: ExtractContext) -> None:
    _short_names(ctx)
    _pronouns(ctx)
    _definite_bodies(ctx)
    _first_person_in_quotes(ctx)
    turns = _persons_in_turns(ctx)
    _first_person_outside_quotes(ctx, turns)
    _second_person_outside_quotes(ctx, turns)
    _countries_through_possessors(ctx)
    _countries_from_the_story(ctx)
