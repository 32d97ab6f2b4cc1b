"""Trade claims of session 10 (issue 11, the `trade10` branch), each rule on sentences of our own (Kenya-Tanzania)
that show a form the r10 batch used; none is an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.products import split_products
from flows.extract.trade_lists import figure_items
from tests.unit.extract.conftest import trade_of

HEAD = "Nairobi, 2 March 2024\n\nTrade between Kenya and Tanzania grew again last year, officials said.\n\n"
K, T = "KEN", "TZA"


def _sold(exporter: str, importer: str, *products: str) -> set[tuple[str, str, str]]:
    return {(exporter, importer, product) for product in products}


def test_a_list_told_by_semicolons_names_one_product_a_part(extract):
    # three parts or more between semicolons: each part is a customs class, its inner commas and 'and's no separators
    text = HEAD + ("Kenya sold to Tanzania mainly motor cars; pipes of iron, copper and zinc; chassis; paper and "
                   "board.")
    assert trade_of(extract(text)) == _sold(K, T, "motor cars", "pipes of iron, copper and zinc", "chassis",
                                            "paper and board")


def test_two_parts_around_one_semicolon_keep_their_commas(extract):
    # one semicolon is no list of classes: 'tea, coffee; cut flowers, fruit' stays four products (as in session 9)
    text = HEAD + "Kenya's exports to Tanzania include tea, coffee; cut flowers and fruit."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee", "cut flowers", "fruit")


def test_in_turn_before_a_purchase_with_no_seller_turns_the_last_flow_round(extract):
    text = HEAD + "Kenya sold tea and coffee to Tanzania. In turn, Kenya bought maize; rice; raw sugar."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee") | _sold(T, K, "maize", "rice", "raw sugar")


def test_a_purchase_with_no_seller_and_no_connective_stays_general(extract):
    # (session 9: 'Kenya bought X' names no seller; only the connective ties it to the flow just told)
    text = HEAD + "Kenya sold tea and coffee to Tanzania. Kenya bought maize, rice and raw sugar."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee")


def test_figures_in_brackets_delimit_the_items_of_an_owners_export_list(extract):
    # 'exports of A ... including X (n%); Y (n%)': A's exports to the pair's other side, one product per figure
    text = HEAD + ("Kenya's exports to Tanzania rose by a fifth. Figures show that many main exports of Kenya kept "
                   "growing despite problems, including pumps, valves, and other fittings (12.5%); shoes (4.1%); "
                   "bags, hats and belts (8.8%); and copper wires and cables (2.2%).")
    assert trade_of(extract(text)) == _sold(K, T, "pumps, valves, and other fittings", "shoes", "bags, hats and belts",
                                            "copper wires and cables")


def test_one_value_told_twice_in_brackets_is_still_no_list():
    assert figure_items("2.1 billion shillings (roughly 16 million dollars), up 4 percent on the year") is None
    assert figure_items("tea (41.3%), coffee (12%) and maize (3%)") == ["tea", "coffee", "maize"]


def test_a_figure_in_brackets_is_no_part_of_a_product():
    assert split_products("tea (41.3%), coffee (almost 9 million) and maize") == ["tea", "coffee", "maize"]


def test_these_shipments_are_the_flow_just_told(extract):
    # 'these shipments' after 'B's imports from A': A sells them to B, whatever the noun says
    text = HEAD + ("In spring Tanzania's imports from Kenya climbed 8% to 900 million. The bulk of these shipments "
                   "corresponded to cement (about 90 million) and tea (27 million).")
    assert trade_of(extract(text)) == _sold(K, T, "cement", "tea")


@pytest.mark.parametrize("sentence", [
    # a trade word after a possessive owner is a noun ('export hub'), not a verb with 'hub' as goods
    "Tanzania is fifth among Kenya's export hubs and tops the region's list.",
    # a trade word inside a list of fields of cooperation is a field
    "Kenya and Tanzania signed six pacts, including in the fields of health, white shipping, ocean mapping and tourism.",
    # a person arriving is no goods arriving
    "The Kenyan president arrived in Tanzania on Monday.",
    # what a body provides may be no goods at all
    "The joint commission, which provides a framework for talks on border posts, met in Arusha.",
    # goods in general are no product
    "Last year Kenya exported merchandise to Tanzania for some $2 billion.",
    # what follows a flow's figure must name goods: markets, causes, times and traders are none
    "Kenya's exports rose to US$2 billion in 2023, including to new markets in Asia.",
    "Kenya's exports to Tanzania reached US$2 billion, mainly thanks to better roads.",
    "Kenya's exports to Tanzania reached US$2 billion, notably in the second half.",
    "Kenya's exports to Tanzania reached US$2 billion, mostly small traders and farmers.",
])
def test_no_claim(extract, sentence):
    assert trade_of(extract(HEAD + sentence)) == set()


def test_a_joint_pair_before_a_flow_noun_is_one_product(extract):
    text = HEAD + "The value of Kenyan fruit and vegetable exports to Tanzania rose to nearly $38 million."
    assert trade_of(extract(text)) == _sold(K, T, "fruit and vegetable")


def test_a_named_class_before_its_examples_is_a_product_too(extract):
    text = HEAD + "Kenya mainly supplies Tanzania with farm products such as tea and maize."
    assert trade_of(extract(text)) == _sold(K, T, "farm products", "tea", "maize")
    assert split_products("goods such as wheat and oil") == ["wheat", "oil"]


def test_a_class_told_again_with_another_generic_head_is_one_claim(extract):
    text = HEAD + ("Tanzania is a major export market for Kenya's farm products. Kenya shipped farm goods including "
                   "maize to Tanzania.")
    assert trade_of(extract(text)) == _sold(K, T, "farm products", "maize")


def test_in_turn_set_off_by_commas_after_the_subject(extract):
    text = HEAD + "Kenya sold tea and coffee to Tanzania. Kenya, in turn, bought maize, rice and raw sugar."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee") | _sold(T, K, "maize", "rice", "raw sugar")


def test_a_while_clause_with_a_bare_flow_noun_is_the_other_flow_from_the_subjects_side(extract):
    text = HEAD + "Kenya sold to Tanzania chiefly tyres and cement, while imports consisted of maize and gold."
    assert trade_of(extract(text)) == _sold(K, T, "tyres", "cement") | _sold(T, K, "maize", "gold")


@pytest.mark.parametrize("sentence", [
    "Kenya's exports to Tanzania amounted to US$2 billion, mainly tea and cement.",
    "Kenya's exports to Tanzania reached US$2 billion in 2023, consisting mainly of tea and cement.",
    "Kenya exported goods worth US$2 billion to Tanzania, mostly tea and cement.",
    "Tanzania's imports from Kenya rose to US$2 billion, including tea and cement.",
])
def test_a_list_after_the_figure_of_a_flow_is_its_goods(extract, sentence):
    assert trade_of(extract(HEAD + sentence)) == _sold(K, T, "tea", "cement")


def test_a_list_after_a_figure_that_names_countries_is_no_goods(extract):
    assert trade_of(extract(HEAD + "Kenya's exports rose to US$2 billion, mainly to Uganda, Rwanda and Tanzania.")) == set()


def test_followed_by_goes_on_with_the_list(extract):
    text = HEAD + "Kenya's exports to Tanzania were dominated by tea, followed by cut flowers and cement."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "cut flowers", "cement")


@pytest.mark.parametrize("sentence", [
    "Tea, cement and medicines top the list of Kenya's exports to Tanzania.",
    "Tea, cement and medicines were among Kenya's main exports to Tanzania.",
    "Tea, cement and medicines were among Tanzania's main imports from Kenya.",
    "Kenya's exports to Tanzania are mostly made up of tea, cement and medicines.",
    "Kenya's exports to Tanzania are composed mainly of tea, cement and medicines.",
    "Kenya's exports to Tanzania were comprised of tea, cement and medicines.",
])
def test_more_ways_of_telling_a_flows_goods(extract, sentence):
    assert trade_of(extract(HEAD + sentence)) == _sold(K, T, "tea", "cement", "medicines")


def test_a_buyer_of_a_possessive_owners_goods(extract):
    text = HEAD + "Tanzania is the largest buyer of Kenya's tea and cement."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "cement")


def test_shipped_goods_worth_a_figure_then_the_list(extract):
    text = HEAD + "Kenya shipped US$2 billion worth of goods to Tanzania, mainly tea and cement."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "cement")
