"""Review34a's findings on session 19's events rules (helper mend34a): each made-up text gave a wrong row before the
mend. Made-up text."""
from __future__ import annotations

from datetime import date

from tests.unit.extract.conftest import events_of


def _rows(extract, text: str, published: date = date(2024, 5, 10)) -> set[tuple]:
    return events_of(extract(text, published))


# 1. a 'Day N' label before a weekday is no day range
def test_a_day_label_before_a_weekday_is_no_day_range(extract) -> None:
    rows = _rows(extract, "Programme of the visit of Norway's trade minister Eva Holm to Kenya.\n\n"
                          "Day 2 – Tuesday 5 March 2024: Eva Holm meets Kenya's President in Nairobi.")
    assert not any(row[3] == date(2024, 3, 2) for row in rows)
    assert any(row[0] == "meeting" and row[3] == date(2024, 3, 5) for row in rows)


def test_a_room_number_before_a_weekday_is_no_day_range() -> None:
    from flows.common.dates import DateContext
    found = [m for m in DateContext(date(2024, 5, 10)).find("The talks move from Room 12 to Friday 14 June 2024.")
             if m.value is not None]
    assert [(m.value, m.precision) for m in found] == [(date(2024, 6, 14), "day")]


def test_a_range_whose_both_days_carry_weekdays_stays_a_range() -> None:
    from flows.common.dates import DateContext
    found = [m for m in DateContext(date(2024, 5, 10)).find("The fair runs Friday 2 to Monday 5 May 2025.")
             if m.value is not None]
    assert [(m.value, m.precision) for m in found][:1] == [(date(2025, 5, 2), "day")]


# 2. 'N years later' after a decade counts from no older year
def test_years_later_after_a_decade_takes_no_older_year(extract) -> None:
    rows = _rows(extract, "The first Chilean traders settled in Lima in 1921. Trade between Chile and Peru grew quickly "
                          "in the 1950s. Ten years later, Chile opened an embassy in Lima.")
    assert not any(row[0] == "embassy_opened" and row[3] == date(1931, 1, 1) for row in rows)


def test_the_same_year_after_a_decade_takes_no_older_year(extract) -> None:
    rows = _rows(extract, "Chile and Peru established diplomatic relations in 1931. Relations cooled in the late 1960s. "
                          "The same year, Chile closed its consulate in Arequipa.")
    assert not any(row[0] != "diplomatic_relations_established" and row[3] == date(1931, 1, 1) for row in rows)


# 3. a first participle does not take the second's date
def test_a_first_participle_takes_no_date_after_the_seam(extract) -> None:
    for text in ("Chile and Peru: relations were restored after the revolution, and strengthened in 1990 by a new treaty.",
                 "Chile and Peru: relations were formally established, but interrupted in 1932 by the war."):
        rows = _rows(extract, text)
        assert not any(row[0] == "diplomatic_relations_established" and row[3] is not None
                       and row[3].year in (1990, 1932) for row in rows), text


# 4. 'suspended flights' is no suspension of the relation
def test_an_adjective_participle_is_no_second_act(extract) -> None:
    rows = _rows(extract, "Chile and Peru: diplomatic relations were established in 1965 and suspended flights resumed "
                          "in 1990.")
    assert not any(row[0] == "other" and row[3] is not None and row[3].year == 1990 for row in rows)


# 11. the relation's words are written once: 'finally' is an adverb of the second participle for every reader
def test_a_restoration_after_finally_is_read(extract) -> None:
    rows = _rows(extract, "Chile and Peru: relations were frozen in 1962, but finally restored in 1970.")
    assert any(row[0] == "diplomatic_relations_established" and row[3] == date(1970, 1, 1) for row in rows)


def test_the_tuned_second_participles_still_read(extract) -> None:
    rows = _rows(extract, "Chile and Peru: diplomatic ties were raised to embassy level in 1950, but severed in 1962.")
    assert any(row[0] == "other" and row[3] == date(1962, 1, 1) for row in rows)
    rows = _rows(extract, "Chile and Peru: relations were broken off in 1962 and restored in 1970.")
    assert any(row[0] == "diplomatic_relations_established" and row[3] == date(1970, 1, 1) for row in rows)


