"""Answers to reads, kept until the store changes: a desk with 50 readers serves most
requests from memory instead of queueing them behind the one store connection.

A cached answer belongs to a store state (`Desk.stamp`: this server's writes, plus the
store's counts re-read every few seconds for other writers); any change makes every entry
stale. Each answer carries an ETag, and a matching If-None-Match gets 304 without a body.
Access is checked as the routes check it before anything is served from here.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from realpolitik.api.access import may_read

MAX_ENTRIES = 2048
MAX_BODY = 4 * 1024 * 1024


class ReadCache:
    def __init__(self, app: ASGIApp, desk: Any, state: Any):
        self.app = app
        self.desk = desk
        self.state = state    # app.state: settings and tokens, as the routes see them
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple, tuple[Any, list, bytes, str]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        client = scope.get("client")
        if not may_read(self.state, client[0] if client else None, headers.get("authorization")):
            await self.app(scope, receive, send)   # the route answers 403 itself
            return
        try:
            stamp = self.desk.fresh_stamp() or await _in_thread(self.desk.stamp)
        except Exception:   # the store is unavailable: the route says so in its own words
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] == stamp:
                self._entries.move_to_end(key)
        if hit is not None and hit[0] == stamp:
            await self._answer(send, hit[1], hit[2], hit[3], headers, scope["method"])
            return
        captured: dict[str, Any] = {"body": b""}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
                if message.get("more_body"):
                    return
                await self._store_and_answer(key, stamp, captured, headers, scope["method"], send)

        await self.app(scope, receive, capture)

    async def _store_and_answer(self, key, stamp, captured, request_headers, method, send) -> None:
        status, raw_headers, body = captured["status"], captured["headers"], captured["body"]
        content_type = next((v for k, v in raw_headers if k.lower() == b"content-type"), b"")
        if status != 200 or not content_type.startswith(b"application/json") or len(body) > MAX_BODY:
            await send({"type": "http.response.start", "status": status, "headers": raw_headers})
            await send({"type": "http.response.body", "body": body})
            return
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        kept = [(k, v) for k, v in raw_headers if k.lower() not in (b"content-length", b"etag")]
        with self._lock:
            self._entries[key] = (stamp, kept, body, etag)
            self._entries.move_to_end(key)
            while len(self._entries) > MAX_ENTRIES:
                self._entries.popitem(last=False)
        await self._answer(send, kept, body, etag, request_headers, method)

    @staticmethod
    async def _answer(send: Send, headers: list, body: bytes, etag: str, request_headers: dict, method: str) -> None:
        out = [*headers, (b"etag", etag.encode()), (b"cache-control", b"no-cache")]
        if request_headers.get("if-none-match") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": out})
            await send({"type": "http.response.body", "body": b""})
            return
        out.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


async def _in_thread(fn):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn)
