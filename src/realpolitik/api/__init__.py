"""The REST API and the page it serves: `realpolitik serve`, or `create_app(settings)` in code.

Reads are open on loopback; writes (ingest, corrections) need a token from
`realpolitik token create`. Every error has one shape: {"error": {"status", "code", "message"}}.
The server never fetches a URL or runs anything a document contains.
"""

from __future__ import annotations

from realpolitik.api.app import create_app
from realpolitik.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