# 5. 'appointed X of A in/to P': the envoy's country is the name after 'of', and P must be the other side
def test_an_envoy_appointed_of_a_country_is_that_countrys(extract) -> None:
    rows = _rows(extract, "Chile and Peru keep close ties. In 1960 Ana Ruiz was appointed first Consul General of Chile in "
                          "Lima.")
    assert ("other", "CHL", "PER", date(1960, 1, 1)) in {row[:4] for row in rows}
    assert ("other", "PER", "CHL") not in {row[:3] for row in rows}
    for text in ("Chile and Peru keep close ties. In 1960 Ana Ruiz was appointed Ambassador of Chile to the United "
                 "Nations in New York.",
                 "Chile and Peru keep close ties. In 1960 Ana Ruiz was appointed Ambassador of UNICEF in Peru.",
                 "Chile and Peru keep close ties. In 1960 Ana Ruiz was appointed Ambassador of Goodwill to Peru.",
                 # a later envoy's appointment is no act between the sides: the gold counts first envoys only
                 "Chile and Peru keep close ties. In May 1960 Ana Ruiz was appointed the Ambassador of Chile to Peru.",
                 "Chile and Peru keep close ties. In May 1960 Ana Ruiz had been appointed the non-resident Ambassador of Chile "
                 "to Peru."):
        rows = _rows(extract, text)
        assert not any(row[0] == "other" and row[3].year == 1960 for row in rows), text


# 6. 'became the Embassy's consular section' opens no embassy
def test_an_office_becoming_part_of_an_embassy_opens_none(extract) -> None:
    for text in ("Chile and Peru keep close ties. The consulate in Lima became the Embassy's consular section in 2008.",
                 "Chile and Peru keep close ties. In 2008, the Chilean trade office in Lima became embassy staff housing."):
        rows = _rows(extract, text)
        assert not any(row[0] == "embassy_opened" for row in rows), text
    rows = _rows(extract, "Chile and Peru keep close ties. The Chilean consulate in Lima was upgraded and became a full "
                          "embassy in 2008.")
    assert ("embassy_opened", "CHL", "PER", date(2008, 1, 1)) in {row[:4] for row in rows}
    rows = _rows(extract, "Chile and Peru keep close ties. In 1999, the Chilean legation in Lima became an Embassy and "
                          "Ana Ruiz became its first resident ambassador.")
    assert ("embassy_opened", "CHL", "PER", date(1999, 1, 1)) in {row[:4] for row in rows}


# 7. 'who was visiting <a third country>' is no visit to the pair's side
def test_a_relative_visit_to_a_third_country_keeps_its_host(extract) -> None:
    rows = _rows(extract, "Fiji's premier Ratu Vale spoke by phone on Tuesday with New Zealand Foreign Minister Ana Reid, "
                          "who was visiting Japan.")
    assert not any(row[0] == "official_visit" and row[1:3] == ("NZL", "FJI") for row in rows)


# 8. a phone call, or an act in another place, places no visitor at the host's
FIRST = ("Pakistan's Prime Minister Omar Aziz on Wednesday held talks with the Qatari Emir, Sheikh Nasser Al Kuwari, "
         "during his visit to Doha.\n")


def test_a_call_or_an_act_elsewhere_does_not_move_the_visits_first_day(extract) -> None:
    for second in ("On Monday the two leaders had spoken by telephone about the gas deal.",
                   "The two leaders had met on Monday on the sidelines of the Gulf summit in Riyadh.",
                   "On Monday, Qatar's ambassador and Pakistan's finance secretary signed a loan agreement in Islamabad.",
                   "On Monday, Qatar's ambassador called on the Pakistani premier in Islamabad."):
        rows = _rows(extract, FIRST + second, date(2024, 5, 8))
        visits = {row[3] for row in rows if row[0] == "official_visit" and row[1:3] == ("PAK", "QAT")}
        assert date(2024, 5, 6) not in visits, second


# 9. a labelled visit line takes the nearest 'Visit to X' heading above it
def test_each_labelled_visit_takes_its_own_heading(extract) -> None:
    text = ("Ghana and Ethiopia\n\nState Visit to Ghana\n\nDate of Visit: 3-5 April 1960\n\nThe Emperor toured Accra.\n\n"
            "State Visit to Ethiopia\n\nDate of Visit: 10-12 June 1962\n\nThe President toured Addis Ababa.\n")
    rows = {row[:4] for row in _rows(extract, text) if row[0] == "official_visit"}
    assert ("official_visit", "GHA", "ETH", date(1962, 6, 10)) in rows
    assert ("official_visit", "ETH", "GHA", date(1962, 6, 10)) not in rows


