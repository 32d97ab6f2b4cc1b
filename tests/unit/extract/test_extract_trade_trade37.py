"""trade37: shapes of trade claims read on their own structure. Made-up sentences (Malta and Tunisia), each rule with
cases it must not fire on: a flow kept to a few goods ('exports have so far been confined to X'); an ownerless flow
with its figure and then its goods ('Exports of goods and services came to $2bn, consisting mostly of X'); an agent
noun after a noun of chance ('opportunities for A-ian exporters of X'); list items that name no goods ('miscellaneous
items', 'the biggest contributor')."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from flows.extract.product_shape import names_no_goods
from flows.extract.trade_lists import country_less_list
from tests.unit.extract.conftest import trade_of

HEAD = "Valletta, 3 April 2024\n\nMalta and Tunisia held talks on trade on Tuesday.\n\n"
PAGE = ("Valletta, 3 April 2024\n\nTunisia is a big trading partner of Malta. More than 500 Maltese firms export to "
        "Tunisia.\n\n")
PAIR = ("MLT", "TUN")


def test_confined_flow_with_partner(extract: Callable) -> None:
    text = HEAD + "Maltese exports to Tunisia have so far been confined to wine and olives."
    assert trade_of(extract(text)) == {("MLT", "TUN", "wine"), ("MLT", "TUN", "olives")}


def test_limited_flow_without_partner(extract: Callable) -> None:
    text = HEAD + ("The Maltese exports have hitherto been limited to high technology, industrial products and cars, "
                   "but the government wants to sell wine too.")
    found = trade_of(extract(text))
    assert {("MLT", "TUN", "industrial products"), ("MLT", "TUN", "cars")} <= found
    assert ("MLT", "TUN", "wine") not in found


@pytest.mark.parametrize("sentence", [
    "Maltese exports to Tunisia were limited to $3 million last year.",
    "Maltese exports were restricted to a few licensed firms and state agencies.",
    "Maltese exports were limited to the member states of the union.",
])
def test_limit_names_no_goods(extract: Callable, sentence: str) -> None:
    assert trade_of(extract(HEAD + sentence)) == set()


def test_ownerless_figure_then_goods(extract: Callable) -> None:
    text = PAGE + "Exports of goods and services came to $2.1 billion in 2022, consisting mostly of cheese, salt and tin."
    assert trade_of(extract(text)) == {("MLT", "TUN", "cheese"), ("MLT", "TUN", "salt"), ("MLT", "TUN", "tin")}


@pytest.mark.parametrize("sentence", [
    "Exports to the EU reached $3 billion, mainly cheese and wine.",       # a place's flow
    "World exports of tin reached $3bn, mostly cheese and salt.",          # a world total
    "Exports could come to $3 billion by 2030, mostly olive oil and dates.",  # a figure still to come
    "Imports rose 5 percent, mainly due to higher prices.",                # no goods after the figure
])
def test_ownerless_figure_not_read(sentence: str) -> None:
    assert country_less_list(sentence, "MLT", PAIR, PAIR, PAIR) is None


def test_ownerless_figure_import_side() -> None:
    found = country_less_list("Imports of goods amounted to $4.2 billion in 2022, mainly cars and fuel.", "MLT", PAIR, PAIR,
                              PAIR)
    assert found == (("TUN", "MLT"), ["cars", "fuel"])


def test_prospect_before_agent_noun(extract: Callable) -> None:
    text = HEAD + ("Tunisia plans to build new ports, which also offers openings for Maltese exporters of energy, "
                   "transport, banking and mining services and equipment.")
    assert trade_of(extract(text)) == set()
    text = HEAD + "There is scope for Maltese suppliers of cheese in Tunisia."
    assert trade_of(extract(text)) == set()


@pytest.mark.parametrize("sentence", [
    "Malta is the largest supplier of salt to Tunisia.",
    "Tunisia is the biggest buyer of Maltese salt, an opportunity for local farms.",  # the chance after the agent
    "Malta remains the main source of salt for Tunisia, with potential for growth.",
])
def test_agent_noun_still_read(extract: Callable, sentence: str) -> None:
    assert ("MLT", "TUN", "salt") in trade_of(extract(HEAD + sentence))


@pytest.mark.parametrize(("item", "none"), [
    ("miscellaneous items", True), ("sundry goods", True), ("biggest contributor", True),
    ("the main foreign exchange earner", True),
    ("miscellaneous chemical products", False), ("drivers' cabins", False), ("olive oil", False),
])
def test_items_that_name_no_goods(item: str, none: bool) -> None:
    assert names_no_goods(item) is none


def test_list_tail_and_predicate_dropped(extract: Callable) -> None:
    found = trade_of(extract(HEAD + "Tunisian exports to Malta include dates, phosphates and miscellaneous items. "
                             "He said Tunisian phosphate exports to Malta were the biggest contributor."))
    assert found == {("TUN", "MLT", "dates"), ("TUN", "MLT", "phosphates")}


@pytest.mark.parametrize(("sentence", "product"), [
    ("Last spring Malta shipped its very first consignment of home-built batteries to Tunisia.",
     "home-built batteries"),
    ("Malta sent its first batch of solar panels to Tunisia last year.", "solar panels"),
    ("Malta shipped a consignment of cheese to Tunisia.", "cheese"),
])
def test_one_lot_is_a_unit(extract: Callable, sentence: str, product: str) -> None:
    assert trade_of(extract(HEAD + sentence)) == {("MLT", "TUN", product)}


@pytest.mark.parametrize("sentence", [
    "Malta sent a shipment of goods to Tunisia.",               # a lot of goods in general names none
    "Malta sent the first batch of observers to Tunisia.",      # people, no goods
    "Malta shipped its first consignment to Tunisia in May.",   # no goods named
])
def test_one_lot_names_no_goods(extract: Callable, sentence: str) -> None:
    assert trade_of(extract(HEAD + sentence)) == set()


@pytest.mark.parametrize("sentence", [
    "Tunisian purchases from Malta are at $4.1 million, bringing the grand total to $19.3 million.",
    "Maltese exports to Tunisia were the highest in Africa and were recorded at $700 million.",
    "Maltese sales to Tunisia were the largest in the region last year.",
])
def test_rank_or_result_after_flow_names_no_goods(extract: Callable, sentence: str) -> None:
    assert trade_of(extract(HEAD + sentence)) == set()


@pytest.mark.parametrize(("sentence", "product"), [
    ("Maltese exports to Tunisia are the best wine and cheese.", "best wine"),       # a superlative with its goods
    ("Maltese exports to Tunisia reached $5m, bringing cheese and salt.", None),      # no total after the participle
    ("Maltese exports to Tunisia were mostly cheese, raising the total to $9m.", "cheese"),
])
def test_goods_kept_beside_rank_or_result(extract: Callable, sentence: str, product: str | None) -> None:
    found = trade_of(extract(HEAD + sentence))
    if product is not None:
        assert ("MLT", "TUN", product) in found
    assert not any("total" in p for _, _, p in found)


@pytest.mark.parametrize(("sentence", "expected"), [
    ('The Maltese premier said he "received certain assessments from the Tunisian foreign minister".', set()),
    ("Malta received her holdings back from Tunisia in 1850.", set()),
    ("Malta received 200 tonnes of dates from Tunisia.", {("TUN", "MLT", "dates")}),
    ("A Tunisian laboratory sent coffee samples to Malta.", {("TUN", "MLT", "coffee samples")}),
    ("Malta received two new patrol boats from Tunisia.", {("TUN", "MLT", "two new patrol boats")}),
])
def test_weak_verb_needs_goods(extract: Callable, sentence: str, expected: set) -> None:
    assert trade_of(extract(HEAD + sentence)) == expected


def test_such_as_examples_in_the_parse(extract: Callable) -> None:
    # a singular flow noun the frames do not read: the parse's list goes on past 'such as' to the examples
    text = HEAD + ("The Maltese export to Tunisia was dominated by machinery products such as pumps and valves while "
                   "from Tunisia, Malta mainly imported olive oil.")
    found = trade_of(extract(text))
    assert {("MLT", "TUN", "pumps"), ("MLT", "TUN", "valves")} <= found


@pytest.mark.parametrize("sentence", [
    "Maltese exports to Tunisia are dominated by primary goods, such as raw cheese, salt, and tin, which account "
    "for 90 per cent of the total.",
])
def test_such_as_no_pronoun_item(extract: Callable, sentence: str) -> None:
    found = trade_of(extract(HEAD + sentence))
    assert ("MLT", "TUN", "cheese") in found or ("MLT", "TUN", "raw cheese") in found
    assert not any(p in ("which", "such", "as") for _, _, p in found)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Maltese export to Tunisia was dominated by cheese, as in earlier years.", {("MLT", "TUN", "cheese")}),
    ("The Maltese export to Tunisia was dominated by goods such as these, the ministry said.", set()),
])
def test_such_as_not_widened(extract: Callable, sentence: str, expected: set) -> None:
    assert trade_of(extract(HEAD + sentence)) == expected
