"""Worker processes that extract identifiers for ingest, kept for as long as their owner needs them.

Starting a worker costs seconds: a new interpreter imports the extraction code and builds its patterns,
lexicons and tables at its first batch. One ingest of a large file pays that once; a caller that ingests
many small files in turn, each as a run of its own (the nightly job over an inbox), would pay it per file
if each run started and stopped its own workers. So the caller owns an `ExtractionPool` and hands it to
each `graph.ingest.ingest`; the workers start at the first batch that needs them and stay until the
pool is closed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any

# How often an extraction worker checks that the process that started it is still there.
_PARENT_CHECK_SECONDS = 1.0

__all__ = ["ExtractionPool"]


class ExtractionPool:
    """`workers` extraction processes, started at the first `submit` and shared by the ingests given it.

    A worker that dies (out of memory, killed) breaks the pool: the ingest using it fails with
    BrokenProcessPool and calls `discard`, and the next `submit` starts fresh workers (a run's first
    `submit` also replaces workers found broken then), so one bad run does not fail the ones after
    it. Use it as a context manager, or call `close`.
    """

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"an extraction pool needs at least 1 worker, not {workers}")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        """Whether workers are running (the pool starts them at its first `submit`)."""
        return self._executor is not None

    def submit(self, function: Callable[..., Any], *args: Any, replace_broken: bool = False) -> Future:
        """Run `function(*args)` in a worker, starting the workers first if none are running.

        BrokenProcessPool when a worker has died since: within a run that fails the run, whose
        extraction may have been lost. `replace_broken` is for a run's first batch: workers that broke
        before it (one killed between two files, or during a run that failed for another reason) are
        replaced, so the run does not fail for what happened before it began."""
        try:
            return self._running().submit(function, *args)
        except BrokenProcessPool:
            if not replace_broken:
                raise
            self.discard()
            return self._running().submit(function, *args)

    def _running(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
        return self._executor

    def discard(self) -> None:
        """Let the workers go without waiting for them (after one died): the next `submit` starts new
        ones. Work not yet started is cancelled."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def close(self) -> None:
        """Stop the workers: work not yet started is cancelled, work in progress is waited for."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _start_worker() -> None:
    """Set up an extraction worker: it leaves Ctrl-C and SIGTERM to the run, and dies with it.

    The run stops between batches on Ctrl-C or SIGTERM and shuts its workers down itself. Both signals
    often reach the workers too (a terminal's process group; systemd stopping every process of the
    unit): a worker ended by them would fail the batch in hand instead of letting the run stop cleanly.
    A run killed outright (SIGKILL, out of memory) cannot stop its workers, so each worker watches for
    its parent to go and exits then, rather than waiting forever for work that will not come.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="crosslink-parent-watch", daemon=True).start()
