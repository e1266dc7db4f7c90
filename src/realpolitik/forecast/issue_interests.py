"""How much one actor's stated interests dwell on an issue, which way they lean, and on what evidence.

The actor's stated interests (its people's and organs' included) are grouped into topics as
`realpolitik interests --by` groups them (analysis/interest_topics). The issue's statements are
those that name the issue (issue_terms), and every member of a topic on the issue: one whose
key terms name it, or at least half of whose statements do ("a moratorium on seabed mining"
and "the moratorium to last" are one topic). Then:

- share: the issue statements' weight over all the actor's (an emphatic statement, one with
  "above all", "firmly", a rank ..., weighs 2, another 1): the issue's share of what the
  actor states it wants;
- salience: FLOOR + (TOP - FLOOR) x share / the heaviest share among the actor's topics (or
  its statements in no topic, or the issue's own share when that is larger), so an issue as
  heavy as anything the actor states gets TOP and one it barely mentions stays near FLOOR;
- direction: over the issue statements whose span's head names the issue, wants and commits
  push toward it (+1), opposes and fears against it (-1), each by its weight; net = the
  weighted mean in [-1, 1]; position = 50 + 50 x net.

Every statement counted is kept as evidence with its document, span, sentence offsets and quote.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.interest_cues import STANCES
from realpolitik.analysis.interest_topics import Statement, Topic, sentence_bounds, statements, topic_report
from realpolitik.forecast.issue_terms import Issue, read_words
from realpolitik.store.base import Store

if TYPE_CHECKING:
    from spacy.language import Language

TOP_SALIENCE, FLOOR_SALIENCE = 90.0, 20.0
DIRECTION = {"wants": 1, "commits": 1, "opposes": -1, "fears": -1}  # toward the issue, or against it
MATCH_SHARE = 0.5  # a topic is the issue's when at least this share of its statements name it
MAX_TOPICS = 50  # every topic of all but the most talkative actors; the heaviest is what matters


@dataclass
class TopicMatch:
    """One of the actor's topics and how many of its statements name the issue."""
    label: str
    terms: list[str]
    n: int
    naming: int  # statements that name the issue
    key_terms_name: bool  # its key terms hold the words of one of the issue's phrases
    on_issue: bool  # key_terms_name or naming >= MATCH_SHARE x n: every member counts for the issue
    emphatic: int
    weight: int
    share: float


@dataclass
class Evidence:
    """One statement an actor's numbers rest on."""
    statement: Statement
    sentence: tuple[int, int]  # offsets of its sentence in the document
    topic: str | None  # the label of its topic; None for a statement in no topic
    names_issue: bool  # the span names the issue (else it counts through its topic)
    in_head: bool  # the span's head names the issue, so its stance counts for the position

    @property
    def direction(self) -> int:
        return DIRECTION[self.statement.stance]


@dataclass
class IssueReading:
    """What the store says about one actor on the issue; salience None when nothing does."""
    actor: str
    name: str
    statements: int  # all the actor's stated interests in range
    weight: int
    topics: list[TopicMatch]  # topics with a statement naming the issue, then the heaviest if not one
    evidence: list[Evidence] = field(default_factory=list)
    issue_weight: int = 0
    share: float = 0.0
    top_share: float = 0.0
    top_label: str | None = None
    salience: float | None = None
    stances: dict[str, int] = field(default_factory=dict)  # of the statements counted for the position
    net: float | None = None
    position: float | None = None

    @property
    def matched_topics(self) -> list[TopicMatch]:
        return [t for t in self.topics if t.on_issue]


def _key(s: Statement | dict[str, Any]) -> tuple[str, int, int]:
    if isinstance(s, Statement):
        return s.doc, s.span["start"], s.span["end"]
    return s["doc"], s["span"]["start"], s["span"]["end"]


