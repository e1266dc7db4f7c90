"""A short, bounded load run of the API's read endpoints on loopback: p95 latency and errors.

    .venv/bin/python bench/load_api.py [--db realpolitik.duckdb] [--requests 600] [--seconds 60] [--workers 4]

Starts `realpolitik serve` in its own process on 127.0.0.1 (an ephemeral port; clients in
this process must not share the server's GIL), over --db or, without it, over a temporary
store of the bundled example corpus; sends at most --requests requests, for
at most --seconds, from --workers threads cycling through the read endpoints; prints per-
endpoint and overall p50/p95/max latency and the number of non-2xx answers or transport errors.
Exit status 1 when any request failed. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import multiprocessing
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "examples" / "articles"


def example_store(folder: Path) -> str:
    from realpolitik.store import open_store
    from realpolitik.store.ingest import ingest

    path = str(folder / "load.duckdb")
    with open_store(path) as store:
        ingest(store, [str(EXAMPLES)])
    return path


def start(db: str, tokens: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).with_name("realpolitik")), "serve", "--db", db, "--tokens", tokens,
                               "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise SystemExit("server did not start within 60 s")
        time.sleep(0.2)


def issue_four(client: httpx.Client) -> list[str]:
    """The four reads of issue 14's measure: events, actors, the CHN-RUS dyad, one document's annotations."""
    doc = client.get("/documents", params={"limit": 1}).json()["items"][0]["id"]
    return ["/events?limit=50", "/actors?limit=50", "/dyads/CHN/RUS?by=quarter", f"/documents/{doc}/annotations"]


def endpoints(client: httpx.Client) -> list[str]:
    """The read endpoints, with ids taken from the store so every path exists."""
    docs = client.get("/documents", params={"limit": 5}).json()["items"]
    actors = client.get("/actors", params={"limit": 2}).json()["items"]
    paths = ["/health", "/documents?limit=50", "/actors?limit=50", "/events?limit=50", "/claims?limit=50",
             "/quantities?limit=50", "/interests?limit=50", "/contested", "/network?limit=30", "/corrections"]
    paths += [f"/documents/{d['id']}" for d in docs[:2]] + [f"/documents/{d['id']}/annotations" for d in docs[:2]]
    if len(actors) == 2:
        a, b = actors[0]["id"], actors[1]["id"]
        paths += [f"/events?actor={a}&limit=50", f"/dyads/{a}/{b}?by=year", f"/dyads/{a}/{b}/events?limit=100"]
    return paths


def client_process(base: str, paths: list[str], threads: int, requests: int, seconds: float,
                   offset: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """One client process: `threads` loopback clients cycling through the paths."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    budget = itertools.count()
    stop_at = time.monotonic() + seconds
    cycle = itertools.cycle(paths[offset % len(paths):] + paths[:offset % len(paths)])

    host, port = base.removeprefix("http://").split(":")

    def worker() -> None:
        # the standard library's keep-alive client: a fraction of httpx's CPU per request,
        # which matters when clients and server share two cores
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        while next(budget) < requests and time.monotonic() < stop_at:
            with lock:
                path = next(cycle)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status < 300
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=30)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies[path].append(ms)
                if not ok:
                    errors[path] += 1
        conn.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return dict(latencies), dict(errors)


def post_bomb(base: str, out: dict) -> None:
    """The request that froze the server for a minute before issue 14."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120)
    body = json.dumps({"text": "Japan protested to China. " + "(" * 12_000 + ")" * 12_000})
    t0 = time.perf_counter()
    conn.request("POST", "/analyze", body=body, headers={"content-type": "application/json"})
    response = conn.getresponse()
    response.read()
    out.update(status=response.status, seconds=time.perf_counter() - t0)
    conn.close()


def p(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db")
    ap.add_argument("--requests", type=int, default=600)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=4, help="concurrent clients (threads, over --processes)")
    ap.add_argument("--four", action="store_true", help="only the four reads of issue 14's measure")
    ap.add_argument("--bomb", action="store_true",
                    help="also POST /analyze 12,000 '(' then 12,000 ')' once and time it; /health joins the reads")
    ap.add_argument("--processes", type=int, default=4, help="client processes (one Python client saturates "
                    "its own GIL near 1,000 requests/s, which would be measured as server latency)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="realpolitik-load-") as tmp:
        db = args.db or example_store(Path(tmp))
        server, base = start(db, str(Path(tmp) / "tokens.json"))
        try:
            with httpx.Client(base_url=base, timeout=30) as warm:
                paths = issue_four(warm) if args.four else endpoints(warm)
                if args.bomb:
                    paths.append("/health")
                for path in paths:  # first calls build caches; not timed
                    warm.get(path)
            latencies: dict[str, list[float]] = defaultdict(list)
            errors: dict[str, int] = defaultdict(int)
            started = time.perf_counter()
            share = [args.workers // args.processes + (k < args.workers % args.processes)
                     for k in range(args.processes)]
            per_process = args.requests // args.processes
            bomb: dict[str, object] = {}
            if args.bomb:
                threading.Thread(target=post_bomb, args=(base, bomb), daemon=True).start()
            with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
                parts = pool.starmap(client_process, [(base, paths, n, per_process, args.seconds, k)
                                                      for k, n in enumerate(share) if n])
            for part_latencies, part_errors in parts:
                for path, values in part_latencies.items():
                    latencies[path].extend(values)
                for path, n in part_errors.items():
                    errors[path] += n
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    every = [x for v in latencies.values() for x in v]
    width = max(len(k) for k in latencies) if latencies else 10
    every_sorted = sorted(every)
    p99 = every_sorted[min(len(every_sorted) - 1, int(len(every_sorted) * 0.99))] if every_sorted else float("nan")
    print(f"{'endpoint':<{width}}  {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>6}")
    for path, values in sorted(latencies.items()):
        print(f"{path:<{width}}  {len(values):>5} {p(values, 50):>8.1f} {p(values, 95):>8.1f} {max(values):>8.1f} "
              f"{errors.get(path, 0):>6}")
    n_err = sum(errors.values())
    if args.bomb:
        print(f"bracket bomb: HTTP {bomb.get('status')} after {bomb.get('seconds', float('nan')):.2f} s")
    print(f"\n{len(every)} requests in {elapsed:.1f} s ({len(every) / elapsed:.0f}/s) with {args.workers} clients in "
          f"{args.processes} processes; "
          f"p50 {p(every, 50):.1f} ms, p95 {p(every, 95):.1f} ms, p99 {p99:.1f} ms, max {max(every):.1f} ms; "
          f"errors {n_err}")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
