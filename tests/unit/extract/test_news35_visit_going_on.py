"""news35: a visit the story tells as going on keeps the date line's day (tests/realnews/README.md, date precision of
visits), and a date inside a participle aside about a person does not date the act after it. Made up."""
from datetime import date

from flows.extract.event_days import agency_date_line, date_line_month, visit_under_way
from tests.unit.extract.conftest import date_line_row

PUBLISHED = date(2024, 5, 14)


def _row(evidence: str, **changes) -> dict:
    return date_line_row(evidence, PUBLISHED, **{"event_type": "official_visit", **changes})


def test_a_report_that_coincides_with_a_visit_keeps_the_day():
    visit = _row("The survey coincides with the Chilean foreign minister's trip to Peru.")
    assert date_line_month([visit], PUBLISHED) == [visit]


def test_coincides_without_a_visit_or_in_another_sentence_moves_to_the_month():
    # no visit word: a date coinciding with a festival tells no visit under way
    talks = _row("The ministers held talks, which coincides with the harvest festival.", event_type="meeting")
    text = "Chile and Peru. The ministers held talks, which coincides with the harvest festival."
    (row,) = date_line_month([talks], PUBLISHED, text)
    assert row["date_precision"] == "month"
    # the row's own words name the visit as over; the story's coinciding line names no visit
    over = _row("The minister visited Lima.")
    text = "Chile and Peru. The minister visited Lima. The report coincides with Peru's budget week."
    (row,) = date_line_month([over], PUBLISHED, text)
    assert row["date_precision"] == "month"


def test_an_act_on_the_date_lines_day_during_the_visit_tells_it_going_on():
    text = ("The Chilean premier and the Peruvian president will brief the press on Tuesday, May 14, during the "
            "premier's official visit to Peru.")
    assert visit_under_way(text, PUBLISHED)
    assert visit_under_way("They will sign a pact on 14 May 2024 during the visit.", PUBLISHED)


def test_during_a_visit_on_another_day_or_year_tells_nothing():
    # another day, another year, no visit: none places the visit on the date line's day
    assert not visit_under_way("They will sign a pact on May 20 during the visit.", PUBLISHED)
    assert not visit_under_way("They signed a pact on May 14, 2019 during the visit.", PUBLISHED)
    assert not visit_under_way("They will sign a pact on May 14 during the summit in Quito.", PUBLISHED)
    assert not visit_under_way("They will sign a pact on May 14 during the visit.", None)


# review36a: the participle aside is read with the 'who' asides in event_dating.event_date, no longer by
# dates_outside_asides; these two tests ask the extractor instead (the same sentences, a country named for the sides)
def _visit_dates(sentence: str) -> set:
    return {row["event_date"] for row in _events("Chile and Peru.\n\n" + sentence) if row["event_type"].endswith("visit")}


def test_a_participle_aside_dates_its_own_act_not_the_visit():
    dates = _visit_dates("Chilean President Jon Bell, elected to office early 2021, is the first premier to visit Peru "
                         "under the new cabinet.")
    assert dates and date(2021, 1, 1) not in dates


def test_dates_outside_participle_asides_stay():
    # the date after the trigger, a date in a non-participle aside, a time word before the comma: all kept
    assert _visit_dates("Chilean President Jon Bell, elected in 2021, visited Peru in 2023.") == {date(2023, 1, 1)}
    assert _visit_dates("Peru, then a close partner in 2020, was visited by Chilean President Jon Bell.") == {date(2020, 1, 1)}
    assert _visit_dates("In 2020, Chilean President Jon Bell visited Peru.") == {date(2020, 1, 1)}
    assert _visit_dates("Peru, known in 2020 as a trade hub, was visited by Chilean President Jon Bell.") == {date(2020, 1, 1)}


def _events(text: str) -> list[dict]:
    from flows.extract import extract_documents
    from tests.unit.extract.conftest import one_document
    rows = extract_documents(one_document(text, PUBLISHED))["event_mentions"].iter_rows(named=True)
    return [row for row in rows if {row["actor_iso3"], row["target_iso3"]} == {"CHL", "PER"}]


def test_a_visit_named_as_another_acts_time_is_no_act_there():
    text = ("Chile and Peru.\n\nChile's deputy foreign minister, Ana Soto, arrived in Lima on Monday evening ahead of "
            "President Tomas Vidal's visit.")
    assert not any(row["event_type"].endswith("visit") and row["status"] == "occurred" for row in _events(text))


