"""Story events of branch events21b that a one-text case cannot state (a page with no publication date)."""
from __future__ import annotations

from datetime import date


def test_a_month_told_last_on_an_undated_page_is_counted_from_the_story_day(extract) -> None:
    """'last September' is the writer's month, not the September of the year told just before ('in 2021')."""
    text = ("Publish Date : 14 March 2023 - 10:00\n\nChilean President Ana Ruiz met Peruvian President Luis Soto in "
            "Lima on Tuesday. Chile and Peru signed a deal in 2021. The two presidents met for the second time last "
            "September at a forum in Quito.\n")
    rows = extract(text, None)["event_mentions"]
    meetings = {(row["event_date"], row["date_precision"]) for row in rows.iter_rows(named=True)
                if row["event_type"] == "meeting"}
    assert (date(2022, 9, 1), "month") in meetings
    assert (date(2021, 9, 1), "month") not in meetings
