"""Trade claims of session 10, round 3 (the `tariff12` branch): customs headings and classification groups, each rule on
sentences of our own (Kenya-Tanzania) that show a form r11 used; none is an article's wording."""
from __future__ import annotations

from flows.extract.products import cut_list, split_products
from tests.unit.extract.conftest import trade_of

HEAD = "Nairobi, 2 March 2024\n\nTrade between Kenya and Tanzania grew again last year, officials said.\n\n"
K, T = "KEN", "TZA"


def test_a_customs_headings_qualifiers_stay_with_its_goods() -> None:
    # 'whole or broken', 'liquefied', 'whether or not broken' qualify the goods before them: no products of their own
    assert split_products("Cocoa beans, whole or broken, raw or roasted") == ["Cocoa beans, whole or broken, raw or roasted"]
    assert split_products("natural gas, liquefied and groundnuts, whether or not broken") == [
        "natural gas, liquefied", "groundnuts, whether or not broken"]
    # an adjective that is an item of its own is no qualifier run ('tea, coffee' stays two)
    assert split_products("tea, fresh fish and coffee") == ["tea", "fresh fish", "coffee"]


def test_two_possessives_joined_by_or_share_the_head_after_them() -> None:
    assert split_products("men's or boys' shirts, women's or girls', coats and soap") == [
        "men's or boys' shirts", "women's or girls' coats", "soap"]


def test_an_items_value_does_not_end_the_list() -> None:
    text = "Cocoa beans valued at N12.4 billion, followed by cashew nuts and tea valued at N3 billion and N1 billion respectively."
    assert split_products(cut_list(text)) == ["Cocoa beans", "cashew nuts", "tea"]


def test_a_ranked_singular_export_names_the_flow(extract) -> None:
    text = HEAD + "In Q1, Cut flowers was Kenya's largest export to Tanzania valued at N2.4 billion."
    assert trade_of(extract(text)) == {(K, T, "cut flowers")}
    text = HEAD + "The largest export commodity to Tanzania was Natural gas, liquefied, followed by soap."
    assert trade_of(extract(text)) == {(K, T, "natural gas, liquefied"), (K, T, "soap")}


def test_an_unranked_singular_export_is_no_flow(extract) -> None:
    assert trade_of(extract(HEAD + "Kenya plans more export to Tanzania of tea.")) == set()


def test_covering_opens_the_list_of_a_flow(extract) -> None:
    text = HEAD + "Kenyan exports to Tanzania reached C$1.4 billion, mainly covering soap, salt and cement."
    assert trade_of(extract(text)) == {(K, T, "soap"), (K, T, "salt"), (K, T, "cement")}


def test_confined_to_opens_the_list_and_the_extent_of_a_class_is_no_product(extract) -> None:
    # 'merchandise' between the owner and its flow noun leaves it the owner; 'a small range of goods' names no goods
    text = HEAD + "Tanzania's merchandise imports from Kenya are confined to a small range of goods such as gold, wool and silver."
    assert trade_of(extract(text)) == {(K, T, "gold"), (K, T, "wool"), (K, T, "silver")}


def test_a_figure_in_words_is_no_product(extract) -> None:
    assert trade_of(extract(HEAD + "Kenya sells three billion dollars worth of items to Tanzania.")) == set()


def test_a_demonyms_merchandise_imports_after_a_figure_are_from_the_other_side(extract) -> None:
    text = HEAD + ("Kenyan exports to Tanzania rose. Kenyan merchandise imports meanwhile reached C$1.4 billion, "
                   "mainly covering coffee, tea and maize.")
    assert {c for c in trade_of(extract(text)) if c[0] == T} == {(T, K, "coffee"), (T, K, "tea"), (T, K, "maize")}


def test_a_tied_class_and_a_fixed_category_are_one_product_each() -> None:
    assert split_products("tea, chemicals and related products, textiles and clothing, other chemical products and soap") == [
        "tea", "chemicals and related products", "textiles and clothing", "other chemical products", "soap"]


def test_a_country_less_list_that_tops_the_export_basket_is_on_the_flow_just_told(extract) -> None:
    text = HEAD + ("Kenya's exports to Tanzania rose to $2 billion. Soap & salt, cut flowers,tea and headed the "
                   "export list last year.")
    assert trade_of(extract(text)) == {(K, T, "soap & salt"), (K, T, "cut flowers"), (K, T, "tea")}
    # with no flow told before, the list names no trade
    assert trade_of(extract(HEAD + "Kenya and Tanzania signed a deal. Soap and salt topped the export basket.")) == set()


def test_machinery_and_equipment_is_one_category_with_or_without_a_modifier() -> None:
    assert split_products("tyres, electrical machinery and equipment and cocoa") == [
        "tyres", "electrical machinery and equipment", "cocoa"]
    assert split_products("tea, machinery and equipment") == ["tea", "machinery and equipment"]
