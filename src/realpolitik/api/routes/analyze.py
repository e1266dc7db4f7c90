"""POST /analyze: the contract JSON for a posted text, computed on the spot and not stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from realpolitik.api.access import require_reader
from realpolitik.api.errors import PayloadTooLarge, Unprocessable
from realpolitik.api.models import DocumentIn
from realpolitik.api.routes.common import DeskDep, errors_doc
from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.schema import Document

router = APIRouter(tags=["analysis"])


def to_document(body: DocumentIn, max_bytes: int, where: str) -> Document:
    """The same checks and metadata rules as a JSONL line (language, empty text, dates)."""
    from realpolitik.ingest.jsonl import from_object

    payload = body.model_dump(exclude_none=True)
    size = sum(len(v.encode("utf-8", "surrogatepass")) for k, v in payload.items() if k in ("text", "html"))
    if size > max_bytes:
        raise PayloadTooLarge(f"document of {size} bytes is over the {max_bytes}-byte limit")
    built = from_object(where, payload, Overrides())
    if isinstance(built, IngestFailure):
        raise Unprocessable(built.reason)
    return built


@router.post("/analyze", dependencies=[Depends(require_reader)], responses=errors_doc(403, 503))
def analyze(d: DeskDep, body: DocumentIn) -> dict[str, Any]:
    """Analyse the text (or HTML) and return `realpolitik.analysis/1` JSON; nothing is stored.

    A read: open where reads are open, since it changes nothing.
    """
    document = to_document(body, d.config.max_bytes, "request")
    result = d.analyze(document)
    if isinstance(result, IngestFailure):
        raise Unprocessable(result.reason)
    return result.to_dict()
