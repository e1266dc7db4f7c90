"""Deadlines for receiving a request, which uvicorn does not have (issue 14: slowloris).

uvicorn's `timeout_keep_alive` only covers the silence between two requests and is cancelled
by the first byte of the next one, so a client that sends a request head one byte at a time
holds a connection for ever; ASGI middleware cannot help, as it runs only once the head is
parsed. So the deadlines sit in the HTTP protocol itself, as a subclass of the protocol uvicorn
would pick (httptools when installed, else h11), the way Go's ReadHeaderTimeout or nginx's
client_header_timeout work:

- head: a request's head (request line and headers) must be complete within `head_timeout`
  seconds of the connection opening, or of the previous response ending; else 408 and close.
  Bytes arriving do not restart this clock.
- body: while a request body is arriving, at most `body_timeout` seconds may pass between two
  reads (not counting time when the server itself stopped reading); else the connection closes.

The hooks used (connection_made/lost, data_received, on_response_complete, `cycle` with
`response_complete` and `more_body`, `flow.read_paused`) exist in both of uvicorn's
implementations; tests/api/test_api_deadlines.py runs against both.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

logger = logging.getLogger("uvicorn.error")


def _timeout_response(seconds: float) -> bytes:
    body = json.dumps({"error": {"status": 408, "code": "request_timeout",
                                 "message": f"the request head did not arrive within {seconds:g} s"}}).encode()
    return (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


class RequestDeadlines:
    """Mixin over a uvicorn HTTP protocol class (see `guarded_protocol`)."""

    head_timeout: float = 10.0
    body_timeout: float = 30.0

    # attributes of the uvicorn protocol this is mixed into
    cycle: Any
    transport: asyncio.Transport
    flow: Any
    loop: asyncio.AbstractEventLoop
    client: Any

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting: str | None = None
        self._head_of: Any = None
        super().connection_made(transport)  # type: ignore[misc]
        self._await_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)  # type: ignore[misc]
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        # a pipelined request already parsed is not waited for; otherwise the next head is
        if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)  # type: ignore[misc]

    def _await_head(self) -> None:
        self._head_of = self.cycle   # the parser makes a new cycle when a head is complete
        self._set("head", self.head_timeout)

    def _follow(self) -> None:
        """After bytes arrived: a complete head ends the head deadline; a body still arriving
        gets (or restarts) its idle deadline; a complete one ends it."""
        if self._waiting == "head" and self.cycle is self._head_of:
            return
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete and cycle.more_body:
            self._set("body", self.body_timeout)
        elif self._waiting is not None:
            self._cancel()

    def _set(self, what: str, seconds: float) -> None:
        self._cancel()
        self._waiting = what
        self._deadline = self.loop.call_later(seconds, self._expired, what, seconds)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._deadline = None
        self._waiting = None

    def _expired(self, what: str, seconds: float) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if what == "body" and self.flow is not None and self.flow.read_paused:
            self._set("body", seconds)    # the server stopped reading, not the client
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
        logger.warning("closing the connection from %s: request %s not received within %g s", client, what, seconds)
        if what == "head":
            self.transport.write(_timeout_response(seconds))
        self.transport.close()


def guarded_protocol(head_timeout: float, body_timeout: float) -> type[asyncio.Protocol]:
    """The HTTP protocol class uvicorn would use ("auto"), with RequestDeadlines."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    return base_with_deadlines(AutoHTTPProtocol, head_timeout, body_timeout)


def base_with_deadlines(base: type[asyncio.Protocol], head_timeout: float,
                        body_timeout: float) -> type[asyncio.Protocol]:
    return type(f"Guarded{base.__name__}", (RequestDeadlines, base),
                {"head_timeout": head_timeout, "body_timeout": body_timeout})
