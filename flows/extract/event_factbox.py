"""The date of relations a fact box gives under its label, not in a sentence:

    Diplomatic Relations:          <- the label names the relations
    Established March 1921         <- its value: the act with its date, no subject

    3. Formal Diplomatic Ties: These were set up in 1950.   <- label and value on one line, the value a pronoun's

A ministry's 'basic data' page gives the establishment of relations this way; the value's line names neither country
nor relations, so no sentence reader finds the act. Each such value is diplomatic_relations_established between the
document's two countries at the value's date. The words are rows of flows/lexicon/events.toml ([fact_box])."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from flows.common.dates import DateContext, DateMention
from flows.lexicon import read_toml


@dataclass(frozen=True)
class BoxedAct:
    """One act a fact box gives: its type, date, and the span of the words that tell it (label or value)."""

    event_type: str
    date: DateMention  # offsets within the span
    start: int
    end: int


@lru_cache(maxsize=1)
def _rows() -> dict:
    data = read_toml("events.toml")["fact_box"]
    return {"label": re.compile(data["label"], re.I), "value": re.compile(data["value"], re.I),
            "gate": re.compile(data["gate"], re.I), "lines": int(data["lines"]),
            "precisions": frozenset(data["precisions"])}


def _value_date(text: str, start: int, end: int) -> DateMention | None:
    """The first written date of a value ('Established March 1921' -> March 1921), its offsets from `start`."""
    if _rows()["value"].match(text, start, end) is None:
        return None
    found = DateContext(None).find(text[start:end])
    return next((mention for mention in found if mention.value is not None
                 and mention.precision in _rows()["precisions"]), None)


def _shifted(mention: DateMention, by: int) -> DateMention:
    """The mention with its offsets moved by `by` characters (a value read alone, told from its label's start)."""
    return replace(mention, start=mention.start + by, end=mention.end + by)


def boxed_relations(text: str) -> list[BoxedAct]:
    """Every establishment of relations a fact box gives: a label naming the relations and a value 'Established
    <date>' after its colon on the same line, or alone on one of the next lines."""
    rows = _rows()
    if "iplomatic" not in text or rows["gate"].search(text) is None:  # a plain word first (speed)
        return []
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((position, position + len(body)))
        position += len(line)
    out: list[BoxedAct] = []
    for n, (start, end) in enumerate(lines):
        label = rows["label"].match(text, start, end)
        if label is None:
            continue
        value_start = label.end() + len(text[label.end():end]) - len(text[label.end():end].lstrip())
        if value_start < end:  # 'Formal Diplomatic Ties: These were set up in 1950. India opened ...'
            stop = text.find(". ", value_start, end)
            value_end = stop + 1 if stop >= 0 else end
            mention = _value_date(text, value_start, value_end)
            if mention is not None:  # the label and its value are the evidence
                shift = value_start - label.start("label")
                out.append(BoxedAct("diplomatic_relations_established", _shifted(mention, shift),
                                    label.start("label"), value_end))
            continue
        following = [(s, e) for s, e in lines[n + 1:n + 1 + rows["lines"]] if text[s:e].strip()]
        if following:
            s, e = following[0]
            s += len(text[s:e]) - len(text[s:e].lstrip())
            mention = _value_date(text, s, e)
            if mention is not None:
                out.append(BoxedAct("diplomatic_relations_established", mention, s, e))
    return out
