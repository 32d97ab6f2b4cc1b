"""Trade claims of session 11 (the `trade13` branch): units and particles that name no goods, shared-head pairs, goods
nouns with a participle as flow nouns, a basket's seller named by a contrast clause, goods credited with a flow's
growth, examples after an import's seller; on sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


@pytest.mark.parametrize("sentence", [
    # a unit whose figure went to the amount, before vague goods
    "Ghana exported 350,348 tons of goods worth $323.27 million to Togo, up 5 percent.",
    "Togo shipped 12,000 tonnes of commodities worth $9.5 million to Ghana.",
    # the particle of a phrasal verb of sending
    "Togo's envoy joins the memorial each year (in 2021 a recorded speech was sent out instead).",
    # a reason clause whose exports are no goods
    "Ghana's exports to Togo rose 40 percent as total exports grew.",
])
def test_no_claim(extract, sentence: str) -> None:
    assert trade_of(extract(GT + sentence)) == set()


@pytest.mark.parametrize("sentence, claims", [
    ("Ghana exported 350 tons of maize worth $3.27 million to Togo.", {(G, T, "maize")}),
    ("Ghana shipped out cement to Togo.", {(G, T, "cement")}),
    ("Ghana exports down jackets and outboard motors to Togo.", {(G, T, "down jackets"), (G, T, "outboard motors")}),
    # two modifiers sharing one head: a cut-off prefix, two -ing words
    ("Ghana exports semi- and fully-processed cocoa, salt and fish to Togo.",
     {(G, T, "semi- and fully-processed cocoa"), (G, T, "salt"), (G, T, "fish")}),
    ("Togo's main exports to Ghana include heating and cooling equipment, pumps and rubber tires.",
     {(T, G, "heating and cooling equipment"), (T, G, "pumps"), (T, G, "rubber tires")}),
    ("Ghana exports clothing and footwear to Togo.", {(G, T, "clothing"), (G, T, "footwear")}),
    # a class told with its kin is one item
    ("Ghana's main exports to Togo are cocoa, dyes and allied goods, and salt.",
     {(G, T, "cocoa"), (G, T, "dyes and allied goods"), (G, T, "salt")}),
    # a goods noun with a participle is a flow noun
    ("Leading products imported from Ghana include fuel, phones and shoes.",
     {(G, T, "fuel"), (G, T, "phones"), (G, T, "shoes")}),
    ("Goods exported to Ghana include fuel and phones.", {(T, G, "fuel"), (T, G, "phones")}),
    # a basket bought, with the partner named by the contrast clause the other way
    ("Togo imports various products, including fish, salt and rice, while it exports cement and sugar to Ghana.",
     {(G, T, "fish"), (G, T, "salt"), (G, T, "rice"), (T, G, "cement"), (T, G, "sugar")}),
    # no contrast clause: the basket is bought from no one named
    ("Togo imports fish, salt and rice, and it exports cement to Ghana.", {(T, G, "cement")}),
    # goods whose sales growth drove a flow the sentence names
    ("Ghana's exports to Togo climbed to $3 million last year, helped partly by sharp gains in cement, salt and fish "
     "sales, a report said.", {(G, T, "cement"), (G, T, "salt"), (G, T, "fish")}),
    ("Togo imported $4.5 billion in farm goods from Ghana in 2024, a record, driven by increases in maize, brewer’s "
     "spent grains with hulls (BSGH) and palm oil sales.",
     {(G, T, "maize"), (G, T, "brewer’s spent grains with hulls (BSGH)"), (G, T, "palm oil")}),
    ("Ghana’s exports to Togo have seen a growth of 40 percent to $9 million in the first half as cocoa bean exports "
     "grew during the period.", {(G, T, "cocoa bean")}),
    ("Ghana’s exports to Togo rose 40 percent as its exports of cement and salt increased.",
     {(G, T, "cement"), (G, T, "salt")}),
    # goods a speaker names as a flow's
    ("The minister cited cement, salt and fish as Ghana's main exports to Togo.",
     {(G, T, "cement"), (G, T, "salt"), (G, T, "fish")}),
    ("He named cement as Ghana's biggest export to Togo.", {(G, T, "cement")}),
    # examples after the seller of an import verb
    ("Togo buys many goods from Ghana, including cement, salt and fish.", {(G, T, "cement"), (G, T, "salt"), (G, T, "fish")}),
    ("Togo imports a range of products from Ghana, such as cement and fish.", {(G, T, "cement"), (G, T, "fish")}),
])
def test_claims(extract, sentence: str, claims: set) -> None:
    assert trade_of(extract(GT + sentence)) == claims
