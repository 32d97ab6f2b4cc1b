"""Dates that belong to another act than the trigger's (branch events17): a date told before a trigger marked as
later. Made-up texts."""
from __future__ import annotations

from datetime import date


def test_a_date_before_later_is_the_earlier_acts(extract) -> None:
    """'The consulate, first opened in the 1970s, was later upgraded to an embassy': the decade is the consulate's
    opening, not the upgrade's."""
    frames = extract("Uruguay and Kenya: a long road. The Kenyan consulate, first opened in Uruguay in the 1970s, "
                     "was later upgraded to an embassy.", date(2024, 5, 10))
    upgrades = [row for row in frames["event_mentions"].iter_rows(named=True) if "upgraded" in (row["trigger"] or "")]
    assert upgrades and all(row["event_date"] != date(1970, 1, 1) for row in upgrades)
