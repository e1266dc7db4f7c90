"""An actor's interests across a corpus: topics, and each topic's salience over time.

The actor's stated interests (a state's including its people's and organs') are grouped into
topics by clustering their spans (interest_terms, interest_clusters); each statement's
stance and emphasis are read from its sentence (interest_cues). Per period, a topic has:

- n: how many statements of it; emphatic: how many of them with an emphasis cue or a rank;
- weight: n plus emphatic (an emphatic statement counts double);
- salience: the topic's weight over the weight of all the actor's statements in that period,
  so a long speech and a short one are compared on the same 0–1 scale;
- stances and holders: wants/opposes/commits/fears, and who stated it (CHN, Xi Jinping, …).

Each topic keeps its sources and its evidence sentences; nothing is counted that cannot be
shown. Statements from undated documents count in the totals but in no period.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from realpolitik.analysis.interest_clusters import DEFAULT_CUT, cluster, key_terms, similarity_to_centroid
from realpolitik.analysis.interest_cues import STANCES, read_cues
from realpolitik.analysis.interest_terms import span_terms, tfidf
from realpolitik.analysis.periods import BY, period_of
from realpolitik.store.base import Store


@dataclass
class Statement:
    """One stated interest with what the topic report needs to count and show it."""
    actor: str  # who stated it (the queried state's people and organs keep their own id)
    rank: int | None
    text: str
    doc: str
    span: dict[str, int]
    date: str | None
    period: str | None
    publisher: str | None
    title: str | None
    where: str | None  # the document's URL, else its id (never a local path: reports are shared)
    sentence: str
    stance: str
    stance_cue: str | None
    emphasis: list[str]

    @property
    def weight(self) -> int:
        return 2 if self.emphasis else 1


@dataclass
class TopicPeriod:
    period: str
    n: int
    emphatic: int
    weight: int
    salience: float  # share of the actor's weighted statements in this period
    stances: dict[str, int]
    holders: dict[str, int]


@dataclass
class Topic:
    id: int
    label: str
    terms: list[str]
    n: int
    emphatic: int
    weight: int
    salience: float  # share over the whole range
    stances: dict[str, int]
    holders: dict[str, int]
    documents: int
    publishers: dict[str, int]
    periods: list[TopicPeriod]
    evidence: list[Statement] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)  # every statement: doc, span, date, actor, stance, text


@dataclass
class PeriodTotal:
    period: str
    n: int
    weight: int
    documents: int


@dataclass
class TopicReport:
    actor: str
    name: str
    since: str | None
    by: str
    n: int  # statements
    documents: int
    periods: list[PeriodTotal]
    topics: list[Topic]
    other: int  # statements in no topic shown (singletons, spans with no shared term, topics past the cap)
    unplaced: int  # statements whose document has no date fine enough for `by`
    method: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets of a document text, by punctuation (no parse needed)."""
    return [(s.start_char, s.end_char) for s in _sentencizer()(text).sents]


def _sentence_of(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end); an interest spread over two sentences keeps both."""
    first = next((b for b in bounds if b[0] <= start < b[1]), (start, end))
    last = next((b for b in bounds if b[0] < end <= b[1]), first)
    return first[0], max(first[1], last[1])


def statements(store: Store, actor: str, since: str | None = None, by: str = "year") -> list[Statement]:
    """The actor's stated interests with their sentences, cues and periods, oldest first."""
    rows = store.interests(actor=actor, since=since, limit=None)
    docs: dict[str, tuple[str, str | None]] = {}  # doc id -> its text and URL
    bounds: dict[str, list[tuple[int, int]]] = {}
    out = []
    for r in rows:
        if r.doc not in docs:
            found = store.document(r.doc)
            docs[r.doc] = (found.text, found.url) if found else ("", None)
            bounds[r.doc] = sentence_bounds(docs[r.doc][0])
        text, url = docs[r.doc]
        start, end = int(r.span_start), int(r.span_end)
        s0, s1 = _sentence_of(bounds[r.doc], start, end)
        how = read_cues(text[s0:s1], start - s0, end - s0, r.rank)
        out.append(Statement(r.actor, r.rank, r.text, r.doc, {"start": start, "end": end},
                             r.published, period_of(r.published, by), r.publisher, r.title,
                             url or r.doc, " ".join(text[s0:s1].split()), how.stance,
                             how.stance_cue, list(how.emphasis)))
    out.sort(key=lambda s: (s.date or "9999", s.doc, s.span["start"]))
    return out


