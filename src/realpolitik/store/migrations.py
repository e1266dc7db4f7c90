"""Schema migrations: each step takes a store from version N to N+1 inside one transaction.

An old store is either brought forward step by step or refused with a message that says what
to do; it is never read with the wrong schema. Add a step here whenever STORE_VERSION goes up.
Views are derived, so every step may drop and recreate them freely.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from realpolitik.store.base import STORE_VERSION, StoreVersionError

if TYPE_CHECKING:
    from realpolitik.store.sql import SQLStore

# version N -> the statements that make a version-N store a version-(N+1) store
MIGRATIONS: dict[int, Callable[[SQLStore], None]] = {}


def migrate(store: SQLStore, version: int) -> None:
    missing = [v for v in range(version, STORE_VERSION) if v not in MIGRATIONS]
    if missing:
        raise StoreVersionError(
            f"{store.location} is store version {version}; this realpolitik reads version {STORE_VERSION} and "
            f"cannot migrate from {missing[0]}: re-ingest the documents into a new store (--db NEW)")
    for v in range(version, STORE_VERSION):
        with store.transaction():
            MIGRATIONS[v](store)
            store._x("UPDATE meta SET value = ? WHERE key = 'version'", [str(v + 1)])
