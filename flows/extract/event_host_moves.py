"""The host's own official arriving at a venue during a visit told in the story (helper ev31b).

"Chilean President Soto arrived in Peru on Thursday ... On Friday Peruvian Prime Minister Vega arrived at the Grand
Palace": the arrival trigger 'arrived at' reads a visit of the arriver's side to the pair's other side, but the story
already tells the other side's visit to the arriver's country, so the arriver is the host moving inside its own
country (to the talks, the dinner), no visit. Only an arrival 'at' a venue with no country named after the verb is
read so: an arrival that names a country ('arrived at Lima, Peru', 'arrived at X Airport in Chile') keeps its sides,
and so does every arrival in a story that tells no visit of the other direction under way that day (told with
its day, begun at most `visit_span_days` before; none of the arriver's side the same day). The verb is a row of
flows/lexicon/events_scope.toml (`venue_arrival`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.lexicon import read_toml
from flows.lexicon.registry import family

__all__ = ["host_at_venue"]


@lru_cache(maxsize=1)
def _venue_arrival() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["venue_arrival"], re.I)


def _under_way(visits: Iterable[tuple[str, str, str, str | None, date | None]], visitor: str, host: str,
               on: date) -> bool:
    """Whether a visit of `visitor` to `host` told with its day (occurred) is under way on `on`: it began that day
    or up to the visit span (events_scope.toml `visit_span_days`) before."""
    span = timedelta(days=int(read_toml("events_scope.toml")["visit_span_days"]))
    return any(family(event_type) == "visit" and (actor, target) == (visitor, host) and precision == "day"
               and day is not None and day <= on <= day + span for event_type, actor, target, precision, day in visits)


def host_at_venue(hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                  told: Iterable[tuple[str, str, str, str | None, date | None]], on: date | None) -> bool:
    """Whether the arrival is the host's own move to a venue: an 'arrived at' trigger, no country named after it in
    the clause, and a visit of the target's side to the actor's side told before and under way on the arrival's day
    `on` (`told`: (event type, actor, target, precision, day) of the occurred rows read so far). A visit the other
    way told for another time ('returns the 2022 visit of B's President') or one of the arriver's side under way the
    same day leaves the arrival a visit."""
    actor, target = sides
    if actor is None or target is None or on is None or not _venue_arrival().match(hit.text):
        return False
    if any(country.start >= hit.start for country in clause.countries):
        return False  # 'arrived at Lima, Peru': the place is named, the sides stand
    told = list(told)
    return _under_way(told, target, actor, on) and not _under_way(told, actor, target, on)
