"""Who may do what: reads are open on loopback (or everywhere when configured), writes need a
token. Checked per request as FastAPI dependencies so the OpenAPI schema shows the scheme.
"""

from __future__ import annotations

import ipaddress
import threading
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from realpolitik.api import tokens
from realpolitik.api.errors import Forbidden, Unauthorized

bearer = HTTPBearer(auto_error=False, description="A token from `realpolitik token create`.")
Creds = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


class TokenBook:
    """The token file, re-read when it changes so a new token works without a restart."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._records: list[tokens.TokenRecord] = []

    def records(self) -> list[tokens.TokenRecord]:
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp != self._stamp:
                self._records = tokens.load(self.path) if stamp else []
                self._stamp = stamp
            return self._records

    def verify(self, token: str) -> tokens.TokenRecord | None:
        return tokens.verify(self.records(), token)


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _book(request: Request) -> TokenBook:
    return request.app.state.tokens


def require_writer(request: Request, creds: Creds) -> tokens.TokenRecord:
    """The token's record (its name attributes the write); 401 without a valid token."""
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise Unauthorized("this request changes the store: send 'Authorization: Bearer <token>' "
                           "(create one with `realpolitik token create`)")
    record = _book(request).verify(creds.credentials)
    if record is None:
        raise Unauthorized("unknown token: create one with `realpolitik token create`")
    return record


def may_read(state, client_host: str | None, authorization: str | None) -> bool:
    """The reader rule without a Request (the read cache asks it before answering)."""
    if state.settings.allow_remote_reads or is_loopback(client_host):
        return True
    scheme, _, token = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and bool(token) and state.tokens.verify(token.strip()) is not None


def require_reader(request: Request, creds: Creds) -> None:
    """Loopback clients read freely; others need --allow-remote-reads or a valid token."""
    if request.app.state.settings.allow_remote_reads:
        return
    if is_loopback(request.client.host if request.client else None):
        return
    if creds is not None and creds.credentials and _book(request).verify(creds.credentials):
        return
    raise Forbidden("reads are open only on loopback: run with --allow-remote-reads, or send a token")


Writer = Annotated[tokens.TokenRecord, Depends(require_writer)]
