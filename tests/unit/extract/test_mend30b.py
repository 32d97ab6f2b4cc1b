"""Mends of the session-30 review of trade29 and people29 (helper mend30b): each a made-up Ghana-Togo case the merged
rule read wrongly, with the case that must keep its reading. Sentences of our own, none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

G, T = "GHA", "TGO"
TALKS = "Accra, 3 April 2024\n\nGhana and Togo held talks on Tuesday.\n\n"
TRADE = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"

# 1. a side's main goods are its exports only inside a trade paragraph an earlier sentence opened: the sentence's own
# hint word ('reached') or flow word ('sells ... to Europe') opens none; the list ends at ', whose' / ', where'
OWNED = {
    "own hint word": (TALKS, "Ghana's main products are cocoa and gold, whose prices reached record highs this year.",
                      set()),
    "own flow word abroad": (TALKS, "Ghana's main products are cocoa and gold, which it sells mostly to Europe.", set()),
    "after a flow, whose": (TRADE, "Togo's main exports to Ghana were yarn and machinery. Ghana's main products are "
                                   "cocoa and gold, whose prices reached record highs this year.",
                            {(T, G, "yarn"), (T, G, "machinery"), (G, T, "cocoa"), (G, T, "gold")}),
    "after a flow, where": (TRADE, "Togo's main exports to Ghana were yarn and machinery. Key Ghanaian goods "
                                   "included cocoa and gold, where prices rose.",
                            {(T, G, "yarn"), (T, G, "machinery"), (G, T, "cocoa"), (G, T, "gold")}),
}


@pytest.mark.parametrize("name", list(OWNED))
def test_mend30b_owned_goods(extract, name):
    head, text, expected = OWNED[name]
    assert trade_of(extract(head + text)) == expected


# 2. a taste verb is a purchase only with a buyer as subject (the country, its people, a taste_buyers noun), every
# item goods; 'enjoy' and 'favour' are no taste verbs
TASTE = {
    "fans": ("Togolese fans love Ghanaian football and music.", set()),
    "students": ("Togolese students enjoy Ghanaian universities and food.", set()),
    "tourists": ("Togolese tourists enjoy Ghanaian beaches and seafood.", set()),
    "students love": ("Togolese students love Ghanaian universities and food.", set()),
    "consumers": ("Togolese consumers love Ghanaian fish and cocoa.", {(G, T, "fish"), (G, T, "cocoa")}),
    "people": ("The Togolese especially love Ghanaian fish and cocoa.", {(G, T, "fish"), (G, T, "cocoa")}),
    "mills": ("Togolese mills prefer Ghanaian cotton.", {(G, T, "cotton")}),
}


@pytest.mark.parametrize("name", list(TASTE))
def test_mend30b_taste(extract, name):
    text, expected = TASTE[name]
    assert trade_of(extract(TRADE + text)) == expected


# 4. a capitalised plural is no person only when its singular is a thing noun (titles.toml thing_nouns), not any word
# of not_names: 'Banks', 'Lakes', 'Ports' are family names
PLURALS = {
    "Banks": ("Tony Banks said trade rose, according to Togolese media.", {"Tony Banks"}),
    "Lakes and Ports": ("Togolese banker Peter Lakes met Ghanaian banker John Ports.", {"Peter Lakes", "John Ports"}),
    "things": ("Ghana and Togo have ties. Many Togolese visit Accra, a city famous for its Markets, Coffee Houses and "
               "Beaches.", set()),
    "consulates": ("Ghana and Togo have ties. Ghana opened Honorary Consulates in Lome and Kara.", set()),
}


@pytest.mark.parametrize("name", list(PLURALS))
def test_mend30b_plural_names(extract, name):
    text, expected = PLURALS[name]
    assert {r["name"] for r in extract(text)["person_mentions"].iter_rows(named=True)} == expected


# 8. past a list's last ', and' a further 'and' joins only a lexicon pair (trade.toml fixed_pairs: 'pulp and paper')
SERIAL = {
    "two goods after the serial and": ("Ghana exports rice, salt, and cocoa and coffee to Togo.",
                                       {(G, T, "rice"), (G, T, "salt"), (G, T, "cocoa"), (G, T, "coffee")}),
    "a fixed pair after the serial and": ("Ghana's main exports to Togo include rice, salt, and pulp and paper.",
                                          {(G, T, "rice"), (G, T, "salt"), (G, T, "pulp and paper")}),
    "a joint pair with its head after the serial and": (
        "Ghana's main exports to Togo include rice, salt, and copper and aluminium plates.",
        {(G, T, "rice"), (G, T, "salt"), (G, T, "copper and aluminium plates")}),
    "the joint pair with no head": ("Ghana exports rice, copper and aluminium to Togo.",
                                    {(G, T, "rice"), (G, T, "copper"), (G, T, "aluminium")}),
}


@pytest.mark.parametrize("name", list(SERIAL))
def test_mend30b_serial_and(extract, name):
    text, expected = SERIAL[name]
    assert trade_of(extract(TRADE + text)) == expected
