"""Read endpoints over the corpus: the same queries, filters and paging as the CLI's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from realpolitik.api.access import require_reader
from realpolitik.api.desk import Desk
from realpolitik.api.errors import NotFound
from realpolitik.api.models import Page
from realpolitik.api.paths import public_document, public_row
from realpolitik.api.routes.common import DeskDep, Limit, Offset, errors_doc, page
from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES
from realpolitik.store.records import ActorRow

router = APIRouter(dependencies=[Depends(require_reader)], responses=errors_doc(403, 503))

ActorKindQ = Annotated[str | None, Query(pattern="^(state|person|organization|group|location)$")]
EventTypeQ = Annotated[str | None, Query(pattern="^(" + "|".join(EVENT_TYPES) + ")$", description="PLOVER type")]
StatusQ = Annotated[str | None, Query(pattern="^(" + "|".join(CLAIM_STATUSES) + ")$")]
DateQ = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")]
TextQ = Annotated[str | None, Query(min_length=1, max_length=300)]


@router.get("/documents", response_model=Page, tags=["corpus"])
def list_documents(d: DeskDep, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Current document versions, without their text."""
    return page(lambda n, o: d.run(lambda s: s.documents(limit=n, offset=o)), limit, offset)


@router.get("/documents/{doc_id}", tags=["corpus"], responses=errors_doc(404))
def get_document(d: DeskDep, doc_id: str) -> dict[str, Any]:
    """One document with its text: every offset elsewhere points into this text."""
    found = d.run(lambda s: s.document(doc_id))
    if found is None:
        raise NotFound(f"no document {doc_id}")
    return public_document(found)


@router.get("/documents/{doc_id}/annotations", tags=["corpus"], responses=errors_doc(404))
def document_annotations(d: DeskDep, doc_id: str) -> dict[str, Any]:
    """The document, every highlight the page draws on it (actors, events, claims, figures,
    dates, interests) with offsets, and the actor table they refer to."""
    from realpolitik.api.annotations import for_document

    found = d.run(lambda s: for_document(s, doc_id))
    if found is None:
        raise NotFound(f"no document {doc_id}")
    return found


@router.get("/actors", response_model=Page, tags=["corpus"])
def list_actors(d: DeskDep, kind: ActorKindQ = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Actors as resolved after corrections (merged actors appear once)."""
    return page(lambda n, o: d.run(lambda s: s.actors(kind=kind, limit=n, offset=o)), limit, offset)


@router.get("/actors/{name}", tags=["corpus"], responses=errors_doc(404))
def get_actor(d: DeskDep, name: str) -> dict[str, Any]:
    """An actor by id, name or alias, as an analyst types it."""
    def find(s: Any) -> ActorRow | None:
        found_id = s.resolve_actor(name)
        if found_id is None:
            return None
        return next((a for a in s.actors(limit=None) if a.id == found_id), None)

    found = d.run(find)
    if found is None:
        raise NotFound(f"no actor {name!r}")
    return found.to_dict()


def actor_id(d: Desk, name: str) -> str:
    """The actor an id, name or alias means; 404 when none."""
    found = d.run(lambda s: s.resolve_actor(name))
    if found is None:
        raise NotFound(f"no actor {name!r}")
    return found


PublisherQ = Annotated[str | None, Query(min_length=1, max_length=300, description="One outlet (case-insensitive)")]


def event_filter(d: Desk, actor: str | None, type: str | None, since: str | None, until: str | None,
                 doc: str | None, status: str | None, publisher: str | None) -> Any:
    from realpolitik.api.event_table import EventFilter

    return EventFilter(actor=actor_id(d, actor) if actor else None, type=type, since=since, until=until, doc=doc,
                       status=status, publisher=publisher)


@router.get("/events", response_model=Page, tags=["corpus"], responses=errors_doc(404))
def list_events(d: DeskDep, actor: TextQ = None, type: EventTypeQ = None, since: DateQ = None, until: DateQ = None,
                doc: TextQ = None, status: StatusQ = None, publisher: PublisherQ = None,
                limit: Limit = 50, offset: Offset = 0) -> Page:
    """Events with their evidence sentence, document date and publisher, and claim status;
    `status` keeps one claim status, `publisher` one outlet."""
    from realpolitik.api import event_table

    f = event_filter(d, actor, type, since, until, doc, status, publisher)
    return page(lambda n, o: d.run(lambda s: event_table.page(s, f, n, o)), limit, offset)


@router.get("/events/facets", tags=["corpus"], responses=errors_doc(404))
def event_facets(d: DeskDep, actor: TextQ = None, type: EventTypeQ = None, since: DateQ = None,
                 until: DateQ = None, doc: TextQ = None, status: StatusQ = None,
                 publisher: PublisherQ = None) -> dict[str, Any]:
    """For the same filters as /events: the number of matching events, their first and last
    date, and per facet (type, actor, status, publisher) how many events each value holds
    among those passing the other filters."""
    from realpolitik.api import event_table

    f = event_filter(d, actor, type, since, until, doc, status, publisher)
    return d.run(lambda s: event_table.facets(s, f))


@router.get("/events.csv", tags=["corpus"], response_class=Response, responses={
    **errors_doc(404), 200: {"description": "The matching events as CSV (header row, LF line ends)",
                             "content": {"text/csv": {}}}})
def events_csv(d: DeskDep, actor: TextQ = None, type: EventTypeQ = None, since: DateQ = None, until: DateQ = None,
               doc: TextQ = None, status: StatusQ = None, publisher: PublisherQ = None) -> Response:
    """Every event /events would list for the same filters (no paging), as a CSV download: the
    columns of `realpolitik export csv`'s events.csv, then source_name and target_name."""
    from realpolitik.api import event_table

    f = event_filter(d, actor, type, since, until, doc, status, publisher)

    def build(s: Any) -> str:
        names = s.actor_names() if hasattr(s, "actor_names") else {}
        return "".join(event_table.csv_lines((public_row(e) for e in event_table.rows(s, f)), names))

    return Response(d.run(build), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="realpolitik-events.csv"'})


@router.get("/claims", response_model=Page, tags=["corpus"])
def list_claims(d: DeskDep, status: StatusQ = None, source: TextQ = None, doc: TextQ = None,
                limit: Limit = 50, offset: Offset = 0) -> Page:
    """The claims ledger: who claims what, and how surely."""
    return page(lambda n, o: d.run(lambda s: s.claims(status=status, source=source, doc=doc, limit=n, offset=o)),
                limit, offset)


@router.get("/quantities", response_model=Page, tags=["corpus"])
def list_quantities(d: DeskDep, doc: TextQ = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Figures (money, counts, distances, …) with their bounds, subject and date."""
    return page(lambda n, o: d.run(lambda s: s.quantities(doc=doc, limit=n, offset=o)), limit, offset)


@router.get("/interests", response_model=Page, tags=["corpus"], responses=errors_doc(404))
def list_interests(d: DeskDep, actor: TextQ = None, doc: TextQ = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Stated interests (what an actor wants), ranked where the text ranks them."""
    who = actor_id(d, actor) if actor else None

    def fetch(n: int, o: int) -> list[dict[str, Any]]:
        rows = [i.model_dump(mode="json") for i in d.run(lambda s: d.corpus.analysis(s)).interests
                if (who is None or i.actor == who) and (doc is None or i.doc == doc)]
        return rows[o:o + n]

    return page(fetch, limit, offset)
