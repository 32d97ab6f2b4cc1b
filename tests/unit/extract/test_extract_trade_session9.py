"""Trade claims of session 9 (issue 11, the `trade` branch), each rule on sentences of our own (Kenya-Tanzania) that
show a form real articles use; none is an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of

HEAD = "Nairobi, 2 March 2024\n\nTrade between Kenya and Tanzania grew again last year, officials said.\n\n"
K, T = "KEN", "TZA"


def _sold(exporter: str, importer: str, *products: str) -> set[tuple[str, str, str]]:
    return {(exporter, importer, product) for product in products}


def test_a_basket_of_imports_in_the_paragraph_on_the_partners_supply_is_the_pairs_trade(extract):
    # 'A imports X, Y' (a habitual list, no seller named) right after the text told B's supply to A: B sells, as in
    # 'A's imports from B include X, Y'
    text = HEAD + "Tanzania's exports to Kenya rose by 5%. Kenya imports rice, cement and tyres."
    assert trade_of(extract(text)) == _sold(T, K, "rice", "cement", "tyres")


def test_a_basket_of_imports_under_the_other_flow_is_the_countrys_imports_in_general(extract):
    text = HEAD + "Kenya's exports to Tanzania rose by 5%. Kenya imports rice, cement and tyres."
    assert trade_of(extract(text)) == set()


@pytest.mark.parametrize("sentence", [
    # a third country named in the sentence: the country's imports in general
    "Kenya imports rice, cement and roofing sheets, and India remains its largest supplier.",
    # a purchase told in the past, or one item alone, stays a purchase from no one named
    "Kenya bought rice, cement and roofing sheets.",
    "Kenya imports mostly fuel.",
])
def test_no_basket_with_a_third_country_a_past_purchase_or_one_item(extract, sentence):
    assert trade_of(extract(HEAD + "Tanzania's exports to Kenya rose by 5%. " + sentence)) == set()


def test_a_trade_word_before_a_list_verb_is_a_noun(extract):
    # 'Kenya imports include X': 'imports' is the flow noun, 'include' opens the list (no product 'include X')
    text = HEAD + "Kenya imports include rice, cement and roofing sheets."
    assert trade_of(extract(text)) == _sold(T, K, "rice", "cement", "roofing sheets")


def test_a_list_goes_on_past_a_semicolon_when_the_part_after_it_is_only_goods(extract):
    # trade tables group goods in classes joined by semicolons; the part after ';' has no verb and no country
    text = HEAD + ("Kenya's exports to Tanzania include tea, cut flowers and coffee; Processed foods, plastic articles "
                   "and medicines.")
    assert trade_of(extract(text)) == _sold(K, T, "tea", "cut flowers", "coffee", "processed foods",
                                            "plastic articles", "medicines")


def test_a_part_after_a_semicolon_with_a_verb_or_a_country_is_its_own_clause(extract):
    text = HEAD + "Kenya exports tea to Tanzania; Tanzania sells Kenya maize and rice."
    assert trade_of(extract(text)) == _sold(K, T, "tea") | _sold(T, K, "maize", "rice")
    text = HEAD + "Kenya exports tea and coffee to Tanzania; prices of both rose by a third."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee")


def test_a_class_join_too_long_for_one_name_is_two_items():
    # 'X, other Y for Z' after a dash: the class word 'other' would make one item of seven words
    assert split_products("brake pads, other parts for lorries") == ["brake pads", "other parts for lorries"]
    assert split_products("tractors and other farm machinery") == ["tractors and other farm machinery"]


def test_a_goods_noun_modified_by_demanded_is_what_its_owner_buys(extract):
    # 'B's most demanded commodities were X, Y': the owner of the goods buys, the pair's other side sells
    text = HEAD + "Tanzania's most demanded commodities last year were tea, coffee and medicines."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee", "medicines")


@pytest.mark.parametrize("text, products", [
    # a list item that holds a flow noun names no goods; 're-exports' are goods sold on
    ("primary exports, tea and coffee", ["tea", "coffee"]),
    ("tea, coffee and vehicle re-exports", ["tea", "coffee", "vehicle re-exports"]),
    # a lone word that names no goods shares the head after 'or'; a product before 'or' is an item of its own
    ("traditional or farm exports, tea and coffee", ["tea", "coffee"]),
    ("fresh or chilled fish fillets and tea", ["fresh or chilled fish fillets", "tea"]),
    ("coal or crude oil", ["coal", "crude oil"]),
    # an adjective that names no goods alone shares the head of the item after 'and'
    ("tea, black and ferrous metals", ["tea", "black and ferrous metals"]),
    ("frozen and dried fish, maize", ["frozen and dried fish", "maize"]),
    ("copper and paper products", ["copper", "paper products"]),
    ("tea, coffee and the paper industry", ["tea", "coffee"]),  # an industry makes goods, it is none
    ("coffee, oil and gas", ["coffee", "oil and gas"]),  # one trade category
])
def test_flow_nouns_shared_heads_industries_and_categories_in_a_list(text, products):
    assert split_products(text) == products


def test_a_figure_list_with_a_flow_clause_between_its_figures_is_no_list(extract):
    # 'up 12 percent from Tanzania, Kenya, taking 30 percent of its neighbour's total exports in 2023': the stretch
    # between the two figures is a clause, not an item
    text = HEAD + ("With purchases up 12 percent from Tanzania, Kenya, taking 30 percent of its neighbour's total "
                   "exports in 2023, led the region.")
    assert trade_of(extract(text)) == set()


def test_a_country_that_became_the_others_export_destination_for_goods_buys_them(extract):
    # 'B has become A's largest export destination for X': the possessive sells, the subject buys
    text = HEAD + "Sales of tea grew and Tanzania has become Kenya's largest export destination for cut flowers."
    assert trade_of(extract(text)) == _sold(K, T, "cut flowers")


def test_a_market_noun_after_a_coordinated_verb_takes_the_first_verbs_subject(extract):
    # 'B has remained A's top partner, and has been a major market for A's X': B is the subject of both verbs
    text = HEAD + ("Since 2018, Tanzania has stayed Kenya's top partner in trade, and has been an important market for "
                   "Kenya's farm produce.")
    assert trade_of(extract(text)) == _sold(K, T, "farm produce")


def test_a_time_phrase_between_the_verb_and_its_goods(extract):
    # 'shipped for the first time X to B through a railway': the goods follow the time phrase; a railway named after
    # a country is no transit country
    text = HEAD + "In May 2023, Kenya shipped for the first time avocados to Tanzania through the Kenya-Uganda Railway."
    assert trade_of(extract(text)) == _sold(K, T, "avocados")


def test_coordinated_goods_modifiers_of_a_flow_noun_with_a_partner(extract):
    # 'a rise in X and Y imports from B': both modifiers are goods; the words before the last preposition are not
    text = HEAD + "A steep rise in rice and sugar imports from Tanzania was seen in 2023."
    assert trade_of(extract(text)) == _sold(T, K, "rice", "sugar")
    text = HEAD + "A sharp rise in tea and coffee exports to Tanzania was recorded in 2023."
    assert trade_of(extract(text)) == _sold(K, T, "tea", "coffee")


def test_a_third_country_named_as_supplier_of_one_side_is_no_claim(extract):
    text = HEAD + "Even so, India is Kenya's largest supplier of rice, and Tanzania sells Kenya maize."
    assert trade_of(extract(text)) == _sold(T, K, "maize")


def test_a_sale_a_verb_of_stopping_keeps_from_is_no_claim(extract):
    text = HEAD + "Tanzania said the Kenyan government had barred it from importing sugar from Mombasa."
    assert trade_of(extract(text)) == set()


def test_help_given_is_no_sale(extract):
    # a weak verb whose list holds money or aid: help, not trade
    text = HEAD + "In 1964, Kenya provided rifles, money and medicine to Tanzania's liberation fighters."
    assert trade_of(extract(text)) == set()
