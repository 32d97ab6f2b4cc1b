"""Trade claims of the `trade33` branch, each a shape with cases that must not fire: a flow noun 'imports from A to B'
as 'exports from A to B'; the partner between a trade verb and its goods ('ships to B X, Y'), with goods an 'in
addition to' adds after a relative aside; one modifier before a joint pair ('processed iron and steel products');
goods after 'in' on a flow noun ('exports in textiles'); 'meanwhile' turning the flow round; a count before an
ownerless flow noun ('the top five products exported to B'); a covering class before the colon of a figured list;
a flow told by its money ('export revenues to B'), with goods only; a side's name with a splice glued inside it; a
bare 'while' ending a list. Sentences of our own (Ghana-Togo), none an article's wording."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"

CASES = {
    # 'imports from A to B', led by 'among'
    "imports from A to B": ("Among the leading imports from Togo to Ghana are soap, yarn and cotton.",
                            {(T, G, "soap"), (T, G, "yarn"), (T, G, "cotton")}),
    "imports from A to B, a figure only": ("Imports from Togo to Ghana make up five percent of the total.", set()),
    # the partner between the verb and the goods
    "partner first, sale": ("Togo ships to Ghana mutton, bus bodies and cement.",
                            {(T, G, "mutton"), (T, G, "bus bodies"), (T, G, "cement")}),
    "partner first, purchase": ("Ghana buys from Togo mainly salt and cement.", {(T, G, "salt"), (T, G, "cement")}),
    "partner first, aside then more": ("Ghana imports from Togo farm tractors, whose value came to $2m in the spring, "
                                       "in addition to rice, cement and soap.",
                                       {(T, G, "farm tractors")}),
    "partner first, which aside then more": ("Ghana imports from Togo farm tractors, which came to $2m in the spring, "
                                             "in addition to rice, cement and soap.",
                                             {(T, G, "farm tractors"), (T, G, "rice"), (T, G, "cement"), (T, G, "soap")}),
    "partner first, aside then no goods": ("Ghana imports from Togo cement, which came to $2m, in addition to "
                                           "offering loans.", {(T, G, "cement")}),
    "partner first, a change": ("Ghana exports to Togo grew by ten percent.", set()),
    "partner first, a manner": ("Ghana sells to Togo at a loss.", set()),
    "partner first, a list verb": ("The goods Ghana exports to Togo include soap and salt.", {(G, T, "soap"), (G, T, "salt")}),
    # one modifier before a joint pair and its head
    "modifier before a joint pair": ("Togo ships to Ghana mutton and processed iron and steel products.",
                                     {(T, G, "mutton"), (T, G, "processed iron and steel products")}),
    # goods after 'in' on a flow noun
    "exports in": ("Togo had a deficit with Ghana, as Ghanaian exports in yarn, soap and leather goods were far higher.",
                   {(G, T, "yarn"), (G, T, "soap"), (G, T, "leather goods")}),
    "exports in a year": ("Togo had a deficit with Ghana, as Ghanaian exports in 2019 were far higher.", set()),
    # a count before an ownerless flow noun
    "a count before the flow noun": ("The top four products exported to Togo in the first half included soap, cement "
                                     "and salt.", {(G, T, "soap"), (G, T, "cement"), (G, T, "salt")}),
    # a covering class before the colon of a figured list
    "covering class before a colon": ("Exports to Togo are mostly farm and forest goods: cocoa beans (41.2%), cut "
                                      "logs (12.5%) and rubber (3.1%).",
                                      {(G, T, "cocoa beans"), (G, T, "cut logs"), (G, T, "rubber")}),
    # a flow told by its money: goods only
    "export earnings, goods": ("Export earnings to Togo are chiefly from farm and forest goods: cocoa (41.2%), crude "
                               "oil (12.5%) and sawn wood (3.1%).",
                               {(G, T, "cocoa"), (G, T, "crude oil"), (G, T, "sawn wood")}),
    "export earnings, no goods": ("Ghana's export earnings to Togo were well above its spending on imports.", set()),
    # a bare 'while' ends a list
    "bare while": ("Now Ghana exports mostly farm products and minerals while Togo sends cars.",
                   {(G, T, "farm products"), (G, T, "minerals")}),
}

# two sentences: 'meanwhile' turns the flow round (opening the sentence after the other way's flow, its list closing
# it: mend34b, review34b finding 3)
MEANWHILE = {
    "meanwhile": (["Lately Ghana has exported soap, yarn and cement.", "Meanwhile, Ghana mainly imports rice, salt and fish."],
                  {(G, T, "soap"), (G, T, "yarn"), (G, T, "cement"), (T, G, "rice"), (T, G, "salt"), (T, G, "fish")}),
    # (after a flow the same way nothing is turned round: the purchase may be from anyone; mend34b)
    "meanwhile, the same way": (["Lately Togo has sold cement to Ghana.", "Meanwhile, Ghana mainly imports rice, salt and fish."],
                                {(T, G, "cement")}),
}

# a side's name with a splice glued inside (a page artifact); a third country's name is never made up
SPLICED = {
    "spliced partner": ("Ghana's imports grew. Ghana sells various sorts of goods to Toimpgo, including yarn, fibre, "
                        "sandals and seafood.",
                        {(G, T, "yarn"), (G, T, "fibre"), (G, T, "sandals"), (G, T, "seafood")}),
    "no splice: a real name": ("Ghana exports cocoa to Tonga.", {(G, "TON", "cocoa")}),
    "too short a splice": ("Ghana sells various sorts of goods to Togxo, including yarn, fibre, sandals and seafood.", set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_session33_trade(extract: Callable[..., dict], name: str) -> None:
    text, expected = CASES[name]
    assert trade_of(extract(GT + text)) == expected


@pytest.mark.parametrize("name", list(MEANWHILE))
def test_session33_meanwhile(extract: Callable[..., dict], name: str) -> None:
    sentences, expected = MEANWHILE[name]
    assert trade_of(extract(GT + " ".join(sentences))) == expected


@pytest.mark.parametrize("name", list(SPLICED))
def test_session33_spliced(extract: Callable[..., dict], name: str) -> None:
    text, expected = SPLICED[name]
    assert trade_of(extract(GT + text)) == expected


def test_spliced_words() -> None:
    from flows.extract.trade_glued_names import inserted
    assert inserted("Toimpgo", "Togo") == "imp" and inserted("Gharteena", "Ghana") is not None
    assert inserted("Togxo", "Togo") is None  # one letter: a spelling
    assert inserted("Togoland", "Togo") is None  # letters after the whole name: another word
    assert inserted("Xoimpgo", "Togo") is None
