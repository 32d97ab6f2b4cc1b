"""Session 19 (orgs35): a line opening with a comma or a full stop goes on from the line before (a mirror that broke
its lines after each link), 'we ... work together in' on one side's page is the page's pair, and a known body's full
name that opens with another body's acronym keys as itself. Made-up names and wording."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.organizations import find_memberships
from flows.ingest.documents.layout import lay_out

PAIR = ("PER", "CHL")


def _bodies(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.organization, m.countries) for m in find_memberships(sentence, find_countries(sentence), PAIR, [])]


def test_lines_broken_after_links_join_into_one_sentence() -> None:
    text = ("Peru and Chile keep close ties\n\nThe two sides are founding members of the Rift Council\n"
            ", of the Andes Club\nand of the Pacific Rim Assembly\n. Both oppose the new canal.\n")
    assert ("The two sides are founding members of the Rift Council, of the Andes Club and of the Pacific Rim "
            "Assembly. Both oppose the new canal.") in lay_out(text)


@pytest.mark.parametrize("text", [
    "Peru and Chile keep close ties\n\n; the first item\n\n; the second item\n",  # a blank line between: items
    "Peru and Chile keep close ties\n...and the talks went on.\n",  # an ellipsis opens no continued line
    "Peru and Chile keep close ties\n.NET developers met in Lima.\n",  # nor a name that opens on a dot
])
def test_other_lines_opening_on_a_mark_stay_apart(text: str) -> None:
    assert lay_out(text) == text


def test_we_working_together_on_one_sides_page_is_the_pair() -> None:
    assert _bodies("We also work together in the Rift Council.") == [("Rift Council", PAIR)]
    assert _bodies("For years we have been allies on fisheries, acting together in regional bodies like the "
                   "Andes Club.") == [("Andes Club", PAIR)]


@pytest.mark.parametrize("sentence", [
    "We work together in the Rift Council with Japan.",  # a third country in the sentence
    "\u201cWe work together in the Rift Council,\u201d the Thai minister said.",  # a speaker's 'we'
    "We, the Andean states, work together in the Rift Council.",  # 'we' named as others
    "In 2030 we plan to work together in the Rift Council.",  # a plan
    "We will work together in the Rift Council.",
    "We are members of the Rift Council.",  # no acting together: 'we' is the page's side alone
])
def test_we_without_the_two_acting_together_is_no_pair(sentence: str) -> None:
    assert _bodies(sentence) == []


def test_a_known_full_name_keys_as_itself_not_as_its_first_words_acronym() -> None:
    assert _bodies("Peru and Chile sit side by side and work together within the ASEAN Regional Forum.") == [
        ("ARF", PAIR)]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a name the lexicon does not know keeps its first word's acronym as before
    ("Peru and Chile work together in the APEC Business Advisory Council.", ["APEC"]),
    ("Peru and Chile are both members of the OAS General Assembly.", ["OAS"]),
    # a one-word form of a known body ('G-20') is no full name
    ("Both countries are members of the G-20 major economies and APEC.", ["G-20", "APEC"]),
])
def test_an_unknown_or_one_word_name_keeps_its_key(sentence: str, expected: list[str]) -> None:
    assert [body for body, _ in _bodies(sentence)] == expected
