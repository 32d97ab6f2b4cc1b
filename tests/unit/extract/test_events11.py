"""Session 10, branch events11: a meeting told with 'subsequently' is another meeting (the cases file compares
sets of rows, so two equal meetings need a count)."""
from __future__ import annotations

from datetime import date


def test_a_meeting_told_with_subsequently_is_another_meeting(extract) -> None:
    """'subsequently met with the foreign minister' after meeting the prime minister: a second meeting, like 'later'."""
    frames = extract("Turkish Minister Ali Demir met first with Hungarian Prime Minister Janos Kiss in Budapest. "
                     "Ali Demir, the Turkish minister, subsequently met with Peter Nagy, the Hungarian foreign minister.",
                     date(2023, 1, 31))
    meetings = [row for row in frames["event_mentions"].iter_rows(named=True) if row["event_type"] == "meeting"]
    assert [(row["actor_iso3"], row["target_iso3"], row["event_date"]) for row in meetings] == [
        ("TUR", "HUN", date(2023, 1, 1))] * 2  # near28c: a finished act with no date word of its own takes the date line's month
