"""Trade claims of the `trade21` branch: a basic-data page's labelled line ('Exports to B: X, Y'; the goods in a
bracket after a figure, or cut off into the next line); goods that drove a flow ('driven by sales of X and Y, as well
as Z'); a rank and goods before an agent noun owned by the partner ('A is B's biggest X supplier'); words that name
no goods: a lone 'non-' class word ('non-oil exports'), an abstract noun ('a source of biodiversity'), goods meant
for no country ('a source of X for the world'); goods as the subject of a share ('X accounted for 70 per cent of A's
exports to B'). Sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.product_shape import names_no_goods
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("item, none", [
    ("non-oil", True), ("non-oil-gas", True), ("Non-energy", True),
    ("non-ferrous metals", False), ("nonferrous metals", False), ("tea", False), ("as against", True),
])
def test_a_lone_class_word_names_no_goods(item: str, none: bool) -> None:
    assert names_no_goods(item) is none


CASES = {
    # a labelled line: the label names the partner and the way, the page's other side is the other party
    "label": ("Main exports to Togo: cement, roofing sheets, soap.\n\nImports from Togo: clinker, phosphates.",
              {(G, T, "cement"), (G, T, "roofing sheets"), (G, T, "soap"), (T, G, "clinker"), (T, G, "phosphates")}),
    # the goods in a bracket after the label's figure, or cut off into a line of their own after it
    "label, bracket": ("Export to Togo: 52 billion (2019: cement, soap).\nImport from Togo: 31 billion. "
                       "(2019: clinker, phosphates etc.)",
                       {(G, T, "cement"), (G, T, "soap"), (T, G, "clinker"), (T, G, "phosphates")}),
    "label, figure only": ("Exports to Togo: $52 million.", set()),
    # the goods whose sales drove a flow, told as 'sales of' a list with 'as well as'
    "driven by sales of": ("Ghanaian exports to Togo rose in the first quarter, driven by sales of cement and roofing "
                           "sheets, as well as yams and frozen fish.",
                           {(G, T, "cement"), (G, T, "roofing sheets"), (G, T, "yams"), (G, T, "frozen fish")}),
    # the goods between the rank and an agent noun the partner owns
    "owned agent": ("Ghana is Togo's biggest cement supplier.", {(G, T, "cement")}),
    "owned agent, buyer": ("Ghana is Togo's main phosphate buyer.", {(T, G, "phosphate")}),
    "owned agent, no goods": ("Ghana is Togo's largest trading partner and its main export market.", set()),
    # goods as the subject of a share of the pair's flow (the seller the flow's owner or its relative clause's subject;
    # the buyer 'to' a country or an epithet of the pair's other side); an import flow the other way round
    "share, goods subject": ("Cement accounted for 70 per cent of Ghana's exports to Togo.", {(G, T, "cement")}),
    "share, participle": ("Cement leads Ghana's trade with Togo, accounting for 70 per cent of the goods that Ghana sold "
                          "to the West African nation last year.", {(G, T, "cement")}),
    "share, import": ("Clinker made up half of Ghana's imports from Togo.", {(T, G, "clinker")}),
    "share, anaphor": ("Cement and salt lead. Both of these categories thus made up 70 per cent of Ghana's exports "
                       "to Togo.", set()),
    "share, value no share": ("Cement accounted for $3 million of Ghana's exports to Togo.", set()),
    # a country's share of a flow whose owner is possessive: the mark goes, not the first letter of the goods
    "share, possessive goods": ("Togo took 10 percent of Ghana's salt exports.", set()),
    "share, owner's salt": ("Togo accounted for 10 percent of Ghana's salt exports.", {(G, T, "salt")}),
    # a lone 'non-' word classes the flow; an abstract noun and goods meant for the world name no trade
    "non-oil": ("Ghana's non-oil exports to Togo grew by 12 percent.", set()),
    "abstract": ("The President said the partnership with Togo matters for security and trade, as the coast of Ghana "
                 "is a source of fresh air and biodiversity for the whole world.", set()),
    "for the world": ("Ghana, a close partner of Togo, is a major supplier of cocoa for the world.", set()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_trade21_shapes(extract, case: str) -> None:
    text, claims = CASES[case]
    assert trade_of(extract(GT + text)) == claims
