"""Trade claims as real news writes them (issue 11), on a text of our own (tests/fixtures/texts/p_uruguay_paraguay_trade.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of

TEXT = Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "p_uruguay_paraguay_trade.txt"


def test_every_claim_of_the_article(extract):
    assert trade_of(extract(TEXT.read_text(encoding="utf-8"))) == {
        # led by the importer
        ("URY", "PRY", "fuel"), ("URY", "PRY", "fertilizer"), ("URY", "PRY", "trucks"),
        # led by an adjective; coordinated names are one product each
        ("URY", "PRY", "iron and steel pipes"), ("URY", "PRY", "fruit and vegetable juices"),
        ("URY", "PRY", "tractors and other agricultural machinery"),
        # the second clause of a 'while' sentence, its list after 'featuring'
        ("PRY", "URY", "soybeans"), ("PRY", "URY", "electricity"), ("PRY", "URY", "beef"),
        # 'among other things' is no product
        ("URY", "PRY", "dairy products"),
        # 'Paraguay imports mostly machinery and medicines' is about its imports in general: no claim
    }


@pytest.mark.parametrize("text, products", [
    # the customs pair is one product even with no head after it (trade29: the gold of r5, r9, r17, r24 keeps it whole)
    ("iron and steel, edible oils", ["iron and steel", "edible oils"]),
    ("copper and steel, edible oils", ["copper", "steel", "edible oils"]),  # no shared head: two products
    ("rubber, copper ore and electricity", ["rubber", "copper ore", "electricity"]),
    ("polyethylene and other chemical products", ["polyethylene", "other chemical products"]),  # a catch-all item
    ("cars and similar vehicles", ["cars and similar vehicles"]),
    ("oil and gas equipment and wheat", ["oil and gas equipment", "wheat"]),
])
def test_coordinated_names(text, products):
    assert split_products(text) == products


LISTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "p_peru_chile_trade_lists.txt"


def test_lists_after_a_dash_participles_and_inverted_ranks(extract):
    assert trade_of(extract(LISTS.read_text(encoding="utf-8"))) == {
        # 'the following to Chile – a; b; c': the list past the dash and its semicolons, asides and exceptions cut
        ("PER", "CHL", "copper wire"), ("PER", "CHL", "zinc bars"), ("PER", "CHL", "fresh grapes"), ("PER", "CHL", "maize"),
        ("PER", "CHL", "pipes"), ("PER", "CHL", "hoses"), ("PER", "CHL", "fish meal"),
        # 'the main goods exported from A to B included'
        ("CHL", "PER", "wine"), ("CHL", "PER", "salmon"), ("CHL", "PER", "paper"),
        # 'X and Y were A's second and third largest exports to B'
        ("PER", "CHL", "avocados"), ("PER", "CHL", "quinoa"),
        # 'besides providing transit' is no product; 'are expected to grow' is no list
        ("CHL", "PER", "fruit"),
        # 'A imports X from B while exporting Y': the second clause is A's exports to B
        ("PER", "CHL", "anchovies"), ("PER", "CHL", "tin"),
        ("CHL", "PER", "cherries"), ("CHL", "PER", "copper cathodes"), ("CHL", "PER", "lithium"),
    }
