"""What a handler returns for one match, and the small readers handlers share."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flows.common.dates.words import MONTHS, NUMBER_WORDS


@dataclass(frozen=True)
class Resolved:
    """A match resolved to a date (None when the text does not say which), its precision and where it came from."""

    value: date | None
    precision: str | None
    resolution: str = "explicit"
    anchor: str | None = None
    end_value: date | None = None
    kind: str = "point"


def safe(build: Callable[[], Resolved | None]) -> Resolved | None:
    """build(), or None when the numbers make no date (30 February, year 0, ...)."""
    try:
        return build()
    except (ValueError, OverflowError):
        return None


def read_number(text: str) -> int | None:
    """'12' -> 12, 'twelve' -> 12, else None."""
    word = text.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def read_month(text: str) -> int:
    """'Sept.' -> 9."""
    return MONTHS[text.lower().rstrip(".")]


def read_day(text: str) -> int:
    """'21st' -> 21."""
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def norm(text: str | None) -> str:
    """Lower case, single spaces; '' for None."""
    return " ".join(text.lower().split()) if text else ""
