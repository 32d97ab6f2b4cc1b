"""mend37a (review37a): 'prior to' and 'in the run-up to' as 'ahead of' words, a weekday after them, 'ahead of
schedule'; a person's own participle aside; 'as the first envoy to <verb>'; a title word is no sender. Made-up
text."""
from __future__ import annotations

from datetime import date

import pytest

from flows.common.dates import DateContext
from tests.unit.extract.conftest import events_of

_TUESDAY = date(2024, 5, 14)


def _rows(extract, text: str, published: date = _TUESDAY) -> set[tuple]:
    return events_of(extract(text, published))


def _visit_days(extract, text: str) -> set[tuple[date, str]]:
    return {(row[3], row[5]) for row in _rows(extract, text) if row[0].endswith("visit")}


# finding 4: the later act named after 'prior to' / 'in the run-up to' keeps this year, as after 'ahead of'
def test_a_visit_named_after_prior_to_keeps_its_year(extract) -> None:
    for words in ("prior to", "in the run-up to"):
        text = f"The Chilean foreign minister landed in Lima on Monday {words} the visit to Peru on 20 May."
        days = _visit_days(extract, text)
        assert (date(2023, 5, 20), "occurred") not in days, text


def test_a_weekday_after_ahead_of_is_still_to_come() -> None:
    sentence = "The Chilean aide landed in Lima ahead of the talks in Peru on Friday."
    found = [m for m in DateContext(_TUESDAY).find(sentence) if m.precision == "day"]
    assert [m.value for m in found] == [date(2024, 5, 17)]


def test_ahead_of_schedule_names_no_later_act(extract) -> None:
    days = _visit_days(extract, "The Chilean president landed in Lima for a state visit ahead of schedule on 20 May.")
    assert (date(2024, 5, 20), "planned") not in days


# finding 5: an aside of a person's own career step dates that step, not the act after it
def test_a_career_participle_aside_does_not_date_the_visit(extract) -> None:
    for step in ("appointed", "inaugurated", "chosen", "re-elected", "sworn in"):
        text = (f"Chile and Peru.\n\nChilean President Jon Roe, {step} in June 2022, is the first Chilean "
                "president to travel to Peru on a visit.")
        days = {row[3] for row in _rows(extract, text) if row[0].endswith("visit")}
        assert days and date(2022, 6, 1) not in days, (step, days)


# finding 6: 'as the first envoy to <verb>' is the first of a kind to do something, no envoy sent
def test_the_first_envoy_to_do_something_is_no_envoy_sent(extract) -> None:
    rows = _rows(extract, "In 2019 the Chilean diplomat Rosa Vidal spoke in Lima as the first envoy to open a session "
                          "of Peru's new congress.")
    assert not any(row[0] == "other" for row in rows)


def test_as_the_first_ambassador_to_a_country_stays(extract) -> None:
    rows = _rows(extract, "In 2019 the Chilean diplomat Rosa Vidal went to Lima as the first ambassador to Peru.")
    assert any(row[0] == "other" and row[1:3] == ("CHL", "PER") for row in rows)


def test_the_first_consul_general_to_do_something_is_no_envoy_sent(extract) -> None:
    rows = _rows(extract, "In 2019 the Chilean consul Rosa Vidal toured Arica as the first consul general to tour "
                          "Peru's border posts.")
    assert not any(row[0] == "other" for row in rows)


# finding 7: the 'appointed' row's sender is a demonym or a country's possessive, never a title word
def test_a_title_word_is_no_sender(extract) -> None:
    for text in ("In 2015 Rosa Vidal was appointed Special Envoy to Peru by the president.",
                 "In 2015 Rosa Vidal of Chile was appointed Deputy Ambassador to Peru.",
                 "In 2015 Rosa Vidal of Chile was appointed Acting Consul General in Peru."):
        rows = _rows(extract, text)
        assert not any(row[0] == "other" for row in rows), text


def test_a_named_sender_still_sends_any_envoy(extract) -> None:
    for text in ("In 2015 Rosa Vidal was appointed Chile's Ambassador to Peru.",
                 "In 2015 Rosa Vidal was appointed Chilean ambassador to Peru."):
        rows = _rows(extract, text)
        assert any(row[0] == "other" and row[1:3] == ("CHL", "PER") for row in rows), text


# finding 8: the 'led' keyword of the chaired-meeting row is 'led the' / 'led their' (the pattern asks for them), so
# 'called', 'scheduled' no longer open the parse's gate
def test_words_ending_in_led_open_no_gate() -> None:
    from flows.extract.event_grammar import has_trigger_stem
    assert not has_trigger_stem("Prices called into question.")
    assert not has_trigger_stem("They scheduled a vote.")
    assert has_trigger_stem("She led their consultations.")


def test_led_the_talks_is_still_a_meeting(extract) -> None:
    rows = _rows(extract, "Chile and Peru.\n\nChilean Foreign Minister Rosa Vidal led the talks with Peru's "
                          "Foreign Minister Jon Roe in Lima on Monday.")
    assert any(row[0] == "meeting" for row in rows)


# finding 1: the act told again on the date line's day reads that day through the date grammar ('7th March')
def test_a_deal_told_again_on_an_ordinal_day_keeps_the_day() -> None:
    from flows.extract import document
    thursday = date(2024, 3, 7)
    text = ("Chile and Norway agree on fishing\n\nChile and Norway have signed a fisheries pact, their ministers "
            "said.\n\nThe deal signed on 7th March lets both fleets into the northern waters.\n")
    out = document.extract_document({"document_key": "k", "text": text, "published_date": thursday})
    rows = {(row["event_type"], row["event_date"], row["date_precision"]) for row in out["event_mentions"]}
    assert ("agreement_signed", thursday, "day") in rows


# finding 3: the kinds told on the day are the extractor's own triggers; a plan is read at the day's own clause
@pytest.mark.parametrize("later", [
    "The deal signed on Thursday would open the northern waters to both fleets, officials said.\n",
])
def test_an_act_told_on_the_day_before_a_plan_keeps_the_day(later: str) -> None:
    from flows.extract import document
    thursday = date(2024, 3, 7)
    head = ("Chile and Norway agree on fishing\n\nChile and Norway have signed a fisheries pact and the two "
            "ministers held talks, officials said.\n\n")
    out = document.extract_document({"document_key": "k", "text": head + later, "published_date": thursday})
    days = {(row["event_type"], row["event_date"]) for row in out["event_mentions"] if row["status"] == "occurred"}
    assert ("agreement_signed", thursday) in days, days
