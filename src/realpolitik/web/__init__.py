"""The analyst's page: static HTML, CSS and JavaScript served by the API app at /.

No build step: the files in static/ are what the browser gets. Vendored libraries sit in
static/vendor/ exactly as their npm packages ship them (see VENDORED.md). The page never
puts document text into HTML: every node is built with textContent.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount(app: FastAPI) -> None:
    """/ serves the page; /static/ its assets. Both are public: the data calls are guarded."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
