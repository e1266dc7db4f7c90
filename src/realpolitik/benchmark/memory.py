"""Peak resident memory of a process and all its descendants, sampled in a thread.

psutil reports RSS per process; the tree's figure is the sum over the live processes at each
sample. Pages a forked worker shares with its parent are counted in both, so with fork the
figure is an upper bound (what `top` would add up), never an underestimate.
"""

from __future__ import annotations

import threading

import psutil


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and every descendant right now (0 once it has gone)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # a worker exiting between listing and reading
            pass
    return total


class PeakRss:
    """`with PeakRss(pid) as peak: ...` then `peak.mb`: the highest tree RSS seen."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, tree_rss(self.pid))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def mb(self) -> float:
        return round(self.peak / 2**20, 1)
