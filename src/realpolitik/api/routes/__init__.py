"""Route modules, one per family; the app includes them in this order."""

from __future__ import annotations

from realpolitik.api.routes import analyze, meta, reads, writes

ROUTERS = (meta.router, reads.router, writes.router, analyze.router)
