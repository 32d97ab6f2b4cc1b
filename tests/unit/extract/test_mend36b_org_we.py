"""review36b findings 1 and 2: a 'we' clause after a semicolon or a clause opener is read like one opening the
sentence, and a plan word vetoes the pair only in the clause's subject and verb ('which met in May' after the body is
no plan). Made-up names and wording."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships

PAIR = ("PER", "CHL")


def _bodies(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), PAIR, [])]


@pytest.mark.parametrize("sentence", [
    "Fish sales keep rising; we also work together in the Rift Council.",
    "Fish sales keep rising, and we also work together in the Rift Council.",
])
def test_we_after_a_clause_boundary_is_the_pair(sentence: str) -> None:
    assert _bodies(sentence) == [("Rift Council", PAIR)]


@pytest.mark.parametrize("sentence", [
    "We also work together in the Rift Council, which met in May.",
    "We also work together in the Rift Council, which can settle matters by a vote.",
])
def test_a_modal_word_after_the_verb_vetoes_nothing(sentence: str) -> None:
    assert _bodies(sentence) == [("Rift Council", PAIR)]


@pytest.mark.parametrize("sentence", [
    "Fish sales keep rising; we will work together in the Rift Council.",  # a plan, after the semicolon too
    "Fish sales keep rising, and we may work together in the Rift Council.",
    "We hope to work together in the Rift Council, which met in May.",
    "Fish sales keep rising; we also work together in the Rift Council alongside other partners.",  # a third party
])
def test_a_plan_or_a_third_party_still_vetoes(sentence: str) -> None:
    assert _bodies(sentence) == []
