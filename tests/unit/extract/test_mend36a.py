"""mend36a (review36a): first envoys only, an advance party's arrival, a visit named ahead of another act with its own
day, a participle aside's date, ordinal days. Made-up text."""
from __future__ import annotations

from datetime import date

import pytest

from tests.unit.extract.conftest import events_of


def _rows(extract, text: str, published: date = date(2024, 5, 10)) -> set[tuple]:
    return events_of(extract(text, published))


# finding 1: an ambassador's appointment with no sender named is an act between the sides only for the first envoy
# ('was appointed Chile's ambassador to Peru' stays a row: the gold counts that shape on a narrative page, r1508)
def test_a_later_ambassador_appointed_is_no_act(extract) -> None:
    for text in ("In May 1961 the Chilean Rosa Vidal was appointed ambassador to Peru.",
                 "In May 1961 Rosa Vidal was appointed the new ambassador to Peru."):
        rows = _rows(extract, text)
        assert not any(row[0] == "other" for row in rows), text


# findings 1 and 9: a first envoy appointed (with or without the sender named) is an envoy sent; the first-envoy rows
# share {first_envoy}, so 'became' takes any rank, and 'as' and an owner's possessive read too
_FIRST_ENVOYS = (
    ("In May 1961 Rosa Vidal was appointed Chile's first ambassador to Peru.", date(1961, 5, 1), "month"),
    ("In May 1961 the Chilean Rosa Vidal was appointed first resident ambassador to Peru.", date(1961, 5, 1), "month"),
    ("In 1950 Rosa Vidal became Chile's first consul general in Peru.", date(1950, 1, 1), "year"),
    ("Chile and Peru: in 1950 the legation opened, with Rosa Vidal as its first chargé d'affaires.", date(1950, 1, 1),
     "year"),
)


@pytest.mark.parametrize(("text", "day", "precision"), _FIRST_ENVOYS)
def test_a_first_envoy_appointed_became_or_as_is_an_envoy_sent(extract, text: str, day: date, precision: str) -> None:
    assert ("other", "CHL", "PER", day, precision, "occurred") in _rows(extract, text)


# finding 2: only an arrival before another person's visit is that visit's advance party; a visit of its own stays
def test_a_visit_of_its_own_ahead_of_another_persons_visit_stays(extract) -> None:
    rows = _rows(extract, "Chile and Peru.\n\nChilean Foreign Minister Ana Soto visited Lima on Monday ahead of "
                          "President Tomas Vidal's state visit to Peru.", date(2024, 5, 14))
    assert any(row[0].endswith("visit") and row[1:3] == ("CHL", "PER") for row in rows)


def test_an_advance_partys_arrival_is_still_no_visit(extract) -> None:
    for text in ("Chile and Peru.\n\nChile's deputy minister Ana Soto arrived in Lima on Monday ahead of "
                 "President Tomas Vidal's state visit.",
                 "Chile and Peru.\n\nChile's deputy minister Ana Soto flew into Lima on Monday ahead of "
                 "President Tomas Vidal's state visit."):
        rows = _rows(extract, text, date(2024, 5, 14))
        assert not any(row[0].endswith("visit") and row[5] == "occurred" for row in rows), text


# finding 3: a visit named after 'ahead of' with its own day is that visit, on its day; with no day of its own it is
# only the other act's time, whoever owns it
def test_a_visit_named_ahead_with_its_own_day_is_that_day(extract) -> None:
    for text in ("Chile and Peru.\n\nThe aide flew in ahead of the visit to Peru on 20 May.",
                 "Chile and Peru.\n\nThe aide flew in ahead of the president's visit to Peru on 20 May."):
        rows = _rows(extract, text, date(2024, 5, 14))
        assert ("official_visit", "CHL", "PER", date(2024, 5, 20), "day", "planned") in rows, text


def test_a_visit_named_ahead_with_no_day_of_its_own_is_none(extract) -> None:
    for text in ("Chile and Peru.\n\nThe Chilean aide held talks in Lima on 12 May ahead of the visit.",
                 "Chile and Peru.\n\nThe ministers met in Lima on 12 May ahead of the state visit to Peru."):
        rows = _rows(extract, text, date(2024, 5, 14))
        assert not any(row[0].endswith("visit") and row[3] == date(2024, 5, 12) for row in rows), text


# finding 7: the date line's day written with an ordinal ('14th May', 'May 14th') is that day, read by the date grammar
def test_an_ordinal_day_during_a_visit_is_the_date_lines_day() -> None:
    from flows.extract.event_days import visit_under_way
    published = date(2024, 5, 14)
    assert visit_under_way("They will sign a pact on 14th May during the visit.", published)
    assert visit_under_way("They will sign a pact on May 14th during the visit.", published)
    # another year's day, another day, or a weekday that falls on it: no day written
    assert not visit_under_way("They signed a pact on May 14, 2019 during the visit.", published)
    assert not visit_under_way("They will sign a pact on 15th May during the visit.", published)
    assert not visit_under_way("They will sign a pact on Tuesday during the visit.", published)




# finding 5: only a participle that dates its own act (events.toml date_participles: 'elected', 'born' ...) opens a
# person's aside; 'represented by X in March 2019' tells the act's own occasion, whose date stays
def test_an_aside_of_another_participle_keeps_its_date(extract) -> None:
    rows = _rows(extract, "Chile and Peru.\n\nChile, represented by Foreign Minister Ana Soto in March 2019, signed a "
                          "fisheries pact with Peru.", date(2024, 5, 14))
    assert ("agreement_signed", "CHL", "PER", date(2019, 3, 1), "month", "occurred") in rows


def test_an_election_aside_still_does_not_date_the_visit(extract) -> None:
    for text in ("Chilean President Jon Bell, elected to office in early 2021, is the first president to visit Peru.",
                 "Chilean President Jon Bell, elected in a close race against three rivals in 2021, is the first "
                 "president to visit Peru."):
        rows = _rows(extract, "Chile and Peru.\n\n" + text, date(2024, 5, 14))
        assert any(row[0].endswith("visit") for row in rows) and not any(row[3].year == 2021 for row in rows), text
