"""mend34b (review34b finding 7): an envoy posted outside the pair says nothing of the side of the official he meets;
made-up sentences."""
from __future__ import annotations

from collections.abc import Callable

from tests.unit.extract.conftest import people_of

LEAD = "Peru and Chile renewed their pact. "


def _country(frames: dict, name: str) -> str | None:
    return next(country for person, _, country in people_of(frames) if person == name)


def test_an_envoy_posted_outside_the_pair_gives_no_side(extract: Callable[..., dict]) -> None:
    text = LEAD + "Peru's Ambassador to Japan, Ola Nordmann, met Foreign Minister Jan Kowal in Tokyo on Monday."
    assert _country(extract(text), "Jan Kowal") != "CHL"


def test_an_envoy_posted_to_a_side_still_gives_it(extract: Callable[..., dict]) -> None:
    text = LEAD + "Peru's Ambassador to Chile, Ola Nordmann, met Foreign Minister Jan Kowal in Santiago on Monday."
    assert _country(extract(text), "Jan Kowal") == "CHL"
