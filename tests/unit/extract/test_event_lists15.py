"""Lists of branch lists15 (issue 11): a list item that repeats a told visit, a list of visitors that led
delegations, a bullet dated in words under a 'Visits by A to B' heading, and titled items each with its year; texts
made up for the purpose."""
from __future__ import annotations

from datetime import date

from flows.common.list_items import items_joined, line_item
from flows.extract.countries import find_countries
from flows.extract.event_lists import named_year_visits
from tests.unit.extract.conftest import events_of, people_of

PAIR = ("CHL", "PER")


def _visits(frames: dict) -> list[tuple]:
    return sorted((actor, target, day, precision) for kind, actor, target, day, precision, _ in events_of(frames)
                  if kind.endswith("visit") and day is not None)


SECTION = """Chile and Peru keep close ties.

In March 1991, President Ana Soto became the first Chilean head of state to visit Peru. Premier Jon Roe visited Chile in 2012.

Visits from Chile to Peru

- President Ana Soto (1991)
- Minister Eva Dunn (1995)

Visits from Peru to Chile

- Premier Jon Roe (2012)
- Premier Max Ortiz (2016)
"""


def test_a_list_item_that_repeats_a_told_visit_is_that_visit(extract) -> None:
    # 1991 told to the month, 2012 told to the year with the same person: no year-only copy of either
    assert _visits(extract(SECTION, None)) == [
        ("CHL", "PER", date(1991, 3, 1), "month"), ("CHL", "PER", date(1995, 1, 1), "year"),
        ("PER", "CHL", date(2012, 1, 1), "year"), ("PER", "CHL", date(2016, 1, 1), "year")]


def test_two_items_of_one_year_stay_two_visits(extract) -> None:
    text = ("Chile and Peru keep close ties.\n\nVisits from Chile to Peru\n\nPresidents:\n1998, 2004\n"
            "Prime Ministers:\n1998\n")
    rows = [row for row in extract(text, None)["event_mentions"].iter_rows(named=True)]
    assert sorted(row["event_date"].year for row in rows) == [1998, 1998, 2004]


def test_a_bullet_dated_in_words_under_a_visits_by_heading(extract) -> None:
    text = ("Chile and Peru keep close ties.\n\nVisits by Chilean leaders to Peru:\n"
            "- In May, 2001 Premier Jon Roe stopped over in Peru\n"
            "- In June, 2005, President Ana Soto visited Peru.\n")
    assert _visits(extract(text, None)) == [("CHL", "PER", date(2001, 5, 1), "month"),
                                           ("CHL", "PER", date(2005, 6, 1), "month")]


def test_a_dated_bullet_line_reads_its_month_after_a_comma() -> None:
    assert line_item("- In May, 2001 Premier Jon Roe stopped over in Lima") == ("", [(5, 14, 2001, 5)])
    assert line_item("Premier Jon Roe stopped over in Lima in 2001.") == ("", [])


def test_a_list_of_visitors_that_led_delegations() -> None:
    sentence = "Later, Comrade Ida Moss (1970), Comrade Tom Bell (1981) led Party and Government Delegations to visit Peru."
    rows = named_year_visits(sentence, find_countries(sentence), PAIR, [])
    assert sorted((row.actor, row.target, row.date.value.year, row.status) for row in rows) == [
        ("CHL", "PER", 1970, "occurred"), ("CHL", "PER", 1981, "occurred")]


def test_titled_items_each_with_its_year_are_joined() -> None:
    text = "signed a Customs Treaty (1990); Agreement on Trade in Services (1994); Accord on Fisheries (1999)"
    assert items_joined(text, text.index("1990") + 4, text.index("1994"))
    assert items_joined(text, text.index("1994") + 4, text.index("1999"))
    assert not items_joined("a treaty (1990); it was amended in (1994)", 15, 37)


def test_each_titled_agreement_of_a_list_is_signed_in_its_year(extract) -> None:
    text = ("Chile and Peru have signed several agreements, such as a Customs Treaty (1990); Agreement on Trade in "
            "Services (1994); Accord on Fisheries (1999).")
    years = sorted(day.year for kind, _, _, day, _, _ in events_of(extract(text, None))
                   if kind == "agreement_signed" and day is not None)
    assert years == [1990, 1994, 1999]


def test_one_told_visit_is_one_item(extract) -> None:
    # the President's visit of August 2014 is the Presidents' 2014, not the Foreign Ministers' 2014 too
    text = ("Chile and Peru keep close ties.\n\nPresident Ana Soto paid a state visit to Peru in August 2014.\n\n"
            "Visits from Chile to Peru\n\nPresidents:\n1999, 2014\nForeign Ministers:\n2014\n")
    assert _visits(extract(text, None)) == [
        ("CHL", "PER", date(1999, 1, 1), "year"), ("CHL", "PER", date(2014, 1, 1), "year"),
        ("CHL", "PER", date(2014, 8, 1), "month")]


def test_a_delegation_led_to_visit_is_a_visit_made(extract) -> None:
    text = "In May, 1966, Premier Ida Moss led the first Government Delegation to visit Peru from Chile."
    assert ("official_visit", "CHL", "PER", date(1966, 5, 1), "month", "occurred") in events_of(extract(text, None))


def test_the_words_before_a_name_on_an_item_line_are_the_title(extract) -> None:
    text = ("Chile and Peru keep close ties.\n\nVisits from Chile to Peru\n\n- Vice-chancellor Ida Moss (1996)\n"
            "- Premier Tom Bell (2001)\n")
    people = people_of(extract(text, None))
    assert ("Ida Moss", "Vice-chancellor", "CHL") in people
