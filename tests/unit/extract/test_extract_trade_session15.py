"""Trade claims of session 12's second round (the `trade15` branch): goods told as the holder of a rank, a flow broken
down by goods with their values, goods as a share of a flow, pronoun and topic heads of a list, 'but also include',
class words and counts that name no goods; on paragraphs of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"
# a sentence that sets the flow (Ghana's sales to Togo) for the country-less sentences after it
SALES = "Ghana sold goods worth USD 900 million to Togo in 2023, up 8 percent. "


@pytest.mark.parametrize("text, claims", [
    # a ranked goods noun, the flow in its participle and an epithet for the partner
    (SALES + "The main product shipped to the neighbouring country was cement, with sales of USD 200 million.",
     {(G, T, "cement")}),
    # a ranked class and its members told after 'that is'
    (SALES + "The second biggest export category is base metals, that is zinc and tin.",
     {(G, T, "base metals"), (G, T, "zinc"), (G, T, "tin")}),
    # a ranked head with the partner named
    ("The top item imported from Togo was phosphate, officials said.", {(T, G, "phosphate")}),
    # goods first, then their rank on a flow from the partner
    ("Ghana sells cocoa to Togo, while clinker worth about $90 million is the main import from Togo.",
     {(G, T, "cocoa"), (T, G, "clinker")}),
])
def test_ranked_goods(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


def test_a_flow_broken_down_by_goods_with_their_values(extract) -> None:
    text = (SALES + "In detail, cocoa beans earned over USD 300 million, up 5 percent; cement nearly USD 120 million "
            "(up 3 percent); pots, pans and other kitchenware USD 40 million; and salt USD 9 million.")
    assert trade_of(extract(GT + text)) == {(G, T, "cocoa beans"), (G, T, "cement"),
                                            (G, T, "pots, pans and other kitchenware"), (G, T, "salt")}


def test_values_told_by_semicolons_that_name_no_goods_are_no_breakdown(extract) -> None:
    text = SALES + "The grant came to USD 4 million; the loan USD 9 million."
    assert trade_of(extract(GT + text)) == set()


def test_goods_as_a_share_of_a_flow(extract) -> None:
    text = ("Ghana's imports from Togo rose again in 2023. Salt and salt products accounted for about $70 million in "
            "imports, followed by phosphate at 12 percent.")
    assert trade_of(extract(GT + text)) == {(T, G, "salt and salt products"), (T, G, "phosphate")}


def test_passive_goods_with_a_figure_and_a_year(extract) -> None:
    text = "Ghana's exports to Togo grew fast. A total of $80 million processed foods were exported in 2023."
    assert trade_of(extract(GT + text)) == {(G, T, "processed foods")}


def test_a_pronoun_for_the_flow_heads_the_list(extract) -> None:
    text = ("Ghana's purchases from Togo came to $300 million in 2023. They grew 4 percent from the year before and "
            "are dominated by phosphate and clinker.")
    assert trade_of(extract(GT + text)) == {(T, G, "phosphate"), (T, G, "clinker")}


def test_a_topic_opener_and_but_also_include(extract) -> None:
    text = ("As for exports to Togo, they are dominated by cement, but also include salt, cocoa and timber, as Togo "
            "builds many roads, accounting for much of its demand.")
    assert trade_of(extract(GT + text)) == {(G, T, "cement"), (G, T, "salt"), (G, T, "cocoa"), (G, T, "timber")}


@pytest.mark.parametrize("text, claims", [
    # a count of classes names no goods; the classes after 'namely' do, 'articles of iron and steel' one of them
    ("Ghana's exports to Togo are led by two categories, namely farm products, as well as articles of iron and steel.",
     {(G, T, "farm products"), (G, T, "articles of iron and steel")}),
    # an adjective alone before the flow noun is a class of goods; a cut list's lone 'or' is none
    ("Agricultural exports to Togo came to $2 billion, or 40% of all exports to Togo.",
     {(G, T, "agricultural products")}),
    # a class defined is no list on a flow
    (SALES + "Farm products are perishables.", set()),
    # a bare singular class ('the product') names no goods
    ("Togo mines phosphate, and Ghana buys a lot of the product.", set()),
])
def test_class_words(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text", [
    # a trade word inside a list of sectors of cooperation, far after the head
    "Ghana and Togo see potential for cooperation in many sectors, including farming, fisheries, tourism, energy, "
    "transport, housing, water supply, health care, mining, culture, shipping and education.",
    # labour sent abroad is no goods
    "Ghana will keep sending skilled manpower to Togo under the pact.",
    # a participle of sending is no item
    "Ties began when a Ghanaian boat sent by the king arrived in Togo.",
])
def test_no_goods(extract, text: str) -> None:
    assert trade_of(extract(GT + text)) == set()


def test_a_lead_word_is_no_part_of_the_item_it_opens() -> None:
    assert split_products("salt, as well as articles of pulp and paper") == ["salt", "articles of pulp and paper"]
