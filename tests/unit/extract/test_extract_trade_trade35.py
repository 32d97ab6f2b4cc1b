"""trade35: goods named as the tariff book names its chapters. A list item that points back at the goods before it
('X and articles thereof', 'X and their products', 'X, Y and products of their distillation') joins them as one
customs class; a phrase the HS table writes after an item ('in primary forms') ends no list. Made-up sentences."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from flows.extract.product_chapters import is_tariff_qualifier, points_back
from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of


def _doc(text: str) -> str:
    return f"Valletta, 3 April 2024\n\nMalta and Tunisia held talks on trade on Tuesday.\n\n{text}"


@pytest.mark.parametrize(("text", "items"), [
    # (an earlier item joins through the chapter: 'articles thereof' alone joined only the item before it, and
    # 'their products' nothing, before trade35; review36b)
    ("wood, wood charcoal and articles thereof", ["wood, wood charcoal and articles thereof"]),
    ("copper and its products", ["copper and its products"]),
    ("iron and steel and their products", ["iron and steel and their products"]),
    ("mineral waxes, mineral fuels and products of their distillation",
     ["mineral waxes, mineral fuels and products of their distillation"]),
    ("electrical machinery and equipment and parts thereof", ["electrical machinery and equipment and parts thereof"]),
    # an item before that no one chapter names with the rest stays apart
    ("dates, mineral waxes, mineral fuels and products of their distillation",
     ["dates", "mineral waxes, mineral fuels and products of their distillation"]),
    ("olive oil, iron and steel and their products", ["olive oil", "iron and steel and their products"]),
])
def test_back_pointing_item_joins(text: str, items: list[str]) -> None:
    assert split_products(text) == items


@pytest.mark.parametrize("item", ["their own brands", "its cars", "thereby", "products of Tunisia", "parts"])
def test_not_back_pointing(item: str) -> None:
    assert not points_back(item)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("in primary forms", True), ("in 2023", False), ("to the port", False), ("in the region", False),
    ("from Tunisia", False), ("in the first quarter", False),
])
def test_tariff_qualifier(phrase: str, expected: bool) -> None:
    assert is_tariff_qualifier(phrase) is expected


def test_sentence_back_pointing_list(extract: Callable[..., dict]) -> None:
    rows = trade_of(extract(_doc("Malta exports to Tunisia included iron and steel and their products, copper and "
                                 "its products and olive oil.")))
    assert ("MLT", "TUN", "iron and steel and their products") in rows
    assert not any(r[2] in ("their products", "its products") for r in rows)


def test_sentence_tariff_qualifier_keeps_list(extract: Callable[..., dict]) -> None:
    rows = trade_of(extract(_doc("Tunisia exports dates, polymers of styrene, vinyl chloride in primary forms, glass, "
                                 "woven carpets and olive oil.")))
    assert {"glass", "woven carpets", "olive oil"} <= {r[2] for r in rows if r[:2] == ("TUN", "MLT")}


@pytest.mark.parametrize("text", [
    # a date, a place or a third country after the item ends the list as before
    "Tunisia exports olive oil in 2023, when prices were high, and dates.",
    "Tunisia exports olive oil to the port of Sfax, and dates to Libya.",
    "Tunisia sells olive oil in the region, mostly to Libya, and dates.",
])
def test_sentence_other_phrases_still_end(extract: Callable[..., dict], text: str) -> None:
    rows = trade_of(extract(_doc(text)))
    assert not any("region" in r[2] or "port" in r[2] or "2023" in r[2] for r in rows)


def test_sentence_figured_semicolon_list(extract: Callable[..., dict]) -> None:
    """Each item of a semicolon list carries its own short figure ('$12m'): every item goes along the flow."""
    rows = trade_of(extract(_doc("The main goods Malta sold to Tunisia included rubber and articles thereof worth "
                                 "$31m; dates $12m; copper and its products $9m; and cut flowers $4m.")))
    assert rows == {("MLT", "TUN", "rubber and articles thereof"), ("MLT", "TUN", "dates"),
                    ("MLT", "TUN", "copper and its products"), ("MLT", "TUN", "cut flowers")}


@pytest.mark.parametrize("text", [
    # a figure for a third country's flow, a figure of the same goods in another year, a world total: no more items
    "Malta sold rubber worth $31m to Tunisia, while Italy bought dates worth $12m and Spain $4m.",
    "Malta sold rubber worth $31m to Tunisia in 2023, up from $12m in 2022 and $4m in 2021.",
    "Malta sold rubber worth $31m to Tunisia; world sales of rubber reached $12bn and of dates $4bn.",
])
def test_sentence_figured_tail_not_other_figures(extract: Callable[..., dict], text: str) -> None:
    assert trade_of(extract(_doc(text))) <= {("MLT", "TUN", "rubber")}


@pytest.mark.parametrize(("text", "items"), [
    # 'other' before a generic head alone names no goods; with a word of its own it is a catch-all class (kept)
    ("dates, glass and other materials", ["dates", "glass"]),
    ("dates and other articles", ["dates"]),
    ("dates, other chemical products and other building materials", ["dates", "other chemical products",
                                                                     "other building materials"]),
    # the plural noun and its own word before a generic head: one class
    ("dates, ceramics and ceramic products", ["dates", "ceramics and ceramic products"]),
    # another noun's word before the head: two goods
    ("ceramics and glass products", ["ceramics", "glass products"]),
    ("metals and mineral products", ["metals", "mineral products"]),
])
def test_generic_heads(text: str, items: list[str]) -> None:
    assert split_products(text) == items
