"""Event dates, session 22 (branch events22), on texts written for these tests: a list of acts each told by its
date and its subject ('in 1995 on air services, in May 2004 on trade'), 'that same year' as an anaphoric date, an
anniversary of relations with its span in brackets ('(1980-2020)'), and a written year as the subject of an
anniversary ('The year 2030-31 marked ...': a year's state, no celebration)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from flows.common.dates import DateContext
from tests.support.story_rows import story_rows


def _dates_of(tmp_path: Path, text: str, event_type: str, published: str | None = None) -> list[date]:
    """The dates of the story's rows of one type, in order."""
    return [row[1] for row in story_rows(tmp_path, text, published) if row[0] == event_type]


def test_each_dated_item_of_a_list_of_accords_is_an_accord(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nKenya and Ghana have signed several bilateral agreements: in 1995 on air services, "
            "in May 2004 on trade and in 2012 on visas.\n")
    rows = [row[1:3] for row in story_rows(tmp_path, text, "2021-06-03") if row[0] == "agreement_signed"]
    assert rows == [(date(1995, 1, 1), "year"), (date(2004, 5, 1), "month"), (date(2012, 1, 1), "year")]


def test_two_dated_items_joined_by_and_are_two_accords(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nKenya and Ghana signed agreements in 1999 on culture and in 2007 on fisheries.\n"
    assert _dates_of(tmp_path, text, "agreement_signed", "2021-06-03") == [date(1999, 1, 1), date(2007, 1, 1)]


def test_a_bare_year_after_a_month_is_not_read_as_its_own_year_act(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nKenya handed over two patrol boats to Ghana in March 2020 and 2024.\n"
    rows = [row for row in story_rows(tmp_path, text, "2025-06-03") if row[1] == date(2024, 1, 1)]
    assert rows == []  # 'and 2024' may be March again: no act at year precision


def test_that_same_year_is_the_year_told_last() -> None:
    context = DateContext(None)
    context.find("In 1963, Ghana received two million shillings from Kenya.")
    [same] = context.find("That same year, both nations signed a trade accord.")
    assert (same.value, same.precision, same.resolution) == (date(1963, 1, 1), "year", "anaphora")


def test_that_same_year_dates_the_accord_not_an_earlier_visit(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nIn 1960, the Kenyan minister travelled to Ghana. In 1962 Kenya approved giving Ghana "
            "aid. In 1963, Ghana received two million shillings from Kenya. That same year, both nations signed "
            "agreements for Ghana to buy trucks.\n")
    assert _dates_of(tmp_path, text, "agreement_signed") == [date(1963, 1, 1)]


def test_an_anniversary_span_in_brackets_gives_the_year_of_the_ties(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThis visit, marking the 40th anniversary of diplomatic relations (1980-2020), is a "
            "milestone for Kenya and Ghana.\n")
    rows = [row[1:3] for row in story_rows(tmp_path, text) if row[0] == "diplomatic_relations_established"]
    assert rows == [(date(1980, 1, 1), "year")]


def test_a_written_year_that_marked_an_anniversary_is_no_celebration(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nKenya and Ghana enjoy warm ties. The year 2030-31 marked the 60th anniversary of "
            "their diplomatic relations.\n")
    rows = story_rows(tmp_path, text, "2031-06-03")
    assert [row[0] for row in rows if row[0] == "anniversary_event"] == []
    assert [row[1] for row in rows if row[0] == "diplomatic_relations_established"] == [date(1970, 1, 1)]


def test_visits_counted_on_occasions_are_a_count_not_a_visit(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan president held talks with the Ghanaian president in Accra on 3 May 2021.\n\n"
            "The Ghanaian opposition leader, then head of his party, made visits to Kenya on seven occasions.\n")
    rows = [row for row in story_rows(tmp_path, text, "2021-05-04") if row[0] == "official_visit"]
    assert rows == []


def test_visits_counted_on_occasions_and_dated_each_are_visits(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nThe Ghanaian king visited Kenya on two occasions, in 1975 and 1999.\n"
    assert _dates_of(tmp_path, text, "official_visit", "2021-05-04") == [date(1975, 1, 1), date(1999, 1, 1)]


def test_the_elevation_of_ties_to_a_partnership_is_a_step(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nThe Kenyan president held talks with the Ghanaian president in Accra on 3 May 2021.\n\n"
            "Both heads of state declared the elevation of their ties to an all-round strategic partnership.\n")
    rows = [row[1:3] for row in story_rows(tmp_path, text, "2021-05-04") if row[0] == "other"]
    assert rows == [(date(2021, 5, 3), "day")]


def test_a_consular_office_established_is_a_mission_and_what_it_paved_the_way_for_is_later(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nIn 1960, a Ghanaian consular office was set up in Nairobi, a step that paved the way "
            "for establishing diplomatic relations.\n")
    rows = story_rows(tmp_path, text)
    assert rows == [("embassy_opened", date(1960, 1, 1), "year", "GHA", "KEN")]


def test_an_act_a_date_follows_after_paving_the_way_keeps_its_date(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nIn 1960, the first trade mission of Kenya came to Ghana, which paved the way for the "
            "establishment of diplomatic relations on 5 May 1962.\n")
    assert _dates_of(tmp_path, text, "diplomatic_relations_established") == [date(1962, 5, 5)]


def test_a_parliaments_question_is_no_visit_of_its_day(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nQuestions\n\n7. Deputy Ann Bell asked the Minister to outline what he discussed during "
            "his trip to Ghana last week, and to list the talks held there with the Ghanaian premier.\n\n"
            "I visited Ghana on 7-10 January.\n")
    rows = [row for row in story_rows(tmp_path, text, "2024-01-25") if row[0] in ("official_visit", "meeting")]
    assert rows == [("official_visit", date(2024, 1, 7), "day", "KEN", "GHA")]


def test_a_first_ambassador_and_aid_provided_are_acts_of_their_years(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nIn 1915, Kenyan diplomat Ann Bell became the first ambassador to Ghana. In 1970 Ghana "
            "approved providing Kenya with development assistance.\n")
    rows = [row for row in story_rows(tmp_path, text) if row[0] == "other"]
    assert rows == [("other", date(1915, 1, 1), "year", "KEN", "GHA"), ("other", date(1970, 1, 1), "year", "GHA", "KEN")]


def test_consultations_named_as_an_accords_purpose_are_no_meeting(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nIn 2015 Kenya and Ghana signed a memorandum in order to ensure the holding of annual "
            "talks between their foreign ministries.\n")
    assert [row[0] for row in story_rows(tmp_path, text, "2017-01-01")] == ["agreement_signed"]


def test_a_wire_story_told_from_inside_a_visit(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nACCRA, Dec 1 (GNA) - Ghana's President Ann Bell last night hosted a banquet for Kenyan "
            "President Tom Oduya.\n\nOn this second day of her stay in Ghana, the Kenyan president is touring "
            "factories.\n")
    rows = story_rows(tmp_path, text, "1994-12-01")
    assert ("meeting", date(1994, 11, 30), "day", "GHA", "KEN") in rows
    assert ("official_visit", date(1994, 11, 30), "day", "KEN", "GHA") in rows


def test_this_third_day_of_a_stay_counts_back_from_the_story_day(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nACCRA, Dec 1 (GNA) - On this third day of her stay in Ghana, Kenya's President Tom "
            "Oduya is touring factories.\n")
    rows = [row for row in story_rows(tmp_path, text, "1994-12-01") if row[0] == "official_visit"]
    assert rows == [("official_visit", date(1994, 11, 29), "day", "KEN", "GHA")]


def test_a_trade_mission_a_minister_led_is_a_visit(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nTrade Minister Ann Bell of Kenya said that the tea deal was secured during a trade "
            "mission she led to Accra in August 2022.\n")
    rows = [row for row in story_rows(tmp_path, text, "2022-08-23") if row[0] == "official_visit"]
    assert rows == [("official_visit", date(2022, 8, 1), "month", "KEN", "GHA")]


def test_the_heading_of_a_list_of_visits_is_no_visit(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nKenya established diplomatic relations with Ghana in 1961. The following have been the "
            "high-level visits from both sides:\n\nVisits from Ghana to Kenya: President Ann Bell visited Kenya in 1965.\n")
    rows = [row for row in story_rows(tmp_path, text) if row[0] == "official_visit"]
    assert rows == [("official_visit", date(1965, 1, 1), "year", "GHA", "KEN")]


def test_an_nth_year_anniversary_next_year_dates_the_ties(tmp_path: Path) -> None:
    visit = "The Kenyan foreign minister paid an official visit to Ghana during May 19-21 2019."
    quote = "“Next year we will mark the 70th year anniversary of our diplomatic ties,” the Ghanaian minister said."
    # 'next year' is the story's year (2019, the visit's) plus one: ties of 1950
    assert _dates_of(tmp_path, f"Kenya and Ghana\n\n{visit}\n\n{quote}\n", "diplomatic_relations_established") \
        == [date(1950, 1, 1)]


def test_a_previously_signed_memorandum_is_no_signing_of_the_story(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nNAIROBI, Sept 21 -- The Kenyan ambassador in Ghana said the Kenya-Ghana joint committee "
            "convened in Accra on September 12.\n\nHe also praised the subcommittees for putting a previously signed "
            "memorandum of understanding on health in place.\n")
    assert [row[0] for row in story_rows(tmp_path, text, "2024-09-21")] == ["commission_meeting"]


def test_not_until_dates_the_act_then() -> None:
    [until] = DateContext(None).find("The embassy of Kenya in Accra was not opened until 2001.")
    assert (until.value, until.kind) == (date(2001, 1, 1), "point")
    [stretch] = DateContext(None).find("The plan stays in force until 2030.")
    assert stretch.kind == "until"


def test_an_embassy_not_opened_until_a_year_opened_that_year(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nThe embassy of Kenya in Accra was not opened until 2001.\n"
    assert story_rows(tmp_path, text) == [("embassy_opened", date(2001, 1, 1), "year", "KEN", "GHA")]


def test_ties_severed_and_not_restored_until_later_keep_the_severing(tmp_path: Path) -> None:
    text = ("Kenya and Ghana\n\nGhana severed diplomatic relations with Kenya in 1973, and they were not restored "
            "until 1994.\n")
    assert ("other", date(1973, 1, 1), "year", "GHA", "KEN") in story_rows(tmp_path, text)


def test_an_earlier_visit_is_still_a_visit(tmp_path: Path) -> None:
    text = "Kenya and Ghana\n\nThe talks followed an earlier visit by the Kenyan trade minister to Ghana in October 2014.\n"
    rows = [row for row in story_rows(tmp_path, text, "2024-05-10") if row[0] == "official_visit"]
    assert rows == [("official_visit", date(2014, 10, 1), "month", "KEN", "GHA")]
