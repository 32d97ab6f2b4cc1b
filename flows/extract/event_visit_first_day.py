"""A visit whose first day the text never writes starts no later than the first day it places the visitor there
(README, 'Date precision of visits and meetings': 'A visit whose first day is not written but whose visitor the text
places there on a day takes that day'). 'The prime minister on Wednesday met the emir during his visit' dates the
visit by Wednesday; 'On Tuesday he met the host's premier' two lines down places him there a day earlier: the visit
is Tuesday's. Only the acts done face to face (a meeting, a signing, a commission's session: `PLACING`) of the same
pair, done on a day, at most the visit span (events_scope.toml
`visit_span_days`) before the visit's day count, and only a visit dated by no day of its own: not 'explicit', and
told as the frame of an act of its sentence whose day it took ('during his visit')."""
from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from typing import Any

from flows.extract.countries import find_countries
from flows.lexicon import read_toml
from flows.lexicon.registry import family

# an anniversary, a recognition or an aid grant may be told of a day the visitor spent at home: they place no one
PLACING = ("meeting", "agreement", "commission")


@lru_cache(maxsize=1)
def _remote() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["remote_act"], re.I)


# a country named right after 'in' is where the act was done ('signed a loan in Islamabad', 'met in Riyadh')
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)


def _elsewhere(evidence: str, host: str) -> bool:
    """Whether the act's sentence places it away from the host: a call from home, or a capital or an 'in <country>'
    of another country."""
    if _remote().search(evidence):
        return True
    return any(country.iso3 != host for country in find_countries(evidence)
               if country.kind == "capital" or (country.kind == "name"
                                                and _IN_BEFORE.search(evidence, max(0, country.start - 12), country.start)))


def _placed(row: dict[str, Any], visit: dict[str, Any], span: timedelta) -> bool:
    """Whether `row` is an act of the visit's pair, done on a day within the span before the visit's day, face to face
    and not in another place than the host's."""
    return family(row["event_type"]) in PLACING and row["status"] == "occurred" and row["date_precision"] == "day" \
        and row["event_date"] is not None and {row["actor_iso3"], row["target_iso3"]} == {
            visit["actor_iso3"], visit["target_iso3"]} and visit["event_date"] - span <= row["event_date"] < visit["event_date"] \
        and not _elsewhere(row.get("evidence") or "", visit["target_iso3"])


def _framed(visit: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """Whether the visit is told as the frame of an act of its own sentence and day ('on Wednesday met the emir during
    his visit', 'signed today with the minister who is visiting'): its day is that act's, not one the visit's own words
    give ('arrived in the capital on Wednesday' keeps Wednesday)."""
    return any(family(other["event_type"]) in PLACING and other.get("sentence_index") == visit.get("sentence_index")
               and other["event_date"] == visit["event_date"] for other in rows)


def visit_first_placed_day(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The document's rows with each visit not dated by a day of its own moved to the first day an act of the same
    pair places the visitor there, when that day is earlier; a visit of the same direction already told on that day
    leaves the row alone (it is that visit's own row, or another visit)."""
    span = timedelta(days=int(read_toml("events_scope.toml")["visit_span_days"]))
    out = []
    for row in rows:
        if family(row["event_type"]) == "visit" and row["status"] == "occurred" and row["date_precision"] == "day" \
                and row["event_date"] is not None and row.get("date_resolution") != "explicit" and _framed(row, rows):
            days = [other["event_date"] for other in rows if _placed(other, row, span)]
            first = min(days, default=None)
            if first is not None and not any(
                    family(other["event_type"]) == "visit" and other["event_date"] == first
                    and (other["actor_iso3"], other["target_iso3"]) == (row["actor_iso3"], row["target_iso3"])
                    for other in rows):
                row = {**row, "event_date": first,
                       "date_anchor": f"the first day the story places the visitor there ({row['date_anchor'] or row['date_text']})"}
        out.append(row)
    return out
