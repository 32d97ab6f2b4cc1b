"""named_year_visits (flows/extract/event_lists.py) and the year headings of flows/common/dates/headings.py, on
sentences made up for the purpose (issue 11, branch lists12)."""
from __future__ import annotations

from flows.common.dates import DateContext, dates_by_sentence, heading_year
from flows.extract.countries import find_countries
from flows.extract.event_lists import named_year_visits
from flows.extract.sentences import split_sentences

PAIR = ("CHL", "PER")


def _years(sentence: str) -> list[tuple[str, str, int]]:
    rows = named_year_visits(sentence, find_countries(sentence), PAIR, [])
    return [(row.actor, row.target, row.date.value.year) for row in rows if row.date and row.date.value]


def test_each_year_of_each_visitor_is_a_visit() -> None:
    sentence = "The visits to Peru by Chilean Presidents Ana Soto (1991) and Jon Roe (1995, Summit 1998 and 2001)."
    assert _years(sentence) == [("CHL", "PER", 1991), ("CHL", "PER", 1995), ("CHL", "PER", 1998),
                                ("CHL", "PER", 2001)]


def test_a_year_told_twice_for_one_visitor_is_one_visit() -> None:
    assert _years("Top visits from Peru: President Tom Bell (1990 & 1990), Premier Ida Moss in 1994.") == [
        ("PER", "CHL", 1990), ("PER", "CHL", 1994)]


def test_countries_with_years_are_no_visitors() -> None:
    """'visits to Peru (2019) and Bolivia (2021)': a bracket after a country's name is no visitor's."""
    assert _years("The Chilean minister recalled his visits to Peru (2019) and Bolivia (2021).") == []


def test_one_visitor_is_no_list() -> None:
    assert _years("The visits to Peru by Chilean President Ana Soto (1991) were a success.") == []


def test_a_heading_line_is_read_only_when_it_is_a_short_year_line() -> None:
    assert heading_year("\nContacts in 2003:\n") == 2003
    assert heading_year("\n2004:\n") == 2004
    assert heading_year("\nThe two sides met in 2003 and agreed on the following:\n") is None


def test_a_heading_year_lasts_until_a_sentence_writes_its_own_year() -> None:
    text = "Contacts in 2003:\n\nMay 4, the ministers met in Lima.\n\nIn 2010 they met again. On May 5 they signed."
    sentences = split_sentences(text)
    found = dates_by_sentence(DateContext(None), text, sentences)
    years = [mention.value.year for mentions in found for mention in mentions if mention.value]
    assert years == [2003, 2010, 2010]


def test_an_embassy_that_speaks_opens_nothing() -> None:
    """'The embassy said: relations were established ...': only names may stand between the mission and 'was set up'."""
    from flows.extract.event_grammar import find_triggers
    said = "The Chilean embassy wrote on its page that relations were established following a swap of letters."
    opened = "The Consulate General of Chile in Cusco was first set up in 1980."
    assert "embassy_opened" not in {hit.event_type for hit in find_triggers(said, 0)}
    assert "embassy_opened" in {hit.event_type for hit in find_triggers(opened, 0)}
