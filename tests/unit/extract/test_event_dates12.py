"""Session 11, branch dates12: dates of events on texts written for these tests (a visit told by its phase in a
present-perfect lead)."""
from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import events_of


def test_a_visit_begun_in_a_perfect_lead_is_the_news_of_the_day(extract) -> None:
    """'has begun a three-day state visit': the visit started on the story's day; not a state of affairs."""
    frames = extract("The president of Ghana has begun a three-day state visit to Togo. He was met at the airport "
                     "by the Togolese foreign minister.", date(2024, 3, 12))
    assert ("state_visit", "GHA", "TGO", date(2024, 3, 12), "day", "occurred") in events_of(frames)


def test_a_visit_wrapped_up_in_a_perfect_lead_is_dated(extract) -> None:
    frames = extract("The Ghanaian president has wrapped up an official visit to Togo.", date(2024, 3, 12))
    assert ("official_visit", "GHA", "TGO", date(2024, 3, 12), "day", "occurred") in events_of(frames)


def test_a_perfect_count_of_visits_stays_a_state(extract) -> None:
    """'has visited Togo twice' tells how often, not an act of the story's day."""
    frames = extract("The Ghanaian president has visited Togo twice.", date(2024, 3, 12))
    assert not [row for row in events_of(frames) if row[0].endswith("visit")]


def test_a_day_between_the_and_an_occasion_after_ahead_of_is_that_occasions(extract) -> None:
    """'ahead of the May 20-21 energy forum': the forum's days, not the visit's; the visit ends on the story's day."""
    frames = extract("The Ghanaian president wrapped up a two-day official visit to Togo that came ahead of the May "
                     "20-21 energy forum.", date(2024, 5, 12))
    visits = [row for row in events_of(frames) if row[0] == "official_visit"]
    assert visits == [("official_visit", "GHA", "TGO", date(2024, 5, 11), "day", "occurred")]


def test_arriving_the_day_before_for_a_two_day_visit_keeps_the_storys_day(extract) -> None:
    """The lead's day (Tuesday) lies inside the visit begun on Monday: later undated acts stay on Tuesday."""
    frames = extract("Prime Minister Ana Costa of Portugal hosts a dinner on Tuesday (May 7) for the visiting Spanish "
                     "prime minister. The Spanish leader, who arrived in Portugal on Monday (May 6) for a two-day "
                     "official visit, was greeted at the palace. Earlier, the two prime ministers of Portugal and "
                     "Spain held a meeting.", date(2024, 5, 7))
    meetings = [row for row in events_of(frames) if row[0] == "meeting"]
    assert [row[3] for row in meetings] == [date(2024, 5, 7)]


def test_a_visit_told_before_its_length_takes_its_first_day(extract) -> None:
    """'visiting' dates the visit on the story's Sunday; '..., who wound up a two-day visit' then tells it began on
    Saturday."""
    frames = extract("The visiting Indian prime minister said in Seoul on Sunday that trade must grow. The Indian "
                     "prime minister, who wound up a two-day official visit in South Korea, flew home.",
                     date(2024, 3, 10))
    visits = [row for row in events_of(frames) if row[0] == "official_visit"]
    assert visits == [("official_visit", "IND", "KOR", date(2024, 3, 9), "day", "occurred")]


def test_the_nth_day_of_the_visit_dates_its_first(extract) -> None:
    """'on Saturday, the third day of his stay': the visit told in the lead began on Thursday."""
    frames = extract("The president of Ghana is back home on Sunday after ending a three-day state visit to Togo. "
                     "On Saturday, the third day of his stay, the Ghanaian leader met the president of Togo.",
                     date(2024, 3, 10))
    rows = events_of(frames)
    assert ("state_visit", "GHA", "TGO", date(2024, 3, 7), "day", "occurred") in rows
    assert ("meeting", "GHA", "TGO", date(2024, 3, 9), "day", "occurred") in rows


def test_a_weekday_on_an_undated_page_is_its_newest_full_day_on_that_weekday(extract) -> None:
    """No publication date; 'on Tuesday' and a caption's 'March 5, 2024' (a Tuesday): the meeting is that day."""
    frames = extract("The presidents of Ghana and Togo met in Lome on Tuesday.\n\nThe two presidents at the palace "
                     "in Lome on March 5, 2024. (Photo: Wire)", None)
    assert [row[3:5] for row in events_of(frames) if row[0] == "meeting"] == [(date(2024, 3, 5), "day")]


