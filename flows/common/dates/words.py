"""The date words (months, weekdays, seasons, number words, relative days), read from flows/lexicon/dates.toml.

flows.common sits beside flows.lexicon in the house layers and may not import it, so the file is read by path.
"""
from __future__ import annotations

import tomllib
from pathlib import Path


DATES_LEXICON = Path(__file__).resolve().parents[2] / "lexicon" / "dates.toml"

with DATES_LEXICON.open("rb") as _handle:
    _WORDS = tomllib.load(_handle)

FULL_MONTHS: dict[str, int] = dict(_WORDS["months"])
MONTH_ABBREVIATIONS: dict[str, int] = dict(_WORDS["month_abbreviations"])
MONTHS: dict[str, int] = {**FULL_MONTHS, **MONTH_ABBREVIATIONS}
MONTH_NAMES = frozenset(name.capitalize() for name in _WORDS["months"])
WEEKDAYS: dict[str, int] = dict(_WORDS["weekdays"])
YEAR_HEADING_LINE: str = _WORDS["year_headings"]["line"]  # a short line giving the year of the days under it
SEASON_START_MONTH: dict[str, int] = dict(_WORDS["seasons"])
NUMBER_WORDS: dict[str, int] = dict(_WORDS["numbers"])
MULTIPLIERS: dict[str, int] = dict(_WORDS["multipliers"])
ORDINALS: dict[str, int] = dict(_WORDS["ordinals"])
RELATIVE_DAYS: dict[str, int] = dict(_WORDS["relative_days"])
PREP_KIND: dict[str, str] = dict(_WORDS["preposition_kinds"])
POINT_PREPOSITIONS: list[str] = list(_WORDS["point_prepositions"]["words"])
# "five decades ago" is a round measure (no year)
ROUND_AGO_UNITS = frozenset(_WORDS["round_units"]["ago"])
# "by the close of the 2031 calendar year": words that say what kind of year a written year is
YEAR_KINDS: list[str] = list(_WORDS["year_kinds"]["words"])
# "in 1996 on fisheries, in May 2003 on air links": the seam of two dated items of a list of acts
TOPIC_LIST_SEAM: str = _WORDS["topic_lists"]["seam"]
TOPIC_LIST_AFTER: str = _WORDS["topic_lists"]["topic_after"]  # the later item's own topic right after its date
# "were not restored until 1994": a negation before "until" makes the date the act's point
NOT_UNTIL_BEFORE: str = _WORDS["not_until"]["before"]
NOT_UNTIL_AFTER: str = _WORDS["not_until"]["after"]
# "arrived ahead of the visit on 20 May": words that name a later act as the clause's time
AHEAD_WORDS: list[str] = list(_WORDS["ahead_of"]["words"])
AHEAD_NOT_AFTER: str = _WORDS["ahead_of"]["not_after"]  # 'ahead of schedule': no later act
TARGET_PREPOSITIONS = frozenset(word for word, on in _WORDS.get("target_prepositions", {}).items() if on)


def capitalised(words: object) -> list[str]:
    return [str(word).capitalize() for word in words]  # type: ignore[attr-defined]
