"""A time budget for one document's extraction: past its deadline the extraction is interrupted, not waited on.

The extractor is pure Python over one text, so a watchdog thread can raise `OverBudget` inside the extracting
thread (CPython's PyThreadState_SetAsyncExc; it lands at the next bytecode, so a loop that went quadratic on a
hostile text stops within milliseconds of the deadline). This works in any thread (Prefect runs tasks in
worker threads, where SIGALRM cannot be used) and costs one timer a document instead of a process a document.
"""
from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OverBudget(BaseException):
    """The document's extraction ran past its time budget.

    A BaseException, like KeyboardInterrupt: it lands wherever the extracting thread is, and an `except Exception`
    on the way (in the extractor or a library it calls) must not swallow it and let the work run on.
    """


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise exc in the thread (None clears one that was set and not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def within_budget(work: Callable[[], T], seconds: float) -> T:
    """work(), or OverBudget when it is still running after `seconds`."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, OverBudget)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        result = work()
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(thread_id, None)  # fired as work returned: nothing left to interrupt
    if state["fired"]:
        # past the deadline all the same (the exception landed in C code's shadow, or was caught on the way): the
        # budget holds whatever the timing, so a run under load is judged as a run alone would be
        raise OverBudget
    return result
