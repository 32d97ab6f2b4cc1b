"""mend36a (review36a): first envoys only, an advance party's arrival, a visit named ahead of another act with its own
day, a participle aside's date, ordinal days. Made-up text."""
from __future__ import annotations

from datetime import date

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


def test_a_first_ambassador_appointed_is_an_envoy_sent(extract) -> None:
    for text in ("In May 1961 Rosa Vidal was appointed Chile's first ambassador to Peru.",
                 "In May 1961 the Chilean Rosa Vidal was appointed first resident ambassador to Peru."):
        rows = _rows(extract, text)
        assert ("other", "CHL", "PER", date(1961, 5, 1), "month", "occurred") in rows, text

