"""Trade claims of the `trade19` branch: a flow set by 'B is A's Nth export destination', a breakdown by shares after
a listing opener (and its continuation), a demonym opening 'the supply of X to B', goods set beside goods named
before ('X and Y were other products ...'), and a unit or an anaphor that names no goods; on sentences of our own
(Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.trade_flows import ranked_partner
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("sentence, flow", [
    ("Togo is Ghana's fourth-largest export destination.", (G, T)),
    ("Togo has become Ghana's main market.", (G, T)),
    ("Togo was Ghana's second biggest supplier last year.", (T, G)),
    # no rank noun, or a partner with no direction: no flow
    ("Togo is Ghana's closest neighbour.", None),
    ("Togo is Ghana's largest trading partner.", None),
])
def test_a_ranked_partner_sets_the_flow(sentence: str, flow: tuple | None) -> None:
    assert ranked_partner(sentence, find_countries(sentence)) == flow


def test_a_breakdown_by_shares_after_a_listing_opener(extract) -> None:
    text = (GT + "Togo is Ghana's third-largest export destination. The goods that make up these sales comprised "
            "cocoa butter, at 30 percent; cement, 20 percent; and salt and its by-products, five percent. The rest "
            "included roofing sheets, at four percent; canned fish, three percent; as well as plastic pipes, two "
            "percent.")
    assert trade_of(extract(text)) == {(G, T, "cocoa butter"), (G, T, "cement"), (G, T, "salt and its by-products"),
                                       (G, T, "roofing sheets"), (G, T, "canned fish"), (G, T, "plastic pipes")}


def test_shares_of_no_goods_are_no_breakdown(extract) -> None:
    text = (GT + "Togo is Ghana's third-largest export destination. Some 40 percent of the investment went to "
            "energy; 12 percent to roads.")
    assert trade_of(extract(text)) == set()


@pytest.mark.parametrize("text, claims", [
    ("The two sides agreed to restart the supply of Ghanaian cement, salt and canned fish to Togo.",
     {(G, T, "cement"), (G, T, "salt"), (G, T, "canned fish")}),
    # the demonym names the seller, whichever country it is
    ("The two sides discussed the supply of Nigerian cement to Togo.", {("NGA", T, "cement")}),
])
def test_a_demonym_opening_a_supply_list_names_the_seller(extract, text: str, claims: set) -> None:
    assert trade_of(extract(GT + text)) == claims


@pytest.mark.parametrize("text, claims", [
    ("Ghana's exports to Togo reached $90 million in 2022. Cement accounted for half. Salt and canned fish were "
     "other products that added most to these exports.", {(G, T, "cement"), (G, T, "salt"), (G, T, "canned fish")}),
    # no trade word after 'other products': no flow
    ("Ghana's exports to Togo reached $90 million in 2022. Yams and cassava are other products the north grows.",
     set()),
])
def test_goods_set_beside_goods_named_before(extract, text: str, claims: set) -> None:
    assert {c for c in trade_of(extract(GT + text)) if c[2] != "cement"} == {c for c in claims if c[2] != "cement"}


def test_a_unit_before_an_anaphor_names_no_goods(extract) -> None:
    text = GT + "As for cement, in May 2023 Ghana exported 2.4 thsd tonnes of this product to Togo."
    assert all("tonnes" not in c[2] and "product" not in c[2] for c in trade_of(extract(text)))
