"""Peak resident memory of a process and all its descendants, sampled in a thread.

psutil reports memory per process; the tree's figure is the sum over the live processes at
each sample. RSS counts the pages a forked worker shares with its parent in both, so with
fork the RSS sum is an upper bound (what `top` would add up); PSS (Linux) splits each shared
page between the processes sharing it, so its sum is what the tree really occupies.
"""

from __future__ import annotations

import threading

import psutil


def tree_memory(pid: int) -> tuple[int, int | None]:
    """(RSS, PSS or None where the platform lacks it) in bytes of `pid` and its descendants."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    rss, pss = 0, 0
    for p in procs:
        try:
            try:
                info = p.memory_full_info()
            except psutil.AccessDenied:
                info = p.memory_info()
        except psutil.Error:  # a worker exiting between listing and reading
            continue
        rss += info.rss
        one = getattr(info, "pss", None)
        pss = None if pss is None or one is None else pss + one
    return rss, pss


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and every descendant right now (0 once it has gone)."""
    return tree_memory(pid)[0]


class PeakRss:
    """`with PeakRss(pid) as peak: ...` then `peak.mb` (RSS) and `peak.pss_mb`: the highest seen."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.peak_pss: int | None = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)

    def _run(self) -> None:
        while True:
            rss, pss = tree_memory(self.pid)
            self.peak = max(self.peak, rss)
            self.peak_pss = None if pss is None or self.peak_pss is None else max(self.peak_pss, pss)
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

    @property
    def pss_mb(self) -> float | None:
        return None if self.peak_pss is None else round(self.peak_pss / 2**20, 1)
