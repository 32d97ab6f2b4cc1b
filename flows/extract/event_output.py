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


def _sides_key(row: dict) -> tuple | frozenset:
    """The sides a coarser copy must share: in order for a directional type ('the Borvian king toured Ruritania in
    March 1990' is not told again by 'Ruritania's premier went to Borvia in 1990', a visit the other way), either way
    otherwise (a signing told once from each side is one act)."""
    if registry_type(row["event_type"]).symmetry == "directional":
        return (row["actor_iso3"], row["target_iso3"])
    return frozenset((row["actor_iso3"], row["target_iso3"]))


def drop_coarser_copies(rows: list[dict]) -> list[dict]:
    """A document's event rows without the year (or month) that only repeats an act told with a finer date
    ('recognized Mexico on December 12, 1822' ... 'after recognizing Mexico in 1822'): one act, told twice.

    Each finer row leaves the keys of the coarser tellings it makes redundant, so a long document costs one pass
    (comparing every row with every other took minutes on a 20,000-sentence text)."""
    def key(row: dict, precision: str) -> tuple:
        return (family(row["event_type"]), row["status"], _sides_key(row),
                precision, row["event_date"].isoformat()[:PREFIX[precision]])
    # acts19: a finer date in the same sentence is another act, not a retelling ('signed an MoU in 2020 and the
    # work plan agreed on 24 April 2020': two instruments); a copy is told in another sentence
    told_finer: dict[tuple, set] = {}
    for other in rows:
        if other["event_date"] is not None:
            for precision in PREFIX:
                if PRECISION_RANK.get(other["date_precision"], 2) < PRECISION_RANK[precision]:
                    told_finer.setdefault(key(other, precision), set()).add(other.get("evidence"))
    return [row for row in rows
            if row["event_date"] is None or row["date_precision"] not in PREFIX or row["date_resolution"] != "explicit"
            or not told_finer.get(key(row, row["date_precision"]), set()) - {row.get("evidence")}]


def summary(row: SummaryRow) -> str:
    """A short readable line from the registry's template, e.g. 'Belarus opened an embassy in Azerbaijan (Baku)'."""
    kind = registry_type(row.event_type)
    template = kind.summary_mutual if row.symmetric else kind.summary
    place = f" ({row.place})" if row.place and row.place != country_name(row.target) else ""
    return template.format(actor=country_name(row.actor), target=country_name(row.target), place=place,
                           trigger=row.trigger)
