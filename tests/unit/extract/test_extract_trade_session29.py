"""Trade claims of the `trade29` branch, each a general construction, with cases that must not fire: 'iron and
steel' at a list's end is one product (the customs pair); a buyer's taste for the other side's goods is its
purchase ('Togolese consumers love Ghanaian fish', 'Ghanaian pork is popular among the Togolese', 'the fastest
growing market in the region for Ghanaian fish'), only when both sides are named and the goods are goods; a goods
noun the small tagger reads as a verb inside a list ('fish and salt worth $3m') stays an item; a partner before the
goods ('imported from Ghana fish, salt and cement') as 'exported to Togo fish, ...' already was; an 'and' after
the list's own last ', and' is inside the last item ('rice, salt, and pulp and paper'); 'export staples' are goods as
'export items' are; a side's main goods right after a flow ('B's main exports to A were X. A's main products were
Y.') are its exports to the other side. Sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


CASES = {
    # the customs pair at a list's end is one product; 'steel and iron' and a pair before a head stay as they were
    "iron and steel ends a list": ("Ghana's main exports to Togo include cars, fuel, medicines, iron and steel.",
                                   {(G, T, "cars"), (G, T, "fuel"), (G, T, "medicines"), (G, T, "iron and steel")}),
    "iron and steel mid-list": ("Ghana exports iron and steel, cement and salt to Togo.",
                                {(G, T, "iron and steel"), (G, T, "cement"), (G, T, "salt")}),
    "steel and iron": ("Ghana's main exports to Togo include rice, steel and iron, and yarn.",
                       {(G, T, "rice"), (G, T, "steel"), (G, T, "iron"), (G, T, "yarn")}),
    "iron and steel pipes": ("Ghana exports iron and steel pipes and cement to Togo.",
                             {(G, T, "iron and steel pipes"), (G, T, "cement")}),
    # a buyer's taste: a verb with the buyer's people as subject, goods of the other side by origin
    "love": ("The Togolese especially love Ghanaian fish and cocoa.", {(G, T, "fish"), (G, T, "cocoa")}),
    "prefer": ("Togolese mills prefer Ghanaian cotton.", {(G, T, "cotton")}),
    "popular among": ("Ghanaian pork is also very popular among Togolese consumers.", {(G, T, "pork")}),
    "popular in": ("Ghanaian fish is popular in Togo.", {(G, T, "fish")}),
    "market in a region for": ("Togo is the fastest growing market in West Africa for Ghanaian fish, says the envoy.",
                               {(G, T, "fish")}),
    # must not fire: no buyer side named, no seller side named, no goods
    "no buyer side": ("Consumers love Ghanaian cocoa.", set()),
    "buyer of a third place": ("European consumers love Ghanaian cocoa.", set()),
    "no origin": ("The Togolese love fish.", set()),
    "no goods": ("Togolese children love Ghanaian dramas.", set()),
    "a country, no goods": ("Ghana is popular among Togolese tourists.", set()),
    "popular, no goods": ("Ghanaian films are popular in Togo.", set()),
    # a goods noun the tagger reads as a verb in a list, before a figure
    "misread noun": ("Togo imported fish and salt worth $3 million from Ghana.", {(G, T, "fish"), (G, T, "salt")}),
    "a real second verb": ("Togo bought fish from Ghana and paid $3 million for it.", {(G, T, "fish")}),
    # past a list's own last ', and' a further 'and' is inside the last item; before it, 'and' separates as ever
    "pair inside a comma list": ("Ghana's main exports to Togo include rice, glass and glassware, salt and cement.",
                                 {(G, T, "rice"), (G, T, "glass"), (G, T, "glassware"), (G, T, "salt"), (G, T, "cement")}),
    "pair after the serial and": ("Ghana's main exports to Togo include rice, salt, and pulp and paper.",
                                  {(G, T, "rice"), (G, T, "salt"), (G, T, "pulp and paper")}),
    # 'export staples' names goods as 'export items' does
    "export staples": ("Ghana's export staples to Togo were cement, footwear and plastics.",
                       {(G, T, "cement"), (G, T, "footwear"), (G, T, "plastics")}),
    # the partner before the goods after 'from', as after 'to'
    "from partner, then goods": ("In 2020, Togo imported from Ghana fish, salt and cement.",
                                 {(G, T, "fish"), (G, T, "salt"), (G, T, "cement")}),
    "from partner, no goods": ("In 2020, Togo imported goods from Ghana.", set()),
}


# a side's main goods right after a flow (a trade paragraph): its exports to the other side; elsewhere no claim
OWNED = {
    "after a flow": (["Togo's main exports to Ghana were yarn and machinery.",
                      "Ghana's main products were garments, up 12 percent, and crude rubber, which rose 30 percent."],
                     {(T, G, "yarn"), (T, G, "machinery"), (G, T, "garments"), (G, T, "crude rubber")}),
    "demonym owner": (["Togo's main exports to Ghana were yarn and machinery.",
                       "Key Ghanaian goods included garments and crude rubber."],
                      {(T, G, "yarn"), (T, G, "machinery"), (G, T, "garments"), (G, T, "crude rubber")}),
    "commodities of a side": (["Ghana sold cocoa to Togo in 2023.",
                               "The deals cover the top commodities of Ghana, which include coal, furniture and sugar."],
                              {(G, T, "cocoa"), (G, T, "coal"), (G, T, "furniture"), (G, T, "sugar")}),
    # must not fire: a profile with no trade before it; no goods after the verb
    "a profile": (["Ghana is a small country with a long coast.", "Ghana's main products are cocoa and gold."], set()),
    "no goods": (["Togo's main exports to Ghana were yarn and machinery.", "Ghanaian goods are losing ground there."],
                 {(T, G, "yarn"), (T, G, "machinery")}),
}


@pytest.mark.parametrize("name", list(OWNED))
def test_session29_owned_goods(extract, name):
    sentences, expected = OWNED[name]
    assert trade_of(extract(GT.replace(" on trade and investment", "") + " ".join(sentences))) == expected


@pytest.mark.parametrize("name", list(CASES))
def test_session29_trade(extract, name):
    text, expected = CASES[name]
    assert trade_of(extract(GT + text)) == expected
