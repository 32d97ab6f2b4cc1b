"""Money, percentages and counts in a sentence: values in base units, units, qualifiers, and what is not a figure."""
from __future__ import annotations

import pytest

from flows.extract.amounts import Amount, find_amounts, word_number


def single(sentence: str) -> Amount:
    amounts = find_amounts(sentence)
    assert len(amounts) == 1, amounts
    amount = amounts[0]
    assert sentence[amount.start:amount.end] == amount.text
    return amount


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The deal is worth $331.5 million in total.", "$331.5 million", 331_500_000, "USD"),
        ("Investment reached US$ 1.2bn last year.", "US$ 1.2bn", 1_200_000_000, "USD"),
        ("Trade reached 1.2 billion US dollars.", "1.2 billion US dollars", 1_200_000_000, "USD"),
        ("Trade reached 187.4 million euros.", "187.4 million euros", 187_400_000, "EUR"),
        ("The fund holds EUR 45m for roads.", "EUR 45m", 45_000_000, "EUR"),
        ("Japan gave 5 billion yen in grants.", "5 billion yen", 5_000_000_000, "JPY"),
        ("The budget is 1.2 trillion tenge.", "1.2 trillion tenge", 1_200_000_000_000, "KZT"),
        ("Exports were 742.5 million US dollars.", "742.5 million US dollars", 742_500_000, "USD"),
        ("Sales rose to €2.75bn.", "€2.75bn", 2_750_000_000, "EUR"),
        ("The loan is £30 million.", "£30 million", 30_000_000, "GBP"),
        ("The grant was RUB 15 million.", "RUB 15 million", 15_000_000, "RUB"),
        ("The grant was 15 million USD.", "15 million USD", 15_000_000, "USD"),
        ("Tickets cost 1,250 dollars.", "1,250 dollars", 1_250, "USD"),
        ("They paid 3.2 billion Belarusian rubles.", "3.2 billion Belarusian rubles", 3_200_000_000, "BYN"),
        ("They paid 40 million Moldovan lei.", "40 million Moldovan lei", 40_000_000, "MDL"),
        ("They paid ten million dollars.", "ten million dollars", 10_000_000, "USD"),
        ("Trade rose 14% in a year.", "14%", 14, "percent"),
        ("Trade rose 31 percent in a year.", "31 percent", 31, "percent"),
        ("Trade rose 5.5 per cent in a year.", "5.5 per cent", 5.5, "percent"),
        ("The rate rose 1.5 percentage points.", "1.5 percentage points", 1.5, "percentage points"),
        ("Trade grew by five percent.", "five percent", 5, "percent"),
        ("They registered 900 companies.", "900 companies", 900, "companies"),
        ("They trade 300 types of goods.", "300 types of goods", 300, "types of goods"),
        ("There are 3,000 Iranian students here.", "3,000 Iranian students", 3_000, "students"),
        ("They signed 50 cooperation agreements.", "50 cooperation agreements", 50, "agreements"),
        ("They signed eleven documents.", "eleven documents", 11, "documents"),
        ("They signed twenty-one documents.", "twenty-one documents", 21, "documents"),
        ("The city has 120,000 Armenians.", "120,000 Armenians", 120_000, "people"),
        ("The fair drew 4,000 people.", "4,000 people", 4_000, "people"),
        ("The port handled 4.1 million tonnes of cargo.", "4.1 million tonnes", 4_100_000, "tonnes"),
        ("The tanks hold 100 million cubic metres of gas.", "100 million cubic metres", 100_000_000, "cubic metres"),
        ("The school admitted 2000 students.", "2000 students", 2_000, "students"),
    ],
)
def test_values_and_units(sentence: str, text: str, value: float, unit: str) -> None:
    amount = single(sentence)
    assert (amount.text, amount.value, amount.unit, amount.qualifier) == (text, value, unit, None)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("They signed about 50 agreements.", "about"),
        ("They signed around 50 agreements.", "about"),
        ("Some 120,000 Armenians live there.", "about"),
        ("The project cost approximately $200 million.", "about"),
        ("They signed nearly 50 agreements.", "about"),
        ("There are over 900 companies.", "more_than"),
        ("There are more than 3,000 students.", "more_than"),
        ("Trade exceeds 200 million dollars.", "more_than"),
        ("There are under 900 companies.", "less_than"),
        ("There are less than 10 firms.", "less_than"),
        ("The fund gives up to €5 million.", "up_to"),
    ],
)
def test_qualifiers(sentence: str, qualifier: str) -> None:
    assert single(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "They celebrated 30 years of friendship.",  # a duration
        "Ties go back three decades.",
        "He began a four-day visit.",
        "It was the 21st meeting of the commission.",  # ordinal
        "Relations were set up on 11 June 1993.",  # date
        "Trade fell in 2022.",
        "Aid ran over 1977–1980.",
        "The G20 met in Bali.",  # a name
        "The Su-30 flew over.",
        "The bridge is 45m long.",  # a length, not euros
        "The two sides met.",  # a reference, not a figure
        "Both countries agreed.",
        "One of them spoke.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert find_amounts(sentence) == []


def test_several_in_one_sentence_in_order() -> None:
    amounts = find_amounts("Trade reached $4.3 billion last year, an increase of 14% on 2022, with over 900 companies.")
    assert [(a.value, a.unit, a.qualifier) for a in amounts] == [
        (4_300_000_000, "USD", None), (14, "percent", None), (900, "companies", "more_than")]


def test_given_date_spans_are_respected() -> None:
    sentence = "Over 2000 students came on 11 June 1993."
    assert [a.value for a in find_amounts(sentence)] == [2000]
    assert [a.value for a in find_amounts(sentence, date_spans=[(5, 9)])] == [2000]  # a bare year does not block
    assert find_amounts(sentence, date_spans=[(0, 18)]) == []
    assert find_amounts("Trade rose in 2022, by 14%.", date_spans=[(11, 18)])[0].value == 14


@pytest.mark.parametrize(("text", "value"), [("eleven", 11), ("twenty-one", 21), ("three hundred", 300),
                                             ("two thousand and five", 2005), ("dozen", 12), ("many", None)])
def test_word_number(text: str, value: int | None) -> None:
    assert word_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "text", "value", "high", "unit"),
    [
        ("Exports rose 10–15% in a year.", "10–15%", 10, 15, "percent"),
        ("Donors pledged $1.2-1.5 billion.", "$1.2-1.5 billion", 1_200_000_000, 1_500_000_000, "USD"),
        ("Some 10-15 companies applied.", "10-15 companies", 10, 15, "companies"),
    ],
)
def test_ranges_keep_their_upper_bound(sentence: str, text: str, value: float, high: float, unit: str) -> None:
    amount = single(sentence)
    assert (amount.text, amount.value, amount.high, amount.unit) == (text, value, high, unit)