def _counts(items: list[Statement], attr: str) -> dict[str, int]:
    c = Counter(getattr(s, attr) for s in items)
    return {k: c[k] for k in sorted(c, key=lambda k: (-c[k], k))}


def _stances(items: list[Statement]) -> dict[str, int]:
    c = Counter(s.stance for s in items)
    return {k: c[k] for k in STANCES if c[k]}


def _pick_evidence(members: list[Statement], typical: np.ndarray, k: int) -> list[Statement]:
    """The most telling statements: emphatic and typical of the topic first, one per
    document before a second from any document."""
    order = sorted(range(len(members)), key=lambda i: (-(typical[i] + 0.25 * bool(members[i].emphasis)),
                                                       members[i].date or "", members[i].doc, members[i].span["start"]))
    chosen: list[int] = []
    for one_per_doc in (True, False):
        for i in order:
            if len(chosen) >= k:
                break
            if i in chosen or (one_per_doc and any(members[j].doc == members[i].doc for j in chosen)):
                continue
            chosen.append(i)
    return [members[i] for i in chosen]


def topic_report(store: Store, actor: str, since: str | None = None, by: str = "year", topics: int = 8,
                 evidence: int = 3, min_size: int = 2, cut: float = DEFAULT_CUT, nlp: Any = None) -> TopicReport:
    """The actor's interests grouped into at most `topics` topics (each of at least `min_size`
    statements), heaviest first, with salience per period and evidence sentences."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    if topics < 1 or min_size < 1 or evidence < 0:
        raise ValueError("topics and min_size must be at least 1, evidence at least 0")
    actor = store.resolve_actor(actor) or actor
    items = statements(store, actor, since=since, by=by)
    name = store.actor_names().get(actor, actor)
    per_period: dict[str, list[Statement]] = defaultdict(list)
    for s in items:
        if s.period is not None:
            per_period[s.period].append(s)
    totals = [PeriodTotal(p, len(v), sum(s.weight for s in v), len({s.doc for s in v}))
              for p, v in sorted(per_period.items())]
    period_weight = {t.period: t.weight for t in totals}
    all_weight = sum(s.weight for s in items)
    found: list[Topic] = []
    if items:
        terms = span_terms([s.text for s in items], nlp)
        matrix, vocab = tfidf(terms.terms)
        labels = cluster(matrix, cut)
        groups = [np.flatnonzero(labels == k) for k in range(int(labels.max()) + 1)] if labels.max() >= 0 else []
        groups = [g for g in groups if len(g) >= min_size]
        groups.sort(key=lambda g: (-sum(items[i].weight for i in g), -len(g), int(g[0])))
        for g in groups[:topics]:
            members = [items[i] for i in g]
            written = [terms.written(t) for t in key_terms(matrix, vocab, g)]
            by_p: dict[str, list[Statement]] = defaultdict(list)
            for s in members:
                if s.period is not None:
                    by_p[s.period].append(s)
            periods = []
            for t in totals:  # every period the actor speaks in, zero where the topic is absent
                ms = by_p.get(t.period, [])
                w = sum(s.weight for s in ms)
                periods.append(TopicPeriod(t.period, len(ms), sum(bool(s.emphasis) for s in ms), w,
                                           round(w / period_weight[t.period], 4) if period_weight[t.period] else 0.0,
                                           _stances(ms), _counts(ms, "actor")))
            weight = sum(s.weight for s in members)
            found.append(Topic(len(found) + 1, " · ".join(written[:3]), written, len(members),
                               sum(bool(s.emphasis) for s in members), weight, round(weight / all_weight, 4),
                               _stances(members), _counts(members, "actor"), len({s.doc for s in members}),
                               _counts([s for s in members if s.publisher], "publisher"), periods,
                               _pick_evidence(members, similarity_to_centroid(matrix, g), evidence),
                               [{"doc": s.doc, "span": s.span, "date": s.date, "actor": s.actor, "stance": s.stance,
                                 "emphatic": bool(s.emphasis), "text": s.text} for s in members]))
    shown = sum(t.n for t in found)
    method = (f"interest spans clustered by TF-IDF over lemmas and two-word phrases (average-linkage cosine, "
              f"cut at distance {cut}); topics of at least {min_size} statements, heaviest {topics} shown; "
              "weight = statements + emphatic ones (emphasis cue or explicit rank); salience = the topic's "
              "weight / the actor's weight in the period; stance read from the words before each span")
    return TopicReport(actor, name, since, by, len(items), len({s.doc for s in items}), totals, found,
                       len(items) - shown, sum(1 for s in items if s.period is None), method)
