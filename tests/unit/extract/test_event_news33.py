"""A line a page prints again word for word tells its act once (helper news33, session 19). A case file compares
sets of rows, so the count is checked here. Made-up text."""
from __future__ import annotations

from datetime import date

from flows.extract.event_repeated_lines import one_row_a_repeated_line

GALLERY = """The Norwegian Minister of Trade, Eva Holm, visited Kenya from 3 to 6 July 2023.
The visit was a success for both countries.
At the Norway-Kenya Business Forum and Opening of the Norwegian Trade Office in Nairobi.
At the Norway-Kenya Business Forum and Opening of the Norwegian Trade Office in Nairobi.
At the Norway-Kenya Business Forum and Opening of the Norwegian Trade Office in Nairobi."""


def test_a_caption_printed_under_each_photo_is_one_act(extract) -> None:
    rows = extract(GALLERY, date(2024, 5, 10))["event_mentions"]
    assert rows.filter(rows["event_type"] == "other").height == 1
    assert rows.filter(rows["event_type"] == "official_visit").height == 1


def _row(sentence: int, event_type: str = "agreement_signed") -> dict:
    return {"sentence_index": sentence, "evidence": "A and B signed two agreements.", "event_type": event_type,
            "actor_iso3": "NOR", "target_iso3": "KEN", "event_date": date(2023, 7, 4), "date_precision": "day",
            "status": "occurred"}


def test_two_acts_alike_in_one_sentence_both_stay() -> None:
    """One sentence may tell two acts alike ('signed two agreements'): only a second line's copy is folded."""
    assert len(one_row_a_repeated_line([_row(3), _row(3)])) == 2
    assert len(one_row_a_repeated_line([_row(3), _row(3), _row(5)])) == 2
    assert len(one_row_a_repeated_line([_row(3), _row(5, "meeting")])) == 2


def test_a_day_with_its_ordinal_dot_before_a_month_name_on_a_date_line() -> None:
    """Central European releases stamp '14. Oct 2025.': on a line that is only a date the dot is the day's, so the page
    is dated to the day, not to the month."""
    from flows.ingest.documents.datelines import date_only_line
    assert date_only_line("9. Mar 2021.") == (date(2021, 3, 9), None)
    assert date_only_line("21. November 2019") == (date(2019, 11, 21), None)
    assert date_only_line("2. November was a quiet day for the talks in the capital") is None


def test_a_date_line_with_the_days_ordinal_dot_is_no_numbered_list_item() -> None:
    """'9. Mar 2021.' alone on a line is the page's date, not item 9 of a list whose text is 'Mar 2021.' (which dated
    the page to the month); a numbered item that goes on after the year stays an item."""
    from flows.ingest.documents.markdown import read_markdown
    text = read_markdown("A release on the talks\n\n9. Mar 2021.\nThe two ministers met in the capital today.\n")["text"]
    assert "\n9. Mar 2021.\n" in text
    listed = read_markdown("Milestones\n\n1. May 2020 saw the first visit.\n2. June 2021 saw the second.\n")["text"]
    assert "- May 2020 saw the first visit." in listed
