"""Trade claims and figures of session 12 (the `trade14` branch): customs classes printed as one name, a lone
modifier before a comma sharing the next item's head, currencies of other papers (naira after 'N', CFA francs, the
cedi's cent sign), 'two-way trade' as a figure about the pair; on sentences of our own (Ghana-Togo), none an
article's wording."""
from __future__ import annotations

from datetime import date

import pytest

from flows.extract.amounts import find_amounts
from flows.extract.products import cut_list, split_products
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("sentence, claims", [
    # an HS chapter's title is one product, its commas and 'and' no separators
    ("Togo's exports to Ghana included yams, mineral fuels, oils and distillation products and salt.",
     {(T, G, "yams"), (T, G, "mineral fuels, oils and distillation products"), (T, G, "salt")}),
    # an SITC section's name the same
    ("Ghana's imports from Togo include cotton, beverages and tobacco, and machinery and transport equipment.",
     {(T, G, "cotton"), (T, G, "beverages and tobacco"), (T, G, "machinery and transport equipment")}),
    # a lone modifier before a comma shares the head of the next item
    ("Ghana's main exports to Togo are gold, precious, semi-precious stones and cocoa.",
     {(G, T, "gold"), (G, T, "precious and semi-precious stones"), (G, T, "cocoa")}),
])
def test_claims(extract, sentence: str, claims: set) -> None:
    assert trade_of(extract(GT + sentence)) == claims


def test_a_from_after_a_participle_of_making_ends_no_list() -> None:
    listed = cut_list("fuel made from sugar cane, oil extracted from shale and cement from Togo")
    assert split_products(listed) == ["fuel made from sugar cane", "oil extracted from shale", "cement"]


def test_a_by_inside_a_customs_class_ends_no_list() -> None:
    listed = cut_list("tea and manufactured goods classified chiefly by material to Togo")
    assert split_products(listed) == ["tea", "manufactured goods classified chiefly by material"]


def test_coffee_and_tea_stay_two_outside_the_heading() -> None:
    assert split_products("coffee, tea and spices") == ["coffee", "tea", "spices"]


@pytest.mark.parametrize("text, value, unit", [
    ("the sales came to N12.5 billion last year", 12.5e9, "NGN"),
    ("purchases of N2,104.3 billion", 2104.3e9, "NGN"),
    ("orders reached 61 billion FCFA", 61e9, "XOF"),
    ("exports of 3.2 billion CFA francs", 3.2e9, "XOF"),
    ("the FCFA 20 billion deal", 20e9, "XOF"),
    ("livestock worth GH¢9 million", 9e6, "GHS"),
])
def test_other_currencies(text: str, value: float, unit: str) -> None:
    amounts = find_amounts(text)
    assert [(a.value, a.unit) for a in amounts] == [(pytest.approx(value), unit)]


def test_a_model_number_is_no_naira() -> None:
    assert find_amounts("the N95 masks arrived") == []


def test_two_way_trade_is_about_the_pair(extract) -> None:
    text = "Accra, 3 April 2024\n\nGhana's two-way trade with Togo stands at USD 2.4 billion, officials said."
    rows = {(r["measure"], r["value"], r["unit"]) for r in extract(text, date(2024, 4, 3))["figures"].iter_rows(named=True)}
    assert ("turnover", 2.4e9, "USD") in rows


@pytest.mark.parametrize("sentence, claims", [
    # a list told by semicolons whose last part holds two items, the first closed by its own kin
    ("Ghana's main exports to Togo were maize; wheat flour; tin ores and their concentrates and lead bars.",
     {(G, T, "maize"), (G, T, "wheat flour"), (G, T, "tin ores and their concentrates"), (G, T, "lead bars")}),
])
def test_semicolon_list_items(extract, sentence: str, claims: set) -> None:
    assert trade_of(extract(GT + sentence)) == claims


def test_headline_verdicts_name_the_goods(extract) -> None:
    text = "3 April 2024\n\nCocoa strong, timber weak: Ghanaian exports to Togo hold steady\n\nGhana and Togo met."
    assert trade_of(extract(text)) == {(G, T, "cocoa"), (G, T, "timber")}


def test_headline_verdicts_on_no_goods(extract) -> None:
    text = "3 April 2024\n\nDemand strong, prices up: Ghanaian exports to Togo hold steady\n\nGhana and Togo met."
    assert trade_of(extract(text)) == set()
