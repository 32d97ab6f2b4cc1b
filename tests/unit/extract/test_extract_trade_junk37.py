"""junk37: a list item cut inside a clause names no goods. Made-up sentences (Malta and Tunisia): an item ending in
a preposition, a conjunction or an article ('X accounted for $1m' -> 'X accounted for'), one holding a progressive
passive ('goods are being handled through ...'), one opening with a possessive pronoun ('sold her holdings'); with
goods that must stay ('ready-to-wear', 'made-up textiles', 'parts thereof', 'iron and steel')."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of

HEAD = "Valletta, 3 April 2024\n\nMalta and Tunisia held talks on trade on Tuesday.\n\n"
FLOW = "Valletta, 3 April 2024\n\nMalta exports to Tunisia rose last year, officials said on Tuesday.\n\n"


def _products(found: set) -> set[str]:
    return {p for _, _, p in found}


@pytest.mark.parametrize("text", [
    HEAD + "Of the top five goods Malta exported to Tunisia, Brine accounted for $1m, Quorl accounted for $9m.",
    FLOW + "Goods are being moved through 300-400 ferries every week, while 900 lorries carry the rest.",
    FLOW + "Maltese exports to Tunisia are being moved through 300-400 ferries every week.",
])
def test_cut_items_dropped(extract: Callable, text: str) -> None:
    bad = {"brine accounted for", "quorl accounted for", "being moved through", "being moved"}
    found = {p.lower() for p in _products(trade_of(extract(text)))}
    assert not found & bad
    assert not any(p.split()[-1] in {"for", "through", "while", "the"} for p in found if p.split())


@pytest.mark.parametrize("sentence, kept", [
    ("Maltese exports to Tunisia include ready-to-wear, made-up textiles and parts thereof.",
     {"ready-to-wear", "made-up textiles and parts thereof"}),
    ("Maltese exports to Tunisia consist of iron and steel, olive oil and wine.", {"iron and steel", "olive oil"}),
    ("Maltese exports to Tunisia include parts and accessories for motor vehicles.", {"parts and accessories"}),
])
def test_goods_kept(extract: Callable, sentence: str, kept: set[str]) -> None:
    found = {p.lower() for p in _products(trade_of(extract(HEAD + sentence)))}
    assert kept <= found


@pytest.mark.parametrize("text, dropped", [
    ("cotton, tyres and goods handled through", "goods handled through"),
    ("cotton, 40 lorries every week, while", "40 lorries every week, while"),
    ("cotton and her holdings", "her holdings"),
    ("cotton, sugar being weighed", "sugar being weighed"),
])
def test_split_products_drops_cut(text: str, dropped: str) -> None:
    out = split_products(text)
    assert "cotton" in out and dropped not in out


@pytest.mark.parametrize("text", ["ready-to-wear", "made-up textiles", "parts thereof", "iron and steel",
                                  "articles of iron or steel", "parts and accessories for motor vehicles"])
def test_split_products_keeps_goods(text: str) -> None:
    assert split_products(text) != []


def test_owned_holdings_no_goods(extract: Callable) -> None:
    text = HEAD + "Malta exported to Tunisia what it once had, and in 1801 Malta sold her holdings to Tunisia."
    assert not {p for p in _products(trade_of(extract(text))) if "holdings" in p}


def test_goods_after_a_share_word_kept(extract: Callable) -> None:
    assert ("MLT", "TUN", "shares of wheat") in trade_of(extract(HEAD + "Malta exports shares of wheat to Tunisia."))


# read-through (review38b finding 1): a figure's plural word before 'of' is a quantity, not a veto of the item, and
# stakes are goods (wood, HS 4404); only property owned ('her holdings', 'oil shares') is none
@pytest.mark.parametrize(("text", "goods"), [
    (HEAD + "Malta exported millions of face masks to Tunisia.", "face masks"),
    (HEAD + "Malta exported wooden stakes to Tunisia.", "wooden stakes"),
])
def test_a_quantity_word_or_stakes_keep_the_goods(extract: Callable, text: str, goods: str) -> None:
    assert goods in {p.lower() for p in _products(trade_of(extract(text)))}


def test_a_plural_figure_word_alone_is_still_no_goods() -> None:
    assert split_products("11.9 billions SEK") == []
