"""Trade claims from the dependency parse (issue 11, session 6: flows/extract/trade_roles.py). Each case is one rule,
on a sentence of our own that shows a form real articles use (none is an article's wording): the flow is a trade
word by lemma, its seller or buyer the subject or owner, the other side the object of 'to'/'from', and its goods the
object, the list a list verb gives it, the subject of a share verb, the examples hung on it."""
from __future__ import annotations

import pytest

from flows.extract.countries import find_countries
from flows.extract.trade_roles import role_claims
from tests.unit.extract.conftest import trade_of

HEAD = "Accra, 2 March 2024\n\nTrade between Ghana and Togo grew again last year, officials said.\n\n"
PAIR = ("GHA", "TGO")
G, T = "GHA", "TGO"


@pytest.fixture(autouse=True)
def _spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")


def roles(sentence: str, home: str | None = None) -> set[tuple[str, str, str]]:
    return {(c.exporter, c.importer, c.product) for c in role_claims(sentence, find_countries(sentence), PAIR, home)}


def _sold(exporter: str, importer: str, *products: str) -> set[tuple[str, str, str]]:
    return {(exporter, importer, product) for product in products}


@pytest.mark.parametrize("sentence, expected", [
    # a list verb gives the goods of a flow noun; its owner sells, its 'to' object buys
    ("Ghana's sales to Togo consist largely of cocoa beans, shea butter and gold.",
     _sold(G, T, "cocoa beans", "shea butter", "gold")),
    ("Ghanaian shipments to Togo comprise cement and roofing sheets.", _sold(G, T, "cement", "roofing sheets")),
    # the sentence names only the seller: the buyer is the pair's other side, whoever the text is about
    ("Purchases from Togo include clinker, cotton yarn and electric and electronic items.",
     _sold(T, G, "clinker", "cotton yarn", "electric and electronic items")),
    # a share verb makes its subject the goods; 'followed by' names the next item of the ranking
    ("Cocoa represented two fifths of Ghana's deliveries to Togo in 2019.", _sold(G, T, "cocoa")),
    ("Cashew nuts formed a fifth of deliveries to Togo last year, followed by palm oil on 9 percent.",
     _sold(G, T, "cashew nuts", "palm oil")),
    # a share of a flow equals its goods
    ("Nearly half of all purchases from Togo were fertilisers, lorries and machinery.",
     _sold(T, G, "fertilisers", "lorries", "machinery")),
    # the origin of goods is their demonym
    ("Trade rests on sales of Ghanaian cocoa, gold and timber.", _sold(G, T, "cocoa", "gold", "timber")),
    # goods after the partner of a verb: the parse hangs them on 'to', with the country as their modifier
    ("Ghana largely sells to Togo roofing sheets, soap and maize.", _sold(G, T, "roofing sheets", "soap", "maize")),
    # examples hung on a flow between dashes; a bare list in apposition to the flow
    ("Farm sales from Ghana to Togo -- including yams, cocoa and cashews -- grew by a third.",
     _sold(G, T, "yams", "cocoa", "cashews")),
    ("Exports from Ghana to Togo, chiefly cement and salt, rose.", _sold(G, T, "cement", "salt")),
    # an apposition names goods when the flow has a country owner
    ("Gold, Ghana's chief export, made up most of its sales to Togo.", _sold(G, T, "gold")),
    # a coordinated verb with no subject of its own lists the goods of the first verb's flow
    ("Ghana's cross-border sales to Togo rose last year and consisted of sandals, rice and soap.",
     _sold(G, T, "sandals", "rice", "soap")),
    # asides are no items: a bracket, 'etc.', 'among other goods'; 'rubber and rubber articles' is one product
    ("Ghana's exports to Togo are chiefly kola nuts, pepper (dried), straw hats etc.",
     _sold(G, T, "kola nuts", "pepper", "straw hats")),
    ("Salt, dried fish and rubber and rubber articles, among other goods, were shipped to Togo.",
     _sold(G, T, "salt", "dried fish", "rubber and rubber articles")),
    # a listed material the tagger reads as an adjective; 'high' is none
    ("Ghana's top export to Togo is gold.", _sold(G, T, "gold")),
    ("Ghana's exports to Togo are high.", set()),
    # 'dominated by X, followed by Y and Z'
    ("Ghana's exports to Togo were dominated by cement, followed by salt and fish.", _sold(G, T, "cement", "salt", "fish")),
    # a noun that names a trading party, with both sides named
    ("Togo is the largest buyer of Ghanaian cocoa.", _sold(G, T, "cocoa")),
    ("Thanks to the pact, Togo has become a destination market for Ghanaian food products.",
     _sold(G, T, "food products")),
    ("Ghana is Togo's main supplier of cement.", _sold(G, T, "cement")),
    ("Ghana is a major exporter of cocoa.", set()),  # one side only: trade with the world
    # a relative clause sells for its antecedent
    # ('across the lake to Togo': the parser hangs 'to Togo' on the lake, so the parse reads no maize; the rules do)
    ("Ghana ships maize across the lake to Togo, which in turn sells Ghana sugar.", _sold(T, G, "sugar")),
    # growth is a fact in the past, an aim as an infinitive
    ("Togo's purchases of Ghanaian timber doubled.", _sold(G, T, "timber")),
    ("Ghana plans to boost exports of cement to Togo.", set()),
    ("Ghana will begin selling power to Togo next year.", set()),
    # a bare list the parser hangs on the flow's partner; an adverb after an item is no part of it
    ("Togolese sales to Ghana, mainly cement and salt, grew.", _sold(T, G, "cement", "salt")),
    ("Salt and fish together made up half of Ghana's sales to Togo.", _sold(G, T, "salt", "fish")),
    # a share as the subject of a passive trade verb
    ("Much of the cement used in northern Ghana is bought from Togo.", _sold(T, G, "cement")),
    # a product the table knows, as a modifier of a flow noun with a partner ('farm sales' name a class)
    ("Togolese rice sales to Ghana slowed.", _sold(T, G, "rice")),
])
def test_the_roles_of_a_flow(sentence: str, expected: set) -> None:
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Ghana will export cement to Togo.",
    "Ghana hopes to increase its exports of cement to Togo.",
    "The two sides began talks to export Ghanaian pineapples to Togo.",
    "Ghanaian exports dominate trade with Togo.",
    "Ghana sold goods worth $90 million to the Togolese market.",
    "The exports of the country grew, Ghana's minister said.",
    "Last month Ghana banned imports of Togolese poultry to protect its farmers.",
    # the seller is a line, not a country; Togo is only where the power goes
    "The talks covered the new power line that began supplying electricity to the Togolese town of Kara in May.",
    # 'which' stands for the total, not a product
    "Trade was worth $900 million, of which Ghanaian sales to Togo made up $600 million.",
    # 'the water supply' is no flow of 'access'
    "Ghana's president held talks with Togo's leader on port access, the railway and water supply.",
    # a buyer with no seller named is a country's imports in general (as the rules read it)
    "Ghana bought diesel for its trucks, which were made in Togo.",
])
def test_no_claim_from_an_aim_a_ban_a_non_goods_object_or_a_thing_that_sells(sentence: str) -> None:
    assert roles(sentence) == set()


