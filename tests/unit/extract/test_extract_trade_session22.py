"""Trade claims of the `trade22` branch: a list whose items each carry their own change ('tea, which rose 12 percent,
rice, up 9 percent, and salt'); two classes joined by 'and' before a flow noun ('farm and agri-food exports to B,
including X'); barter ('the exchange of A-ian salt for B-ian timber', 'X was traded for Y'); goods carried toward a
country named before them ('voyages to B on ships carrying X'); 'listing A's exports to B as X'; activity nouns
('boat building', 'fishing', 'voyages') and kinds of help before a shared head ('political, moral and financial
support') name no goods. Sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

import pytest

from flows.extract.trade_item_changes import blank_item_changes
from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


def test_blanking_keeps_the_length() -> None:
    text = "Exports were tea, which rose 12 percent, and rice, up 9 per cent."
    out = blank_item_changes(text)
    assert len(out) == len(text) and "rose" not in out and "up 9" not in out


def test_one_change_is_no_list_shape() -> None:
    text = "Exports were tea, which rose 12 percent."
    assert blank_item_changes(text) == text


CASES = {
    # each item carries its own change, as a relative clause or an appositive: the items are one list
    "item changes": ("Ghana's main exports to Togo were cement, which rose 12 percent, roofing sheets, up 40 percent, "
                     "and soap, which fell by about 3 percent.",
                     {(G, T, "cement"), (G, T, "roofing sheets"), (G, T, "soap")}),
    # two classes joined by 'and' between the owner and the flow noun sort the flow; the goods are the examples
    "class and class": ("Ghanaian farm and agri-food exports to Togo, including fresh yams, beans and cassava "
                        "flour, totalled more than $18 million in 2011.",
                        {(G, T, "fresh yams"), (G, T, "beans"), (G, T, "cassava flour")}),
    # a lone 'and' is no gap: the country before it owns no flow after it
    "and, no gap": ("In 2004 Ghana exported goods worth $5 million to Togo and imported $9 million (up 30% from "
                    "2003), of which 90% was crude oil.", {(T, G, "crude oil")}),
    # a barter told as one act: each side's demonym owns the goods after it
    "exchange of": ("Trade between Ghana and Togo began in the 1900s with the exchange of Ghanaian salt for Togolese "
                    "timber and kola nuts.", {(G, T, "salt"), (T, G, "timber"), (T, G, "kola nuts")}),
    "exchange of views": ("The two ministers held an exchange of views for two hours on trade with Togo.", set()),
    # goods given for goods that come back along the flow read before the phrase
    "traded for": ("Ghana shipped salt and dried fish to Togo, which were traded for timber and cloth.",
                   {(G, T, "salt"), (G, T, "dried fish"), (T, G, "timber"), (T, G, "cloth")}),
    "in return for": ("Ghana sells cement to Togo in return for cocoa.", {(G, T, "cement"), (T, G, "cocoa")}),
    # goods carried toward a country named before the participle; what they were traded for comes back
    "carrying": ("Ghana has long been a natural trading partner of Togo. Before gold was found, the coast lived on "
                 "voyages to Togo on sailing ships carrying salt, figs and sponges that were traded for timber, wheat "
                 "and cloth.", {(G, T, "salt"), (G, T, "figs"), (G, T, "sponges"), (T, G, "timber"), (T, G, "wheat"),
                                (T, G, "cloth")}),
    "carrying people": ("The president flew to Togo for trade talks on a plane carrying the trade minister and two "
                        "advisers.", set()),
    # a speaker lists the flow's goods after naming it: the list after 'as'
    "listing as": ("The envoy put trade at $3 billion, listing Ghana's main exports to Togo as insulated cables, "
                   "soap and cement.", {(G, T, "insulated cables"), (G, T, "soap"), (G, T, "cement")}),
    # what a coast lived on: activities, no goods
    "activities": ("Ghana has long been a natural trading partner of Togo. Before gold was found, Ghana's coast lived on "
                   "seafaring activities which included ship building, sponge diving, fishing and voyages to Togo.",
                   set()),
    # kinds of help before a shared head that is no goods
    "help kinds": ("Ghana provided political, moral and financial support to Togo in the struggle.", set()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_trade22_shapes(extract, case: str) -> None:
    text, claims = CASES[case]
    assert trade_of(extract(GT + text)) == claims
