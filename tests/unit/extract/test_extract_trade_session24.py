"""Trade claims of the `trade24` branch: a sale offered after an adjective of intent ('ready to supply', 'willing to
help build roads, supply cement') is trade to come, as after 'will'; 'provided (that) it meets ...' is the conjunction
of a condition, not the verb of supply ('providing it with salt' stays a supply); a time phrase set before a
goods-modified flow ('Last year, salt exports to Togo rose') is no part of the goods. Sentences of our own
(Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


CASES = {
    # an adjective of intent with its infinitive: the supply is offered, not told as done (this one, the verb right
    # after 'to', an older reading already drops: a guard; the words between 'to' and the verb are intent_head's)
    "willing": ("Ghanaian firms are willing to supply Togo with tractors and pumps.", set()),
    "ready, several verbs": ("Ghanaian firms are ready to help build Togolese roads, supply cement and train workers.",
                             set()),
    # the intent belongs to another clause: the supply after 'and' is told as done
    "intent in another clause": ("Ghana is ready to talk, and Ghanaian firms supply Togo with cement.",
                                 {(G, T, "cement")}),
    # 'provided it meets ...': a condition
    "provided it": ("Ghana will stand by Togo and, provided it meets the entry criteria, Togo can join.", set()),
    "provided that": ("Ghana provided Togo with cement, provided that Togo paid in cash.", {(G, T, "cement")}),
    # the verb of supply with 'it' as its object stays a supply
    "providing it with": ("Ghana has become a big seller of salt to Togo, providing it with 10,000 tonnes of salt in "
                          "2023.", {(G, T, "salt")}),
    # a fronted time phrase before 'X exports to B': the goods are what stands between the comma and the flow noun
    "fronted year": ("Last year, pork exports to Togo came to $9 million.", {(G, T, "pork")}),
    "fronted months": ("In the first six months of 2023, pork shipments to Togo fell.", {(G, T, "pork")}),
    # a class word after the time phrase still names no goods
    "fronted total": ("In 2023, total exports to Togo came to $50 million.", set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_session24_trade(extract, name):
    text, expected = CASES[name]
    assert trade_of(extract(GT + text)) == expected