def _sentence(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding [start, end), as the topic report's evidence sentences are cut."""
    first = next((b for b in bounds if b[0] <= start < b[1]), (start, end))
    last = next((b for b in bounds if b[0] < end <= b[1]), first)
    return first[0], max(first[1], last[1])


def read_issue(store: Store, actor: str, issue: Issue, since: str | None = None,
               nlp: Language | None = None) -> IssueReading:
    """The actor's stated interests read against the issue (issue_terms.issue_terms)."""
    from realpolitik.analysis.interest_terms import lemmatizer

    nlp = nlp or lemmatizer()
    actor = store.resolve_actor(actor) or actor
    name = store.actor_names().get(actor, actor)
    items = statements(store, actor, since=since)
    total = sum(s.weight for s in items)
    reading = IssueReading(actor, name, len(items), total, [])
    if not items:
        return reading
    report = topic_report(store, actor, since=since, topics=MAX_TOPICS, evidence=0, nlp=nlp)
    member_of: dict[tuple[str, int, int], Topic] = {_key(src): t for t in report.topics for src in t.sources}
    words = read_words([s.text for s in items], nlp)
    names = [issue.named_by(w) for w in words]
    naming = Counter(member_of[_key(s)].id for s, n in zip(items, names, strict=True)
                     if n and _key(s) in member_of)
    key_words = [frozenset().union(*w.words) for w in read_words([" ; ".join(t.terms) for t in report.topics], nlp)]
    matches = {}
    for t, keys in zip(report.topics, key_words, strict=True):
        by_terms = issue.named_in(keys)
        matches[t.id] = TopicMatch(t.label, list(t.terms), t.n, naming[t.id], by_terms,
                                   by_terms or naming[t.id] >= MATCH_SHARE * t.n, t.emphatic, t.weight, t.salience)
    chosen: list[tuple[Statement, Topic | None, bool, bool]] = []
    for s, w, n in zip(items, words, names, strict=True):
        topic = member_of.get(_key(s))
        if n or (topic is not None and matches[topic.id].on_issue):
            chosen.append((s, topic, n, issue.named_in_head(w)))
    heaviest = report.topics[0] if report.topics else None
    reading.topics = [m for m in matches.values() if m.naming or m.on_issue]
    if heaviest is not None and matches[heaviest.id] not in reading.topics:
        reading.topics.append(matches[heaviest.id])
    if not chosen:
        return reading
    reading.evidence = _evidence(store, chosen)
    reading.issue_weight = sum(e.statement.weight for e in reading.evidence)
    reading.share = round(reading.issue_weight / total, 4)
    # the heaviest thing the actor states: its heaviest topic, a statement in no topic, or the issue
    candidates = [(reading.issue_weight / total, "the issue's statements together")]
    if heaviest is not None:
        candidates.append((heaviest.salience, f"its heaviest topic '{heaviest.label}'"))
    candidates += [(s.weight / total, f"a statement in no topic ('{s.text}')") for s in items
                   if _key(s) not in member_of]
    top = max(candidates, key=lambda c: c[0])  # the first listed wins a tie
    reading.top_share, reading.top_label = round(top[0], 4), top[1]
    ratio = reading.issue_weight / total / top[0]
    reading.salience = round(FLOOR_SALIENCE + (TOP_SALIENCE - FLOOR_SALIENCE) * ratio)
    counted = [e for e in reading.evidence if e.in_head]
    if counted:
        c = Counter(e.statement.stance for e in counted)
        reading.stances = {k: c[k] for k in STANCES if c[k]}
        weight = sum(e.statement.weight for e in counted)
        reading.net = round(sum(e.direction * e.statement.weight for e in counted) / weight, 4)
        reading.position = round(50 + 50 * reading.net)
    return reading


def _evidence(store: Store, chosen: list[tuple[Statement, Topic | None, bool, bool]]) -> list[Evidence]:
    """Evidence with sentence offsets: each document read once."""
    bounds: dict[str, list[tuple[int, int]]] = {}
    out = []
    for s, topic, names, in_head in chosen:
        if s.doc not in bounds:
            found = store.document(s.doc)
            bounds[s.doc] = sentence_bounds(found.text if found else "")
        out.append(Evidence(s, _sentence(bounds[s.doc], s.span["start"], s.span["end"]),
                            topic.label if topic else None, names, in_head))
    return out
