"""Host-header allow-list: the answer to DNS rebinding.

A page the analyst visits can point its own domain at 127.0.0.1 and then read the desk from
the analyst's browser; the browser still sends that domain as Host. Only names the desk is
really served under are answered: the loopback names, the address `serve` binds, and any the
operator adds (REALPOLITIK_ALLOWED_HOSTS, comma-separated; `*` turns the check off).
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

from realpolitik.api.errors import error_body

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def host_name(header: str) -> str:
    """The host of a Host header, without port or IPv6 brackets, lower-cased."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(extra: str, bind: str | None = None) -> frozenset[str] | None:
    """The names to answer under; None means any (`*`)."""
    names = {n.strip().lower().strip("[]") for n in extra.split(",") if n.strip()}
    if "*" in names:
        return None
    if bind and bind not in ("0.0.0.0", "::"):
        names.add(bind.lower().strip("[]"))
    return frozenset(names | LOOPBACK_NAMES)


class HostGuard:
    """Pure ASGI: a request whose Host is not allowed gets 421 before any route runs."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str] | None):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.allowed is None:
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if host_name(header) in self.allowed:
            await self.app(scope, receive, send)
            return
        body = json.dumps(error_body(421, "host_not_allowed",
                                     "this desk does not answer under that host name (DNS rebinding guard); "
                                     "add it to REALPOLITIK_ALLOWED_HOSTS if it is really yours")).encode()
        await send({"type": "http.response.start", "status": 421,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
