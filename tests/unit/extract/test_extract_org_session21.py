"""Session 21's membership rules (sentences of our own): both spellings of a known name, a body's summit told with
an article or a city before it, a summit named only as a time, and a member list whose name is glued to its repeat."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships


def memberships(sentence: str, pair: tuple[str, str]) -> set[str]:
    return {m.organization for m in find_memberships(sentence, find_countries(sentence), pair, [])}


def test_either_spelling_of_a_known_name_and_a_summit_after_an_article():
    assert memberships("Ruhani and Li first talked two years ago at a Shanghai Cooperation Organization summit held in Astana.",
                       ("IRN", "CHN")) == {"SCO"}
    assert memberships("The two presidents met at the Shanghai Cooperation Organisation summit.",
                       ("IRN", "CHN")) == {"SCO"}


def test_a_city_before_the_summit_of_a_body():
    assert memberships("Visits from the Zimbabwean side: in May 2011, President Jon Roe went to China and attended "
                       "the 2011 Canton Summit of FOCAC.",
                       ("ZWE", "CHN")) == {"FOCAC"}


def test_a_summit_named_only_as_a_time_places_nobody_at_it():
    assert memberships("President Li Wen met with Ethiopia's Prime Minister Jon Roe in Beijing on Monday ahead of "
                       "the 2019 Canton Summit of FOCAC.", ("ETH", "CHN")) == set()


def test_a_glued_repeat_of_a_listed_name():
    assert memberships("Both states belong to the Arab League The Arab League, and the OIC.",
                       ("EGY", "JOR")) == {"Arab League", "OIC"}
