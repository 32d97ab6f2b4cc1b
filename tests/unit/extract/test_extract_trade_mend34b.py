"""Review findings on the trade33 rules (review34b), mended on `mend34b`: each case is a made-up sentence that read a
wrong row before the mend, and a case the rule must still read. Sentences of our own, none an article's wording."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.unit.extract.conftest import trade_of


def _doc(place: str, a: str, b: str, text: str) -> str:
    return f"{place}, 3 April 2024\n\n{a} and {b} held talks on trade and investment on Tuesday.\n\n{text}"


# finding 1: an ordinary name or word that holds a pair side's name with letters inside is no splice of that side.
# Each reads as the same sentence with a plain name instead (which no rule reads as a country).
ORDINARY_NAMES = {
    "a first name before a surname": (("Cotonou", "Benin", "Nigeria"), "Trade minister Benjamin Adjovi said Nigeria "
                                      "sells fuel to Benin and buys cement and palm oil from Togo.", "Benjamin", "Samuel"),
    "a leader's name": (("Jerusalem", "Israel", "Benin"), "Benjamin Netanyahu said Israel sells drip kits to Benin "
                        "and buys cotton and cashews from Togo.", "Benjamin", "Samuel"),
    "an analyst's name": (("Nairobi", "China", "Kenya"), "Christina Ng, an analyst, said Kenya sells tea to China and "
                          "buys rice and sugar from Pakistan.", "Christina", "Rosalind"),
    "a surname": (("Bamako", "Mali", "Italy"), "Mr Mancinelli, who heads the chamber, said Italy sells machinery to "
                  "Mali and buys cotton and gold from Senegal.", "Mancinelli", "Rossi"),
    "a surname as a seller": (("Bamako", "Mali", "Italy"), "Martinelli exports olive oil, wine and cheese to Senegal.",
                              "Martinelli", "Rossi"),
    "a leader's name before a noun": (("Bamako", "Mali", "Uganda"), "The Magufuli government bought cotton, gold and "
                                      "mangoes from Uganda.", "Magufuli", "Okello"),
    "a trade name after 'as'": (("Santiago", "Chile", "Canada"), "Canada exports asbestos, known in the trade as "
                                "Chrysotile, to India and Mexico.", "Chrysotile", "Rockwool"),
}


@pytest.mark.parametrize("name", list(ORDINARY_NAMES))
def test_mend34b_no_splice_in_an_ordinary_name(extract: Callable[..., dict], name: str) -> None:
    (place, a, b), text, word, plain = ORDINARY_NAMES[name]
    assert trade_of(extract(_doc(place, a, b, text))) == trade_of(extract(_doc(place, a, b, text.replace(word, plain))))


SPLICES = {
    # the inserted letters open a word the page writes ('imports'): a splice, in the partner's slot
    "a page word spliced in": ("Ghana's imports grew. Ghana sells many goods to Toimpgo, including yarn and soap.",
                               {("GHA", "TGO", "yarn"), ("GHA", "TGO", "soap")}),
    # the inserted letters are no word of the page: a name of its own
    "no page word": ("Ghana sells many goods to Toimpgo, including yarn and soap.", set()),
    # a capitalised word after it: a name ('to Toimpgo Mensah')
    "a name after it": ("Ghana's imports grew. Ghana sells many goods to Toimpgo Mensah, including yarn and soap.",
                        set()),
}


@pytest.mark.parametrize("name", list(SPLICES))
def test_mend34b_splice_only_as_an_artifact(extract: Callable[..., dict], name: str) -> None:
    text, expected = SPLICES[name]
    assert trade_of(extract(_doc("Accra", "Ghana", "Togo", text))) == expected


# finding 3: 'meanwhile' joins any two facts of a time: it turns the flow round only when it opens the sentence right
# after the other way's flow and the purchase's list closes the sentence (nothing after it puts the purchase
# elsewhere: a world total, a purchase for a use, the world market). 'In turn' after the other way's flow still does.
MEANWHILE = {
    "meanwhile after the other way": (["Lately Ghana has exported soap and yarn.", "Meanwhile, Ghana mainly imports "
                                       "rice, salt and fish."],
                                      {("GHA", "TGO", "soap"), ("GHA", "TGO", "yarn"), ("TGO", "GHA", "rice"),
                                       ("TGO", "GHA", "salt"), ("TGO", "GHA", "fish")}),
    "meanwhile after the same way": (["Togo sold cement to Ghana in 2023.", "Meanwhile, Ghana bought rice and sugar."],
                                     {("TGO", "GHA", "cement")}),
    "a world total": (["Ghana's exports to Togo rose to $300 million in 2023.", "Meanwhile, Ghana imported fuel, rice "
                       "and cars worth $13 billion in total."], set()),
    "a purchase for a use": (["Ghana sold cocoa to Togo in 2023.", "Meanwhile, Ghana bought two ferries and a dredger "
                              "for Lake Volta."], {("GHA", "TGO", "cocoa")}),
    "the world market": (["Ghana sold cocoa to Togo in 2023.", "Meanwhile, Ghana bought rice, sugar and fuel on the "
                          "world market."], {("GHA", "TGO", "cocoa")}),
    "meanwhile inside": (["Ghana sold cocoa to Togo in 2023.", "Ghana, meanwhile, bought rice, sugar and fuel."],
                         {("GHA", "TGO", "cocoa")}),
    "in turn, the other way": (["Ghana sold cocoa to Togo in 2023.", "In turn, Ghana bought rice and sugar."],
                               {("GHA", "TGO", "cocoa"), ("TGO", "GHA", "rice"), ("TGO", "GHA", "sugar")}),
    "in turn, the same way": (["Togo sold cement to Ghana in 2023.", "In turn, Ghana bought rice and sugar."],
                              {("TGO", "GHA", "cement")}),
}


@pytest.mark.parametrize("name", list(MEANWHILE))
def test_mend34b_meanwhile_turns_nothing(extract: Callable[..., dict], name: str) -> None:
    sentences, expected = MEANWHILE[name]
    assert trade_of(extract(_doc("Accra", "Ghana", "Togo", " ".join(sentences)))) == expected


# finding 2: a two-word item before a joint pair joins the item after only when that one ends in a generic head
# ('processed iron and steel products'); 'dried fruit' and 'vegetable oil' are two goods.
PAIRS = {
    "two goods, a list": ("Togo exports cement, dried fruit and vegetable oil to Ghana.",
                          {("TGO", "GHA", "cement"), ("TGO", "GHA", "dried fruit"), ("TGO", "GHA", "vegetable oil")}),
    "two goods, a predicate": ("Ghana's main imports from Togo are palm oil and gas cylinders.",
                               {("TGO", "GHA", "palm oil"), ("TGO", "GHA", "gas cylinders")}),
    "two goods, metals": ("Togo exports scrap iron and steel sheets to Ghana.",
                          {("TGO", "GHA", "scrap iron"), ("TGO", "GHA", "steel sheets")}),
    "one item, a generic head": ("Togo ships to Ghana mutton and processed iron and steel products.",
                                 {("TGO", "GHA", "mutton"), ("TGO", "GHA", "processed iron and steel products")}),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_mend34b_modifier_before_a_joint_pair(extract: Callable[..., dict], name: str) -> None:
    text, expected = PAIRS[name]
    assert trade_of(extract(_doc("Accra", "Ghana", "Togo", text))) == expected


# finding 4: goods after 'in' on a flow noun only when the flow noun is its clause's subject and the words after 'in'
# are no packing, carrier or means of payment ('exports in sacks', 'shipments in trucks', 'pays for exports in gold').
GOODS_IN = {
    "payment": ("Togo pays for Ghanaian exports in gold.", set()),
    "packing": ("Togo said Ghanaian exports in sacks and cartons fell sharply.", set()),
    "carriers": ("Ghanaian shipments in trucks and vessels doubled, Togo said.", set()),
    "goods, the subject": ("Togo had a deficit with Ghana, as Ghanaian exports in yarn, soap and leather goods were "
                           "far higher.", {("GHA", "TGO", "yarn"), ("GHA", "TGO", "soap"), ("GHA", "TGO", "leather goods")}),
}


@pytest.mark.parametrize("name", list(GOODS_IN))
def test_mend34b_goods_after_in(extract: Callable[..., dict], name: str) -> None:
    text, expected = GOODS_IN[name]
    assert trade_of(extract(_doc("Accra", "Ghana", "Togo", text))) == expected


# finding 5: a time or a share between the partner and the goods is no part of the first item
PARTNER_FIRST = {
    "a time": ("Togo bought from Ghana last year cocoa and rubber.", {("GHA", "TGO", "cocoa"), ("GHA", "TGO", "rubber")}),
    "a share": ("Ghana sells to Togo roughly half of its cement.", {("GHA", "TGO", "cement")}),
    "a frequency": ("Ghana ships to Togo each month cement and salt.", {("GHA", "TGO", "cement"), ("GHA", "TGO", "salt")}),
    "goods right after": ("Ghana ships to Togo cement and salt.", {("GHA", "TGO", "cement"), ("GHA", "TGO", "salt")}),
}


@pytest.mark.parametrize("name", list(PARTNER_FIRST))
def test_mend34b_partner_first_leads(extract: Callable[..., dict], name: str) -> None:
    text, expected = PARTNER_FIRST[name]
    assert trade_of(extract(_doc("Accra", "Ghana", "Togo", text))) == expected


# finding 9: 'imports from A to B' governed by a verb of change is a move of the buyer's trade from A to B, no flow
# from A to B
ROUTE_CHANGE = {
    "shifted": "Ghana shifted its imports from Togo to Benin: cement, salt and yarn now come from Cotonou.",
    "diverted": "Ghana diverted imports from Togo to Benin, mainly cement and salt.",
}


@pytest.mark.parametrize("name", list(ROUTE_CHANGE))
def test_mend34b_a_changed_route_is_no_flow(extract: Callable[..., dict], name: str) -> None:
    rows = trade_of(extract(_doc("Accra", "Ghana", "Togo", ROUTE_CHANGE[name])))
    assert not {row for row in rows if row[:2] == ("TGO", "BEN")}


def test_mend34b_imports_from_a_to_b_still_read(extract: Callable[..., dict]) -> None:
    rows = trade_of(extract(_doc("Accra", "Ghana", "Togo", "Imports from Togo to Ghana are cement, salt and yarn.")))
    assert rows == {("TGO", "GHA", "cement"), ("TGO", "GHA", "salt"), ("TGO", "GHA", "yarn")}
