"""Trade claims as real news writes them (issue 11), on a text of our own: tests/fixtures/texts/tr_*."""
from __future__ import annotations

from pathlib import Path

from flows.extract import extract_documents
from flows.extract.countries import find_countries
from flows.extract.trade import TradeState, find_trade_claims
from tests.unit.extract.conftest import trade_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def test_claims_of_the_trade_review():
    from flows.ingest.documents import read_documents

    docs, _ = read_documents([TEXTS / "tr_kenya_tanzania_flows.txt"], TEXTS)
    kenya = {("KEN", "TZA", p) for p in (
        "cement", "edible oils", "iron and steel pipes",  # 'The country's exports to its neighbour consist of ...'
        "tea", "leather", "soda ash",  # '... were the top products shipped from Kenya to Tanzania'
        "fish products", "tilapia",  # 'it also gets exports of X from Kenya, such as Y'
        "avocados")}  # 'market access for Kenyan avocados to Tanzania'
    tanzania = {("TZA", "KEN", p) for p in (
        "maize", "fruit and vegetable juices", "tractors and other agricultural machinery",  # one product each
        "rice", "sugar", "timber",  # led by the importer: 'Kenya mostly bought ... from Tanzania'
        "cashew nuts", "coffee",  # the second clause of a 'while' sentence
        "milk", "poultry", "plywood",  # 'Poultry' is a product the table knows; 'among others' is none
        "sisal")}  # 'Tanzanian exports, including cashew nuts and sisal': no destination named, the pair's other side
    # no claim from 'a lot more other products', 'export-import trade', 'export basket', or Tanzania's imports
    # in general ('imports mostly fuel and machinery', from no one named)
    assert trade_of(extract_documents(docs)) == kenya | tanzania


def test_the_country_refers_back_only_to_a_flow_named_before():
    sentence = "The country's exports to its neighbour consist of cement and sugar."
    assert find_trade_claims(sentence, find_countries(sentence), TradeState(pair=("KEN", "TZA"))) == []
    state = TradeState(pair=("KEN", "TZA"))
    first = "Tanzania's exports to Kenya reached $1 billion."
    assert find_trade_claims(first, find_countries(first), state) == [] and state.last_flow == ("TZA", "KEN")
    assert {(c.exporter, c.importer, c.product) for c in find_trade_claims(sentence, find_countries(sentence), state)} \
        == {("TZA", "KEN", "cement"), ("TZA", "KEN", "sugar")}


def test_flows_with_the_product_as_modifier_or_passive_subject():
    """'The export of X to B', 'X export to B', 'X were supplied to B buyers by A' (exporter named or the pair's
    other side); 'Total exports to B' names no product."""
    from flows.ingest.documents import read_documents

    docs, _ = read_documents([TEXTS / "tr_ghana_togo_modifier_flows.txt"], TEXTS)
    assert trade_of(extract_documents(docs)) == {("GHA", "TGO", p) for p in (
        "bicycles", "roofing sheets", "nails", "salt", "solar panels",
        "plastic buckets", "window frames", "door hinges",  # growth with no country: the flow named before
        "steel and construction industry products")}  # the importer before the goods; one coordinated name


def test_passive_supply_takes_the_named_agent_and_skips_people():
    state = TradeState(pair=("GHA", "TGO"))
    sentence = "Maize was sold to Togo by Burkina Faso last year."
    assert [(c.exporter, c.importer, c.product) for c in find_trade_claims(sentence, find_countries(sentence), state)] \
        == [("BFA", "TGO", "maize")]
    for sentence in ("Troops were sent to Togo.", "Annual exports to Togo reached $2 billion.",
                     "Total exports were shipped to Togo."):
        assert find_trade_claims(sentence, find_countries(sentence), TradeState(pair=("GHA", "TGO"))) == []


def test_items_of_one_list_sharing_an_hs_heading_stay_two_but_a_later_mention_merges():
    state = TradeState(pair=("LAO", "THA"))
    listed = "Laos mainly exported paddy, milled rice and coffee to Thailand."
    assert [c.product for c in find_trade_claims(listed, find_countries(listed), state)] == ["paddy", "milled rice", "coffee"]
    later = "Laos also exported rice to Thailand."
    assert find_trade_claims(later, find_countries(later), state) == []


def test_the_importer_before_the_goods_only_with_a_past_tense_verb():
    for sentence, expected in (
            ("Ghana sold to Togo the fishing nets and salt worth $4m.", [("GHA", "TGO", "fishing nets"), ("GHA", "TGO", "salt")]),
            ("Ghana exported to Togo increased amounts of salt.", []),  # no goods right after the importer
            # a share of the seller's maize is maize sold (the parse, session 6; real-news gold counts this form)
            ("Ghana sold to Togo 40 percent of its maize.", [("GHA", "TGO", "maize")])):
        claims = find_trade_claims(sentence, find_countries(sentence), TradeState(pair=("GHA", "TGO")))
        assert [(c.exporter, c.importer, c.product) for c in claims] == expected


def test_goods_of_one_heading_named_twice_in_one_sentence_outside_a_list_are_one_claim():
    # 'electricity' and 'power' share HS 2716 but are no list: the second names the same goods again
    sentence = "Under the deal, Laos pays for the fuel with electricity, so Thailand receives Lao power in return."
    claims = find_trade_claims(sentence, find_countries(sentence), TradeState(pair=("LAO", "THA")))
    assert [(c.exporter, c.importer, c.product) for c in claims] == [("LAO", "THA", "electricity")]
