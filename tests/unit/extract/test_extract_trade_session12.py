"""Trade claims of session 11 (the `trade12` branch): how English tells who sells to whom, where a list of goods starts
and ends, and what names no goods; on sentences of our own (Ghana-Togo, Brazil-Norway), none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
BN = "Oslo, 3 April 2024\n\nBrazil and Norway held talks on trade and investment on Tuesday.\n\n"
G, T, B, N = "GHA", "TGO", "BRA", "NOR"
THREE = {(G, T, "cement"), (G, T, "fish"), (G, T, "salt")}


@pytest.mark.parametrize("sentence", [
    # a flow to or from a place that is no country: trade with the world, not with the pair
    "Ghana exports cocoa to Europe.",
    "Ghana sells most of its cocoa abroad.",
    "Togo buys rice and fuel from the Middle East.",
    "Ghana exports gold to many countries.",
    "Togo imports cement from West Africa.",
    "Ghana is a large producer of cocoa and exports it worldwide.",
    # a flow stopped or banned
    "Ghana stopped exporting maize to Togo in 2022.",
    "Ghana banned the export of maize to Togo.",
    "Togo halted imports of maize from Ghana last year.",
    "Ghana imposed a ban on exports of maize to Togo.",
    # a weak verb of getting names goods only
    "Ghana got a warm welcome from Togo's leaders.",
    "Ghana obtained a loan and technical support from Togo.",
    "Ghana sourced funding from Togo for the road project.",
    # no goods: a passive's agent, a share of what a country makes, a lone adverb, two flow nouns with no verb
    "Ghana's exports to Togo are mainly driven by the private sector.",
    "Ghana sells Togo a large share of its output.",
    "Ghana exports to Togo were mainly in the form of processed goods.",
    "Ghana's imports and exports grew last year.",
])
def test_no_claim(extract, sentence: str) -> None:
    assert trade_of(extract(GT + sentence)) == set()


@pytest.mark.parametrize("sentence, claims", [
    # a region word before 'country' is an epithet of the partner
    ("Ghana buys phosphate from the West African country.", {(T, G, "phosphate")}),
    ("Ghana sold cement, iron rods and roofing sheets, as well as cooking oil, to Togo.",
     {(G, T, "cement"), (G, T, "iron rods"), (G, T, "roofing sheets"), (G, T, "cooking oil")}),
    # a quantity or value before an item is no part of it
    ("Ghana exported about 40,000 tonnes of cement and 12,000 tonnes of salt to Togo.", {(G, T, "cement"), (G, T, "salt")}),
    ("Ghana exported 5 million dollars worth of cement and salt to Togo.", {(G, T, "cement"), (G, T, "salt")}),
    ("Ghana sold $3 million worth of cement and 900 tons of salt to Togo.", {(G, T, "cement"), (G, T, "salt")}),
    # a demonym before the goods tells their origin, not their name
    ("Exports of Ghanaian cement to Togo doubled, while imports of Togolese phosphate fell.",
     {(G, T, "cement"), (T, G, "phosphate")}),
    # list openers and ends
    ("Togo imported cement worth 40 million dollars, fish and salt from Ghana.", THREE),
    ("Ghana exports, among other things, cement, fish and salt to Togo.", THREE),
    ("Togo sources cement, fish and salt from Ghana.", THREE),
    ("Togo gets most of its cement, fish and salt from Ghana.", THREE),
    ("Ghana's exports to Togo, which include cement, fish and salt, rose sharply.", THREE),
    ("Ghana's exports to Togo - chiefly cement, fish and salt - surged.", THREE),
    ("Ghana exported cement, fish and salt to Togo, customs figures showed.", THREE),
    ("Main exports of Ghana to Togo: cement, fish and salt.", THREE),
    ("Togo imports from Ghana: cement, fish and salt.", THREE),
    # the goods as the head of a relative clause
    ("The main products Ghana sells to Togo are cement, fish and salt.", THREE),
    ("Among the goods Togo buys from Ghana are cement, fish and salt.", THREE),
    ("What Ghana sells to Togo is mostly cement, fish and salt.", THREE),
    ("Cement, fish and salt are among the products Ghana exports to Togo.", THREE),
    # passives with a quantity, passive purchases
    ("Some 300,000 tonnes of cement were exported to Togo last year.", {(G, T, "cement")}),
    ("About $40 million of cement was imported into Togo in 2023.", {(G, T, "cement")}),
    ("About 5,000 tonnes of Togolese phosphate were imported by Ghana.", {(T, G, "phosphate")}),
    ("Phosphate was bought by Ghana from Togo.", {(T, G, "phosphate")}),
    # ranks, dependence, baskets, examples after the partner
    ("Cement remained the top Ghanaian export to Togo.", {(G, T, "cement")}),
    ("Togo is heavily dependent on Ghanaian electricity.", {(G, T, "electricity")}),
    ("Ghana's export basket to Togo is dominated by cement and fish.", {(G, T, "cement"), (G, T, "fish")}),
    ("Ghana ships fish to Togo, mostly tilapia and mackerel.", {(G, T, "fish"), (G, T, "tilapia"), (G, T, "mackerel")}),
    ("Ghana exports various products to Togo, such as cement, fish and salt.", THREE),
])
def test_claims_between_ghana_and_togo(extract, sentence: str, claims: set) -> None:
    assert trade_of(extract(GT + sentence)) == claims


@pytest.mark.parametrize("sentence, claims", [
    # a coordinated second verb shares the first one's subject; 'in turn' / 'in return' on it
    ("Brazil mainly sends coffee and soybeans to Norway and imports fertilisers and salmon.",
     {(B, N, "coffee"), (B, N, "soybeans"), (N, B, "fertilisers"), (N, B, "salmon")}),
    ("Brazil sells coffee to Norway and in turn buys fertilisers.", {(B, N, "coffee"), (N, B, "fertilisers")}),
    ("Norway imports coffee from Brazil and exports fertilisers in return.", {(B, N, "coffee"), (N, B, "fertilisers")}),
    # a clause opened by 'While', then a pronoun subject
    ("While Brazil ships coffee to Norway, it buys fertilisers and salmon from the Nordic country.",
     {(B, N, "coffee"), (N, B, "fertilisers"), (N, B, "salmon")}),
    # a seller fronted before the buyer
    ("From Brazil, Norway mostly buys coffee and soybeans.", {(B, N, "coffee"), (B, N, "soybeans")}),
])
def test_claims_between_brazil_and_norway(extract, sentence: str, claims: set) -> None:
    assert trade_of(extract(BN + sentence)) == claims


def test_a_country_named_south_of_a_region_word_is_still_a_country(extract) -> None:
    text = "Pretoria, 3 April 2024\n\nGhana and South Africa held talks on Tuesday.\n\nGhana exports cocoa to South Africa."
    assert trade_of(extract(text)) == {("GHA", "ZAF", "cocoa")}
