"""Three short articles of our own (tests/fixtures/texts/x_*), read end to end through ingest and extract."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.extract import extract_documents
from tests.unit.extract.conftest import events_of, people_of, trade_of

TEXTS = Path(__file__).resolve().parents[2] / "fixtures" / "texts"


@pytest.fixture(scope="module")
def frames_by_doc():
    read_documents = pytest.importorskip("flows.ingest.documents").read_documents
    docs, _ = read_documents(sorted(TEXTS.glob("x_*")), TEXTS)
    frames = extract_documents(docs)
    names = dict(docs.select("document_key", "name").iter_rows())
    out = {}
    for name in names.values():
        key = next(k for k, v in names.items() if v == name)
        out[name] = {kind: f.filter(f["document_key"] == key) for kind, f in frames.items()}
    return docs, out


def test_evidence_offsets_hold(frames_by_doc):
    docs, by_doc = frames_by_doc
    texts = dict(docs.select("name", "text").iter_rows())
    for name, frames in by_doc.items():
        for frame in frames.values():
            for row in frame.iter_rows(named=True):
                assert texts[name][row["char_start"]:row["char_end"]] == row["evidence"]


def test_peru_chile(frames_by_doc):
    f = frames_by_doc[1]["x_peru_chile_visit.txt"]
    assert events_of(f) == {
        ("state_visit", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
        ("meeting", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
        ("agreement_signed", "CHL", "PER", date(2024, 5, 8), "day", "occurred"),
        ("diplomatic_relations_established", "CHL", "PER", date(1822, 1, 1), "year", "occurred"),
        ("embassy_opened", "CHL", "PER", date(2015, 3, 3), "day", "occurred"),
        ("official_visit", "PER", "CHL", date(2024, 11, 1), "month", "planned"),
    }
    assert people_of(f) == {("Gabriel Boric", "President", "CHL"), ("Dina Boluarte", "President", "PER"),
                            ("Alberto van Klaveren", "foreign minister", "CHL"),
                            ("Javier González-Olaechea", "foreign minister", "PER")}
    assert trade_of(f) == {("CHL", "PER", "copper cathodes"), ("CHL", "PER", "fresh fruit"), ("CHL", "PER", "wine"),
                           ("PER", "CHL", "natural gas"), ("PER", "CHL", "zinc"), ("PER", "CHL", "fish meal")}
    # 'Peru also belongs to the Andean Community, which Chile left in 1976': Peru's own membership (the Andean
    # Community's list holds Peru); 'left' is told of Chile in the clause after 'which', so it no longer vetoes the
    # clause that names the body (session 18, orgs29: flows/extract/org_scope.py). Chile gets no row.
    assert set(f["memberships"]["organization"]) == {"Pacific Alliance", "APEC", "Andean Community"}
    assert set(f["memberships"].filter(f["memberships"]["organization"] == "Andean Community")["country_iso3"]) == {"PER"}
    figures = {(r["measure"], r["value"], r["period_start"]) for r in f["figures"].iter_rows(named=True)}
    assert figures == {("turnover", 4.1e9, date(2023, 1, 1)), ("turnover growth", 6.0, date(2023, 1, 1))}


def test_egypt_ethiopia(frames_by_doc):
    f = frames_by_doc[1]["x_egypt_ethiopia_power.md"]
    assert {(e[0], e[3], e[4]) for e in events_of(f)} == {
        ("agreement_signed", date(2023, 11, 19), "day"), ("meeting", date(2023, 7, 1), "month"),
        ("diplomatic_relations_established", date(1927, 1, 1), "year")}
    assert people_of(f) == {("Mohamed Shaker", "Minister of Electricity", "EGY"),
                            ("Habtamu Itefa", "Minister of Water and Energy", "ETH"),
                            ("Abiy Ahmed", "Prime Minister", "ETH"), ("Abdel Fattah el-Sisi", "President", "EGY")}
    assert trade_of(f) == {("EGY", "ETH", "fertilisers"), ("EGY", "ETH", "steel"), ("ETH", "EGY", "coffee"),
                           ("ETH", "EGY", "sesame"), ("ETH", "EGY", "live cattle")}
    assert set(f["memberships"]["organization"]) == {"AU", "COMESA"}


def test_kenya_tanzania(frames_by_doc):
    f = frames_by_doc[1]["x_kenya_tanzania_anniversary.txt"]
    assert events_of(f) == {
        ("anniversary_event", "KEN", "TZA", date(2024, 3, 12), "day", "occurred"),
        ("diplomatic_relations_established", "KEN", "TZA", date(1964, 1, 1), "year", "occurred"),  # 60 years back
        ("letters_exchanged", "KEN", "TZA", date(2024, 3, 12), "day", "occurred"),
        ("joint_project", "KEN", "TZA", date(2021, 4, 12), "day", "occurred"),
        ("joint_project", "TZA", "KEN", date(2021, 6, 1), "month", "occurred"),
        ("embassy_opened", "TZA", "KEN", date(2019, 5, 1), "month", "occurred"),
    }
    assert people_of(f) == {("William Ruto", "President", "KEN"), ("Samia Suluhu Hassan", "President", "TZA"),
                            ("John Simbachawene", "High Commissioner to Kenya", "TZA")}
    assert trade_of(f) == {("KEN", "TZA", "tea"), ("KEN", "TZA", "cement"), ("KEN", "TZA", "pharmaceuticals"),
                           ("TZA", "KEN", "rice"), ("TZA", "KEN", "maize"), ("TZA", "KEN", "gold")}
    assert set(f["memberships"]["organization"]) == {"EAC"}


def test_us_china_wire_style(frames_by_doc):
    f = frames_by_doc[1]["x_us_china_talks.txt"]
    events = events_of(f)
    assert ("official_visit", "USA", "CHN", date(2024, 4, 26), "day", "occurred") in events  # 'a three-day trip to China'
    assert ("meeting", "USA", "CHN", date(2024, 4, 26), "day", "occurred") in events
    assert ("diplomatic_relations_established", "USA", "CHN", date(1979, 1, 1), "day", "occurred") in events
    assert ("official_visit", "CHN", "USA", date(2023, 11, 1), "month", "occurred") in events  # 'Biden hosted Xi'
    assert ("Joe Biden", "President", "USA") in people_of(f)
    assert ("Antony Blinken", "Secretary of State", "USA") in people_of(f)
    assert trade_of(f) == {("USA", "CHN", "soybeans"), ("CHN", "USA", "electronics"), ("CHN", "USA", "toys"),
                           ("CHN", "USA", "furniture")}
    assert "G20" in set(f["memberships"]["organization"])


def test_france_morocco_feature_style(frames_by_doc):
    f = frames_by_doc[1]["x_france_morocco_visit.md"]
    events = events_of(f)
    assert ("state_visit", "FRA", "MAR", date(2024, 10, 28), "day", "occurred") in events
    assert ("official_visit", "MAR", "FRA", date(2024, 2, 1), "month", "occurred") in events
    assert not any(e[0] == "meeting" and e[3] and e[3].year == 2019 for e in events)  # 'did not hold their meeting'
    assert ("Mohammed VI", "King", "MAR") in people_of(f)
    assert ("MAR", "FRA", "phosphates") in trade_of(f) and ("FRA", "MAR", "wheat") in trade_of(f)


def test_india_japan_visit_is_not_planned_by_a_later_plan(frames_by_doc):
    f = frames_by_doc[1]["x_india_japan_summit.txt"]
    assert ("official_visit", "JPN", "IND", date(2023, 3, 20), "day", "occurred") in events_of(f)
    assert ("JPN", "IND", "machinery") in trade_of(f)  # 'while it imports machinery ... from Japan'
    assert set(f["memberships"]["organization"]) == {"Quad"}


def test_russia_turkey(frames_by_doc):
    f = frames_by_doc[1]["x_russia_turkey_talks.txt"]
    events = events_of(f)
    # "on Thursday" under the dateline "MOSCOW, Aug 31 (Wire)" (a Thursday) is that day: the dateline names the day
    # of the news (without such a dateline the rule is the Thursday before); the visit takes the talks' date
    assert ("official_visit", "TUR", "RUS", date(2023, 8, 31), "day", "occurred") in events
    assert ("meeting", "RUS", "TUR", date(2022, 10, 1), "month", "occurred") in events  # not Kazakhstan (Astana)
    assert any(e[0] == "meeting" and e[5] == "planned" for e in events)  # 'is expected to meet'
    assert ("embassy_opened", "RUS", "TUR", date(2021, 5, 12), "day", "occurred") in events  # reopened consulate
    assert {("RUS", "TUR", "natural gas"), ("RUS", "TUR", "coal"), ("TUR", "RUS", "textiles")} <= trade_of(f)
    assert "NATO" not in set(f["memberships"]["organization"])


def test_uae_india(frames_by_doc):
    f = frames_by_doc[1]["x_uae_india_visit.md"]
    assert people_of(f) == {("Mohamed bin Zayed Al Nahyan", "President", "ARE"),
                            ("Narendra Modi", "Prime Minister", "IND")}
    events = events_of(f)
    assert ("state_visit", "ARE", "IND", date(2024, 9, 9), "day", "occurred") in events
    assert not any(e[0] == "official_visit" for e in events)  # 'has visited the UAE seven times'
    assert ("ARE", "IND", "LPG") in trade_of(f)


def test_armenia_georgia_abbreviations_and_coordination(frames_by_doc):
    f = frames_by_doc[1]["x_armenia_georgia_visit.txt"]
    assert people_of(f) == {("Nikol Pashinyan", "Prime Minister", "ARM"), ("Irakli Garibashvili", "Prime Minister", "GEO"),
                            ("Salome Zourabichvili", "President", "GEO"), ("Vahagn Khachaturyan", "President", "ARM"),
                            ("Mnatsakan Safaryan", "Deputy Foreign Minister", "ARM")}
    events = events_of(f)
    assert ("working_visit", "ARM", "GEO", date(2024, 1, 26), "day", "occurred") in events
    assert ("embassy_opened", "GEO", "ARM", date(1993, 1, 1), "year", "occurred") in events
    assert ("embassy_opened", "ARM", "GEO", date(1994, 1, 1), "year", "occurred") in events  # 'Armenia did the same'
    assert ("GEO", "ARM", "wine") in trade_of(f) and ("ARM", "GEO", "brandy") in trade_of(f)


def test_china_kazakhstan_agency_style(frames_by_doc):
    f = frames_by_doc[1]["x_china_kazakhstan_xinhua.txt"]
    events = events_of(f)
    assert not any(e[0] == "commission_meeting" for e in events)  # an SCO summit is not a bilateral commission
    assert ("agreement_signed", "CHN", "KAZ", date(2024, 7, 2), "day", "occurred") in events or \
        ("agreement_signed", "KAZ", "CHN", date(2024, 7, 2), "day", "occurred") in events  # 'witnessed the signing'
    assert ("state_visit", "CHN", "KAZ", date(2024, 7, 2), "day", "occurred") in events
    assert set(f["memberships"]["organization"]) == {"SCO", "CICA"}


def test_egypt_saudi_html(frames_by_doc):
    f = frames_by_doc[1]["x_egypt_saudi_visit.html"]
    assert people_of(f) == {("Mohammed bin Salman", "Crown Prince", "SAU"),
                            ("Abdel Fattah al-Sisi", "President", "EGY")}  # 'received ... by President X': the host
    assert ("official_visit", "SAU", "EGY", date(2024, 10, 15), "day", "occurred") in events_of(f)
    assert len([e for e in events_of(f) if e[0] == "official_visit"]) == 1  # the postponed visit is not one
    assert ("EGY", "SAU", "onions") in trade_of(f) and ("SAU", "EGY", "crude oil") in trade_of(f)


def test_azerbaijan_israel_with_a_third_country_in_the_background(frames_by_doc):
    f = frames_by_doc[1]["x_azerbaijan_israel_visit.txt"]
    events = events_of(f)
    assert ("official_visit", "ISR", "AZE", date(2023, 5, 30), "day", "occurred") in events  # Iran's programme: no party
    assert not any(e[0] == "agreement_signed" for e in events)  # 'No agreements were signed'
    assert len([e for e in events if e[0] == "official_visit"]) == 1  # 'Herzog also visited ...' is the same visit
    assert ("embassy_opened", "AZE", "ISR", date(2023, 3, 1), "month", "occurred") in events
    # 'Azerbaijan supplies about 40% of Israel's oil': a share of the buyer's oil is still oil sold to it (the parse,
    # session 6; the real-news gold counts the same form: 'bought 45% of wheat shipped by A')
    assert trade_of(f) == {("ISR", "AZE", "drones"), ("ISR", "AZE", "air defence systems"), ("AZE", "ISR", "oil")}
