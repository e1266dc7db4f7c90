"""Writes: ingest a document, record or undo an analyst decision. Every one needs a token,
and the token's name is the analyst the decision is attributed to."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Response

from realpolitik.api.access import Writer, require_reader
from realpolitik.api.desk import Desk
from realpolitik.api.errors import NotFound, Unprocessable
from realpolitik.api.models import CorrectionIn, DocumentIn, Ingested
from realpolitik.api.routes.analyze import to_document
from realpolitik.api.routes.common import DeskDep, errors_doc
from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis

router = APIRouter(responses=errors_doc(401, 503))
MAX_VALUE = 2000  # characters of a decision's value (a fix's as JSON)


@router.post("/documents", response_model=list[Ingested], status_code=201, tags=["corpus"])
def ingest_document(d: DeskDep, who: Writer, body: DocumentIn, response: Response) -> list[Ingested]:
    """Analyse and store one document. The same content again is a no-op (200, "unchanged")."""
    document = to_document(body, d.config.max_bytes, f"<api:{who.name}>")
    if d.run(lambda s: s.has_document(document.id)):
        # As the ingest loop does: known content is not analysed again (it may become current again).
        added = d.write(lambda s: s.add_analysis(Analysis(documents=[document])))
        response.status_code = 200
    else:
        result = d.analyze(document)
        if isinstance(result, IngestFailure):
            raise Unprocessable(result.reason)
        added = d.write(lambda s: s.add_analysis(result))
    return [Ingested(doc=a.doc, outcome=a.outcome, version=a.version, events=a.events) for a in added]


@router.get("/corrections", tags=["corrections"], dependencies=[Depends(require_reader)], responses=errors_doc(403))
def list_corrections(d: DeskDep, include_undone: bool = True) -> list[dict[str, Any]]:
    """Every analyst decision, newest last; undone ones stay listed, marked undone."""
    return [x.to_dict() for x in d.run(lambda s: s.decisions(include_undone=include_undone))]


@router.post("/corrections", status_code=201, tags=["corrections"])
def add_correction(d: DeskDep, who: Writer, body: CorrectionIn) -> dict[str, Any]:
    """Reject an extraction, fix an actor's resolution, merge two actors, or fix an event's type,
    source, target, date or negation, a claim's status, an actor's key, kind or country (kind
    "fix", value an object of the fields it changes); returns the decision."""
    if body.kind in ("resolve", "merge") and not body.value:
        raise Unprocessable(f"a {body.kind} needs a value: the actor it really is")
    if body.kind == "fix" and not body.value:
        raise Unprocessable('a fix needs a value: the fields it changes, e.g. {"target": "RUS"}')
    given = body.value if isinstance(body.value, str) else json.dumps(body.value)
    if len(given) > MAX_VALUE:
        raise Unprocessable(f"value is longer than {MAX_VALUE} characters")
    decision_id = d.write(lambda s: s.decide(body.kind, body.target, body.value, who.name,
                                           scope=body.scope, note=body.note))
    return _decision(d, decision_id)


@router.post("/corrections/{decision_id}/undo", tags=["corrections"], responses=errors_doc(404))
def undo_correction(d: DeskDep, who: Writer, decision_id: int) -> dict[str, Any]:
    """Withdraw a decision: it stays in the log, marked undone, and queries forget it."""
    if not any(x.id == decision_id for x in d.run(lambda s: s.decisions(include_undone=True))):
        raise NotFound(f"no correction {decision_id}")
    return d.write(lambda s: s.undo(decision_id, who.name)).to_dict()


def _decision(d: Desk, decision_id: int) -> dict[str, Any]:
    found = [x for x in d.run(lambda s: s.decisions(include_undone=True)) if x.id == decision_id]
    if not found:
        raise NotFound(f"no correction {decision_id}")
    return found[0].to_dict()
