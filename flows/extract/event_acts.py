"""One act told several times in one document is one event row.

A visit report tells its signing day again and again ('signed agreements on Tuesday', 'signed a declaration',
'signed a total of 12 agreements'); every batch's gold counts one agreement_signed per occasion. Transform merges
across documents only (flows/transform/events.py keeps one document's mentions apart on purpose), so the merge of a
document's own copies is here, on its output rows. The words are rows of flows/lexicon/events_acts.toml.

Measured on r1-r8 (session 7, with the companion rows of the same branch): r8 four signing rows of one visit day
-> one (r806), two -> one (r805); in r1-r7 r402's two rows merged (its gold has one), r226's 'Another agreement' and its titled
currency-swap agreement kept apart, nothing lost. Year dates stay apart (r213's fact sheet, r130's 2003 agreements:
distinct acts of one year).
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.lexicon import read_toml
from flows.lexicon.registry import family


# the columns of a row's date, emptied when the row is undated
UNDATED_KEYS = ("event_date", "date_precision", "date_text", "date_resolution", "date_anchor")


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("events_acts.toml")
    return {"families": set(data["merged_families"]), "precisions": set(data["merged_precisions"]),
            "once": set(data["once_families"]),
            "distinct": re.compile(data["distinct_cue"], re.I), "titled": re.compile(data["titled"]),
            "instrument_act": re.compile(data["instrument_act"], re.I),
            "copy_families": set(data["publication_copy_families"]), "copy_days": int(data["publication_copy_days"]),
            "ranked_first": re.compile(data["ranked_first"], re.I)}


def _distinct(row: dict) -> bool:
    """A sentence that names its instrument as a further or titled one: its own act."""
    evidence = row.get("evidence") or ""
    words = _words()
    return bool(words["distinct"].search(evidence) or words["titled"].search(evidence))


def merge_told_again(rows: list[dict]) -> list[dict]:
    """A document's event rows without the later tellings of a signing already told: same family, status, date and
    precision, the same two sides (either order: a signing is symmetric), neither sentence marking its instrument
    distinct (a distinct one stands alone: 'Another agreement on ...' is no telling of the '32 MoUs' after it). An act
    done once (relations established) told again with the same date, precision, status and sides is merged whatever
    its precision or wording.

    One pass: each kept unmarked row leaves its key, so a row's sentence is read once, not once per earlier row."""
    words = _words()
    told: set[tuple] = set()
    kept: list[dict] = []
    for row in rows:
        kind = family(row["event_type"])
        once = kind in words["once"]
        mergeable = row["event_date"] is not None and (
            once or kind in words["families"] and row["date_precision"] in words["precisions"])
        distinct = not once and _distinct(row)
        key = (kind, row["status"], row["event_date"], row["date_precision"],
               frozenset((row["actor_iso3"], row["target_iso3"])))
        if mergeable and not distinct and key in told:
            continue
        kept.append(row)
        if not distinct:
            told.add(key)
    return [_undated_if_ranked(row) for row in _without_publication_copies(kept)]


def _undated_if_ranked(row: dict) -> dict:
    """A row dated only by the publication day whose sentence ranks the act among the first of its kind ('Arland was
    among the first nations to recognise Borvia' on a page of 2022): background with no date of its
    own, so undated, as the gold keeps such acts."""
    if row.get("date_resolution") != "publication" or not _words()["ranked_first"].search(row.get("evidence") or ""):
        return row
    return {**row, **{key: None for key in UNDATED_KEYS if key in row}}


def _without_publication_copies(rows: list[dict]) -> list[dict]:
    """Without the rows dated only by the publication day ('As X arrived, the two nations signed deals' in a story
    of Tuesday) whose act the text also tells with a day of its own up to a few days before ('The agreements were
    signed on Monday'): same family, status and sides (either order)."""
    words = _words()

    def sides(row: dict) -> frozenset:
        return frozenset((row["actor_iso3"], row["target_iso3"]))

    dated = [row for row in rows if row["event_date"] is not None and row.get("date_resolution") != "publication"
             and row["date_precision"] == "day" and family(row["event_type"]) in words["copy_families"]]
    return [row for row in rows if not (
        row.get("date_resolution") == "publication" and row["event_date"] is not None
        and family(row["event_type"]) in words["copy_families"]
        and any(family(other["event_type"]) == family(row["event_type"]) and other["status"] == row["status"]
                and sides(other) == sides(row)
                and 0 < (row["event_date"] - other["event_date"]).days <= words["copy_days"] for other in dated))]


def instrument_sides(event_type: str, trigger: str, named: list[str], signings: list[tuple[str, str]],
                     actor: str | None, target: str | None) -> tuple[str | None, str | None]:
    """The sides of a ratification, approval or entry into force: those of the last signing the document told
    (`signings`, in order), the side the clause names first as actor; else the sides read from the clause."""
    if family(event_type) != "other" or not signings or not _words()["instrument_act"].search(trigger):
        return actor, target
    sides = signings[-1]
    if {actor, target} == set(sides):
        return actor, target
    first = next((iso for iso in named if iso in sides), None)
    if first is None:
        return sides
    return first, sides[1] if first == sides[0] else sides[0]
