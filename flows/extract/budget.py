"""A time budget for one document's extraction: past its deadline the extraction is interrupted, not waited on.

The extractor is pure Python over one text, so a watchdog thread can raise `OverBudget` inside the extracting
thread (CPython's PyThreadState_SetAsyncExc; it lands at the next bytecode, so a loop that went quadratic on a
hostile text stops within milliseconds of the deadline). This works in any thread (Prefect runs tasks in
worker threads, where SIGALRM cannot be used).

One watchdog thread serves every budget of the process: a thread (a `threading.Timer`) started per document cost
0.5-1 ms of a 3-10 ms extraction (thread start and its hand-shake). The watchdog sleeps until the earliest
deadline it knows; a new budget wakes it only when it is due earlier than that (never in a batch, where each
deadline is later than the last), and a deadline whose work already returned is dropped when it comes up. A fired budget fires again every
RESEND_SECONDS until its work returns (CPython drops an asynchronous exception that lands in a finalizer).
"""
from __future__ import annotations

import ctypes
import heapq
import itertools
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
RESEND_SECONDS = 0.05  # how often a budget that fired is fired again while its work has not returned


class OverBudget(BaseException):
    """The document's extraction ran past its time budget.

    A BaseException, like KeyboardInterrupt: it lands wherever the extracting thread is, and an `except Exception`
    on the way (in the extractor or a library it calls) must not swallow it and let the work run on.
    """


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise exc in the thread (None clears one that was set and not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class _Job:
    __slots__ = ("thread_id", "done", "fired")

    def __init__(self, thread_id: int) -> None:
        self.thread_id, self.done, self.fired = thread_id, False, False


class _Watchdog:
    """The process's one budget thread: a heap of (deadline, order, job), woken only for an earlier deadline."""

    def __init__(self) -> None:
        self.lock = threading.Condition(threading.Lock())
        self.heap: list[tuple[float, int, _Job]] = []
        self.order = itertools.count()
        self.wake_at = float("inf")  # when the thread will look next (inf: asleep until notified)
        self.thread: threading.Thread | None = None

    def add(self, job: _Job, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        with self.lock:
            heapq.heappush(self.heap, (deadline, next(self.order), job))
            if self.thread is None or not self.thread.is_alive():  # first use, or after a fork
                self.thread = threading.Thread(target=self._run, name="extract-budget", daemon=True)
                self.wake_at = deadline
                self.thread.start()
            elif deadline < self.wake_at:
                self.wake_at = deadline
                self.lock.notify()

    def _run(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                while self.heap and (self.heap[0][2].done or self.heap[0][0] <= now):
                    _, _, job = heapq.heappop(self.heap)
                    if not job.done:
                        job.fired = True
                        _raise_in(job.thread_id, OverBudget)
                        # Sent again until the work returns: an exception that lands in a finalizer or a weakref
                        # callback (a garbage collection under the extractor) is printed and dropped by CPython,
                        # and the document would then run to its end (seen: 754 s against a 1 s budget).
                        heapq.heappush(self.heap, (now + RESEND_SECONDS, next(self.order), job))
                self.wake_at = self.heap[0][0] if self.heap else float("inf")
                self.lock.wait(None if not self.heap else max(0.0, self.wake_at - now))


_WATCHDOG = _Watchdog()


def within_budget(work: Callable[[], T], seconds: float) -> T:
    """work(), or OverBudget when it is still running after `seconds`."""
    job = _Job(threading.get_ident())
    _WATCHDOG.add(job, seconds)
    try:
        result = work()
    finally:
        with _WATCHDOG.lock:
            job.done = True
            if job.fired:
                _raise_in(job.thread_id, None)  # fired as work returned: nothing left to interrupt
    if job.fired:
        # past the deadline all the same (the exception landed in C code's shadow, or was caught on the way): the
        # budget holds whatever the timing, so a run under load is judged as a run alone would be
        raise OverBudget
    return result
