"""Relations: the dyad report (the same library call as `realpolitik dyad`), a dyad's event
timeline with the page's filters, the actor network, contested items, and an actor's interest
topics with their salience over time (the same call as `realpolitik interests --by`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from realpolitik.api.access import require_reader
from realpolitik.api.models import Page
from realpolitik.api.routes.common import DeskDep, Limit, Offset, errors_doc, page
from realpolitik.api.routes.reads import DateQ, EventTypeQ, StatusQ, TextQ, actor_id
from realpolitik.store.records import DyadEventRow

router = APIRouter(dependencies=[Depends(require_reader)], responses=errors_doc(403, 404, 503), tags=["relations"])

ByQ = Annotated[Literal["month", "quarter", "year"], Query(description="Period of the index")]
LevelQ = Annotated[Literal["state", "actor"], Query(
    description="Count each side as its state or organisation (its leaders, ministries, armed forces and firms "
                "included) or as the actor alone")]


@router.get("/dyads/{a}/{b}")
def dyad(d: DeskDep, a: str, b: str, by: ByQ = "year",
         evidence: Annotated[int, Query(ge=0, le=50)] = 5, level: LevelQ = "state") -> dict[str, Any]:
    """Event counts per PLOVER type per period, the cooperation–conflict index (mean Goldstein,
    with the number of events behind it), the strongest evidence sentences and, per side, the
    member actors whose events were counted."""
    from realpolitik.analysis.dyad import dyad_report

    ida, idb = actor_id(d, a), actor_id(d, b)
    return d.run(lambda s: dyad_report(s, ida, idb, by=by, evidence=evidence, level=level)).to_dict()


@router.get("/dyads/{a}/{b}/events", response_model=Page)
def dyad_events(d: DeskDep, a: str, b: str, type: EventTypeQ = None, status: StatusQ = None,
                source: TextQ = None, publisher: TextQ = None, since: DateQ = None, until: DateQ = None,
                limit: Limit = 100, offset: Offset = 0, level: LevelQ = "state") -> Page:
    """The dyad's events in date order, each with its sentence and the actors that stood for
    each side (`side_a`, `side_b`); `source` keeps one direction (events initiated by that
    side), `publisher` one outlet."""
    from realpolitik.analysis.dyad import dyad_events

    ida, idb = actor_id(d, a), actor_id(d, b)
    src = actor_id(d, source) if source else None

    def initiated_by(e: DyadEventRow) -> bool:
        return src is None or e.source == src or (e.source == e.side_a and src == ida) or (
            e.source == e.side_b and src == idb)

    def fetch(n: int, o: int) -> list[DyadEventRow]:
        rows = d.run(lambda s: dyad_events(s, ida, idb, level=level, type=type, since=since, until=until))
        kept = [e for e in rows if (status is None or e.status == status)
                and initiated_by(e)
                and (publisher is None or (e.publisher or "").lower() == publisher.lower())]
        return kept[o:o + n]

    return page(fetch, limit, offset)


@router.get("/network")
def network(d: DeskDep, limit: Annotated[int, Query(ge=1, le=500, description="Busiest actors shown")] = 30,
            focus: Annotated[list[str] | None, Query(max_length=50, description="Actors to expand")] = None,
            since: DateQ = None, until: DateQ = None, level: LevelQ = "state",
            directed: Annotated[bool, Query(description="One edge per direction (source → target) "
                                                        "instead of one per pair")] = False) -> dict[str, Any]:
    """Actors as nodes, actor pairs as edges weighted by event count and carrying their mean
    Goldstein score; capped to the busiest `limit` actors, plus each `focus` actor's partners.
    At state level a node is a state or organisation listing its member actors. `since` and
    `until` keep a time window (ISO prefixes against each event's date)."""
    from realpolitik.api.network import build

    ids = [actor_id(d, f) for f in focus or []]
    return d.run(lambda s: build(s, limit=limit, focus=ids, since=since, until=until, level=level, directed=directed))


@router.get("/contested")
def contested(d: DeskDep, actor: TextQ = None,
              window_days: Annotated[int, Query(ge=0, le=3660)] = 31) -> list[dict[str, Any]]:
    """Contested events (the same happening told and denied) and denied claims, with evidence;
    each event carries `said_by`, the claim it is told through (who, how surely, the cues),
    and each item `names` for the actors it mentions."""
    from realpolitik.analysis.corroboration import contested as find
    from realpolitik.api.voices import with_voices

    who = actor_id(d, actor) if actor else None
    return d.run(lambda s: with_voices(s, find(s, window_days=window_days, actor=who)))


@router.get("/interests/topics", responses=errors_doc(404))
def interest_topics(d: DeskDep, actor: Annotated[str, Query(min_length=1, max_length=300)], since: DateQ = None,
                    by: ByQ = "year", topics: Annotated[int, Query(ge=1, le=50)] = 8,
                    evidence: Annotated[int, Query(ge=0, le=20)] = 3) -> dict[str, Any]:
    """An actor's stated interests grouped into topics (a state's including its people's and
    organs'), heaviest first; per period each topic's salience (its share of the actor's
    weighted statements, an emphatic one counting double), count, stances and holders; with
    evidence sentences and every source statement."""
    from realpolitik.analysis.interest_topics import topic_report

    who = actor_id(d, actor)
    return d.run(lambda s: topic_report(s, who, since=since, by=by, topics=topics, evidence=evidence)).to_dict()
