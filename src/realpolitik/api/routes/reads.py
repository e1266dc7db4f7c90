"""Read endpoints over the corpus: the same queries, filters and paging as the CLI's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from realpolitik.api.access import require_reader
from realpolitik.api.desk import Desk
from realpolitik.api.errors import NotFound
from realpolitik.api.models import Page
from realpolitik.api.paths import public_document
from realpolitik.api.routes.common import DeskDep, Limit, Offset, errors_doc, page
from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES

router = APIRouter(dependencies=[Depends(require_reader)], responses=errors_doc(403, 503))

ActorKindQ = Annotated[str | None, Query(pattern="^(state|person|organization|group|location)$")]
EventTypeQ = Annotated[str | None, Query(pattern="^(" + "|".join(EVENT_TYPES) + ")$", description="PLOVER type")]
StatusQ = Annotated[str | None, Query(pattern="^(" + "|".join(CLAIM_STATUSES) + ")$")]
DateQ = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")]
TextQ = Annotated[str | None, Query(min_length=1, max_length=300)]


@router.get("/documents", response_model=Page, tags=["corpus"])
def list_documents(d: DeskDep, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Current document versions, without their text."""
    return page(lambda n, o: [public_document(r) for r in d.run(lambda s: s.documents(limit=n, offset=o))],
                limit, offset)


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

    found = d.run(lambda s: for_document(s, d.corpus, doc_id))
    if found is None:
        raise NotFound(f"no document {doc_id}")
    return {**found, "document": public_document(found["document"])}


@router.get("/actors", response_model=Page, tags=["corpus"])
def list_actors(d: DeskDep, kind: ActorKindQ = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Actors as resolved after corrections (merged actors appear once)."""
    return page(lambda n, o: d.run(lambda s: s.actors(kind=kind, limit=n, offset=o)), limit, offset)


@router.get("/actors/{name}", tags=["corpus"], responses=errors_doc(404))
def get_actor(d: DeskDep, name: str) -> dict[str, Any]:
    """An actor by id, name or alias, as an analyst types it."""
    def find(s: Any) -> dict[str, Any] | None:
        found_id = s.resolve_actor(name)
        if found_id is None:
            return None
        return next((a for a in s.actors(limit=None) if a["id"] == found_id), None)

    found = d.run(find)
    if found is None:
        raise NotFound(f"no actor {name!r}")
    return found


def actor_id(d: Desk, name: str) -> str:
    """The actor an id, name or alias means; 404 when none."""
    found = d.run(lambda s: s.resolve_actor(name))
    if found is None:
        raise NotFound(f"no actor {name!r}")
    return found


@router.get("/events", response_model=Page, tags=["corpus"], responses=errors_doc(404))
def list_events(d: DeskDep, actor: TextQ = None, type: EventTypeQ = None, since: DateQ = None, until: DateQ = None,
                doc: TextQ = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    """Events with their evidence sentence, document date and publisher, and claim status."""
    who = actor_id(d, actor) if actor else None
    return page(lambda n, o: d.run(lambda s: s.events(actor=who, type=type, since=since, until=until,
                                                       doc=doc, limit=n, offset=o)), limit, offset)


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
