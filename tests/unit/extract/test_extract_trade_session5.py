"""Trade told in long lists and under a flow set earlier (issue 11, session 5: flows/extract/trade_lists.py), on
sentences of our own that show the forms real articles use: a list cut early by an inner 'for', items carrying their
own figures, lists with no country under the flow the text is about, a coordinated clause of imports, 'the market for
local exports'."""
from __future__ import annotations

import pytest

from flows.extract.products import split_products
from flows.extract.trade_lists import figure_items, strip_figures
from tests.unit.extract.conftest import trade_of

HEAD = "Lima, 2 March 2024\n\nTrade between Peru and Chile grew again last year, Peru and Chile said.\n\n"


def test_a_list_with_an_inner_for_closes_at_its_partner(extract):
    text = HEAD + ("Peru mostly bought diesel, tyres for buses, copper wire and dried grapes from Chile. "
                   "Chile bought fishmeal, spare parts for boats and asparagus from Peru.")
    assert trade_of(extract(text)) == {
        ("CHL", "PER", "diesel"), ("CHL", "PER", "tyres for buses"), ("CHL", "PER", "copper wire"),
        ("CHL", "PER", "dried grapes"),
        ("PER", "CHL", "fishmeal"), ("PER", "CHL", "spare parts for boats"), ("PER", "CHL", "asparagus"),
    }


def test_a_partner_after_another_clause_does_not_close_the_list(extract):
    text = HEAD + "Peru bought diesel for its trucks, which were made in Chile."
    assert not any(claim[2] == "diesel" for claim in trade_of(extract(text)))


def test_country_less_lists_follow_the_flow_the_text_set(extract):
    text = HEAD + ("Peruvian exports earned US$2.1 billion, up 9%. The export items vary a lot from year to year. "
                   "The items that brought in most include copper ore and concentrates at about US$900 million, "
                   "fresh grapes, blueberries and avocados with US$400 million, and fishmeal with US$150 million. "
                   "Meanwhile, purchases from Chile rose by 4% to US$1.8 billion. Key import items were diesel "
                   "valued at US$600 million and paper and paperboard at US$210 million.")
    assert trade_of(extract(text)) == {
        # the figures delimit the items: the commas inside one are one customs category
        ("PER", "CHL", "copper ore and concentrates"), ("PER", "CHL", "fresh grapes, blueberries and avocados"),
        ("PER", "CHL", "fishmeal"),
        # 'purchases from Chile': the text's home side (Peru) buys; 'key import items' are Chile's sales to Peru
        ("CHL", "PER", "diesel"), ("CHL", "PER", "paper and paperboard"),
    }


def test_an_ownerless_export_head_and_a_bare_passive(extract):
    text = HEAD + ("Peru exported zinc and tin to Chile. Farm exports included quinoa, coffee and cocoa beans. "
                   "Cut flowers, including roses, are also exported.")
    assert trade_of(extract(text)) == {
        ("PER", "CHL", "zinc"), ("PER", "CHL", "tin"), ("PER", "CHL", "quinoa"), ("PER", "CHL", "coffee"),
        ("PER", "CHL", "cocoa beans"), ("PER", "CHL", "cut flowers"), ("PER", "CHL", "roses"),
    }


def test_an_ownerless_import_head_led_by(extract):
    text = HEAD + "Peru's imports from Chile grew. Farm imports were led by wine, apples and salmon."
    assert trade_of(extract(text)) == {("CHL", "PER", "wine"), ("CHL", "PER", "apples"), ("CHL", "PER", "salmon")}


def test_a_country_less_list_of_no_known_goods_is_no_claim(extract):
    text = HEAD + "Peru's exports to Chile rose. Its export items are very varied in kind."
    assert trade_of(extract(text)) == set()


def test_a_list_far_from_any_trade_word_is_not_read(extract):
    text = HEAD + ("Peru's exports to Chile rose. The minister spoke. The delegation met. The talks ended. "
                   "The gifts were mainly ceramics and textiles.")
    assert ("PER", "CHL", "ceramics") not in trade_of(extract(text))


PER_CHL, CHL_PER = ("PER", "CHL"), ("CHL", "PER")


@pytest.mark.parametrize("sentence, claims", [
    # a flow word with its owner, then items that carry their own figures
    ("Growth came from Peru's supplies to Chile of fresh fruit by 40%, fishmeal – 12%, zinc – 8%. Peru raised its "
     "imports from Chile of wine by 30%, by 12% of paper, and by 5% of machinery.",
     {PER_CHL: ["fresh fruit", "fishmeal", "zinc"], CHL_PER: ["wine", "paper", "machinery"]}),
    # the owner's flow word, then a list of changes ('zinc exports moved up 20%' names the item 'zinc')
    ("Chile's purchases of copper wire rose by 3 times, zinc exports moved up 20%, dried grapes 15% and fresh beef "
     "by 2-fold.", {PER_CHL: ["copper wire", "zinc", "dried grapes", "fresh beef"]}),
    # a quoted speaker: 'our' exports to B, then a coordinated clause of 'our' imports with no country
    ("\u201cWe sold $30 million worth of goods and bought $90 million worth of goods from Chile, and most of our "
     "exported goods to Chile are quinoa, asparagus and alpaca wool, and much of our imported goods are diesel, wine "
     "and paper,\u201d a Peruvian official said.",
     {PER_CHL: ["quinoa", "asparagus", "alpaca wool"], CHL_PER: ["diesel", "wine", "paper"]}),
    # B as the market for 'local' goods: the pair's other side sells them
    ("Chile remains the biggest export market for local goods, based largely on processed food, among them canned "
     "fish, flour of maize and cement.", {PER_CHL: ["processed food", "canned fish", "flour of maize", "cement"]}),
    # an -ly word after a named subject is an adverb; 'Monthly exports' with no subject stays a noun
    ("Peru typically exports fishmeal and zinc to Chile. Monthly exports to Chile vary.", {PER_CHL: ["fishmeal", "zinc"]}),
    # 'US$' names no country
    ("Peru's exports to Chile reached US$2 billion; Peru exported zinc to Chile.", {PER_CHL: ["zinc"]}),
])
def test_flow_frames_of_session5(extract, sentence, claims):
    expected = {(*flow, product) for flow, products in claims.items() for product in products}
    assert trade_of(extract(HEAD + sentence)) == expected


@pytest.mark.parametrize("text, items", [
    ("tea at about $1.6 million, pumps and valves with €1.3 million, along with rice with $2 million.",
     ["tea", "pumps and valves", "rice"]),
    ("wheat by 40%, by 12% of paper, and by 5% of machinery and equipment.", ["wheat", "paper", "machinery and equipment"]),
    ("Exports rose 5% in 2023 to US$3 billion, officials said.", None),  # no item between the figures
    ("cotton 10%", None),  # one figure makes no list
    ("stood at US$11 billion in 2022 and tea at US$2 million", None),  # a verb of the figure makes it a clause
])
def test_figure_items(text, items):
    assert figure_items(text) == items


def test_strip_figures_keeps_the_words():
    assert strip_figures("tea at US$3 million, rice with 40%") == "tea, rice"


@pytest.mark.parametrize("text, products", [
    ("camera frames and parts, shoes", ["camera frames and parts", "shoes"]),  # the parts of the item before
    ("wires and cables, plastic", ["wires and cables", "plastic"]),
    ("cars and car parts", ["cars", "car parts"]),  # a part with its own head is its own product
])
def test_dependent_items_and_fixed_pairs(text, products):
    assert split_products(text) == products
