"""Route modules, one per family; the app includes them in this order."""

from __future__ import annotations

from realpolitik.api.routes import analyze, exports, meta, reads, relations, search, writes

ROUTERS = (meta.router, reads.router, search.router, relations.router, exports.router, writes.router, analyze.router)
