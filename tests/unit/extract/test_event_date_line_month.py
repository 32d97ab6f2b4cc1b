"""A finished act dated only by the date line takes its month (helper near28c, session 18): the undated page, which
a case file cannot state (its cases all carry a publication day), and the rule's row-level branches. Made up."""
from datetime import date

from flows.extract import extract_documents
from flows.extract.event_days import date_line_month
from tests.unit.extract.conftest import date_line_row, one_document

TALKS = "Chile and Peru.\nThe foreign ministers of Chile and Peru held talks in Lima on trade and fisheries."
PUBLISHED = date(2024, 5, 14)


def _row(evidence: str, **changes) -> dict:
    return date_line_row(evidence, PUBLISHED, **changes)


def test_undated_page_gives_no_date_line_month():
    rows = extract_documents(one_document(TALKS, None))["event_mentions"]
    assert all(row["date_precision"] != "month" for row in rows.iter_rows(named=True))
    # an act the page could not date (no publication day, no date of its own) stays undated: no month from nothing
    undated = _row("held talks", event_date=None)
    assert date_line_month([undated], None) == [undated]


def test_finished_act_takes_the_month():
    (row,) = date_line_month([_row("The ministers held talks in Lima.")], PUBLISHED)
    assert (row["event_date"], row["date_precision"]) == (date(2024, 5, 1), "month")


def test_under_way_visit_keeps_the_day_for_the_storys_undated_acts():
    visit = _row("The president is in Peru on a state visit.", event_type="state_visit")
    talks = _row("The presidents held talks.")
    text = "Chile and Peru.\nThe president is in Peru on a state\nvisit. The presidents held talks."
    assert date_line_month([visit, talks], PUBLISHED, text) == [visit, talks]
    assert date_line_month([visit], PUBLISHED) == [visit]  # the row's own words, whatever the text


def test_an_act_told_that_day_in_words_keeps_the_pairs_day():
    signed = _row("The deal was signed on Thursday.", event_type="agreement_signed", date_resolution="relative")
    deal = _row("Chile and Peru have signed a deal.", event_type="agreement_signed")
    assert date_line_month([deal, signed], PUBLISHED) == [deal, signed]


def test_other_dates_and_plans_are_left_alone():
    yesterday = _row("They met yesterday.", event_date=date(2024, 5, 13), date_resolution="relative")
    counted_back = _row("He ended a two-day visit.", event_type="state_visit", event_date=date(2024, 5, 13))
    planned = _row("They will meet.", status="planned")
    assert date_line_month([yesterday, counted_back, planned], PUBLISHED) == [yesterday, counted_back, planned]
