"""The FastAPI application: routes, the one error shape, the body limit, the web page.

`create_app(settings)` builds a fresh app (tests build one per store); `realpolitik serve`
runs it with uvicorn. The OpenAPI schema is at /openapi.json; the page is at /.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from realpolitik.api import errors, openapi
from realpolitik.api.access import TokenBook
from realpolitik.api.cache import ReadCache
from realpolitik.api.desk import Desk
from realpolitik.api.hosts import HostGuard, allowed_hosts
from realpolitik.api.limits import BodyLimitMiddleware
from realpolitik.api.settings import ApiSettings

if TYPE_CHECKING:
    from realpolitik.pipeline import Pipeline
    from realpolitik.store.base import Store

# The page builds every node itself from same-origin scripts; nothing else may run or load.
# Inline styles are allowed because the chart and graph libraries set them; scripts are not.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
_SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                     (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """Adds the headers above to every response (pure ASGI: no body buffering)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: ApiSettings, store: Store | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """An app over settings.db (or over an already open `store`, which the app then owns);
    `pipeline` lets a caller that already loaded spaCy share it."""
    from realpolitik import __version__
    from realpolitik.api.routes import ROUTERS
    from realpolitik.web import mount as mount_web

    workers = None
    if pipeline is None:   # a caller's own pipeline means in-process analysis (see Desk.analyze)
        from realpolitik.api.workers import AnalysisPool

        workers = AnalysisPool(settings.config.model, settings.analyze_workers, settings.analyze_budget,
                               settings.analyze_queue)
    desk = Desk(settings.db, settings.config, store, pipeline, workers, idle=settings.store_idle)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        desk.close()

    app = FastAPI(
        title="realpolitik",
        version=__version__,
        summary="A sourced, queryable model of geopolitical writing: every item points to its evidence.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; the schema is at /openapi.json
        lifespan=lifespan,
        responses={400: {"description": "Bad request", "content": {"application/json": {"schema": errors.ERROR_SCHEMA}}},
                   413: {"description": "Body too large", "content": {"application/json": {"schema": errors.ERROR_SCHEMA}}},
                   422: {"description": "Validation error", "content": {"application/json": {"schema": errors.ERROR_SCHEMA}}}},
    )
    app.state.settings = settings
    app.state.desk = desk
    app.state.tokens = TokenBook(settings.token_file)
    errors.install(app)
    openapi.install(app)
    for router in ROUTERS:
        app.include_router(router)
    mount_web(app)
    app.add_middleware(ReadCache, desk=desk, state=app.state)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostGuard, allowed=allowed_hosts(settings.allowed_hosts, settings.bind))
    return app
