"""The extraction time budget: one watchdog thread for the process, an earlier deadline still honoured."""
from __future__ import annotations

import threading
import time

import pytest

from flows.extract.budget import OverBudget, within_budget


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "finished"


def _budget_threads() -> int:
    return sum(1 for thread in threading.enumerate() if thread.name == "extract-budget")


def test_work_within_its_budget_returns_its_result_and_many_budgets_share_one_thread() -> None:
    results = [within_budget(lambda: 7 * 6, 60.0) for _ in range(200)]
    assert results == [42] * 200
    assert _budget_threads() == 1


def test_a_short_budget_after_long_ones_interrupts_on_time() -> None:
    within_budget(lambda: None, 60.0)  # the watchdog now sleeps towards a deadline a minute away
    started = time.monotonic()
    with pytest.raises(OverBudget):
        within_budget(lambda: _spin(5.0), 0.2)
    assert 0.2 <= time.monotonic() - started < 1.5
    assert within_budget(lambda: _spin(0.05), 0.5) == "finished"  # the next budget is not hit by the last one's


def test_budgets_in_two_threads_each_interrupt_their_own_work() -> None:
    outcome: dict[str, str] = {}

    def run(name: str, work_s: float, budget_s: float) -> None:
        try:
            outcome[name] = within_budget(lambda: _spin(work_s), budget_s)
        except OverBudget:
            outcome[name] = "over"

    threads = [threading.Thread(target=run, args=("slow", 3.0, 0.3)), threading.Thread(target=run, args=("quick", 0.1, 2.0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome == {"slow": "over", "quick": "finished"}


def test_a_stop_that_is_swallowed_once_is_sent_again_until_the_work_returns() -> None:
    # CPython prints and drops an asynchronous exception that lands in a finalizer or a weakref callback (a garbage
    # collection under the extractor); here the work itself swallows the first one, as such a callback would.
    swallowed: list[float] = []

    def work() -> str:
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            try:
                while time.monotonic() < deadline:
                    pass
            except OverBudget:
                if swallowed:
                    raise
                swallowed.append(time.monotonic())
        return "ran to the end"

    started = time.monotonic()
    with pytest.raises(OverBudget):
        within_budget(work, 0.2)
    assert len(swallowed) == 1
    assert time.monotonic() - started < 2.0  # stopped by the second sending, not after the 5 s of work
