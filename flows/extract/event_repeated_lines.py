"""A line a page prints again word for word (a photo caption under each picture of a gallery, a headline printed twice)
tells its act once: a second row with the same evidence, type, sides, date and status is the same act read again,
not a new one."""
from __future__ import annotations

import re
from typing import Any

# what a copy of a caption may add or drop at its end: a photo credit in brackets, a final stop ('... in Nairobi.
# (Photo: A. Writer)' and '... in Nairobi' are one line printed twice; review34a)
# (any mix of bracketed credits, spaces and stops at the end, in one pass; the alternatives share no first character,
# so a long run of spaces is read one way only)
_TAIL = re.compile(r"(?:[(\[][^()\[\]]{1,60}[)\]]|[\s.])+$")
_SAME = ("evidence", "event_type", "actor_iso3", "target_iso3", "event_date", "date_precision", "status")


def one_row_a_repeated_line(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The document's event rows with each act read from a repeated line kept once (the first, in story order).
    Only rows alike in every field scored and told are folded, and only across two lines: one sentence may tell two
    acts alike (two agreements signed), and the same words told of another date or side stay."""
    first_line: dict[tuple[Any, ...], Any] = {}
    kept: list[dict[str, Any]] = []
    for row in rows:
        key = tuple(_TAIL.sub("", row.get(column) or "") if column == "evidence" else row.get(column)
                    for column in _SAME)
        line = first_line.setdefault(key, row.get("sentence_index"))
        if line != row.get("sentence_index"):
            continue
        kept.append(row)
    return kept
