"""A visit told from its end, by the return home (branch events20a).

"The premier returned to Lima on Friday after a three-day visit to Quito" tells a visit to Quito's country; the place
of return names the visitor's own country, not a host. Read generally, the place right after 'returned to' would be
the visit's destination (PER -> ECU read as ECU -> PER), so the sides of such a visit are read from the clause's
shape: the country of the place of return visits the first other country named after the visit's noun. A place that
is not the subject's own country is an arrival somewhere else ('the Peruvian minister arrived in Quito after a visit
to Lima'), not a return: the sides stay.
The words are rows of flows/lexicon/events_scope.toml (`return_home`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.lexicon import read_toml

__all__ = ["returned_home"]


@lru_cache(maxsize=1)
def _return_home() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["return_home"])


def returned_home(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None]
                  ) -> tuple[str | None, str | None]:
    """The sides of a visit told after a return ('arrived back in Lima after a two-day visit to Quito': Peru visits
    Ecuador), for the visit's noun and for the verb of return alike (one visit, one row): the visitor is the country
    of the place of return, the host the first other country after the visit's noun. Both must be found and the
    subject, when its country is told, must be of the place of return; else the sides the registry's rule read
    stay."""
    if actor_rule != "visitor" or "after" not in clause.sentence and "following" not in clause.sentence:
        return sides  # a plain-word gate before the pattern
    told = next((match for match in _return_home().finditer(clause.sentence, clause.start, clause.end)
                 if match.start() <= hit.start < match.end()), None)
    if told is None or told.group("place") is None:
        return sides
    home = next((country.iso3 for country in clause.countries if told.start("place") <= country.start < told.end("place")),
                None)
    subject = [country.iso3 for country in clause.countries if country.start < told.start()] + [
        person.country for person, start, _ in clause.persons if start < told.start() and person.country]
    if home is None or subject and subject[-1] != home:
        return sides  # 'the Chilean minister arrived in Lima after a visit to Quito': an arrival, not a return
    host = next((country.iso3 for country in sorted(clause.countries, key=lambda item: item.start)
                 if told.end() <= country.start < clause.end and country.iso3 != home), None)
    return (home, host) if host is not None else sides
