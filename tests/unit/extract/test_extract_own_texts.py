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
    assert set(f["memberships"]["organization"]) == {"Pacific Alliance", "APEC"}
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
