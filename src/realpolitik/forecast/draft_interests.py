"""Draft a scenario from the store: each actor's salience and position read from its stated
interests on the issue (issue_interests), each number with the evidence it rests on.

An actor gets one of three bases, named in its `basis` and its comment:

- "topics": some of its stated interests are on the issue: salience from their share of
  what it states, position from their stances (left empty when none names the issue in its
  head), evidence numbered so each number's source names the statements behind it;
- "no matching topic": it states interests, none on the issue: the default salience, its
  heaviest topic shown so the analyst can judge or rerun with --terms;
- "no stated interest": as before, the default salience.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from realpolitik.forecast.draft import DEFAULT_SALIENCE, scenario_shell
from realpolitik.forecast.issue_interests import (
    FLOOR_SALIENCE,
    TOP_SALIENCE,
    Evidence,
    IssueReading,
    read_issue,
)
from realpolitik.forecast.issue_terms import issue_terms
from realpolitik.store.base import Store

if TYPE_CHECKING:
    from spacy.language import Language

CAPABILITY_NOTE = "equal by default; analyst judgement needed"


def numbers(ns: Sequence[int]) -> str:
    """'1–4, 7' for [1, 2, 3, 4, 7]: which evidence items a number rests on."""
    runs: list[list[int]] = []
    for n in ns:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def evidence_item(n: int, e: Evidence) -> dict[str, Any]:
    """One evidence entry: where the statement is, what it says, how it counts."""
    s = e.statement
    return {"n": n, "doc": s.doc, "span": dict(s.span), "sentence": {"start": e.sentence[0], "end": e.sentence[1]},
            "text": s.text, "quote": s.sentence, "stance": s.stance, "stance_cue": s.stance_cue,
            "emphasis": list(s.emphasis), "weight": s.weight, "rank": s.rank, "stated_by": s.actor,
            "date": s.date, "title": s.title, "where": s.where, "topic": e.topic,
            "names_issue": e.names_issue, "counts_for": ["salience", "position"] if e.in_head else ["salience"]}


def _stance_words(stances: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in stances.items())


def topic_entry(r: IssueReading) -> dict[str, Any]:
    """The scenario actor for a reading with statements on the issue."""
    items = [evidence_item(n, e) for n, e in enumerate(r.evidence, 1)]
    every = numbers([i["n"] for i in items])
    counted = [i["n"] for i in items if "position" in i["counts_for"]]
    topics = "; ".join(f"'{t.label}' ({'its key terms name the issue; ' if t.key_terms_name else ''}"
                       f"{t.naming} of its {t.n} statements do, {t.emphatic} emphatic)" for t in r.matched_topics)
    on_topic = {t.label for t in r.matched_topics}
    alone = sum(1 for e in r.evidence if e.topic not in on_topic)
    where = " and ".join(filter(None, [f"topic(s) {topics}" if topics else "",
                                       f"{alone} {'other ' if topics else ''}statement(s) that name it" if alone else ""]))
    ratio = r.share / r.top_share if r.top_share else 0.0
    salience_why = (f"stated interests: the issue's {len(items)} statement(s) carry weight {r.issue_weight} of "
                    f"{r.actor}'s {r.weight} (share {r.share:.2f}); {r.top_label} has share {r.top_share:.2f}, so "
                    f"{FLOOR_SALIENCE:g} + {TOP_SALIENCE - FLOOR_SALIENCE:g} × {ratio:.2f} = {r.salience:g}; "
                    f"evidence {every}")
    if r.position is not None:
        position_why: str = (f"stances of the {len(counted)} statement(s) whose head names the issue: "
                             f"{_stance_words(r.stances)} (wants/commits toward 100, opposes/fears toward 0, "
                             f"emphatic ones double) → net {r.net:+.2f} → 50 + 50 × {r.net:+.2f} = "
                             f"{r.position:g}; evidence {numbers(counted)}")
    else:
        position_why = ("analyst: none of the issue's statements names the issue in its head (as in 'a "
                        "moratorium on …'), so no direction is read; fill it in from the evidence")
    skipped = len(items) - len(counted)
    comment = (f"{r.name}: {len(items)} of its {r.statements} stated interest(s) are on the issue, in {where}. "
               f"Salience {r.salience:g} from their share of what it states; position "
               + (f"{r.position:g} from their stances" if r.position is not None else "left to the analyst")
               + (f"; {skipped} statement(s) name the issue only after their head (e.g. 'a moratorium on …') "
                  "and count for the salience only" if skipped else "") + ".")
    return {
        "id": r.actor, "name": r.name, "position": r.position, "salience": r.salience, "capability": 1,
        "source": {"position": position_why, "salience": salience_why, "capability": CAPABILITY_NOTE},
        "basis": {"salience": "topics", "position": "stances" if r.position is not None else "analyst"},
        "comment": comment,
        "reading": {"statements": r.statements, "weight": r.weight, "issue_weight": r.issue_weight,
                    "share": r.share, "top_share": r.top_share, "top": r.top_label,
                    "stances": dict(r.stances), "net": r.net,
                    "topics": [vars(t).copy() for t in r.topics]},
        "evidence": items,
    }


def default_entry(r: IssueReading) -> dict[str, Any]:
    """The scenario actor for a reading with nothing on the issue: the default salience, labelled."""
    if r.statements:
        heaviest = next((t for t in r.topics if not t.on_issue), None)
        also = f"; its heaviest topic is '{heaviest.label}' ({heaviest.share:.2f} of what it states)" if heaviest else ""
        comment = (f"no matching topic: {r.name} states {r.statements} interest(s) but none names the issue{also}. "
                   f"Salience set to the default {DEFAULT_SALIENCE:g}: set it by hand, or rerun with --terms "
                   "naming the issue as these statements do")
        basis, source = "no matching topic", f"default: none of {r.actor}'s stated interests names the issue"
    else:
        comment = (f"no stated interest found in the store: salience set to the default {DEFAULT_SALIENCE:g}; "
                   "set it by hand")
        basis, source = "no stated interest", "default: no stated interest found"
    return {
        "id": r.actor, "name": r.name, "position": None, "salience": DEFAULT_SALIENCE, "capability": 1,
        "source": {"position": "analyst: fill in", "salience": source, "capability": CAPABILITY_NOTE},
        "basis": {"salience": basis, "position": "analyst"},
        "comment": comment,
        "reading": {"statements": r.statements, "weight": r.weight,
                    "topics": [vars(t).copy() for t in r.topics]},
        "evidence": [],
    }


def draft_from_store(store: Store, issue: str, actors: Iterable[str], terms: Iterable[str] = (),
                     since: str | None = None, nlp: Language | None = None) -> dict[str, Any]:
    """A scenario dict for `actors` on `issue` from the store's stated interests.

    `terms` are phrases that name the issue in the statements (default: the issue itself;
    a statement names it when it holds every content word of one phrase); `since` limits the statements to documents published from that date.
    """
    from realpolitik.analysis.interest_terms import lemmatizer

    nlp = nlp or lemmatizer()
    given = [t.strip() for t in terms if t.strip()]
    terms_read = issue_terms(issue, given, nlp)
    readings = [read_issue(store, a, terms_read, since=since, nlp=nlp) for a in dict.fromkeys(actors)]
    entries = [topic_entry(r) if r.evidence else default_entry(r) for r in readings]
    named = ", ".join(given) if given else issue
    drafted = scenario_shell(
        issue, entries,
        scale={"low": f"(analyst: check) none of what the issue names ({named}): where actors that oppose or "
                      "fear it push",
               "high": f"(analyst: check) what the issue names ({named}) in full: where actors that want or "
                       "commit to it push"},
        notes=("Drafted by `realpolitik scenario draft` from the stated interests in the store"
               + (f" published since {since}" if since else "") + ". For each actor: salience from the share "
               "of its stated interests on the issue (those that name it, and topics whose key terms or at "
               "least half of whose statements do; emphatic statements count double), relative to the heaviest thing it states; position from the stances of "
               "those statements (wants/commits toward 100, opposes/fears toward 0); every number's source "
               "names the evidence items it rests on. Check each against its quote: a stance is read on the "
               "words of the span ('wants seabed mining banned' reads as wanting it). Actors whose basis is "
               "not 'topics' carry defaults. Capabilities and the status quo are the analyst's."))
    drafted["issue_terms"] = terms_read.texts
    if since:
        drafted["since"] = since
    return drafted
