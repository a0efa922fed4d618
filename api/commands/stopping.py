"""Stopping a batch command between two batches: the first Ctrl-C or SIGTERM asks, a second one acts.

Shared by `crosslink ingest` and `crosslink nightly`, which stop the same way and exit 128 + the signal.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class StopRequest(threading.Event):
    """Set by the first Ctrl-C or SIGTERM; `signal` says which, for the exit status."""

    signal: int = signal.SIGINT


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """While inside, Ctrl-C or SIGTERM asks the run to stop before its next batch; a second one acts at once.

    The handlers in place before are restored on the way out (and after the first signal).
    """
    stop = StopRequest()
    if threading.current_thread() is not threading.main_thread():  # only the main thread gets signals
        yield stop
        return
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}

    def request(signum: int, _frame: object) -> None:
        stop.signal = signum
        stop.set()
        for number, handler in before.items():
            signal.signal(number, handler)

    for signum in before:
        signal.signal(signum, request)
    try:
        yield stop
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
