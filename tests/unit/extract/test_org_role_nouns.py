"""Session 20 (recur-org): a role noun read on both sides of a body's name. 'Membership of the X' counts as 'their X
membership' already did, and a chair noun after the name ('Ruritania's Rift Union chairmanship', 'its role as Rift
Union chair') as 'the chairmanship of the X' already did. Made-up names and wording."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def _bodies(sentence: str, pair: tuple[str, str]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted({(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), pair, [])})


def test_membership_of_a_body_in_a_sentence_on_the_pair() -> None:
    sentence = "Ghana and Kenya have warm ties built on a shared past, membership of the Commonwealth and sport."
    assert _bodies(sentence, ("GHA", "KEN")) == [("Commonwealth", ("GHA", "KEN"))]


@pytest.mark.parametrize("sentence", [
    "Ghana and Kenya discussed Rwanda's membership of the Commonwealth at length.",  # a third country's
    "Ghana and Kenya reviewed the terms of membership of the Commonwealth for small islands.",  # a matter of it
    "Ghana and Kenya back a bid for membership of the Commonwealth by a new state.",  # a plan, someone else's
])
def test_membership_of_told_of_someone_or_something_else(sentence: str) -> None:
    assert _bodies(sentence, ("GHA", "KEN")) == []


@pytest.mark.parametrize("sentence, body", [
    ("The ministers spoke of trade and of Estonia's Council of the EU presidency next spring.", "EU"),
    ("Tokyo backed Thailand's role as ASEAN chair in a busy year.", "ASEAN"),
    ("The envoy praised Croatia's EU presidency warmly.", "EU"),
])
def test_chair_noun_after_the_name_of_a_side(sentence: str, body: str) -> None:
    pair = {"Croatia": ("HRV", "JPN"), "Estonia": ("EST", "JPN"), "Thailand": ("THA", "JPN")}[
        next(name for name in ("Croatia", "Estonia", "Thailand") if name in sentence)]
    side = pair[0]
    assert (body, (side,)) in _bodies(sentence, pair)


@pytest.mark.parametrize("sentence", [
    "The envoy praised Croatia's Senate presidency warmly.",  # a national office, no known body
    "Tokyo thanked Laos's ASEAN chairmanship for the talks with Cambodia.",  # a third country chairs it
    "The envoy praised Croatia's support for the EU chair in the talks with Japan.",  # support for someone else
])
def test_chair_noun_after_a_name_not_the_sides(sentence: str) -> None:
    pair = ("KHM", "JPN") if "Cambodia" in sentence else ("HRV", "JPN")
    assert all(body not in {"EU", "ASEAN"} for body, _ in _bodies(sentence, pair))
