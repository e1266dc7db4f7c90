"""A client that sends its request slowly cannot hold a connection (issue 14: slowloris).

Each case runs over both of uvicorn's HTTP implementations with short deadlines, through real
sockets; the last test does the same against `realpolitik serve` in its own process.
"""

from __future__ import annotations

import asyncio
import json
import select
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest

from realpolitik.api.deadlines import base_with_deadlines

HEAD, BODY = 0.5, 0.5
GIVE_UP = 8.0   # a connection still open this long after the deadline was never going to close


async def tiny_app(scope, receive, send) -> None:
    """/slow answers after 1.5 s (longer than either deadline); /echo reads the whole body."""
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    if scope["path"] == "/slow":
        await asyncio.sleep(1.5)
    text = f"{scope['path']} {len(body)}".encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(text)).encode())]})
    await send({"type": "http.response.body", "body": text})


def _protocols() -> list:
    from uvicorn.protocols.http.h11_impl import H11Protocol

    found = [pytest.param(H11Protocol, id="h11")]
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:   # httptools is optional for uvicorn
        return found
    return [*found, pytest.param(HttpToolsProtocol, id="httptools")]


@pytest.fixture(params=_protocols())
def address(request) -> Iterator[tuple[str, int]]:
    import uvicorn

    config = uvicorn.Config(tiny_app, host="127.0.0.1", port=0, log_level="error", lifespan="off",
                            http=base_with_deadlines(request.param, HEAD, BODY))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(400):
        if server.started:
            break
        time.sleep(0.025)
    assert server.started
    yield server.servers[0].sockets[0].getsockname()[:2]
    server.should_exit = True
    thread.join(timeout=10)


def dribble(sock: socket.socket, piece: bytes, every: float = 0.1) -> tuple[bytes, float]:
    """Send `piece` every `every` seconds until the server answers or hangs up; returns what
    it sent and how long the dribbling lasted."""
    start = time.monotonic()
    received = b""
    while time.monotonic() - start < GIVE_UP:
        try:
            sock.sendall(piece)
        except OSError:   # broken pipe or reset: the server closed
            break
        readable, _, _ = select.select([sock], [], [], every)
        if readable:
            try:
                chunk = sock.recv(65536)
            except OSError:
                break
            if not chunk:
                break
            received += chunk
    received += read_to_close(sock)
    return received, time.monotonic() - start


def read_to_close(sock: socket.socket, limit: float = GIVE_UP) -> bytes:
    sock.settimeout(limit)
    out = b""
    try:
        while chunk := sock.recv(65536):
            out += chunk
    except (TimeoutError, OSError):
        pass
    return out


def response(sock: socket.socket) -> bytes:
    """One whole response (headers and a content-length body) off a kept-alive connection."""
    sock.settimeout(GIVE_UP)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def test_a_head_dribbled_byte_by_byte_gets_408_and_is_closed(address):
    with socket.create_connection(address) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        received, lasted = dribble(sock, b"x")
    assert received.startswith(b"HTTP/1.1 408 ")
    error = json.loads(received.partition(b"\r\n\r\n")[2])["error"]
    assert error["status"] == 408 and error["code"] == "request_timeout"
    assert lasted < GIVE_UP   # closed by the server, not by the test giving up


def test_a_connection_that_sends_nothing_is_closed(address):
    with socket.create_connection(address) as sock:
        start = time.monotonic()
        received = read_to_close(sock)
        assert received.startswith(b"HTTP/1.1 408 ") and time.monotonic() - start < GIVE_UP


def test_a_head_sent_in_pieces_within_the_deadline_is_answered(address):
    with socket.create_connection(address) as sock:
        for piece in (b"GET /in-pieces HT", b"TP/1.1\r\nHost: 127.0.0.1\r\n", b"Connection: close\r\n\r\n"):
            sock.sendall(piece)
            time.sleep(0.1)
        received = read_to_close(sock)
    assert received.startswith(b"HTTP/1.1 200 ") and received.endswith(b"/in-pieces 0")


def test_a_response_slower_than_the_deadlines_is_not_cut_off(address):
    with socket.create_connection(address) as sock:
        sock.sendall(b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        received = read_to_close(sock)
    assert received.startswith(b"HTTP/1.1 200 ") and received.endswith(b"/slow 0")


def test_the_next_head_on_a_kept_alive_connection_has_its_own_deadline(address):
    with socket.create_connection(address) as sock:
        sock.sendall(b"GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert response(sock).endswith(b"/first 0")
        sock.sendall(b"GET /second HTTP/1.1\r\n")
        received, lasted = dribble(sock, b"y")
    assert received.startswith(b"HTTP/1.1 408 ") and lasted < GIVE_UP


def test_a_stalled_body_is_cut_off(address):
    with socket.create_connection(address) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789")
        start = time.monotonic()
        received = read_to_close(sock)
        assert received == b"" and time.monotonic() - start < GIVE_UP


def test_a_body_arriving_steadily_is_read_to_the_end(address):
    """The body deadline is between reads, not for the whole body: 6 pieces over ~1.2 s pass."""
    with socket.create_connection(address) as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 60\r\nConnection: close\r\n\r\n")
        for _ in range(6):
            time.sleep(0.2)
            sock.sendall(b"0123456789")
        received = read_to_close(sock)
    assert received.startswith(b"HTTP/1.1 200 ") and received.endswith(b"/echo 60")


def test_serve_closes_a_slowloris_connection_and_keeps_answering(tmp_path, serve_process):
    """The real thing: `realpolitik serve` with REALPOLITIK_HEADER_TIMEOUT=1 hangs up on a client
    still dribbling its headers, while /health answers other clients meanwhile."""
    with serve_process(str(tmp_path / "store.duckdb"), tmp_path, REALPOLITIK_HEADER_TIMEOUT="1") as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            with urllib.request.urlopen(f"{url}/health", timeout=GIVE_UP) as other:
                assert other.status == 200
            received, lasted = dribble(sock, b"X-Slow: 1\r\n", every=0.2)
    assert received.startswith(b"HTTP/1.1 408 ")
    assert json.loads(received.partition(b"\r\n\r\n")[2])["error"]["code"] == "request_timeout"
    assert lasted < GIVE_UP


@pytest.mark.parametrize("name, value", [("REALPOLITIK_HEADER_TIMEOUT", "0"), ("REALPOLITIK_BODY_TIMEOUT", "-3"),
                                         ("REALPOLITIK_STORE_IDLE", "-1")])
def test_serve_refuses_a_deadline_that_would_close_every_connection(tmp_path, name, value):
    from click.testing import CliRunner

    from realpolitik.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "store.duckdb"), "--port", "0"],
                                env={name: value})
    assert result.exit_code == 2
    assert name in result.output and value in result.output
