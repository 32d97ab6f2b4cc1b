"""Trade claims from the dependency parse (issue 11, session 6: flows/extract/trade_roles.py). Each test is one rule,
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


@pytest.fixture(autouse=True)
def _spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")


def roles(sentence: str, home: str | None = None) -> set[tuple[str, str, str]]:
    return {(c.exporter, c.importer, c.product) for c in role_claims(sentence, find_countries(sentence), PAIR, home)}


def test_a_list_verb_gives_the_goods_of_a_flow_noun() -> None:
    assert roles("Ghana's exports to Togo consist mainly of cocoa beans, shea butter and gold.") == {
        ("GHA", "TGO", "cocoa beans"), ("GHA", "TGO", "shea butter"), ("GHA", "TGO", "gold")}
    assert roles("Ghanaian shipments to Togo comprise cement and roofing sheets.") == {
        ("GHA", "TGO", "cement"), ("GHA", "TGO", "roofing sheets")}


def test_imports_from_b_are_bought_by_the_other_side() -> None:
    # the sentence names only the seller: the buyer is the pair's other side, whoever the text is about
    assert roles("Imports from Togo include clinker, cotton yarn and electric and electronic items.") == {
        ("TGO", "GHA", "clinker"), ("TGO", "GHA", "cotton yarn"), ("TGO", "GHA", "electric and electronic items")}


def test_a_share_verb_makes_its_subject_the_goods() -> None:
    assert roles("Cocoa accounted for 40 percent of the total exports of $300 million to Togo in 2019.") == {
        ("GHA", "TGO", "cocoa")}
    # 'followed by' names the next item of the ranking
    assert roles("Cashew nuts made up a fifth of the sales to Togo, followed by palm oil at 9 percent.") == {
        ("GHA", "TGO", "cashew nuts"), ("GHA", "TGO", "palm oil")}


def test_a_share_of_imports_equals_its_goods() -> None:
    assert roles("As much as 60 percent of the imports from Togo were fertilisers, vehicles and machinery.") == {
        ("TGO", "GHA", "fertilisers"), ("TGO", "GHA", "vehicles"), ("TGO", "GHA", "machinery")}


def test_the_origin_of_goods_is_their_demonym() -> None:
    assert roles("The partnership is driven by exports of Ghanaian cocoa, gold and timber.") == {
        ("GHA", "TGO", "cocoa"), ("GHA", "TGO", "gold"), ("GHA", "TGO", "timber")}


def test_goods_after_the_partner_of_a_verb() -> None:
    # the parse hangs the goods on 'to', with the country as their modifier
    assert roles("Ghana mainly exports to Togo cement, soap and maize.") == {
        ("GHA", "TGO", "cement"), ("GHA", "TGO", "soap"), ("GHA", "TGO", "maize")}


def test_examples_hung_on_a_flow_between_dashes() -> None:
    assert roles("Ghana's non-oil exports to Togo -- including cocoa, yams and cement -- amounted to $2 billion.") == {
        ("GHA", "TGO", "cocoa"), ("GHA", "TGO", "yams"), ("GHA", "TGO", "cement")}


def test_goods_named_by_an_apposition_of_a_flow() -> None:
    assert roles("While gold, Ghana's main export, represents 70 percent of the country's exports to Togo, "
                 "trade is growing.") == {("GHA", "TGO", "gold")}


def test_a_coordinated_verb_with_no_subject_lists_the_goods_of_the_first() -> None:
    assert roles("Ghana's informal exports to Togo also fell by 20 percent to $11.0 million in 2019, and comprised "
                 "of shoes, clothes, maize flour and sorghum.") == {
        ("GHA", "TGO", "shoes"), ("GHA", "TGO", "clothes"), ("GHA", "TGO", "maize flour"), ("GHA", "TGO", "sorghum")}


def test_asides_in_a_list_are_not_items() -> None:
    # a bracket, 'etc.', an 'among other products' aside; 'plastic and plastic articles' is one product
    assert roles("Ghana's exports to Togo constitute mainly yellow maize, cardamom (large), woven baskets etc.") == {
        ("GHA", "TGO", "yellow maize"), ("GHA", "TGO", "cardamom"), ("GHA", "TGO", "woven baskets")}
    assert roles("Fish, salt and plastic and plastic articles, among other products, were exported to Togo.") == {
        ("GHA", "TGO", "fish"), ("GHA", "TGO", "salt"), ("GHA", "TGO", "plastic and plastic articles")}


def test_a_sentence_naming_no_country_tells_the_home_sides_flow() -> None:
    assert roles("Exporters also shipped items namely tinned fish, footwear and furniture as well.", home="GHA") == {
        ("GHA", "TGO", "tinned fish"), ("GHA", "TGO", "footwear"), ("GHA", "TGO", "furniture")}
    assert roles("Most of the imports were cement and rice.", home="GHA") == {("TGO", "GHA", "cement"),
                                                                               ("TGO", "GHA", "rice")}
    # with no home side known, nothing
    assert roles("Exporters also shipped items namely tinned fish and furniture.") == set()


def test_no_claim_from_an_aim_a_plan_or_a_non_goods_object() -> None:
    assert roles("Ghana will export cement to Togo.") == set()
    assert roles("Ghana hopes to increase its exports of cement to Togo.") == set()
    assert roles("The two sides began talks to export Ghanaian pineapples to Togo.") == set()
    assert roles("Ghanaian exports dominate trade with Togo.") == set()
    assert roles("Ghana exported $476 million worth of products to the Togolese market.") == set()
    assert roles("A committee should provide more facilities for the exports of the country, Ghana said.") == set()
    # countries named, none in a role: not the home side's flow ('Togo' is only where the company sits)
    assert roles("The deal lets a company in Togo import refined fuel directly from producers.", home="GHA") == set()


def test_the_rules_only_backbone_gives_no_parse_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BACKBONE", "rules")
    assert roles("Ghana's exports to Togo consist mainly of cocoa beans and gold.") == set()


def test_in_a_document_the_parse_fills_what_the_rules_miss_and_turns_a_reversed_flow(extract) -> None:
    # one sentence (the splitter keeps 'etc.' inside it) with two flows; the second names only the seller
    text = HEAD + ("Ghana's exports to Togo constitute mainly cocoa beans, shea butter, gold etc. Imports from Togo "
                   "include clinker, cotton yarn and phosphates.")
    claims = trade_of(extract(text))
    assert {("GHA", "TGO", "cocoa beans"), ("GHA", "TGO", "shea butter"), ("GHA", "TGO", "gold"),
            ("TGO", "GHA", "clinker"), ("TGO", "GHA", "cotton yarn"), ("TGO", "GHA", "phosphates")} <= claims
    assert not any(exporter == "GHA" and product in ("clinker", "cotton yarn", "phosphates")
                   for exporter, _, product in claims)


def test_in_a_document_share_sentences_follow_the_flow_set_before(extract) -> None:
    text = HEAD + ("Cocoa accounted for 56 percent of the total exports of $695 million to Togo in 2022. "
                   "Gold and gold products accounted for 19 percent of total shipments that year, followed by timber "
                   "at 9 percent. As much as 68 percent of the imports from Togo were clinker and phosphates.")
    assert trade_of(extract(text)) == {
        ("GHA", "TGO", "cocoa"), ("GHA", "TGO", "gold and gold products"), ("GHA", "TGO", "timber"),
        ("TGO", "GHA", "clinker"), ("TGO", "GHA", "phosphates")}


def test_a_partner_the_parser_hangs_on_the_last_item_still_belongs_to_the_verb() -> None:
    # a long list: the parser attaches 'from Togo' to the last item, not to 'buys'
    found = roles("Ghana mainly buys car tyres, diesel engines, flat-rolled products made of clad steel, floor tiles "
                  "and similar ceramic products, spare parts for tractors and plastics from Togo.")
    assert {("TGO", "GHA", "car tyres"), ("TGO", "GHA", "diesel engines")} <= found
    assert all(exporter == "TGO" for exporter, _, _ in found)
    # a buyer with no seller named is a country's imports in general: no claim (as the rules read it)
    assert roles("Ghana bought diesel for its trucks, which were made in Togo.") == set()


def test_no_claim_from_a_ban_a_thing_that_sells_or_a_pronoun() -> None:
    assert roles("Last month Ghana banned imports of Togolese poultry to protect its farmers.") == set()
    # the seller is a line, not a country; Togo is only where the power goes
    assert roles("The talks covered the new power line that began supplying electricity to the Togolese town of "
                 "Kara in May.") == set()
    # 'which' stands for the total, not a product
    assert roles("Trade was worth $900 million, of which Ghanaian sales to Togo made up $600 million.") == set()
    # an apposition names goods only when the flow has a country owner: 'the water supply' is no flow of 'access'
    assert roles("Ghana's president held talks with Togo's leader on port access, the railway and water supply.") \
        == set()


def test_a_relative_clause_sells_for_its_antecedent() -> None:
    assert roles("Ghana ships maize across the lake to Togo, which in turn sells Ghana sugar.") >= {
        ("TGO", "GHA", "sugar")}


def test_a_noun_that_names_a_trading_party() -> None:
    assert roles("Togo is the largest buyer of Ghanaian cocoa.") == {("GHA", "TGO", "cocoa")}
    assert roles("Thanks to the pact, Togo has become a destination market for Ghanaian food products.") == {
        ("GHA", "TGO", "food products")}
    assert roles("Ghana is Togo's main supplier of cement.") == {("GHA", "TGO", "cement")}
    # one side only: a country's trade with the world
    assert roles("Ghana is a major exporter of cocoa.") == set()


def test_growth_is_a_fact_in_the_past_and_an_aim_as_an_infinitive() -> None:
    assert roles("Togo's purchases of Ghanaian timber doubled.") == {("GHA", "TGO", "timber")}
    assert roles("Ghana plans to boost exports of cement to Togo.") == set()


def test_more_slots_of_a_flow_noun() -> None:
    # a bare material the tagger reads as an adjective, when the product table knows it
    assert roles("Ghana's top export to Togo is gold.") == {("GHA", "TGO", "gold")}
    assert roles("Ghana's exports to Togo are high.") == set()
    # a bare list in apposition to the flow
    assert roles("Exports from Ghana to Togo, chiefly cement and salt, rose.") == {
        ("GHA", "TGO", "cement"), ("GHA", "TGO", "salt")}
    # 'dominated by X, followed by Y and Z'
    assert roles("Ghana's exports to Togo were dominated by cement, followed by salt and fish.") == {
        ("GHA", "TGO", "cement"), ("GHA", "TGO", "salt"), ("GHA", "TGO", "fish")}
