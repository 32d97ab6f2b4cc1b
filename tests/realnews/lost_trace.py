"""A recording run of the event reader: what each clause of each sentence found and where each trigger went.

`traced(doc)` runs `extract_document` once with recording wrappers around the steps of events.py's path (the
module's own names, so the code read is the code run) and returns a `DocTrace`: per sentence, the clauses with
their hits, gates, built rows (or the line `_build` returned None from), rows kept, the sentence's rows, the rows
the document added for it and the document's final rows. Used by tests/realnews/lost.py; nothing here changes a
result (the wrappers return what they wrap).
"""
from __future__ import annotations

import inspect
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, Callable, Iterator

from flows.extract import document as document_module
from flows.extract import events as events_module


@dataclass
class ClauseTrace:
    """One clause: the hits of each step and the rows built from them."""

    start: int
    end: int
    found: list[Any] = field(default_factory=list)  # rows, the parse's discussions, frames, an ellipsis
    no_state: str | None = None  # the line of _no_state_event that returned True
    titled: list[Any] | None = None  # after without_titled_bodies
    chosen: list[Any] | None = None  # after choose_hits
    no_act: list[Any] = field(default_factory=list)  # hits no_act refused
    steps: list[Any] | None = None  # after without_part_steps
    built: list[tuple[Any, Any, str | None]] = field(default_factory=list)  # (hit, row or None, why None)
    merged: list[Any] = field(default_factory=list)  # rows _keep_once folded into an earlier key
    rows: list[Any] = field(default_factory=list)  # what the clause returned


@dataclass
class SentenceTrace:
    text: str
    clauses: list[ClauseTrace] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)  # find_events' result
    added: list[Any] | None = None  # rows the document passed to _add_events (None: a link line, not read)
    told: list[dict] = field(default_factory=list)  # rows _add_events appended


@dataclass
class DocTrace:
    sentences: dict[str, SentenceTrace] = field(default_factory=dict)
    by_index: dict[int, SentenceTrace] = field(default_factory=dict)
    final: list[dict] = field(default_factory=list)


def _why(function: Callable, line: int) -> str:
    """The condition a return line answers: the nearest 'if' at or above it in the function's source."""
    lines, first = inspect.getsourcelines(function)
    index = line - first
    for k in range(index, -1, -1):
        text = lines[k].strip()
        if text.startswith(("if ", "elif ")) or " if " in text and text.startswith("return"):
            return text.split("  #")[0][:90]
    return lines[index].strip()[:90]


def _returning_line(function: Callable, call: Callable[[], Any]) -> tuple[Any, int | None]:
    """Run `call` and tell the line `function`'s frame returned from (a profile hook on that code object only: it
    sees each return with the frame's current line, and leaves any trace function of the test runner alone)."""
    code = function.__code__
    seen: list[int] = []

    def hook(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "return" and frame.f_code is code:
            seen.append(frame.f_lineno)

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        result = call()
    finally:
        sys.setprofile(previous)
    return result, seen[-1] if seen else None


@contextmanager
def recording(trace: DocTrace) -> Iterator[None]:
    """Wrap the steps of events.py and document.py for the time of one document's run."""
    ev, doc = events_module, document_module
    originals: dict[tuple[Any, str], Any] = {}
    state: dict[str, Any] = {}

    def patch(module: Any, name: str, wrapper: Callable[[Callable], Callable]) -> None:
        originals[(module, name)] = getattr(module, name)
        setattr(module, name, wrapper(getattr(module, name)))

    def clause() -> ClauseTrace:
        return state["clause"]

    def find_events(original: Callable) -> Callable:
        def run(sentence: str, *args: Any) -> Any:
            record = state["sentence"] = trace.sentences.setdefault(sentence, SentenceTrace(sentence))
            record.clauses = []
            record.rows = original(sentence, *args)
            return record.rows
        return run

    def clause_events(original: Callable) -> Callable:
        def run(c: Any, *args: Any) -> Any:
            state["clause"] = ClauseTrace(c.start, c.end)
            state["sentence"].clauses.append(state["clause"])
            state["clause"].rows = original(c, *args)
            return state["clause"].rows
        return run

    def adding(attribute: str) -> Callable[[Callable], Callable]:
        def wrapper(original: Callable) -> Callable:
            def run(*args: Any, **kwargs: Any) -> Any:
                out = original(*args, **kwargs)
                if attribute == "found":
                    clause().found += list(out)
                else:
                    setattr(clause(), attribute, list(out))
                return out
            return run
        return wrapper

    def no_state(original: Callable) -> Callable:
        def run(*args: Any) -> Any:
            out, line = _returning_line(originals[(ev, "_no_state_event")], lambda: original(*args))
            if out:
                clause().no_state = _why(originals[(ev, "_no_state_event")], line) if line else "?"
            return out
        return run

    def no_act(original: Callable) -> Callable:
        def run(hit: Any, *args: Any) -> Any:
            out = original(hit, *args)
            if out:
                clause().no_act.append(hit)
            return out
        return run

    def undated(original: Callable) -> Callable:
        def run(*args: Any) -> Any:
            out, line = _returning_line(originals[(ev, "undated_date")], lambda: original(*args))
            state["undated"] = _why(originals[(ev, "undated_date")], line) if out[0] is None and line else None
            return out
        return run

    def build(original: Callable) -> Callable:
        def run(hit: Any, *args: Any) -> Any:
            state["undated"] = "undated_told"  # undated_date not asked: the clause tells no day on purpose
            out, line = _returning_line(originals[(ev, "_build")], lambda: original(hit, *args))
            why = None if out is not None or line is None else _why(originals[(ev, "_build")], line)
            if why and why.startswith("if date_m is None"):
                why += " / " + str(state["undated"])
            if "clause" in state:
                clause().built.append((hit, out, why))
            return out
        return run

    def keep_once(original: Callable) -> Callable:
        def run(by_key: dict, row: Any, *args: Any) -> Any:
            before = {id(value) for value in by_key.values()}
            original(by_key, row, *args)
            if not any(id(value) not in before for value in by_key.values()):
                clause().merged.append(row)
        return run

    def add_events(original: Callable) -> Callable:
        def run(events: list, sentence: Any, reading: Any) -> Any:
            record = trace.sentences.setdefault(sentence.text, SentenceTrace(sentence.text))
            trace.by_index[sentence.index] = record
            told = reading.out["event_mentions"]
            size = len(told)
            original(events, sentence, reading)
            record.added, record.told = list(events), told[size:]
        return run

    patch(doc, "find_events", find_events)
    patch(ev, "_clause_events", clause_events)
    for name in ("find_triggers", "discussions", "frame_hits", "history_acts", "_untriggered"):
        patch(ev, name, adding("found"))
    patch(ev, "_no_state_event", no_state)
    patch(ev, "without_titled_bodies", adding("titled"))
    patch(ev, "choose_hits", adding("chosen"))
    patch(ev, "no_act", no_act)
    patch(ev, "without_part_steps", adding("steps"))
    patch(ev, "_build", build)
    patch(ev, "undated_date", undated)  # event_dating.undated_date, as events.py imports it
    patch(ev, "_keep_once", keep_once)
    patch(doc, "_add_events", add_events)
    try:
        yield
    finally:
        for (module, name), original in originals.items():
            setattr(module, name, original)


def traced(doc: dict[str, Any]) -> DocTrace:
    """One document's run with every step recorded; `final` is extract_document's event rows."""
    trace = DocTrace()
    with recording(trace):
        trace.final = document_module.extract_document(doc)["event_mentions"]
    return trace
