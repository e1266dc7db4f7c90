"""GET /health: is the store readable, and how much is in it (the page's first call)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from realpolitik.api.access import require_reader
from realpolitik.api.models import Health
from realpolitik.api.routes.common import DeskDep, errors_doc
from realpolitik.redaction import redact
from realpolitik.schema import SCHEMA_VERSION

router = APIRouter(tags=["meta"], dependencies=[Depends(require_reader)], responses=errors_doc(403, 503))


@router.get("/health", response_model=Health)
def health(d: DeskDep) -> Health:
    counts = d.run(lambda s: s.counts())
    return Health(status="ok", store=redact(d.location), counts=counts, schema_version=SCHEMA_VERSION)
