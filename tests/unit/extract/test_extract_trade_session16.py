"""Trade claims of the `trade16` branch: a flow told by a noun phrase with the partner after 'with' ('import trade with
B'), a seller's share of a buyer's flow ('A accounts for 60 percent of B's cement imports'), and a list whose items each end in their own bracketed figure (a table told as prose); on sentences of our own
(Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.products import cut_list, split_products
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("text, claims", [
    # no owner named: the pair's other side owns the flow; 'import' makes the partner the seller
    ("Import trade with Togo was dominated by clinker and phosphate.", {(T, G, "clinker"), (T, G, "phosphate")}),
    ("Export trade with Togo was led by cocoa and cement.", {(G, T, "cocoa"), (G, T, "cement")}),
    # an owner right before the noun
    ("Togo's export trade with Ghana comprises clinker and phosphate.", {(T, G, "clinker"), (T, G, "phosphate")}),
    # the noun phrase is no clause's head: no list
    ("Talks on export trade with Togo were held.", set()),
])
def test_flow_noun_with_partner_after_with(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


def test_items_each_with_a_bracketed_figure_stay_whole(extract) -> None:
    text = ("Import trade with Togo was dominated by motor parts and tyres (valued at $5 million), pots, pans and "
            "kettles fired by gas ($3 million) and Other cotton lint ($1 million).")
    assert trade_of(extract(GT + text)) == {(T, G, "motor parts and tyres"), (T, G, "pots, pans and kettles fired by gas"),
                                            (T, G, "other cotton lint")}


def test_one_bracketed_figure_leaves_the_list_as_it_was() -> None:
    assert split_products(cut_list("tea and coffee (USD 4 million) and salt")) == ["tea", "coffee", "salt"]


@pytest.mark.parametrize("text, claims", [
    # the goods before the flow noun, the buyer its owner
    ("Ghana accounts for 60 percent of Togo's cement imports.", {(G, T, "cement")}),
    # the goods after 'imports of', to the list's end
    ("Ghana accounted for almost all of Togo's imports of cement and salt in 2023.", {(G, T, "cement"), (G, T, "salt")}),
    # several shares; the buyer named once; shares of no goods flow ('trade', 'investment') give nothing
    ("Ghana supplies about a third of Togo's fuel imports, 20% of its investment and half of its wheat purchases.",
     {(G, T, "fuel"), (G, T, "wheat")}),
    # a flow qualified by a word that names no goods ('total') names none
    ("Ghana accounts for 60 percent of Togo's total imports.", set()),
])
def test_a_sellers_share_of_a_buyers_flow(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("Cocoa was Ghana's top export to Togo at $5 million, followed by cement and salt.",
     {(G, T, "cocoa"), (G, T, "cement"), (G, T, "salt")}),
    ("Cocoa and timber were Ghana's biggest exports to Togo, followed closely by cement.",
     {(G, T, "cocoa"), (G, T, "timber"), (G, T, "cement")}),
    # a change told as a noun is no goods
    ("Cocoa was Ghana's top export to Togo, followed by a rise in prices.", {(G, T, "cocoa")}),
])
def test_goods_ranked_next_after_a_ranked_flow(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("Imports from Togo, mainly clinker and phosphate, rose 5 percent.", {(T, G, "clinker"), (T, G, "phosphate")}),
    ("Ghana's imports from Togo, including clinker, rose 5 percent.", {(T, G, "clinker")}),
    # a reason or a manner after the lead word is no list
    ("Imports from Togo, mainly due to higher prices, rose 5 percent.", set()),
    ("Imports from Togo, mainly because of higher prices, rose 5 percent.", set()),
])
def test_goods_set_off_by_commas_after_an_import_flow(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("The main items exported by Ghana to Togo were cocoa and cement.", {(G, T, "cocoa"), (G, T, "cement")}),
    ("Exports by Ghana to Togo included cocoa and cement.", {(G, T, "cocoa"), (G, T, "cement")}),
    ("Goods exported by Ghana to Togo rose 5 percent.", set()),
    # led by the importer
    ("Products imported by Togo from Ghana were mainly cocoa and cement.", {(G, T, "cocoa"), (G, T, "cement")}),
])
def test_a_flow_with_its_trader_as_agent(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("Cocoa and cement topped Ghana's exports to Togo in 2023.", {(G, T, "cocoa"), (G, T, "cement")}),
    # people before a bare 'led' are no goods
    ("Officials led Ghana's exports to Togo.", set()),
])
def test_goods_that_top_a_flow(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims
