"""A visit whose clause names neither side is the visit the story has already told, not the pair's title order.

'Chilean President Ana Rojas began a state visit to Peru on Monday. The President's state visit is expected to deepen
cooperation in mining.': the second clause names no country, so the story's pair (read from its title,
maybe 'Peru and Chile') would set the sides in the wrong direction; the last visit told between the same two is the
one meant, its guest the actor."""
from __future__ import annotations

from flows.extract.event_parties import Parties
from flows.extract.event_rows import EventRow
from flows.lexicon.registry import family


def unnamed_visit_sides(event_type: str, parties: Parties, sides: tuple[str | None, str | None],
                        known: list[EventRow]) -> tuple[str | None, str | None]:
    """The sides of the last visit between the same two countries when the clause names no side at all."""
    actor, target = sides
    if family(event_type) != "visit" or parties.all or parties.hosts or actor is None or target is None:
        return sides
    told = [row for row in known if family(row.event_type) == "visit" and {row.actor, row.target} == {actor, target}]
    return (told[-1].actor, told[-1].target) if told else sides
