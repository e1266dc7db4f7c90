"""How the desk holds its store, so that `realpolitik serve` and the CLI can use one DuckDB
file at the same time.

DuckDB admits one read-write process or many read-only ones per file. A desk that kept the
file open read-write would lock every CLI command out for as long as it runs (issue 15), so
over a DuckDB file the desk:

- reads through a read-only connection, opened on first use: CLI reading commands (which
  open read-only too) run beside it;
- writes (POST /documents, corrections, undo) by closing that connection, opening the file
  read-write for the one call and closing it again, which also checkpoints the write;
- lets go of the file after `idle` seconds without a request, so CLI commands that write
  (ingest, correct, undo) can open it; the next request opens it again and sees their changes.

Opening waits up to `wait` seconds while another process holds the file. A PostgreSQL server,
an in-memory store or a store handed over by a caller is one connection for everything.
Callers serialise their calls (the desk's store lock); this module adds no lock of its own
except around letting go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from realpolitik.store.base import Store

# After a read-only open found another process writing, later reads fail at once for this
# long instead of each waiting in turn behind the desk's store lock.
BUSY_MEMO_SECONDS = 1.0
READ_WAIT_SECONDS = 1.0


class OneConnection:
    """The store behind one connection that reads and writes (PostgreSQL, :memory:, a given store)."""

    def __init__(self, location: str, store: Store | None = None, wait: float = 0.0):
        self.location = location
        self.wait = wait
        self._store = store

    def reader(self) -> Store:
        if self._store is None:
            from realpolitik.store import open_store

            self._store = open_store(self.location, wait=self.wait)
        return self._store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        yield self.reader()

    def done(self) -> None:
        """Called after each use; one connection is kept for the desk's lifetime."""

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class SharedFile:
    """A DuckDB file shared with other processes: read-only between writes, let go when idle."""

    def __init__(self, location: str, lock: threading.RLock, idle: float = 2.0, wait: float = 5.0,
                 on_release: Callable[[], None] | None = None):
        self.location = location
        self.idle = idle
        self.wait = wait
        self._lock = lock               # the desk's store lock: held by every caller of reader/writer
        self._on_release = on_release   # the desk forgets what it knew of the store's state
        self._store: Store | None = None
        self._last_use = 0.0
        self._busy_until = 0.0
        self._stop = threading.Event()
        self._keeper: threading.Thread | None = None

    def reader(self) -> Store:
        """The read-only connection, opened if needed (the caller holds the lock)."""
        from realpolitik.store import StoreBusy, open_store

        self._last_use = time.monotonic()
        if self._store is None:
            if self._last_use < self._busy_until:
                raise StoreBusy(f"cannot read {self.location}: another process is writing to it; try again shortly")
            try:
                self._store = open_store(self.location, read_only=True, wait=min(self.wait, READ_WAIT_SECONDS))
            except StoreBusy:
                self._busy_until = time.monotonic() + BUSY_MEMO_SECONDS
                raise
            self._start_keeper()
        return self._store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The file opened read-write for one call, then closed (the caller holds the lock)."""
        from realpolitik.store import open_store

        self._close_reader()
        store = open_store(self.location, wait=self.wait)
        try:
            yield store
        finally:
            store.close()
            self._last_use = time.monotonic()

    def done(self) -> None:
        """Called after each use: the idle clock starts when a request ends, not when it began;
        with idle 0 the file is let go at once."""
        self._last_use = time.monotonic()
        if self.idle <= 0:
            self._let_go()

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            self._close_reader()

    def _close_reader(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _let_go(self) -> None:
        """Close the read-only connection: from now on other processes may write the file, so
        what the desk knew of its state (change stamp, cached views) must be read again."""
        self._close_reader()
        if self._on_release is not None:
            self._on_release()

    def _start_keeper(self) -> None:
        if self.idle > 0 and self._keeper is None:
            self._keeper = threading.Thread(target=self._keep, name="realpolitik-store-idle", daemon=True)
            self._keeper.start()

    def _keep(self) -> None:
        """Close the read-only connection once nobody has used it for `idle` seconds; a request
        in progress holds the lock, so it is never closed under one."""
        while not self._stop.wait(max(self.idle / 4, 0.05)):
            if self._store is None or time.monotonic() - self._last_use < self.idle:
                continue
            if self._lock.acquire(blocking=False):
                try:
                    if self._store is not None and time.monotonic() - self._last_use >= self.idle:
                        self._let_go()
                finally:
                    self._lock.release()


def holder_for(location: str, lock: threading.RLock, store: Store | None, idle: float, wait: float,
               on_release: Callable[[], None] | None = None) -> OneConnection | SharedFile:
    """SharedFile for a DuckDB file the desk opens itself; OneConnection otherwise."""
    if store is None and "://" not in location and location != ":memory:":
        return SharedFile(location, lock, idle=idle, wait=wait, on_release=on_release)
    return OneConnection(location, store, wait=wait)
