"""Write tokens: random secrets shown once, stored only as SHA-256 hashes in a token file.

A token is 256 random bits, so a plain hash is enough (no password stretching needed) and
lookup stays constant-time per stored hash. The file is written atomically with mode 0600.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

PREFIX = "rp_"


@dataclass(frozen=True)
class TokenRecord:
    name: str
    hash: str
    created: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load(path: Path) -> list[TokenRecord]:
    """The stored records; a missing file means no token yet (so every write is refused)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    return [TokenRecord(str(r["name"]), str(r["hash"]), str(r.get("created", ""))) for r in raw.get("tokens", [])]


def create(path: Path, name: str) -> str:
    """Make a token for `name`, store its hash, and return the secret (the only time it exists)."""
    if not name.strip():
        raise ValueError("a token needs a name: it attributes the corrections made with it")
    token = PREFIX + secrets.token_urlsafe(32)
    records = load(path)
    records.append(TokenRecord(name.strip(), _digest(token), datetime.now(UTC).isoformat(timespec="seconds")))
    body = json.dumps({"tokens": [r.__dict__ for r in records]}, indent=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    tmp.replace(path)
    return token


def verify(records: list[TokenRecord], token: str) -> TokenRecord | None:
    """The record the token belongs to, or None; compares every hash so timing says nothing."""
    digest = _digest(token)
    found = None
    for record in records:
        if hmac.compare_digest(record.hash, digest):
            found = record
    return found
