"""GET /search: full-text search over the current documents (store/search.py says how it matches
and ranks), one page of documents with their hits' offsets for the page to highlight."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from realpolitik.api.access import require_reader
from realpolitik.api.errors import Unprocessable
from realpolitik.api.paths import public_path
from realpolitik.api.routes.common import DeskDep, Offset, errors_doc

router = APIRouter(dependencies=[Depends(require_reader)], responses=errors_doc(403, 503), tags=["corpus"])


@router.get("/search", responses=errors_doc(404))
def search(d: DeskDep, q: Annotated[str, Query(min_length=1, max_length=300, description=(
               'Words (each must match where a word starts) and "quoted phrases"'))],
           doc: Annotated[str | None, Query(min_length=1, max_length=300, description="Only this document")] = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict[str, Any]:
    """Documents whose title or text holds every term, best first (BM25, a title hit counting
    three times); each with a snippet around its first hit, the hits inside the snippet
    (`marks`, relative to it) and every hit in the text (`spans`, code-point offsets)."""
    from realpolitik.store.search import MAX_TERMS, search_documents, terms_of

    terms = terms_of(q)
    if not terms:
        raise Unprocessable(f'nothing to search for in q={q!r}: give a word or a "quoted phrase"')
    if len(terms) > MAX_TERMS:
        raise Unprocessable(f"q has {len(terms)} search terms; at most {MAX_TERMS}")
    found = d.run(lambda s: search_documents(s, q, limit=limit, offset=offset, doc=doc))
    items = [{**h.to_dict(), "path": public_path(h.path)} for h in found.hits]
    more = offset + len(items) < found.total
    return {"query": found.query, "terms": found.terms, "total": found.total, "items": items, "limit": limit,
            "offset": offset, "next_offset": offset + len(items) if more else None}
