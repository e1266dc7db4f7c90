"""The server's settings: each with a default, an environment variable and help.

Declared with the same `Setting` type as realpolitik.config so they read (and can be
documented) the same way; kept here because only `realpolitik serve` uses them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from realpolitik.config import Config, Setting

API_SETTINGS: tuple[Setting, ...] = (
    Setting("max_body_bytes", "REALPOLITIK_MAX_BODY_BYTES", str(6 * 1024 * 1024),
            "Largest request body the API reads; larger ones get 413 before being read."),
    Setting("allow_remote_reads", "REALPOLITIK_ALLOW_REMOTE_READS", "0",
            "1 lets clients other than loopback read without a token; writes always need one."),
    Setting("tokens", "REALPOLITIK_TOKENS", "",
            "Token file (hashes only); default: beside a DuckDB store, else ./realpolitik.tokens."),
    Setting("analyze_budget", "REALPOLITIK_ANALYZE_BUDGET", "10",
            "Seconds one POST /analyze or /documents may take before it gets 504 and its worker is replaced."),
    Setting("analyze_workers", "REALPOLITIK_ANALYZE_WORKERS", "1",
            "Worker processes that analyse posted documents (each loads the spaCy pipeline once)."),
    Setting("analyze_queue", "REALPOLITIK_ANALYZE_QUEUE", "8",
            "Posted analyses that may wait for a worker; the next one gets 503 at once."),
    Setting("store_idle", "REALPOLITIK_STORE_IDLE", "2",
            "Seconds without a request after which the desk lets go of a DuckDB store, so CLI commands that write "
            "(ingest, correct, undo) can open it; 0 lets go after every request."),
    Setting("header_timeout", "REALPOLITIK_HEADER_TIMEOUT", "10",
            "Seconds a client has to send a request's head (request line and headers); slower ones get 408 and are "
            "disconnected (slowloris guard)."),
    Setting("body_timeout", "REALPOLITIK_BODY_TIMEOUT", "30",
            "Seconds a request body may stall between two reads before the connection is closed."),
    Setting("allowed_hosts", "REALPOLITIK_ALLOWED_HOSTS", "",
            "Host names the desk answers under besides loopback and the bound address (DNS rebinding guard); * for any."),
)

_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class ApiSettings:
    db: str
    max_body_bytes: int = 6 * 1024 * 1024
    allow_remote_reads: bool = False
    tokens: str = ""
    allowed_hosts: str = ""
    analyze_budget: float = 10.0
    analyze_workers: int = 1
    analyze_queue: int = 8
    store_idle: float = 2.0
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    bind: str | None = None
    config: Config = field(default_factory=Config.from_env)

    @classmethod
    def from_env(cls, **overrides: object) -> ApiSettings:
        """Environment first, then explicit overrides (CLI flags); None means 'not given'."""
        env = {s.name: os.environ.get(s.env, s.default) for s in API_SETTINGS}
        config = Config.from_env(db=overrides.pop("db", None))
        base = cls(db=config.db, max_body_bytes=int(env["max_body_bytes"]),
                   allow_remote_reads=env["allow_remote_reads"].strip().lower() in _TRUE,
                   tokens=env["tokens"], allowed_hosts=env["allowed_hosts"],
                   analyze_budget=float(env["analyze_budget"]), analyze_workers=int(env["analyze_workers"]),
                   analyze_queue=int(env["analyze_queue"]), store_idle=float(env["store_idle"]),
                   header_timeout=float(env["header_timeout"]), body_timeout=float(env["body_timeout"]), config=config)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def token_file(self) -> Path:
        return token_file_for(self.db, self.tokens)


def token_file_for(db: str, tokens: str = "") -> Path:
    """Tokens live beside a DuckDB file (one store, one set of writers); a server URL has no
    file to sit beside, so the working directory is used."""
    if tokens:
        return Path(tokens)
    if "://" in db:
        return Path("realpolitik.tokens")
    return Path(db + ".tokens")
