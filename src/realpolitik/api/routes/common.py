"""Pieces every route module shares: the desk, paging, and the error responses to document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from realpolitik.api.desk import Desk
from realpolitik.api.errors import ERROR_SCHEMA
from realpolitik.api.models import Page
from realpolitik.api.paths import public_row
from realpolitik.store.records import Record

MAX_LIMIT = 1000
MAX_OFFSET = 2**31 - 1

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


def desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(desk)]


def page(fetch: Callable[[int, int], Sequence[Record] | Sequence[dict[str, Any]]], limit: int, offset: int) -> Page:
    """Ask for one row more than the page so `next_offset` is known without a count query;
    the rows as JSON-ready dicts with no server path in them (api/paths.py)."""
    rows = fetch(limit + 1, offset)
    more = len(rows) > limit
    return Page(items=[public_row(r) for r in rows[:limit]], limit=limit, offset=offset,
                next_offset=offset + limit if more else None)


def errors_doc(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can return, all in the shared shape."""
    names = {401: "No or unknown token", 403: "Reads are open only on loopback", 404: "Unknown id",
             409: "Conflict", 503: "Store or model unavailable"}
    return {s: {"description": names.get(s, "Error"), "content": {"application/json": {"schema": ERROR_SCHEMA}}}
            for s in statuses}