def test_a_visit_after_ahead_of_with_its_own_date_or_before_the_words_stays():
    # its own date after the words; the visit itself told before 'ahead of'; a meeting named after 'during'
    dated = _events("Chile and Peru.\n\nThe aide flew in ahead of President Tomas Vidal's visit to Peru on 20 May.")
    # six days after the story's day (2024-05-14): that visit is still to come, not last year's (review36a)
    assert any(row["event_type"].endswith("visit") and row["event_date"] == date(2024, 5, 20)
               and row["status"] == "planned" for row in dated)
    before = _events("Chile and Peru.\n\nPresident Tomas Vidal visited Peru on Monday ahead of the regional summit.")
    assert any(row["event_type"].endswith("visit") and row["status"] == "occurred" for row in before)
    during = _events("Chile and Peru.\n\nThe ministers of Chile and Peru met on Monday during President Vidal's visit.")
    assert any(row["event_type"] == "meeting" for row in during)


def test_the_visitors_own_arrival_ahead_of_a_visit_or_a_summit_stays():
    own = _events("Chile and Peru.\n\nChilean President Tomas Vidal arrived in Lima on Monday ahead of his state visit.")
    assert any(row["event_type"].endswith("visit") for row in own)
    summit = _events("Chile and Peru.\n\nChile's foreign minister Ana Soto arrived in Lima on Monday ahead of the "
                     "Andean Summit of Leaders.")
    assert any(row["event_type"].endswith("visit") for row in summit)


def test_an_agency_date_line_in_the_text_is_the_date_line():
    text = "Pact signed\n\nLIMA, Peru, May 14. Chile and Peru have signed a fisheries pact, Agency reports."
    signed = _row("Chile and Peru have signed a fisheries pact, Agency reports.", event_type="agreement_signed",
                  date_resolution="anaphora", date_text="May 14")
    (row,) = date_line_month([signed], PUBLISHED, text)
    assert (row["event_date"], row["date_precision"]) == (date(2024, 5, 1), "month")


def test_a_date_line_of_another_day_or_a_date_of_the_acts_own_stays():
    # the text's line writes the day before the page's date; a row dated by its own words 'on May 14'
    text = "LIMA, May 13 (Agency) - Chile and Peru have signed a fisheries pact."
    signed = _row("Chile and Peru have signed a fisheries pact.", event_type="agreement_signed",
                  date_resolution="anaphora", date_text="May 13", event_date=date(2024, 5, 13))
    assert date_line_month([signed], PUBLISHED, text) == [signed]
    text = "LIMA, May 14 (Agency) - The pact was signed on May 14 in Lima."
    own = _row("The pact was signed on May 14 in Lima.", event_type="agreement_signed", date_resolution="explicit",
               date_text="on May 14")
    assert date_line_month([own], PUBLISHED, text) == [own]
    # a row dated by other words than the line's ('14 May' told elsewhere) is not dated by the line
    other = _row("The ministers met.", event_type="meeting", date_resolution="anaphora", date_text="14 May")
    assert date_line_month([other], PUBLISHED, "LIMA, May 14 (Agency) - The ministers met.") == [other]


def test_a_year_that_marks_an_anniversary_does_not_date_the_visit():
    rows = _events("Chile and Peru.\n\nChilean general Ana Soto is visiting Peru at the invitation of its army as this "
                   "year marks the 20th anniversary of their first joint naval drill.")
    visits = [row for row in rows if row["event_type"].endswith("visit")]
    assert visits and all(row["date_precision"] == "day" and row["event_date"] == PUBLISHED for row in visits)


def test_a_visits_own_year_or_an_anniversary_not_marked_by_it_stays():
    # the year is the visit's ('in 2019'); a year that is no subject of 'marks' ('in 2019, marking the ...')
    rows = _events("Chile and Peru.\n\nChilean President Tomas Vidal visited Peru in 2019 to attend a fair.")
    assert any(row["event_type"].endswith("visit") and row["event_date"] == date(2019, 1, 1) for row in rows)
    rows = _events("Chile and Peru.\n\nChilean President Tomas Vidal visited Peru in 2019, marking the 20th "
                   "anniversary of the fisheries accord.")
    assert any(row["event_type"].endswith("visit") and row["event_date"] == date(2019, 1, 1) for row in rows)


def test_an_agency_date_line_is_a_place_in_capitals():
    # read case-blind, any line opening 'Word, May 14' was a date line, and a run of capitals (or of any letters)
    # backtracked through every split of the run into words: a fuzzed page hung the extractor
    assert agency_date_line("Lima, Peru, May 14. The ministers met.", PUBLISHED) is None
    assert agency_date_line("NEW YORK, May 14. The ministers met.", PUBLISHED) == "May 14"
    assert agency_date_line("A" * 3000 + ", May 14", PUBLISHED) is None
    assert agency_date_line("Abcdefgh " * 300 + ", May 14", PUBLISHED) is None