def test_a_weekday_that_is_not_the_newest_days_stays_unresolved(extract) -> None:
    """'on Monday' with a newest full day that is a Tuesday, or told in a future clause: no day is invented."""
    frames = extract("The presidents of Ghana and Togo met in Lome on Monday.\n\nThe two presidents at the palace "
                     "in Lome on March 5, 2024.", None)
    assert not [row for row in events_of(frames) if row[0] == "meeting"]
    frames = extract("The president of Ghana will visit Togo on Tuesday.\n\nThe two presidents last met in Lome on "
                     "March 5, 2024.", None)
    assert not [row for row in events_of(frames) if row[0] == "official_visit" and row[3] == date(2024, 3, 5)]


def test_a_perfect_lead_under_a_headline_standfirst_and_date_line_is_the_news(extract) -> None:
    """Headings above the first act are no lead: 'have held talks' is still the news of the day."""
    frames = extract("This site uses cookies.\n\nGhana and Togo deepen ties\n\nThe two ministers agree to meet "
                     "again\n\nMay 10, 2024\n\nThe foreign ministers of Ghana and Togo have held in Accra the first "
                     "bilateral meeting since the election.", date(2024, 5, 10))
    assert [row[3] for row in events_of(frames) if row[0] == "meeting"] == [date(2024, 5, 1)]  # near28c: a finished act with no date word of its own takes the date line's month


def test_earlier_in_the_day_is_the_storys_day_not_a_year_told_last(extract) -> None:
    """'in 2019' was the last date told; 'the talks earlier in the day' are on the day of the story."""
    frames = extract("The Ghanaian president last visited Togo in 2019. The Togolese president said during the "
                     "summit that lasted an hour earlier in the day that ties were strong.", date(2024, 3, 12))
    assert [row[3:5] for row in events_of(frames) if row[0] == "meeting"] == [(date(2024, 3, 12), "day")]


def test_a_planned_weekday_already_past_this_week_is_the_coming_one(extract) -> None:
    """'The trip from Thursday will be ...' told on a Tuesday: that week's Thursday, not a Thursday a year on."""
    frames = extract("The trip from Thursday will be the first visit of the Ghanaian president to Togo.",
                     date(2023, 9, 12))
    assert [row[3] for row in events_of(frames) if row[0] == "official_visit"] == [date(2023, 9, 14)]


def test_a_future_weekday_that_is_the_publication_days_is_that_day() -> None:
    """'will be on a visit on Tuesday' in Tuesday's paper: that Tuesday (news style), 'next Tuesday' the one after."""
    from flows.common.dates import DateContext

    tuesday = date(2021, 11, 23)
    assert [m.value for m in DateContext(tuesday).find("The president will be in Accra on Tuesday.")] == [tuesday]
    assert [m.value for m in DateContext(tuesday).find("The president will be in Accra next Tuesday.")] == [
        date(2021, 11, 30)]


def test_a_day_after_the_reporting_verb_does_not_narrow_a_plans_period(extract) -> None:
    """'will hold talks later this year, the minister said on Monday': Monday is the saying's, the plan is 2024's."""
    frames = extract("Ghana and Togo will hold their annual consultation in Accra later this year, the Ghanaian "
                     "foreign minister said on Monday.", date(2024, 8, 13))
    planned = [row for row in events_of(frames) if row[5] == "planned"]
    assert [(row[3], row[4]) for row in planned] == [(date(2024, 1, 1), "year")]


def test_that_afternoon_is_the_day_just_told(extract) -> None:
    """'arrived on Wednesday ... and was welcomed by the president that afternoon': the welcome is on Wednesday."""
    frames = extract("The Ghanaian president agreed on Thursday to open a border post with Togo. He arrived in Lome on "
                     "Wednesday for a two-day state visit and met the Togolese president that afternoon.",
                     date(2025, 1, 31))
    assert date(2025, 1, 29) in [row[3] for row in events_of(frames) if row[0] == "meeting"]


def test_today_in_reported_speech_is_the_day_the_words_were_said(extract) -> None:
    """A story of Tuesday tells Monday's signing; '"... were signed today," the president said' is Monday's."""
    frames = extract("The presidents of Ghana and Togo signed five accords in Accra on Monday. \u201cFive accords "
                     "between Ghana and Togo were signed today,\u201d the Ghanaian president said.", date(2024, 3, 12))
    signed = [row for row in events_of(frames) if row[0] == "agreement_signed"]
    assert {row[3] for row in signed} == {date(2024, 3, 11)}
