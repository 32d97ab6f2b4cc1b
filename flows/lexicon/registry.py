"""The event-type registry (`event_types.csv`): one row per type, read by the extractor, the transform and the
evaluation (schemas read the same file by path, as they import no flows code)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.lexicon import read_table

SYMMETRIES = ("symmetric", "directional", "mixed")
# how actor and target are read from the clause (flows/extract/event_parties.py):
# pair: the two sides named, in order; visitor: who goes (the guest of 'hosted') to where (the destination);
# opener: who opens, in the country where it opens; sender: the subject acts on the other named country
ACTOR_RULES = ("pair", "visitor", "opener", "sender")


@dataclass(frozen=True)
class EventType:
    code: str
    label: str
    family: str
    symmetry: str  # symmetric, directional, or mixed (the mention decides: mutual_cue)
    mutual_cue: re.Pattern | None  # for mixed types: a clause matching it tells a mutual act
    actor_rule: str
    marker: re.Pattern | None  # a kind of its family said in the clause ('state visit'); None: the family's default
    intent_plans: bool  # 'agreed to hold talks', 'invited him to visit': an intention makes it planned
    yields_to: tuple[str, ...]  # types that tell the same act better when both are triggered in one clause
    cameo_code: str
    goldstein: float
    summary: str
    summary_mutual: str
    # a pair does it once on a given day: told again with an inherited date it is the same act (two agreements or
    # meetings on one day are common, two establishments of relations are not)
    once_a_day: bool = False
    # a gathering told with its own day in the lead has an eve: a later sentence's day just before it (the ministers'
    # meeting that prepared the summit) does not replace the story's day
    has_eve: bool = False

    def is_symmetric(self, clause: str) -> bool:
        """Whether a mention of this type in this clause is mutual."""
        if self.symmetry == "mixed":
            return bool(self.mutual_cue and self.mutual_cue.search(clause))
        return self.symmetry == "symmetric"


def _regex(text: str) -> re.Pattern | None:
    return re.compile(text, re.I) if text else None


def _parse(row: dict[str, str]) -> EventType:
    if row["symmetry"] not in SYMMETRIES or row["actor_rule"] not in ACTOR_RULES:
        raise ValueError(f"event_types.csv: {row['code']}: symmetry {row['symmetry']!r} or actor_rule "
                         f"{row['actor_rule']!r} is not one of {SYMMETRIES} / {ACTOR_RULES}")
    return EventType(
        code=row["code"], label=row["label"], family=row["family"], symmetry=row["symmetry"],
        mutual_cue=_regex(row["mutual_cue"]), actor_rule=row["actor_rule"], marker=_regex(row["marker"]),
        intent_plans=row["intent_plans"] == "true", yields_to=tuple(filter(None, row["yields_to"].split("|"))),
        cameo_code=row["cameo_code"], goldstein=float(row["goldstein"]), summary=row["summary"],
        summary_mutual=row["summary_mutual"] or row["summary"],
        # optional columns: a registry row written before they existed (DYAD_LEXICON_EXTRA) reads as false
        once_a_day=row.get("once_a_day") == "true", has_eve=row.get("has_eve") == "true",
    )


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every event type by code, in registry order."""
    return {row["code"]: _parse(row) for row in read_table("event_types.csv")}


def event_type(code: str) -> EventType:
    return event_types()[code]


def family(code: str) -> str:
    """The family a type belongs to ('state_visit' -> 'visit'); an unknown code is its own family."""
    known = event_types().get(code)
    return known.family if known else code


def family_kind(code: str, clause: str) -> str:
    """The kind of a family the clause names ('a state visit' -> state_visit), else the family's default type."""
    own = event_types()[code]
    members = [kind for kind in event_types().values() if kind.family == own.family]
    for kind in members:
        if kind.marker is not None and kind.marker.search(clause):
            return kind.code
    return next((kind.code for kind in members if kind.marker is None), code)
