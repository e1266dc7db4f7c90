"""Schema migrations: each step takes a store from version N to N+1; all steps run in one transaction.

An old store is either brought forward step by step or refused with a message that says what
to do; it is never read with the wrong schema. Add a step here whenever STORE_VERSION goes up.
A step changes only the tables that hold data (machine output, the decision log, meta): the
views and the tables derived from the decision log are dropped before the steps and recreated
from their current definitions after them, then rebuilt from the log, so a step never needs
to touch them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from realpolitik.store.base import STORE_VERSION, StoreVersionError
from realpolitik.store.tables import DERIVED, DERIVED_NAMES, VIEW_NAMES, VIEWS, statements

if TYPE_CHECKING:
    from realpolitik.store.sql import SQLStore


def _fixes_are_derived(store: SQLStore) -> None:
    """Version 2 adds analyst fixes (event_fixes, claim_fixes, actor_fixes, and analyst_actors
    that can carry a re-keyed actor's whole description): derived tables only, recreated below."""


# version N -> the statements that make a version-N store a version-(N+1) store
MIGRATIONS: dict[int, Callable[[SQLStore], None]] = {1: _fixes_are_derived}


def migrate(store: SQLStore, version: int) -> None:
    missing = [v for v in range(version, STORE_VERSION) if v not in MIGRATIONS]
    if missing:
        raise StoreVersionError(
            f"{store.location} is store version {version}; this realpolitik reads version {STORE_VERSION} and "
            f"cannot migrate from {missing[0]}: re-ingest the documents into a new store (--db NEW)")
    with store.transaction():
        for name in VIEW_NAMES:
            store._x(f"DROP VIEW IF EXISTS {name}")
        for name in DERIVED_NAMES:
            store._x(f"DROP TABLE IF EXISTS {name}")
        for v in range(version, STORE_VERSION):
            MIGRATIONS[v](store)
            store._x("UPDATE meta SET value = ? WHERE key = 'version'", [str(v + 1)])
        for stmt in statements(DERIVED) + statements(VIEWS):
            store._x(store._ddl(stmt))
        store._rebuild_derived()
