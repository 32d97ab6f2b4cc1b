"""Trade claims of the `trade17` branch: a flow's list after a perfect copula ('have been'), goods first as 'some of
the goods that B buys from A', an agent noun's partner after its goods, a class and its examples joined by
'including', 'X and its parts', topics after 'including on', a region as no partner, a buyer's share of a seller's
sales and a ranked goods noun in the singular; on sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.trade_lists import ownerless_list
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("text, claims", [
    # a perfect copula opens the list as 'are' does; a class with its examples after 'including' gives each
    ("Ghana's chief exports to Togo have been roofing sheets, canned fish, cement and its parts and man-made fibres "
     "including nylon and rayon.",
     {(G, T, "roofing sheets"), (G, T, "canned fish"), (G, T, "cement and its parts"), (G, T, "man-made fibres"),
      (G, T, "nylon"), (G, T, "rayon")}),
    ("Ghana's main imports from Togo have been clinker and phosphate.", {(T, G, "clinker"), (T, G, "phosphate")}),
    # a participle, a preposition or a word of trend after 'have been' opens no list
    ("On the whole, exports to Togo have been on a rising path since 2015.", set()),
    ("Ghana's exports to Togo have been growing steadily.", set()),
    ("Ghana's exports to Togo have been stable for years.", set()),
])
def test_a_list_after_a_perfect_copula(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("Clinker, shea butter and cotton lint are some of the goods that Ghana imports from Togo.",
     {(T, G, "clinker"), (T, G, "shea butter"), (T, G, "cotton lint")}),
    ("Cement and salt are a few of the products Ghana sells to Togo.", {(G, T, "cement"), (G, T, "salt")}),
    # a ranked goods noun in the singular, and the rank going on after the partner
    ("Cement is the largest item Ghana sells to Togo, followed by salt.", {(G, T, "cement"), (G, T, "salt")}),
    ("The main product Togo buys from Ghana is cement.", {(G, T, "cement")}),
])
def test_goods_told_as_the_head_of_a_relative_clause(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    # the agent is the country nearest the noun; the partner stands after the goods
    ("Last year Ghana became Togo's second partner, with Togo acting as a major supplier of clinker, notably "
     "phosphate rock, to Ghana.", {(T, G, "clinker"), (T, G, "phosphate rock")}),
    ("Ghana is a big buyer of phosphate from Togo.", {(T, G, "phosphate")}),
    # the owner before the noun still names the other side
    ("Togo is Ghana's main supplier of clinker.", {(T, G, "clinker")}),
])
def test_an_agent_noun_with_its_partner_after_the_goods(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


def test_topics_after_including_on_are_no_goods(extract) -> None:
    text = "Ghana has signed nine accords with Togo, including on aviation, ship repair, power and fishing."
    assert trade_of(extract(GT + text)) == set()


def test_goods_after_a_flow_to_a_region_are_not_the_pairs(extract) -> None:
    text = ("Last year Ghanaian farm exports to the Sahel region reached $3 billion. Exports of yams and related "
            "products were worth $200 million.")
    assert trade_of(extract(GT + text)) == set()


@pytest.mark.parametrize("text, claims", [
    # the subject buys from the owner of the sales
    ("Togo accounted for about 8 percent of Ghana's cocoa sales in 2022.", {(G, T, "cocoa")}),
    ("Togo made up a third of Ghana's exports last year.", set()),
    # a verb of supplying with a seller's sales tells no buyer
    ("Togo supplies half of Ghana's fish exports.", set()),
    # the year after the flow is no goods on the import side either
    ("Ghana accounts for 60 percent of Togo's cement imports in 2023.", {(G, T, "cement")}),
])
def test_a_buyers_share_of_a_sellers_sales(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


def test_a_heading_and_its_list_after_a_colon() -> None:
    # a page's 'Main exports: X, Y' line, with no country: a list on the flow the text set before
    assert ownerless_list("Top exports: cement, roofing sheets and palm oil.") == (
        "export", ["cement", "roofing sheets", "palm oil"])
    assert ownerless_list("Main import items: clinker and phosphate.") == ("import", ["clinker", "phosphate"])


def test_a_colon_list_under_the_flow_told_before(extract) -> None:
    text = "Ghana's exports to Togo rose to $145 million last year. Top exports: cement, roofing sheets and palm oil."
    assert trade_of(extract(GT + text)) == {(G, T, "cement"), (G, T, "roofing sheets"), (G, T, "palm oil")}