def test_a_labelled_visit_heading_far_down_the_page_is_read(extract) -> None:
    text = ("Home\nNews\nAbout\nContact\nArchive\nSearch\n\nTitle : Emperor Tesfaye’s Visit to Ghana\n\n"
            "Date of Visit: 3-5 April 1960\n\nThe Emperor of Ethiopia toured Accra and Kumasi.\n")
    rows = {row[:4] for row in _rows(extract, text) if row[0] == "official_visit"}
    assert ("official_visit", "ETH", "GHA", date(1960, 4, 3)) in rows


def test_a_visitors_checklist_is_no_visit(extract) -> None:
    text = ("Title : Planning your visit to Ghana\n\nThe Embassy of Ghana in Addis Ababa, Ethiopia, lists what to bring.\n\n"
            "Date of visit: 12 March 2024\n\nBring two photographs and your passport.\n")
    assert not any(row[0] == "official_visit" for row in _rows(extract, text))


# 10. a labelled visit after the page's date is planned
def test_a_labelled_visit_after_publication_is_planned(extract) -> None:
    text = ("Title : Ghana's President's Visit to Ethiopia\n\nDate of Visit: 3-5 May 2026\n\n"
            "The President of Ghana will tour Addis Ababa.\n")
    rows = [row for row in _rows(extract, text, date(2025, 4, 25)) if row[0] == "official_visit"]
    assert rows and all(row[5] != "occurred" for row in rows)


# 13. a ministry's 'Foreign Relations' is no tie of the pair; 'its independence anniversary' counts independence
def test_an_independence_anniversary_with_a_ministry_of_relations_is_none(extract) -> None:
    for text in ("LIMA, May 10 - Peru celebrated the 200th anniversary of its independence on Tuesday, and Mexico's "
                 "Secretary of Foreign Relations attended the parade in Lima.",
                 "NAIROBI, May 10 - Kenya celebrated its 60th independence anniversary on Tuesday, and Norway's envoy "
                 "to Nairobi, Eva Holm, attended the parade."):
        assert not any(row[0] == "anniversary_event" for row in _rows(extract, text)), text


def test_an_anniversary_of_relations_beside_independence_stays(extract) -> None:
    text = ("OSLO, May 10 - Norway and Kenya celebrated 60 years of diplomatic relations on Tuesday, a year after "
            "the 60th anniversary of Kenya's independence.")
    assert any(row[0] == "anniversary_event" for row in _rows(extract, text))


# 14. lesser misses of the rules' own shapes
def test_a_reduced_relative_visitor(extract) -> None:
    rows = _rows(extract, "Fiji's premier Ratu Vale on Tuesday signed a fisheries pact with New Zealand Foreign Minister "
                          "Ana Reid, currently visiting the island state.")
    assert any(row[0] == "official_visit" and row[1:3] == ("NZL", "FJI") for row in rows)


def test_a_caption_repeated_with_a_credit_or_a_stop_is_one_act() -> None:
    from flows.extract.event_repeated_lines import one_row_a_repeated_line
    row = {"event_type": "other", "actor_iso3": "NOR", "target_iso3": "KEN", "event_date": date(2023, 7, 4),
           "date_precision": "day", "status": "occurred"}
    rows = [{**row, "sentence_index": 3, "evidence": "Opening of the Norwegian Trade Office in Nairobi."},
            {**row, "sentence_index": 5, "evidence": "Opening of the Norwegian Trade Office in Nairobi (Photo: A. Lund)"},
            {**row, "sentence_index": 7, "evidence": "Opening of the Norwegian Trade Office in Nairobi"}]
    assert len(one_row_a_repeated_line(rows)) == 1


def test_a_range_of_short_weekdays() -> None:
    from flows.common.dates import DateContext
    found = [m for m in DateContext(date(2024, 5, 10)).find("The fair runs from Mon 3 to Thu 6 July 2023.")
             if m.value is not None]
    assert [(m.value, m.end_value) for m in found][:1] == [(date(2023, 7, 3), date(2023, 7, 6))]


def test_a_date_line_with_a_weekday_and_the_days_ordinal_dot() -> None:
    from flows.ingest.documents.datelines import date_only_line
    assert date_only_line("Monday, 14. October 2025") == (date(2025, 10, 14), None)


def test_a_restoration_with_its_auxiliary_or_a_count_of_years(extract) -> None:
    rows = _rows(extract, "Chile and Peru: ties were cut in 1932 and were restored in 1935.")
    assert any(row[0] == "diplomatic_relations_established" and row[3] == date(1935, 1, 1) for row in rows)
    rows = _rows(extract, "Chile and Peru: relations were severed in 1932, but resumed three years later.")
    assert any(row[0] == "diplomatic_relations_established" and row[3] == date(1935, 1, 1) for row in rows)
