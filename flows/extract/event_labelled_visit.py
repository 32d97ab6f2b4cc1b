"""A visit's date given as a labelled fact line of a feature, not in a sentence:

    Title : X's Visit to B                       <- a heading names the visit and its destination
    Dates of Visit: 3-5 May 1971                 <- the label gives its date

The fact line names neither visitor nor destination, so no sentence reader finds the act. The visit is the pair's
other side's to the destination the nearest heading above the label names, at the label's first date. Words:
history_shapes.toml [labelled_visit] (helper hist33, session 19; the nearest heading with a visitor, mend34a)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flows.common.dates import DateContext
from flows.extract.countries import find_countries, other_side
from flows.extract.event_factbox import BoxedAct
from flows.lexicon import read_toml

PRECISIONS = frozenset({"day", "month", "year"})


@lru_cache(maxsize=1)
def _rows() -> dict:
    data = read_toml("history_shapes.toml")["labelled_visit"]
    return {"label": re.compile(data["label"], re.I), "heading": re.compile(data["heading"], re.I),
            "chars": int(data["heading_chars"]), "type": data["event_type"]}


def _destination(line: str, pair: tuple[str, str]) -> str | None:
    """The one side of the pair a heading line names as the visit's destination ('X's Visit to B'), else None."""
    rows = _rows()
    if len(line) > rows["chars"]:
        return None
    for match in rows["heading"].finditer(line):
        named = {country.iso3 for country in find_countries(match.group("place"))} & set(pair)
        if len(named) == 1:
            return named.pop()
    return None


def labelled_visits(text: str, pair: tuple[str, str] | None) -> list[BoxedAct]:
    """Each 'Date(s) of Visit: <date>' line: the visit to the destination of the nearest heading above it that names
    a visitor, at the line's first date."""
    if pair is None or "isit" not in text:
        return []
    rows = _rows()
    out: list[BoxedAct] = []
    position = 0
    destination: str | None = None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        label = rows["label"].match(body)
        if label is None:
            destination = _destination(body, pair) or destination  # the nearest heading above the next label
        else:
            found = DateContext(None).find(body[label.end():])
            mention = next((m for m in found if m.value is not None and m.precision in PRECISIONS), None)
            if mention is not None and destination is not None:
                mention = replace(mention, start=mention.start + label.end(), end=mention.end + label.end())
                out.append(BoxedAct(rows["type"], mention, position, position + len(body),
                                    (other_side(pair, destination), destination), False))
        position += len(line)
    return out
