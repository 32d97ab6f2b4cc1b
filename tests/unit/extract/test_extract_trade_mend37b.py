"""mend37b: read-through mends of trade37. Made-up sentences (Malta and Tunisia). A weak verb ('received', 'sent',
'provided') keeps its object only when the whole item names goods: a goods word used as a modifier, or a word that
merely opens an HS heading ('new', 'other', 'silver'), is no goods; a sample of goods takes the goods of the word
before it."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from flows.extract.products import _run_start
from flows.extract.trade_lists import country_less_list
from flows.lexicon import read_toml
from tests.unit.extract.conftest import trade_of

HEAD = "Valletta, 3 April 2024\n\nMalta and Tunisia held talks on trade on Tuesday.\n\n"


@pytest.mark.parametrize("sentence", [
    "Malta received a new impetus from Tunisia.",
    "Tunisia sent a new team to Malta.",
    "Malta received a gold medal from Tunisia.",
    "Malta received a silver trophy from Tunisia.",
    "Malta sent a steel mill expert to Tunisia.",
    "Tunisia provided an oil spill team to Malta.",
])
def test_weak_verb_object_with_a_goods_word_is_no_goods(extract: Callable, sentence: str) -> None:
    assert trade_of(extract(HEAD + sentence)) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Maltese institute sent tea samples to Tunisia.", {("MLT", "TUN", "tea samples")}),
    ("Malta received soil samples from Tunisia.", set()),   # soil is no goods the tables name
])
def test_weak_verb_samples_of_goods(extract: Callable, sentence: str, expected: set) -> None:
    assert trade_of(extract(HEAD + sentence)) == expected


PAIR = ("MLT", "TUN")


@pytest.mark.parametrize("sentence", [
    "Exports rose in May 2023 to $2.1 billion, mainly cheese and salt.",   # the month, not the modal
    "Exports reached the target of $2bn, mostly cheese and salt.",        # a target reached is a flow
])
def test_ownerless_figure_month_or_target_reached(sentence: str) -> None:
    assert country_less_list(sentence, "MLT", PAIR, PAIR, PAIR) == (PAIR, ["cheese", "salt"])


@pytest.mark.parametrize("sentence", [
    "Exports rose last year and may reach $3 billion, mainly cheese and salt.",
    "Exports were targeted to reach $3bn, mostly cheese and salt.",
])
def test_ownerless_figure_still_to_come(sentence: str) -> None:
    assert country_less_list(sentence, "MLT", PAIR, PAIR, PAIR) is None


@pytest.mark.parametrize("text", [
    "tea   to Malta", "tea , needed for bread", "tea,   among other things", "salt \u201d he said",
    "cheese (  valued at $3m) and salt", "dates ,  worth $2m", "tea" + " " * 50 + "x",
])
def test_run_start_guard_keeps_the_matches(text: str) -> None:
    # the guard on rows that open with a run of spaces (products._run_start) finds the same matches as the bare rows
    data = read_toml("trade.toml")
    for rows in (data["list_end"], [data["item_value"]]):
        rows = [row.replace("{reporting_verb}", data["clause_bits"]["reporting_verb"]) for row in rows]
        bare = re.compile("|".join(rows), re.I)
        guarded = re.compile("|".join(_run_start(row) for row in rows), re.I)
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in bare.finditer(text)]


# read-through (review38b finding 2): a modifier the tables do not hold before goods they name keeps the goods
def test_weak_verb_object_with_a_modifier_before_its_goods(extract: Callable) -> None:
    assert ("MLT", "TUN", "frozen fish fillets") in trade_of(extract(HEAD + "Malta sent frozen fish fillets to Tunisia."))
