"""What the event reader hands on: a document's rows without copies told at a coarser date, and a readable summary
of a row from the registry's template."""
from __future__ import annotations

from typing import Protocol

from flows.extract.countries import country_name
from flows.lexicon.registry import event_type as registry_type, family


class SidesRow(Protocol):
    event_type: str
    actor: str
    target: str


def same_sides(first: SidesRow, second: SidesRow) -> bool:
    """The same two sides: in order for a directional type (each side's embassy is its own), either way otherwise."""
    if registry_type(first.event_type).symmetry == "directional":
        return (first.actor, first.target) == (second.actor, second.target)
    return {first.actor, first.target} == {second.actor, second.target}


class SummaryRow(Protocol):
    event_type: str
    actor: str
    target: str
    symmetric: bool
    place: str | None
    trigger: str


PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
PREFIX = {"month": 7, "year": 4}


def drop_coarser_copies(rows: list[dict]) -> list[dict]:
    """A document's event rows without the year (or month) that only repeats an act told with a finer date
    ('recognized Mexico on December 12, 1822' ... 'after recognizing Mexico in 1822'): one act, told twice."""
    def copy_of(row: dict, other: dict) -> bool:
        width = PREFIX.get(row["date_precision"])
        return (other is not row and width is not None and row["date_resolution"] == "explicit"
                and other["event_date"] is not None and family(other["event_type"]) == family(row["event_type"])
                and other["status"] == row["status"]
                and {other["actor_iso3"], other["target_iso3"]} == {row["actor_iso3"], row["target_iso3"]}
                and PRECISION_RANK.get(other["date_precision"], 2) < PRECISION_RANK[row["date_precision"]]
                and other["event_date"].isoformat()[:width] == row["event_date"].isoformat()[:width])
    return [row for row in rows if row["event_date"] is None or not any(copy_of(row, other) for other in rows)]


def summary(row: SummaryRow) -> str:
    """A short readable line from the registry's template, e.g. 'Belarus opened an embassy in Azerbaijan (Baku)'."""
    kind = registry_type(row.event_type)
    template = kind.summary_mutual if row.symmetric else kind.summary
    place = f" ({row.place})" if row.place and row.place != country_name(row.target) else ""
    return template.format(actor=country_name(row.actor), target=country_name(row.target), place=place,
                           trigger=row.trigger)
