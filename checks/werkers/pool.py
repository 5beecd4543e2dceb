"""A pool of worker processes for the web app: each worker loads its own language model once, and requests that
arrive together are checked side by side. Memory stays bounded: a fixed number of workers, each replaced after
MAX_TAKEN checks (spaCy's memory zones keep the vocabulary bounded; a fresh process also returns what Python keeps)."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from checks.werkers import taken

MAX_TAKEN = 2_000


class Werkers:
    def __init__(self, aantal: int):
        self.aantal = aantal
        self._slot = threading.Lock()
        self._pool = self._nieuw()

    def _nieuw(self) -> ProcessPoolExecutor:
        # spawn, not fork: the web server has threads, and a forked copy of a process with threads may hang
        return ProcessPoolExecutor(self.aantal, mp_context=multiprocessing.get_context("spawn"),
                                   max_tasks_per_child=MAX_TAKEN)

    def warm(self) -> None:
        """Start the workers and load their models in the background, before the first request needs them."""
        for _ in range(self.aantal):
            self._pool.submit(taken.warm)

    def voer_uit(self, naam: str, stand: dict, *argumenten):
        pool = self._pool
        try:
            return pool.submit(taken.TAKEN[naam], stand, *argumenten).result()
        except BrokenProcessPool:           # a worker died (killed, out of memory): a new pool, and once more
            with self._slot:
                if self._pool is pool:
                    self._pool = self._nieuw()
            return self._pool.submit(taken.TAKEN[naam], stand, *argumenten).result()

    def stop(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
