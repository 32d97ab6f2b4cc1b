"""The publication date from the address a document was saved from (manifest `url`, front matter, HTML canonical
link): read last, after the manifest, front matter, HTML meta and the dateline; never an impossible day."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from flows.ingest.discover import discover_sources
from flows.ingest.documents import read_document, read_documents
from flows.ingest.documents.address import clean_url, url_date
from tests.realnews.prepare import prepare, split_date_prefix

UNDATED = "The Norwegian minister met her Chilean counterpart on Thursday.\n\nThey signed a fisheries accord.\n"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.example.org/2021/03/04/a-visit", date(2021, 3, 4)),
    ("https://news.example.org/news/20210304_note.aspx", date(2021, 3, 4)),
    ("https://agency.example.net/n3/2021/0304/c9000-1.html", date(2021, 3, 4)),
    ("https://news.example.org/archive/2021_03_04/visit", date(2021, 3, 4)),
    ("https://news.example.org/content/a-visit-to-oslo-20210304", date(2021, 3, 4)),  # the day closing a slug
    ("https://paper.example.com/world/minister-heads-home-20210304-x1y.html", date(2021, 3, 4)),
    ("https://news.example.org/content/item-20211345", None),  # no calendar day
    ("https://news.example.org/content/2021-20210304", None),  # no word before the hyphen: a number, not a slug
    ("https://paper.example.com/2021/news/world/03/04/a-visit/", date(2021, 3, 4)),  # section folders inside
    ("https://paper.example.com/2021/news/world/asia/item/03/04/a-visit/", None),  # four folders between: no reading
    ("https://news.example.org/politics/a-visit-to-oslo", None),  # no date in the address
    ("https://news.example.org/2021/13/45/a-visit", None),  # month 13, day 45: no calendar day, never guessed
    ("https://news.example.org/news/20211345_note.aspx", None),
    ("https://www.20210304.example.org/a-visit", None),  # digits in the host are a name, not a date
    ("https://news.example.org/2093/03/04/a-visit", None),  # after today: a typo or a placeholder
    ("ftp://news.example.org/2021/03/04/a-visit", None),
    ("news.example.org/2021/03/04/a-visit", None),  # no scheme: not an address we can trust
    ("", None),
])
def test_url_date(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


def test_clean_url_refuses_what_is_no_address() -> None:
    assert clean_url(" https://news.example.org/a ") == "https://news.example.org/a"
    assert [clean_url(value) for value in (5, None, ["https://x.example"], "n/a", "https://a b.example/x")] == \
        [None] * 5


def _doc(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_url_dates_an_undated_text(tmp_path: Path) -> None:
    path = _doc(tmp_path, "visit.txt", UNDATED)
    row = read_document(path, tmp_path, {"url": "https://news.example.org/2021/03/04/a-visit"})
    assert (row["published_date"], row["published_source"]) == (date(2021, 3, 4), "url")


def test_dateline_and_manifest_date_beat_the_address(tmp_path: Path) -> None:
    path = _doc(tmp_path, "dated.txt", "Oslo, 12 June 2024\n\n" + UNDATED)
    address = {"url": "https://news.example.org/2021/03/04/a-visit"}
    row = read_document(path, tmp_path, address)
    assert (row["published_date"], row["published_source"]) == (date(2024, 6, 12), "dateline")
    row = read_document(path, tmp_path, {**address, "published": "2024-06-13"})
    assert (row["published_date"], row["published_source"]) == (date(2024, 6, 13), "manifest")


def test_front_matter_link_and_manifest_priority(tmp_path: Path) -> None:
    path = _doc(tmp_path, "note.md", "---\ntitle: A note\nlink: https://news.example.org/news/20210304_note.aspx\n"
                                     "---\n\n" + UNDATED)
    row = read_document(path, tmp_path)
    assert (row["published_date"], row["published_source"]) == (date(2021, 3, 4), "url")
    # the manifest's address is the analyst's own record: it beats the one the page carries
    row = read_document(path, tmp_path, {"url": "https://news.example.org/2020/11/30/older"})
    assert row["published_date"] == date(2020, 11, 30)


def test_html_canonical_link_dates_the_page(tmp_path: Path) -> None:
    page = ("<html><head><title>Talks</title><link rel=\"canonical\" href=\"https://news.example.org/en/20190708/"
            "talks\"></head><body><article><p>The Norwegian minister met her Chilean counterpart on Thursday.</p>"
            "<p>They signed a fisheries accord in the afternoon.</p></article></body></html>")
    row = read_document(_doc(tmp_path, "talks.html", page), tmp_path)
    assert row["published_date"] == date(2019, 7, 8)
    assert row["published_source"] in ("html_meta", "url")  # htmldate may read the canonical address itself


def test_impossible_address_date_leaves_the_text_undated(tmp_path: Path) -> None:
    path = _doc(tmp_path, "odd.txt", UNDATED)
    frame, quarantine = read_documents([path], tmp_path, {"documents/odd.txt": {"url": "https://news.example.org/2021/13/45/x"}})
    assert frame.row(0, named=True)["published_date"] is None and quarantine.height == 0


def test_manifest_url_reaches_the_inventory_and_a_number_is_refused(tmp_path: Path) -> None:
    _doc(tmp_path, "a.txt", UNDATED)
    _doc(tmp_path, "b.txt", UNDATED)
    (tmp_path / "sources.toml").write_text(
        '[[source]]\npath = "documents/a.txt"\nurl = "https://news.example.org/2021/03/04/a"\n\n'
        '[[source]]\npath = "documents/b.txt"\nurl = 20210304\n', encoding="utf-8")
    inventory, quarantine = discover_sources(tmp_path)
    urls = dict(inventory.select("relpath", "url").iter_rows())
    assert urls == {"documents/a.txt": "https://news.example.org/2021/03/04/a", "documents/b.txt": None}
    assert any("url 20210304 is not text" in reason for reason in quarantine["reason"])


# ------------------------------------------------------------------ tests/realnews/prepare.py
def test_split_date_prefix() -> None:
    assert split_date_prefix(" date 2021-08-09 By A Writer\n\nText.") == "date 2021-08-09\n\nBy A Writer\n\nText."
    assert split_date_prefix("Oslo, 12 June 2024\n\nText.") == "Oslo, 12 June 2024\n\nText."


def test_prepare_builds_documents_manifest_and_gold(tmp_path: Path) -> None:
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "r901_nor-chl_visit.md").write_text(" date 2021-03-04 " + UNDATED, encoding="utf-8")
    (texts / "r902_nor-chl_nogold.md").write_text(UNDATED, encoding="utf-8")
    (texts / "r801_other-batch.md").write_text(UNDATED, encoding="utf-8")
    (gold / "r901_nor-chl_visit.json").write_text(json.dumps({"events": []}), encoding="utf-8")
    (gold / "r801_other-batch.json").write_text("{}", encoding="utf-8")
    sources = tmp_path / "sources.csv"
    sources.write_text("id,batch,url,outlet,pair,kind,query\n"
                       'r901_nor-chl_visit,r9,"https://news.example.org/2021/03/04/a-visit?x=1,2",o,NOR-CHL,visit,q\n'
                       "r902_nor-chl_nogold,r9,https://news.example.org/b,o,NOR-CHL,visit,q\n"
                       "r903_nor-chl_notext,r9,https://news.example.org/c,o,NOR-CHL,visit,q\n"
                       "r801_other-batch,r8,https://news.example.org/d,o,NOR-CHL,visit,q\n", encoding="utf-8")
    out, gold_out = tmp_path / "out", tmp_path / "gold-out"
    written, skipped = prepare([texts], {"r9"}, out, gold_out, gold, sources)
    assert written == 1
    assert [reason.split(":")[0] for reason in skipped] == ["r902_nor-chl_nogold", "r903_nor-chl_notext"]
    assert (out / "documents" / "r901_nor-chl_visit.md").read_text(encoding="utf-8").startswith("date 2021-03-04\n\n")
    assert sorted(p.name for p in gold_out.iterdir()) == ["r901_nor-chl_visit.json"]
    inventory, quarantine = discover_sources(out)
    assert quarantine.height == 0
    assert inventory.select("relpath", "url").rows() == [
        ("documents/r901_nor-chl_visit.md", "https://news.example.org/2021/03/04/a-visit?x=1,2")]
