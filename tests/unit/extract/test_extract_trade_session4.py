"""Trade parties named by pronoun, deixis, plural demonym or an earlier question (issue 11, session 4: causes T1-T4),
on texts of our own (tests/fixtures/texts/tr_benin_niger_*.txt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.extract.products import split_products
from tests.unit.extract.conftest import trade_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


def test_parties_by_pronoun_deixis_cost_and_plural_demonym(extract):
    claims = trade_of(extract((TEXTS / "tr_benin_niger_parties.txt").read_text(encoding="utf-8")))
    assert claims == {
        # 'spent N to import X from neighbouring Benin': a purchase told by its cost
        ("BEN", "NER", "cattle"), ("BEN", "NER", "goats"),
        # 'paid by Niger to buy goods, mostly X, among others, from that country'
        ("BEN", "NER", "cooking oil"), ("BEN", "NER", "soap"), ("BEN", "NER", "candles"),
        # 'We (Niger) sell X to Benin and Benin also sells Y ... to us': two clauses, 'us' is the speaker's side
        ("NER", "BEN", "livestock"), ("BEN", "NER", "cereals"), ("BEN", "NER", "maize"),
        ("BEN", "NER", "fruits and vegetables"),
        # 'has been depending heavily on Benin for X and other Y'
        ("BEN", "NER", "rice"), ("BEN", "NER", "other food products"),
        # 'supplied to Nigeriens': a plural demonym stands for its country
        ("BEN", "NER", "bales of second-hand clothing"),
    }


def test_question_sets_the_flow_for_its_answer(extract):
    claims = trade_of(extract((TEXTS / "tr_benin_niger_questions.txt").read_text(encoding="utf-8")))
    assert claims == {
        # 'What does A's economy sell that is wanted on the B market? ... The best sellers are X'
        ("BEN", "NER", "palm oil"), ("BEN", "NER", "yams"), ("BEN", "NER", "rapeseed"),
        # 'And what does B buy in A? It is a short list. First of all, these are X': 'a short list' is no answer
        ("BEN", "NER", "cement"), ("BEN", "NER", "fabrics"), ("BEN", "NER", "sugar"),
    }


def test_an_answer_after_a_sentence_with_countries_is_not_read(extract):
    text = ("Niamey, 3 April 2024\n\nWhat does Niger buy in Benin? Ghana sells a lot to both. "
            "These are mainly cement and sugar.")
    assert ("BEN", "NER", "cement") not in trade_of(extract(text))


@pytest.mark.parametrize("text, products", [
    ("groceries such as flour, fruits and vegetables", ["groceries", "flour", "fruits and vegetables"]),
    ("rapeseed and rapeseed oil", ["rapeseed", "rapeseed oil"]),  # 'rapeseed' is no participle
    ("maize, the rest", ["maize"]),
    ("cereals, fruit and vegetables", ["cereals", "fruit and vegetables"]),
])
def test_product_lists(text, products):
    assert split_products(text) == products


def test_verb_frames_and_list_forms(extract):
    claims = trade_of(extract((TEXTS / "tr_malawi_zambia_frames.txt").read_text(encoding="utf-8")))
    assert claims == {
        # 'the rise can be attributed to strong sales of X, which is up N percent, Y, up N percent': the goods move
        # along the flow named before ('Zambia is the fifth largest market for Malawian goods')
        ("MWI", "ZMB", "tea"), ("MWI", "ZMB", "sugar"), ("MWI", "ZMB", "macadamia nuts"),
        # 'a demand by the B market for A-ian X, and Y needed for ...'
        ("MWI", "ZMB", "groundnuts"), ("MWI", "ZMB", "timber"),
        # 'imports that include other coal, ... and bituminous coal': two items of one list, 'other coal' kept
        ("MWI", "ZMB", "other coal"), ("MWI", "ZMB", "bricks"), ("MWI", "ZMB", "soya beans"),
        ("MWI", "ZMB", "bituminous coal"),
        # 'the import duty on X originating from A'; a capitalised variety of a known good is a product
        ("MWI", "ZMB", "cavendish bananas"),
        # 'promote the export of inputs such as X to B': the country named before sends; 'inputs' is no product
        ("ZMB", "MWI", "copper wire"),
    }


@pytest.mark.parametrize("text, expected", [
    # 'X and Y are on the list of products sold by A to B'
    ("Glass jars and roof tiles are also on the list of other products that are sold by Ghana to Togo.",
     {("GHA", "TGO", "glass jars"), ("GHA", "TGO", "roof tiles")}),
    # a capitalised item the product table knows ('Khat')
    ("Togo also receives exports of farm produce from Ghana, including Khat.",
     {("GHA", "TGO", "farm produce"), ("GHA", "TGO", "khat")}),
    # a plural demonym as the buyer; 'Ghanaians' is no product
    ("Ghana and Togo trade a lot. Salt was sold to Togolese and Ghanaians by traders.", {("GHA", "TGO", "salt")}),
])
def test_more_forms(extract, text, expected):
    assert trade_of(extract("Accra, 3 May 2024\n\n" + text)) == expected
