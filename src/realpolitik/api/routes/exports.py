"""Exports as downloads: the same exporters as `realpolitik export`, written to a temporary
folder and streamed back (folder formats as one zip), then deleted."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from realpolitik.api.access import require_reader
from realpolitik.api.errors import NotFound
from realpolitik.api.routes.common import DeskDep, errors_doc

router = APIRouter(dependencies=[Depends(require_reader)], responses=errors_doc(403, 503), tags=["exports"])

# What a client gets for each single-file format; folder formats are zipped.
MEDIA = {"json": ("application/json", ".json"), "graphml": ("application/xml", ".graphml"),
         "gdelt": ("text/tab-separated-values", ".tsv"), "ftm": ("application/x-ndjson", ".jsonl")}


def _formats() -> dict[str, Any]:
    from realpolitik.export import exporters

    return exporters()


@router.get("/exports")
def list_exports() -> list[dict[str, Any]]:
    """The export formats this server knows (built-in and plugins alike)."""
    return [{"name": e.name, "help": e.help, "zip": e.directory, "href": f"/exports/{e.name}"}
            for e in sorted(_formats().values(), key=lambda e: e.name)]


@router.get("/exports/{fmt}", response_class=FileResponse, responses={
    **errors_doc(404), 200: {"description": "The export file (a zip for folder formats)",
                             "content": {"application/octet-stream": {}}}})
def export(d: DeskDep, fmt: str, level: Annotated[Literal["state", "actor"], Query(
        description="For graphml: nodes are states and organisations, or actors")] = "state") -> FileResponse:
    """Download the corrected corpus in one format."""
    from realpolitik.api.paths import PublicReads
    from realpolitik.export import export as run_export

    found = _formats().get(fmt)
    if found is None:
        raise NotFound(f"no export format {fmt!r}; GET /exports lists them")
    work = Path(tempfile.mkdtemp(prefix="realpolitik-export-"))
    try:
        media, suffix = MEDIA.get(fmt, ("application/octet-stream", ""))
        target = work / (f"realpolitik-{fmt}" + ("" if found.directory else suffix))
        files = d.run(lambda s: run_export(PublicReads(s), fmt, target, level=level))  # type: ignore[arg-type]
        if found.directory:
            archive = work / f"realpolitik-{fmt}.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
                for f in files:
                    z.write(f, arcname=f.name)
            target, media = archive, "application/zip"
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return FileResponse(target, media_type=media, filename=target.name,
                        background=BackgroundTask(shutil.rmtree, work, ignore_errors=True))