def test_a_span_of_years_is_no_range() -> None:
    assert find_amounts("In 2022-23 exports grew.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Azerbaijan will supply 10 bcm of gas a year.", "10 bcm", 10_000_000_000, "cubic metres"),
        ("They built a 120 km pipeline.", "120 km", 120, "kilometres"),
        ("They built a 50 MW solar plant.", "50 MW", 50, "megawatts"),
    ],
)
def test_measure_symbols(sentence: str, text: str, value: float, unit: str) -> None:
    amount = single(sentence)
    assert (amount.text, amount.value, amount.unit) == (text, value, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("N$4,2 billion", 4.2e9, "NAD"),  # a decimal comma before a scale word, a prefixed dollar
    ("C$9.1 billion", 9.1e9, "CAD"),
    ("A$ 3 million", 3e6, "AUD"),
    ("NZ$1.2bn", 1.2e9, "NZD"),
    ("R42.3 billion", 42.3e9, "ZAR"),
    ("KSh 120 billion", 120e9, "KES"),
    ("1,250 million dollars", 1250e6, "USD"),  # a thousands comma stays one
])
def test_other_currencies_and_decimal_commas(text, value, unit):
    (amount,) = find_amounts(f"Trade reached {text} last year.")
    assert (amount.value, amount.unit) == (value, unit)


def test_figures_with_periods_of_part_of_a_year():
    from datetime import date
    from pathlib import Path

    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents

    texts = Path(__file__).resolve().parents[1] / "fixtures" / "texts"
    docs, _ = read_documents([texts / "p_namibia_botswana_figures.txt"], texts)
    rows = {(r["measure"], r["value"], r["unit"], r["period_start"], r["period_end"])
            for r in extract_documents(docs)["figures"].iter_rows(named=True)}
    assert ("exports", 4.2e9, "NAD", date(2021, 1, 1), date(2021, 7, 31)) in rows  # 'the first seven months of 2021'
    assert ("turnover", 12.5e9, "ZAR", date(2021, 1, 1), date(2021, 6, 30)) in rows  # 'the first half of 2021'
