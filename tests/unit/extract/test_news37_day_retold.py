"""news37: a finished act the date line dates to its month keeps the date line's day when another sentence tells an
act of its kind on that day (flows/extract/event_day_retold.py). Made-up texts; 7 March 2024 is a Thursday."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract import document

THURSDAY = date(2024, 3, 7)


def _rows(text: str, published: date = THURSDAY) -> list[tuple[str, date, str]]:
    """The done acts between Chile and Norway: type, date, precision."""
    out = document.extract_document({"document_key": "k", "text": text, "published_date": published})
    return [(row["event_type"], row["event_date"], row["date_precision"]) for row in out["event_mentions"]
            if row["status"] == "occurred" and {row["actor_iso3"], row["target_iso3"]} == {"CHL", "NOR"}]


SIGNED = "Chile and Norway sign fisheries pact\n\nChile and Norway have signed a fisheries pact, their ministers said.\n\n"


def test_a_deal_told_again_on_the_weekday_keeps_the_day() -> None:
    text = SIGNED + "The deal signed on Thursday opens the northern waters to both fleets.\n"
    assert ("agreement_signed", THURSDAY, "day") in _rows(text)


def test_a_visit_placed_on_the_day_keeps_the_talks_on_that_day() -> None:
    text = ("Chile's leader hails the first visit of Norway's premier\n\nThe Chilean president said he had fruitful "
            "talks with the Norwegian prime minister.\n\nSpeaking to journalists beside his guest in the capital "
            "on Thursday, he said the visit had opened a new chapter.\n")
    assert ("meeting", THURSDAY, "day") in _rows(text)


@pytest.mark.parametrize("later", [
    # another week's Thursday
    "The deal signed last Thursday opens the northern waters to both fleets.\n",
    # a plan on the day, no act done
    "The ministers will sign a second deal on Thursday to open the northern waters.\n",
    # the day's act is another pair's
    "On Thursday Norway also signed a deal with Argentina on the southern waters.\n",
    # another weekday
    "The deal signed on Tuesday opens the northern waters to both fleets.\n",
])
def test_no_day_without_the_act_told_that_day(later: str) -> None:
    assert ("agreement_signed", THURSDAY, "day") not in _rows(SIGNED + later)


def test_the_date_line_itself_is_no_retelling() -> None:
    text = ("Santiago, 7 March 2024 (Wire): The Norwegian prime minister visited Chile for a two-day visit.\n\n"
            "He held a meeting with the Chilean president at the palace.\n")
    rows = _rows(text)
    assert not any(precision == "day" and when == THURSDAY for _, when, precision in rows)


@pytest.mark.parametrize("later", [
    # the visit told on the day is to a third country
    "He told reporters on Thursday that his own visit to Argentina had gone well.\n",
    # a visit planned for the day
    "He told reporters that the visit will start on Thursday.\n",
    # a visit of another week
    "He told reporters that the visit last Thursday had gone well.\n",
])
def test_a_visit_word_on_another_footing_keeps_the_month(later: str) -> None:
    text = ("Chile and Norway review ties\n\nThe Chilean president said he had fruitful talks with the Norwegian "
            "prime minister.\n\n" + later)
    assert ("meeting", THURSDAY, "day") not in _rows(text)