def test_a_sentence_naming_no_country_tells_the_home_sides_flow() -> None:
    assert roles("Firms also shipped products, namely canned sardines, sandals and chairs.", home=G) == _sold(
        G, T, "canned sardines", "sandals", "chairs")
    assert roles("Most of the imports were cement and rice.", home=G) == _sold(T, G, "cement", "rice")
    # countries named, none in a role: not the home side's flow ('Togo' is only where the company sits)
    assert roles("The deal lets a company in Togo import refined fuel directly from producers.", home=G) == set()
    assert roles("Firms also shipped products, namely canned sardines and chairs.") == set()  # no home side known


def test_a_partner_the_parser_hangs_on_the_last_item_still_belongs_to_the_verb() -> None:
    found = roles("Ghana mainly buys car tyres, diesel engines, flat-rolled products made of clad steel, floor tiles "
                  "and similar ceramic products, spare parts for tractors and plastics from Togo.")
    assert _sold(T, G, "car tyres", "diesel engines") <= found
    assert all(exporter == T for exporter, _, _ in found)


def test_the_rules_only_backbone_gives_no_parse_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    assert roles("Ghana's sales to Togo consist largely of cocoa beans and gold.") == set()


def test_in_a_document_the_parse_fills_what_the_rules_miss_and_turns_a_reversed_flow(extract) -> None:
    # one sentence (the splitter keeps 'etc.' inside it) with two flows; the second names only the seller
    text = HEAD + ("Ghana's sales to Togo are largely cocoa beans, shea butter, gold etc. Purchases from Togo "
                   "include clinker, cotton yarn and phosphates.")
    claims = trade_of(extract(text))
    assert _sold(G, T, "cocoa beans", "shea butter", "gold") | _sold(T, G, "clinker", "cotton yarn", "phosphates") \
        <= claims
    assert not any(exporter == G and product in ("clinker", "cotton yarn", "phosphates")
                   for exporter, _, product in claims)


def test_in_a_document_share_sentences_follow_the_flow_set_before(extract) -> None:
    text = HEAD + ("Cocoa made up 56 percent of Ghana's sales of $700 million to Togo in 2022. Wood and wood "
                   "products took 19 percent of all shipments that year, followed by shea butter on 9 percent. "
                   "Nearly 70 percent of the purchases from Togo were clinker and phosphates.")
    assert trade_of(extract(text)) == (_sold(G, T, "cocoa", "wood and wood products", "shea butter")
                                       | _sold(T, G, "clinker", "phosphates"))
