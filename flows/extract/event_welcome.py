"""A visit told by its welcome (branch events21b).

"The Borvian president was welcomed late on Friday at the airport by the Arlandian premier" tells an arrival: the
one welcomed visits the country of the one who welcomes. Read by the registry's visitor rule, the clause's sides may
come out either way (the host is a person with a country, the guest a person or a country word before the verb),
so the sides of a passive welcome are read from the clause's shape: the nearest side named before the verb visits,
the first side named after its 'by' hosts. Both must be found and differ; else the sides the registry's rule read
stay. The trigger row is in flows/lexicon/event_triggers.csv (events21b block); the shape is a row of
flows/lexicon/events_scope.toml (`passive_welcome`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.lexicon import read_toml

__all__ = ["welcomed_guest"]


@lru_cache(maxsize=1)
def _passive_welcome() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["passive_welcome"], re.I)


def _sides_at(clause: Clause) -> list[tuple[int, str]]:
    """(position, country) of every side the clause names: country words and people with a known country."""
    named = [(country.start, country.iso3) for country in clause.countries]
    named += [(start, person.country) for person, start, _ in clause.persons if person.country]
    return sorted(named)


def welcomed_guest(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None]
                   ) -> tuple[str | None, str | None]:
    """The sides of a visit told by a passive welcome ('X was welcomed at the airport by Y'): X's side visits Y's."""
    if actor_rule != "visitor" or " by" not in hit.text or not _passive_welcome().match(hit.text):
        return sides  # a plain-word gate before the pattern
    named = _sides_at(clause)
    guest = next((iso for start, iso in reversed(named) if start < hit.start), None)
    host = next((iso for start, iso in named if start >= hit.end), None)
    if guest is None or host is None or guest == host:
        return sides
    return guest, host
