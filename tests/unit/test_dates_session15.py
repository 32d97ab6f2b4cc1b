"""Dates, session 15, on texts written for these tests: a date that opens the next clause after 'and' belongs to
that clause's act ('Borvia's premier toured Cestia in 2001 and in 2003, the Cestian king came to Borvia'), and a
visit ended 'after completing a N-day visit' is dated by its first day."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from flows.extract.event_days import visit_start
from flows.common.dates import DateMention
from tests.support.story_rows import story_rows


def test_each_clause_keeps_its_own_year(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nRelations between Kenya and Ghana are warm. In 2004, the Kenyan President Mwai Kibaki "
            "visited Ghana and in 2006, the Ghanaian President John Kufuor visited Kenya.\n")
    rows = [row for row in story_rows(tmp_path, text) if row[0] == "official_visit"]
    assert rows == [("official_visit", date(2004, 1, 1), "year", "KEN", "GHA"),
                    ("official_visit", date(2006, 1, 1), "year", "GHA", "KEN")]


def test_a_date_after_and_with_no_later_act_stays_the_first_acts(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan President Mwai Kibaki visited Ghana in March and in June.\n")
    rows = [row for row in story_rows(tmp_path, text, "2011-09-01") if row[0] == "official_visit"]
    assert rows and all(row[3:] == ("KEN", "GHA") for row in rows)
    assert date(2011, 3, 1) in {row[1] for row in rows}


def test_a_visit_completed_before_flying_home_starts_days_earlier() -> None:
    sentence = "The Borvian premier flew home on Friday after completing a three-day state visit to Cestia."
    told = DateMention(0, 0, "", date(2030, 5, 10), "day", "publication", "published 2030-05-10")
    end = sentence.index("flew home") + len("flew home")
    assert visit_start(told, sentence, end).value == date(2030, 5, 8)


def test_a_visit_completed_is_the_end_of_it_when_told_before_the_noun() -> None:
    sentence = "The premier is back after completing a two-day visit"
    told = DateMention(0, 0, "", date(2030, 5, 10), "day", "publication", "published 2030-05-10")
    assert visit_start(told, sentence, len(sentence)).value == date(2030, 5, 9)


def test_a_day_that_opens_the_next_clause_is_not_the_first_acts(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan President Mwai Kibaki visited Ghana and on 9 May 2006, the Ghanaian President "
            "John Kufuor visited Kenya.\n")
    rows = [row for row in story_rows(tmp_path, text, "2011-09-01") if row[0] == "official_visit"]
    # the first visit, with no date of its own, falls back to the day of the story; 9 May 2006 is the second's
    assert {row[1] for row in rows} == {date(2006, 5, 9), date(2011, 9, 1)}


def test_a_date_before_a_verb_of_describing_is_not_the_acts(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan President Mwai Kibaki signed a trade treaty with Ghana on 4 May 1999. "
            "The Ghanaian minister, at a forum in Nairobi in June 2003, hailed the signing of the treaty as a milestone.\n")
    rows = [row for row in story_rows(tmp_path, text) if row[0] == "agreement_signed"]
    assert [row[1] for row in rows] == [date(1999, 5, 4)]


def test_the_last_visit_was_when_names_its_own_day(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan President Mwai Kibaki visited Ghana in 2001. The most recent visit was when "
            "the Ghanaian President John Kufuor visited Nairobi on 3 March 2008.\n")
    rows = [row for row in story_rows(tmp_path, text) if row[0] == "official_visit"]
    assert [row[1] for row in rows] == [date(2001, 1, 1), date(2008, 3, 3)]


def test_a_named_plan_signed_in_a_year_keeps_that_year_from_the_meeting(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nOn 4 May 2019, the Kenyan President Uhuru Kenyatta met the Ghanaian President Nana "
            "Akufo-Addo in Accra. The two leaders held talks in which they went over the Plan of Action for the "
            "Enhanced Partnership signed in 2015.\n")
    rows = story_rows(tmp_path, text)
    assert date(2015, 1, 1) not in {row[1] for row in rows if row[0] == "meeting"}
    assert ("agreement_signed", date(2015, 1, 1), "year") in {row[:3] for row in rows}
