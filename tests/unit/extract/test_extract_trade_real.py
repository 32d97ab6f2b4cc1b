"""Trade claims as real news writes them, session 7 (issue 11, ent-trade): lists the small parser breaks, goods named
in a 'with ... being' clause or as a modifier of the flow, run-on lists, capitalised customs headings, and figure
stretches that are no list. Every sentence is our own (Ghana and Togo), none is an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.products import known_capitalised, names_hs_heading, split_products
from flows.extract.trade import TradeState, find_trade_claims
from flows.extract.trade_lists import figure_items
from flows.extract.trade_roles import role_claims
from tests.unit.extract.conftest import trade_of

PAIR = ("GHA", "TGO")
G, T = "GHA", "TGO"
HEAD = "Accra, 2 March 2024\n\nTrade between Ghana and Togo grew again last year, officials said.\n\n"


@pytest.fixture(autouse=True)
def _spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")


def roles(sentence: str) -> set[tuple[str, str, str]]:
    return {(c.exporter, c.importer, c.product) for c in role_claims(sentence, find_countries(sentence), PAIR, None)}


def claims(sentence: str) -> set[tuple[str, str, str]]:
    found = find_trade_claims(sentence, find_countries(sentence), TradeState(pair=PAIR))
    return {(c.exporter, c.importer, c.product) for c in found}


def _sold(exporter: str, importer: str, *products: str) -> set[tuple[str, str, str]]:
    return {(exporter, importer, product) for product in products}


@pytest.mark.parametrize("sentence, expected", [
    # the parser hangs the second item on the verb as an adverb: the items after the comma still continue the list
    ("Ghana's top exports to Togo last year were cocoa, cashew, shea butter, timber and gold bars.",
     _sold(G, T, "cocoa", "cashew", "shea butter", "timber", "gold bars")),
    # ... or hangs a later item, an adjective with its noun, on the verb as its conjunct
    ("Top imports from Togo last year were cement bags, roofing sheets and nails, handmade baskets and clinker.",
     _sold(T, G, "handmade baskets", "clinker")),
])
def test_a_list_the_parser_breaks_keeps_its_later_items(sentence: str, expected: set) -> None:
    assert expected <= roles(sentence)


def test_a_with_clause_whose_subject_is_items_lists_the_goods() -> None:
    sentence = ("Meanwhile, Togo's exports to Ghana reached US$1.2 billion, with the three largest items being "
                "phosphates, clinker and cotton.")
    assert roles(sentence) == _sold(T, G, "phosphates", "clinker", "cotton")


def test_goods_named_as_a_modifier_of_the_flow_open_an_hs_heading() -> None:
    assert roles("Ghanaian banana exports to Togo rose sharply.") == _sold(G, T, "banana")
    # a modifier that opens no customs heading is a class or a measure, not goods
    assert roles("Ghanaian farm exports to Togo rose sharply.") == set()
    assert (names_hs_heading("banana"), names_hs_heading("rice"), names_hs_heading("farm"),
            names_hs_heading("value"), names_hs_heading("product")) == (True, True, False, False, False)


def test_an_etc_the_sentence_splitter_kept_closes_the_list() -> None:
    assert split_products("cement, Roofing sheets, nails etc. US$ 12 million worth of cement went") == [
        "cement", "Roofing sheets", "nails"]


def test_a_capitalised_customs_heading_in_a_list_is_a_product() -> None:
    assert known_capitalised("Mineral oil") == "mineral oil"
    assert known_capitalised("Rubber and articles") == "rubber and articles"
    assert known_capitalised("Jubilant Energy") == "Jubilant Energy"  # a company's name stays (and is dropped)
    assert claims("Ghana's exports to Togo include cocoa butter, Mineral oil, Rubber and articles, and plastics.") \
        == _sold(G, T, "cocoa butter", "mineral oil", "rubber and articles", "plastics")


def test_one_value_told_twice_in_brackets_is_no_figure_list() -> None:
    assert figure_items(" came in at 2.1 billion dollars (roughly 15 billion yuan), accounting for half") is None
    assert claims("In May, Ghana's cocoa exports to Togo came in at 2.1 billion cedis (roughly 180 million dollars), "
                  "accounting for more than 60 percent of Togo's cocoa imports.") <= _sold(G, T, "cocoa")


def test_a_participle_aside_ends_the_list() -> None:
    assert claims("Ghana is one of the world's top exporters of pineapples, known for their sweet taste.") \
        == _sold(G, T, "pineapples")


def test_in_a_document_lists_of_the_two_directions() -> None:
    from flows.extract import extract_documents
    from tests.unit.extract.conftest import one_document
    text = HEAD + ("Ghana's top exports to Togo last year were cocoa, cashew, shea butter and gold bars. "
                   "Top imports from Togo were phosphates, clinker, handmade baskets and cotton.")
    found = trade_of(extract_documents(one_document(text)))
    assert _sold(G, T, "cocoa", "cashew", "shea butter", "gold bars") <= found
    assert _sold(T, G, "phosphates", "clinker", "cotton") <= found


def test_a_basket_of_imports_a_list_verb_gives_is_the_pairs_trade() -> None:
    # 'A's imports include X' in a text about the pair: the other side sells, as 'A exports mainly X' buys
    assert roles("Ghana's imports include rice, sugar and cement.") == _sold(T, G, "rice", "sugar", "cement")
    # a purchase told by a verb with no seller stays the country's imports in general
    assert roles("Ghana bought rice and sugar.") == set()
