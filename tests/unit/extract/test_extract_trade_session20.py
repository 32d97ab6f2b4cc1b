"""Trade claims of the `trade20` branch: a product is a noun phrase, never the phrase around a figure ('as against',
'showing a growth', 'settling at', '$5m, down from'); the goods noun a flow is 'of' stands for the flow before a list
verb ('the main items of A's exports include X'); a quantity ('more') or a comparison ('than it bought') is no part
of the goods; a list whose figures lead their items ('40 per cent for X'); the share of a flow's figure ('of which
80% was X'). Sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.product_shape import is_figure_phrase
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("item, figure", [
    ("as against", True), ("showing a growth", True), ("settling", True), ("m, down from", True),
    ("worth a little more", True), ("in the previous year", True), ("down from", True), ("rising by", True),
    ("tea", False), ("building materials", False), ("engineering goods", False), ("maize", False),
    ("in-shell nuts", False), ("up-market furniture", False), ("down jackets", False), ("recording equipment", False),
    ("growing media", False),
])
def test_a_figure_phrase_is_no_product(item: str, figure: bool) -> None:
    assert is_figure_phrase(item) is figure


CASES = {
    # figures and their comparisons name no goods
    "comparison": ("During Fiscal Year 2021, Ghana exported goods to Togo of worth $12.5 million as against imports of "
                   "$10.1 million in the earlier Fiscal Year 2020 showing a growth of 24%.", set()),
    "settling": ("Ghanaian imports from Togo declined by 12%, settling at $412m, down from $4.68bn in 2020.", set()),
    "worth": ("Exports from Ghana to Togo were worth slightly more than two million dollars in 2010.", set()),
    # the goods noun a flow is 'of' lists its goods; the other clause's flow stays as read
    "items of": ("The chief items of Ghanaian exports include cement, soap and roofing sheets, while Ghanaian imports "
                 "from Togo include clinker and phosphates.",
                 {(G, T, "cement"), (G, T, "soap"), (G, T, "roofing sheets"), (T, G, "clinker"), (T, G, "phosphates")}),
    "products of": ("The leading products of Togo's imports from Ghana are cement and salt.", {(G, T, "cement"), (G, T, "salt")}),
    # a quantity and a comparison are no part of the goods
    "more than": ("Last year Ghana sold more cement to Togo than it bought from it.", {(G, T, "cement")}),
    # each figure names the item after it; the verb before the first figure is no item
    "figure leads": ("Ghana's food sales to Togo grew by: 40 per cent for tomatoes, 12 per cent for polished rice and 3 "
                     "per cent for canned fish.", {(G, T, "tomatoes"), (G, T, "polished rice"), (G, T, "canned fish")}),
    # the share of a flow's figure names its goods: the nearest flow before it, whose owner is the verbs' subject
    "of which": ("Ghana's imports from Togo reached $3 billion, of which 60% were cement and clinker.",
                 {(T, G, "cement"), (T, G, "clinker")}),
    "of which, second flow": ("Togo sold maize worth $2m to Ghana and bought $5m of goods from it, of which most was "
                              "cement.", {(T, G, "maize"), (G, T, "cement")}),
    "of which, no goods": ("Last year Ghana paid Togo $3 billion for power, of which 60% was paid in cash.", set()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_trade20_shapes(extract, case: str) -> None:
    text, claims = CASES[case]
    assert trade_of(extract(GT + text)) == claims
