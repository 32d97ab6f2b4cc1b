"""Trade claims of the `trade31` branch, each a general mechanism with cases that must not fire: a covering phrase
that counts sorts of goods ('different kinds of goods') is no product, its examples are; a side's goods told with the
other side's market as their place are its exports there; goods told by the sectors they come from ('goods from the
car, chemical and textile sectors') are the sectors, and the parse reads a list whose first item it tags as an
adjective as the verb's objects; a list's closing partner the parser hangs on a later item still belongs to the flow;
'in addition to', 'as well as' after the partner go on with the goods; 'Holland' names the Netherlands. Sentences of our own, none an article's
wording."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"

CASES = {
    # a covering phrase counting sorts of goods is no product; its examples are
    "sorts of goods, then examples": ("Ghana sells many sorts of goods to Togo, including cotton, rubber and rice.",
                                      {(G, T, "cotton"), (G, T, "rubber"), (G, T, "rice")}),
    "sorts of goods alone": ("Ghana sells several sorts of products to Togo.", set()),
    # a side's goods with the other side's market as their place
    "goods in the market": ("Ghanaian products with a strong edge in the Togolese market include cocoa, salt and cement.",
                            {(G, T, "cocoa"), (G, T, "salt"), (G, T, "cement")}),
    "goods on the market, named": ("Ghanaian goods in the Togo market are mainly cocoa and cement.",
                                   {(G, T, "cocoa"), (G, T, "cement")}),
    "a third market": ("Ghanaian products with a strong edge in the European market include cocoa, salt and cement.", set()),
    "no goods": ("Ghanaian goods in the Togo market are mainly schools and clinics.", set()),
    # a list's closing partner hung on a later item
    "partner on a later item": ("The rise is due to the export of flowers, cocoa beans and tobacco from Ghana to Togo.",
                                {(G, T, "flowers"), (G, T, "cocoa beans"), (G, T, "tobacco")}),
    # more goods after the partner
    "in addition to": ("Togo buys cement from Ghana, in addition to cars and foodstuffs.",
                       {(G, T, "cement"), (G, T, "cars"), (G, T, "foodstuffs")}),
    "as well as, another partner": ("Ghana sells cement to Togo, as well as rice to Benin.", {(G, T, "cement")}),
}

# goods by the sectors they come from, told by the side the text speaks from ('we')
SECTORS = {
    "sectors": (["Ghana sells mostly cocoa and gold to Togo.",
                 "We buy a wide range of goods from the automotive, chemical and textile sectors."],
                {(G, T, "cocoa"), (G, T, "gold"), (T, G, "automotive"), (T, G, "chemical"), (T, G, "textile")}),
    "one sector is no list": (["Ghana sells mostly cocoa and gold to Togo.",
                               "We buy goods from the automotive sector in Togo."],
                              {(G, T, "cocoa"), (G, T, "gold")}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_session31_trade(extract: Callable[..., dict], name: str) -> None:
    text, expected = CASES[name]
    assert trade_of(extract(GT + text)) == expected


@pytest.mark.parametrize("name", list(SECTORS))
def test_session31_sectors(extract: Callable[..., dict], name: str) -> None:
    sentences, expected = SECTORS[name]
    assert trade_of(extract(GT + " ".join(sentences))) == expected


def test_session31_holland(extract: Callable[..., dict]) -> None:
    # (the text names the Netherlands only as 'Holland': without the alias it has no pair)
    text = ("Kampala, 3 April 2024\n\nUganda and Holland held talks on trade on Tuesday.\n\n"
            "Exports of flowers from Uganda to Holland rose last year.")
    assert trade_of(extract(text)) == {("UGA", "NLD", "flowers")}


# review31 (mend31): 'besides', 'together with' and the like go on with goods only: an -ing clause, a possessive or
# words naming no goods after them are no products
MORE_NOT_GOODS = {
    "besides being": "Togo buys wheat from Ghana, besides being a major investor there.",
    "together with partners": "Ghana exports wine to Togo, together with its partners in the regional bloc.",
    "as well as its investments": "Togo's exports of fish to Ghana, as well as its investments there, grew last year.",
    "along with tourism": "Togo's imports from Ghana, along with rising tourism, boosted ties last year.",
    "in addition to offering": "Ghana sells copper to Togo, in addition to offering loans and training.",
}


@pytest.mark.parametrize("name", list(MORE_NOT_GOODS))
def test_session31_more_leads_need_goods(extract: Callable[..., dict], name: str) -> None:
    found = trade_of(extract(GT + MORE_NOT_GOODS[name]))
    assert not any(product.split()[0] in {"being", "partners", "investments", "boosted", "training", "loans",
                                           "rising", "its", "offering"} for _, _, product in found), found
