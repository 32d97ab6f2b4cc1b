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
from flows.extract.countries import find_countries, is_historic, other_side
from flows.lexicon import read_toml


@dataclass(frozen=True)
class BoxedAct:
    """One act a fact box gives: its type, date, and the span of the words that tell it (label or value)."""

    event_type: str
    date: DateMention  # offsets within the span
    start: int
    end: int
    sides: tuple[str, str] | None = None  # (actor, target) when the box names one side's act; None: the pair's
    symmetric: bool = True


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


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the text, its line break left out."""
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((position, position + len(body)))
        position += len(line)
    return lines


def boxed_relations(text: str) -> list[BoxedAct]:
    """Every establishment of relations a fact box gives: a label naming the relations and a value 'Established
    <date>' after its colon on the same line, or alone on one of the next lines."""
    rows = _rows()
    if "iplomatic" not in text or rows["gate"].search(text) is None:  # a plain word first (speed)
        return []
    lines = _line_spans(text)
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


@lru_cache(maxsize=1)
def _milestone_rows() -> dict:
    data = read_toml("events.toml")["milestones"]
    return {"rows": [(re.compile(pattern, re.I), event_type, bool(symmetric)) for pattern, event_type, symmetric
                     in data["rows"]],
            "host_before": re.compile(data["host_before"], re.I), "date_line": re.compile(data["date_line"]),
            "act_words": int(data["act_words"]), "act_year": re.compile(data["act_year"])}


def _date_alone(line: str) -> DateMention | None:
    """The date a line holds and nothing else ('12 October 1971', 'January 1973:'), at day, month or year."""
    if not any(char.isdigit() for char in line):  # every date alone holds a year (speed: most short lines have none)
        return None
    shape = _milestone_rows()["date_line"].match(line)
    if shape is None:
        return None
    found = [mention for mention in DateContext(None).find(line) if mention.value is not None]
    if len(found) != 1 or found[0].precision not in _rows()["precisions"]:
        return None
    mention = found[0]
    # the date fills the line: only a bullet, spaces or a closing colon/dash around it
    if line[:mention.start].strip(" \t-*•–") or line[mention.end:].strip(" \t:–-"):
        return None
    return mention


def _owner(act: str, pair: tuple[str, str]) -> tuple[str, str] | None:
    """(owner, host) of a mission a milestone names: the first side of the pair not named after 'in'/'at'
    ('Opening of Embassy of A in B's capital' -> A); with only the host named, the pair's other side owns it."""
    named = [country for country in find_countries(act) if country.iso3 in pair and not is_historic(country.iso3)]
    place = _milestone_rows()["host_before"].search(act)  # every side named after the first 'in'/'at' is the host
    cut = place.start() if place is not None else len(act)
    owners = [country for country in named if country.start < cut]
    if owners:
        return owners[0].iso3, other_side(pair, owners[0].iso3)
    if named:
        return other_side(pair, named[0].iso3), named[0].iso3
    return None


def _act_phrase(act: str) -> bool:
    """Whether a line can be a milestone table's act cell: a short phrase with no year of its own and no sentence's
    stop inside it (a cell a copy closed with a full stop keeps no comma either: not 'X opened, officials said.')."""
    rows = _milestone_rows()
    if len(act.split()) > rows["act_words"] or rows["act_year"].search(act) or ". " in act:
        return False
    return not (act.endswith(("!", "?")) or act.endswith(".") and "," in act)


def dated_milestones(text: str, pair: tuple[str, str] | None) -> list[BoxedAct]:
    """Every act a milestones table gives as a date line over a noun phrase ('12 October 1971' over 'Establishment
    of Diplomatic Relations'): the act the phrase names (events.toml [milestones]) at the date, its evidence the two
    lines. A relations act is the pair's; a mission's is its owner's, and with no side named it is left out."""
    if pair is None or not any(char.isdigit() for char in text):
        return []
    lines = _line_spans(text)
    out: list[BoxedAct] = []
    for n, (start, end) in enumerate(lines):
        mention = _date_alone(text[start:end]) if end - start <= 40 else None
        if mention is None:
            continue
        following = [(s, e) for s, e in lines[n + 1:n + 1 + _rows()["lines"]] if text[s:e].strip()]
        if not following:
            continue
        s, e = following[0]
        act = text[s:e].strip()
        if not _act_phrase(act):
            continue  # a prose sentence under a page's date line ('The establishment of ... in 1961 opened ...')
        row = next(((event_type, symmetric) for rx, event_type, symmetric in _milestone_rows()["rows"]
                    if rx.match(act)), None)
        if row is None:
            continue
        event_type, symmetric = row
        sides = pair if symmetric else _owner(act, pair)
        if sides is None:
            continue
        out.append(BoxedAct(event_type, mention, start, e, sides, symmetric))
    return out
