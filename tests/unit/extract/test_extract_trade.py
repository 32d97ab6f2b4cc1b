import pytest

from flows.extract.trade import hs_code_for, split_products
from tests.unit.extract.conftest import trade_of


@pytest.mark.parametrize("text, expected", [
    ("Peru exports copper, zinc and fresh fruit to Chile.",
     {("PER", "CHL", "copper"), ("PER", "CHL", "zinc"), ("PER", "CHL", "fresh fruit")}),
    ("Kenya supplies Ethiopia with tea and cut flowers.", {("KEN", "ETH", "tea"), ("KEN", "ETH", "cut flowers")}),
    ("Chile sells Peru wine, and buys Peruvian asparagus and fish meal.",
     {("CHL", "PER", "wine"), ("PER", "CHL", "asparagus"), ("PER", "CHL", "fish meal")}),
    ("Egyptian exports to Ethiopia include steel, fertilisers and other things.",
     {("EGY", "ETH", "steel"), ("EGY", "ETH", "fertilisers")}),
    ("Kenyan producers ship tea to the Tanzanian market.", {("KEN", "TZA", "tea")}),
    ("Kenya ships maize across the lake to Uganda, which in turn sells Kenya sugar.",
     {("KEN", "UGA", "maize"), ("UGA", "KEN", "sugar")}),
    ("Tanzania still relies mostly on Kenyan cement delivered through Uganda.", {("KEN", "TZA", "cement")}),
    ("Most of Hungary's gas supplies arrive through Serbia.", set()),
    ("Ethiopia will sell hydropower to Kenya.", set()),
])
def test_trade_claims(extract, text, expected):
    assert trade_of(extract(text)) == expected


def test_pair_fills_a_missing_importer(extract):
    text = "Peru and Chile share a border. Peru sends fish meal and zinc across the border."
    assert trade_of(extract(text)) == {("PER", "CHL", "fish meal"), ("PER", "CHL", "zinc")}


def test_and_joins_a_product_with_its_own_materials_but_splits_others():
    assert split_products("wood and wood materials, cars and car parts, and other things akin to them") == [
        "wood and wood materials", "cars", "car parts"]


@pytest.mark.parametrize("product, code", [
    ("petroleum products", "2710"), ("medicines", "30"), ("wood", "44"), ("tractors", "8701"),
    ("olive oil", "1509"), ("copper cathodes", "7403"), ("bananas", "0803"),
])
def test_hs_codes(product, code):
    assert hs_code_for(product) == code


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's exports of wheat and flour to Uzbekistan rose by 12% last year.",
     {("KAZ", "UZB", "wheat"), ("KAZ", "UZB", "flour")}),
    ("Uzbekistan's imports of natural gas from Turkmenistan doubled.", {("TKM", "UZB", "natural gas")}),
    ("Kenya exports goods such as tea and coffee to Egypt.", {("KEN", "EGY", "tea"), ("KEN", "EGY", "coffee")}),
])
def test_more_trade_frames(extract, text, expected):
    assert trade_of(extract(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Main export items from Uzbekistan to Kazakhstan are fruit, textiles and cars.",
     {("UZB", "KAZ", "fruit"), ("UZB", "KAZ", "textiles"), ("UZB", "KAZ", "cars")}),
    ("China imported 10 million tonnes of Kazakh oil last year.", {("KAZ", "CHN", "oil")}),
])
def test_flow_from_to_and_quantities(extract, text, expected):
    assert trade_of(extract(text)) == expected
