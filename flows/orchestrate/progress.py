"""Where a run is: the flow names each stage as it starts; a terminal front end may listen and show it."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, str], None]
_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call listener(stage, detail) for every stage the run starts while the block runs."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def stage(name: str, detail: str = "") -> None:
    """Announce a stage; costs nothing when nobody listens (scheduled runs, tests)."""
    for listener in list(_listeners):
        listener(name, detail)
