"""Reading source documents: formats, encodings, metadata, publication dates, quarantine of bad files."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from flows.ingest.documents import DocumentError, find_dateline, read_document, read_documents

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "tests" / "fixtures" / "texts"
DEVSET = ROOT / "tests" / "fixtures" / "devset"
if not (DEVSET / "documents").is_dir():
    DEVSET = ROOT.parent / "shared" / "data"
DEV_DOCUMENTS = sorted((DEVSET / "documents").iterdir())


# ---------------------------------------------------------------- the development set
@pytest.fixture(scope="module")
def dev_frame() -> pl.DataFrame:
    documents, quarantine = read_documents(DEV_DOCUMENTS, DEVSET)
    assert quarantine.height == 0
    return documents


def _gold(name: str) -> dict:
    return json.loads((DEVSET / "gold" / f"{Path(name).stem}.json").read_text(encoding="utf-8"))


def test_dev_set_reads_every_document(dev_frame: pl.DataFrame) -> None:
    assert dev_frame.height == len(DEV_DOCUMENTS) == 11
    assert dev_frame["format"].value_counts().sort("format").rows() == [("html", 2), ("md", 3), ("txt", 6)]


@pytest.mark.parametrize("path", DEV_DOCUMENTS, ids=lambda p: p.name)
def test_dev_set_published_date_matches_gold(dev_frame: pl.DataFrame, path: Path) -> None:
    row = dev_frame.filter(pl.col("name") == path.name).row(0, named=True)
    assert row["published_date"] == date.fromisoformat(_gold(path.name)["published"])


_LEADING_DATELINE = re.compile(r"^[A-Z][^—:]{0,60}(?:—|:)\s+")


@pytest.mark.parametrize("path", DEV_DOCUMENTS, ids=lambda p: p.name)
def test_dev_set_gold_evidence_is_in_the_text(dev_frame: pl.DataFrame, path: Path) -> None:
    text = dev_frame.filter(pl.col("name") == path.name)["text"].item()
    gold = _gold(path.name)
    evidence = [item["evidence"] for key in ("events", "figures") for item in gold.get(key, [])]
    missing = [e for e in evidence if e not in text and _LEADING_DATELINE.sub("", e, count=1) not in text]
    assert missing == []


def test_dev_set_metadata(dev_frame: pl.DataFrame) -> None:
    rows = {r["name"]: r for r in dev_frame.iter_rows(named=True)}
    assert rows["000_71d1eb8421b35ad3.txt"]["dateline_place"] == "Baku"
    assert rows["000_71d1eb8421b35ad3.txt"]["outlet"] == "TDI"
    assert rows["02_geo-ltu_cyber-accord.txt"]["title"] == "Georgia and Lithuania sign cyber security accord"
    assert rows["02_geo-ltu_cyber-accord.txt"]["outlet"] == "Caucasus Business Review"
    assert rows["02_geo-ltu_cyber-accord.txt"]["dateline_place"] == "Tbilisi"
    assert rows["04_mng-jpn_partnership.txt"]["dateline_place"] == "Ulaanbaatar"
    assert rows["07_blr-vnm_golovchenko-visit.html"]["outlet"] == "Mekong & Dnieper Daily"
    assert rows["08_srb-hun_strategic-council.html"]["title"] == (
        "Hungary and Serbia agree to build oil pipeline from Algyő to Novi Sad")
    assert [r["published_source"] for r in rows.values()].count("html_meta") == 2
    html = rows["07_blr-vnm_golovchenko-visit.html"]["text"]
    for boilerplate in ("cookies", "Most read", "Tags:", "loadAd", "By Newsroom staff", "All rights reserved"):
        assert boilerplate not in html
    assert "<a" not in html and "  " not in html


# ---------------------------------------------------------------- our own texts
@pytest.mark.parametrize(
    ("name", "fmt", "title", "outlet", "place", "published", "source"),
    [
        ("h2_dateline_outlet.txt", "txt", None, "Baltic Ledger", "Riga", date(2021, 5, 14), "dateline"),
        ("h2_place_outlet.txt", "txt", "Ports agree on shared ferry timetable", "Amber Post", "Vilnius", None, None),
        ("h2_updated_line.txt", "txt", "Grain exports hit a record", None, None, date(2019, 8, 3), "dateline"),
        ("h2_weekday_line.txt", "txt", "Customs offices to merge", None, "Astana", date(2019, 7, 5), "dateline"),
        ("h2_no_date.txt", "txt", None, None, None, None, None),
        ("h2_front_matter.md", "md", "Rail link reopens", "Steppe Courier", None, date(2021, 5, 14), "front_matter"),
        ("h2_no_front_matter.md", "md", "Harbour deal signed", None, "Tallinn", date(2020, 3, 2), "dateline"),
        ("h2_page.html", "html", "Bridge talks resume", "Danube Ledger", None, date(2022, 10, 4), "html_meta"),
        ("h2_page_no_article.html", "html", "Wine fair opens", "Caucasus Table", None, date(2021, 9, 1), "html_meta"),
    ],
)
def test_own_texts_metadata(name: str, fmt: str, title: str | None, outlet: str | None, place: str | None,
                            published: date | None, source: str | None) -> None:
    row = read_document(TEXTS / name, TEXTS)
    assert (row["format"], row["title"], row["outlet"], row["dateline_place"]) == (fmt, title, outlet, place)
    assert (row["published_date"], row["published_source"]) == (published, source)


def test_markdown_setext_heading_underline_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("Harbour deal signed\n===================\n\nThe harbours signed a deal.", encoding="utf-8")
    row = read_document(path, tmp_path)
    assert (row["title"], row["text"]) == ("Harbour deal signed", "Harbour deal signed\n\nThe harbours signed a deal.")


def test_markdown_body_loses_front_matter_and_markup_but_list_items_keep_one_marker() -> None:
    text = read_document(TEXTS / "h2_front_matter.md", TEXTS)["text"]
    assert text == ("Rail link reopens\n\nA long wait\n\n"
                    "The rail link between the two capitals reopened on Monday, after two years.\n\n"
                    "- Trains run daily.\n- Tickets cost 20 euros.")


def test_html_keeps_visible_article_blocks_only() -> None:
    text = read_document(TEXTS / "h2_page.html", TEXTS)["text"]
    assert text.split("\n\n") == [
        "Bridge talks resume",
        "The two transport ministers met in Ruse on Monday to discuss the bridge.",
        "A direct line of text in a div.",
        "And a paragraph inside it.",
        "First point.",
        "Second point.",
    ]


def test_html_without_article_takes_the_block_with_most_paragraph_text() -> None:
    text = read_document(TEXTS / "h2_page_no_article.html", TEXTS)["text"]
    assert text == ("The wine fair opened in Tbilisi with forty exhibitors.\n\n"
                    "Visitors from twelve countries are expected over three days.")


def test_manifest_date_wins_over_everything() -> None:
    row = read_document(TEXTS / "h2_front_matter.md", TEXTS, {"published": "2021-05-20"})
    assert (row["published_date"], row["published_source"]) == (date(2021, 5, 20), "manifest")


def test_keys_hashes_and_paths(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    path = tmp_path / "news" / "a.txt"
    path.write_text("First version of the story.", encoding="utf-8")
    first = read_document(path, tmp_path)
    path.write_text("Second version of the story.", encoding="utf-8")
    second = read_document(path, tmp_path)
    assert first["path"] == "news/a.txt" and first["name"] == "a.txt"
    assert first["document_key"] == second["document_key"] == hashlib.sha256(b"news/a.txt").hexdigest()[:16]
    assert first["sha256"] == hashlib.sha256(b"First version of the story.").hexdigest() != second["sha256"]


# ---------------------------------------------------------------- encodings and formats
@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("\ufeffBOM text.".encode("utf-8"), "utf-8-sig", "BOM text."),
        ("Café in Genève.".encode("latin-1"), "latin-1", "Café in Genève."),
        ("“Café” – in Genève.".encode("cp1252"), "cp1252", "“Café” – in Genève."),
        ("Ο υπουργός συναντήθηκε με τον ομόλογό του στην Αθήνα.".encode("cp1253"), "cp1253",
         "Ο υπουργός συναντήθηκε με τον ομόλογό του στην Αθήνα."),
        ("التقى وزير الخارجية بنظيره في القاهرة.".encode("cp1256"), "cp1256", "التقى وزير الخارجية بنظيره في القاهرة."),
        ("Посол встретился с министром в Москве.".encode("cp1251"), "cp1251",
         "Посол встретился с министром в Москве."),
        (b"Line one.\r\nLine two.\rLine three.", "utf-8", "Line one.\nLine two.\nLine three."),
        (unicodedata.normalize("NFD", "Chișinău and Iași.").encode("utf-8"), "utf-8", "Chișinău and Iași."),
        ("Unicode with a BOM.".encode("utf-16"), "utf-16", "Unicode with a BOM."),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, encoding: str, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    row = read_document(path, tmp_path)
    assert (row["encoding"], row["text"]) == (encoding, text)
    assert unicodedata.is_normalized("NFC", row["text"])


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("<!DOCTYPE html><html><body><article><p>Hello there.</p></article></body></html>", "html"),
        ("---\ntitle: A note\n---\nBody text here.", "md"),
        ("Just a plain note.", "txt"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, content: str, fmt: str) -> None:
    path = tmp_path / "doc.dat"
    path.write_text(content, encoding="utf-8")
    assert read_document(path, tmp_path)["format"] == fmt


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file: only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content: not text"),
    ],
)
def test_bad_files_raise(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path, tmp_path)
    assert caught.value.reason == reason


def test_bad_files_are_quarantined_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Baku, 1 May 2020 (Wire): Talks went well.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n \n", encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"GIF89a\x00\x01\x00\x00")
    paths = sorted(tmp_path.iterdir())
    documents, quarantine = read_documents(paths, tmp_path)
    assert documents["path"].to_list() == ["good.txt"]
    assert documents.schema["published_date"] == pl.Date
    assert quarantine.sort("source").rows() == [
        ("ingest", "blank.md", "file", "empty file: only whitespace", "  \n \n"),
        ("ingest", "empty.txt", "file", "empty file", None),
        ("ingest", "image.html", "file", "binary content: not text", "b'GIF89a\\x00\\x01\\x00\\x00'"),
    ]


# ---------------------------------------------------------------- datelines
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yerevan, 4 April 2019 (Ararat News): The minister said.", {"place": "Yerevan", "outlet": "Ararat News",
                                                                      "published": date(2019, 4, 4)}),
        ("MINSK, 1 July 2020 — Talks began.", {"place": "Minsk", "published": date(2020, 7, 1)}),
        ("NEW DELHI, March 3, 2021 - Talks began.", {"place": "New Delhi", "published": date(2021, 3, 3)}),
        ("ALMATY (Steppe Wire) — Talks began.", {"place": "Almaty", "outlet": "Steppe Wire"}),
        ("RIGA — Talks began.", {"place": "Riga"}),
        ("Baku — Talks began.", {"place": "Baku"}),
        ("Armenia — Iran talks resume\nBody.", {}),
        ("Headline here\nPosted on 2018-02-01\n\nBody.", {"published": date(2018, 2, 1)}),
        ("Headline\nDate: 12.03.2017\nBody.", {"published": date(2017, 3, 12)}),
        ("Headline\nBaltic Wire | 12 March 2017\nBody.", {"published": date(2017, 3, 12), "outlet": "Baltic Wire"}),
        ("Headline\nSunday, 12 March 2017\nBody.", {"published": date(2017, 3, 12)}),
        ("Headline\nJune 2, 2021 8:05 AM UTC\n\nLIMA, June 2 (Wire) - Talks.", {"published": date(2021, 6, 2)}),
        ("Headline\n2019-11-20 09:41 CET\nBody.", {"published": date(2019, 11, 20)}),
        ("Headline\nQuito, 3 July 2018\n\nOn 2 July the minister said.", {"published": date(2018, 7, 3)}),
        ("Dushanbe, 5 May 2022 (Asia-Plus). The minister said.", {"place": "Dushanbe", "published": date(2022, 5, 5),
                                                                 "outlet": "Asia-Plus"}),
        ("Headline\n\nBaku, July 12, 2024, AZERTAC\n\nOn July 11 the talks began.", {"published": date(2024, 7, 12),
                                                                                "outlet": "AZERTAC"}),
        ("Headline\n\nRiga/Vilnius, 4 March 2023 | Baltic Ledger | by Anna Ozola\n\nThe talks began.",
         {"published": date(2023, 3, 4), "outlet": "Baltic Ledger"}),
        ("Dr. Rahimov said the talks failed.", {}),
        ("Warning: the talks failed.", {}),
        ("The talks failed in 2019.", {}),
        ("Trade rose in the first half.\nMore details follow.", {}),
    ],
)
def test_find_dateline(text: str, expected: dict) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    ("title", "expected_title", "outlet"),
    [
        ("Bridge talks resume | Danube Ledger", "Bridge talks resume", "Danube Ledger"),
        ("Bridge talks resume - Mekong & Dnieper Daily", "Bridge talks resume", "Mekong & Dnieper Daily"),
        ("Armenia - Iran talks resume", "Armenia - Iran talks resume", None),  # a dash inside the headline
    ],
)
def test_html_title_suffix(tmp_path: Path, title: str, expected_title: str, outlet: str | None) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>{title}</title></head><body><article><p>Text.</p></article></body></html>",
                    encoding="utf-8")
    row = read_document(path, tmp_path)
    assert (row["title"], row["outlet"]) == (expected_title, outlet)


def test_html_picks_the_longest_article_when_teasers_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><article><p>Teaser.</p></article>"
                    "<article><p>The real story, which is longer than the teaser.</p></article></body></html>",
                    encoding="utf-8")
    assert read_document(path, tmp_path)["text"] == "The real story, which is longer than the teaser."


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Kazakhstan: growth slows", "Kazakhstan: growth slows"),
        ("Armenia — Iran talks resume", "Armenia — Iran talks resume"),
        ("The talks went well.", None),
        ("RIGA, 4 May 2020 — The talks went well.", None),
    ],
)
def test_txt_title_is_a_heading_first_line(tmp_path: Path, first_line: str, title: str | None) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{first_line}\n\nBody of the story.", encoding="utf-8")
    row = read_document(path, tmp_path)
    assert row["title"] == title
    assert row["dateline_place"] == ("Riga" if first_line.startswith("RIGA") else None)


def test_markdown_with_broken_front_matter_keeps_its_body(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text('---\ntitle: "unclosed\ndate: [\n---\n\nRIGA, 4 May 2020 — The talks went well.', encoding="utf-8")
    row = read_document(path, tmp_path)
    assert row["text"] == "RIGA, 4 May 2020 — The talks went well."
    assert (row["published_date"], row["published_source"], row["title"]) == (date(2020, 5, 4), "dateline", None)


def test_html_article_body_and_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<html><body><div class="nav"><p>Menu item one. Menu item two.</p></div>'
                    '<div itemprop="articleBody"><p>First line<br>second line &amp; more&nbsp;text.</p>'
                    '<table><tr><td>Cell one.</td><td>Cell two.</td></tr></table></div></body></html>',
                    encoding="utf-8")
    assert read_document(path, tmp_path)["text"] == (
        "First line second line & more text.\n\nCell one.\n\nCell two.")


def test_rows_failing_the_contract_are_quarantined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row read_document builds but DocumentRaw rejects goes to quarantine with the failing column named."""
    import flows.ingest.documents.read as documents_module

    real = documents_module.read_document

    def with_bad_format(path: Path, root: Path, entry: dict | None = None) -> dict:
        row = real(path, root, entry)
        return {**row, "format": "pdf"} if path.name == "b.txt" else row

    monkeypatch.setattr(documents_module, "read_document", with_bad_format)
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    documents, quarantine = read_documents(sorted(tmp_path.iterdir()), tmp_path)
    assert documents["path"].to_list() == ["a.txt"]
    assert quarantine.select("source", "row_ref", "raw").rows() == [("b.txt", "file", "Second story.")]
    assert quarantine["reason"].item() == "column 'format': 'pdf' is not one of 'txt', 'md', 'html'"


def test_meta_name_date_variants(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<html><head><meta name="DC.date" content="2020-02-29"></head>'
                    "<body><article><p>Leap day story.</p></article></body></html>", encoding="utf-8")
    row = read_document(path, tmp_path)
    assert (row["published_date"], row["published_source"]) == (date(2020, 2, 29), "html_meta")


def test_html_drops_hidden_and_promotional_blocks_inside_the_article(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<html><body><article><p>The ministers met.</p>'
                    '<p class="photo-credit">Photo: Agency</p><span class="sr-only">Skip</span>'
                    '<div class="OUTBRAIN"><p>You may like this.</p></div><aside><p>Related text.</p></aside>'
                    '<p style="display: none">Hidden.</p><p>They signed a deal.</p></article></body></html>',
                    encoding="utf-8")
    assert read_document(path, tmp_path)["text"] == "The ministers met.\n\nThey signed a deal."


def test_html_live_blog_keeps_every_entry(tmp_path: Path) -> None:
    """No <article>: entries are sibling blocks of one class, and the article is all of them, not the longest."""
    entries = "".join(f'<div class="post-item"><div class="when">{h}:00</div><div class="txt"><p>{t}</p></div></div>'
                      for h, t in ((12, "Entry three is here."), (11, "Entry two is the longest entry of the day."),
                                   (10, "Entry one.")))
    page = f'<html><body><div class="nav"><p>Menu</p></div><div class="stream">{entries}</div></body></html>'
    path = tmp_path / "live.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path, tmp_path)["text"]
    assert "Entry three is here." in text and "Entry two is the longest" in text and "Entry one." in text
    assert "Menu" not in text


def test_html_field_whose_label_is_hidden_is_still_read(tmp_path: Path) -> None:
    # Drupal marks a body field "field--label-hidden": the label is hidden, not the text
    path = tmp_path / "page.html"
    path.write_text('<html><body><div class="menu"><p>Home</p></div><div class="node"><div class="field '
                    'field--name-body field--label-hidden"><p>The ministers met in Quito.</p><p>They signed a '
                    'deal.</p></div></div><p class="visually-hidden">Skip</p></body></html>', encoding="utf-8")
    assert read_document(path, tmp_path)["text"] == "The ministers met in Quito.\n\nThey signed a deal."


def test_a_date_alone_on_a_line_under_a_notice_headline_and_standfirst_is_the_publication_date() -> None:
    page = ("We use cookies to keep you signed in and to count visits\n"
            "Ruritania and Borduria agree on a rail link\n"
            "The two foreign ministers have agreed to open talks on a line across the border\n"
            "March 3, 2023\n"
            "The ministers met in the capital on Thursday.\n")
    assert find_dateline(page) == {"published": date(2023, 3, 3)}


def test_a_clock_time_labelled_hour_or_time_beside_the_date_is_no_more_text() -> None:
    for stamp in ("June 14, 2024 Hour: 9:07 am", "June 14, 2024 Time: 21:40"):
        page = f"Ruritania and Borduria to widen energy ties\n{stamp}\nThe presidents met on Thursday.\n"
        assert find_dateline(page)["published"] == date(2024, 6, 14), stamp


def test_below_the_first_paragraph_a_date_alone_on_a_line_is_not_the_page_date() -> None:
    page = ("Ruritania and Borduria: a chronology\n"
            "Notes\n"
            "Relations between the two kingdoms go back a long way, and the list below gives the dates of the visits "
            "that the two courts have exchanged since the border treaty was signed.\n"
            "May 14, 2019\n"
            "The king of Ruritania visited Borduria.\n")
    assert "published" not in find_dateline(page)


# A page saved with its site's chrome: the headline and its date line stand under many short menu lines (made up).
_CHROME = "\n".join(["icon", "Official site of the Ministry", "  • Home", "  • News", "  • Contacts", "English",
                     "Search on site", "Font size", "A", "A", "Share", "Print"])
_BODY = ("Following talks held in the capital, the ministers of Arland and Borvia signed a memorandum on cooperation in"
         " agriculture and agreed to meet again in the spring.")


def test_a_date_line_under_page_chrome_right_over_the_story_is_the_page_date() -> None:
    text = f"{_CHROME}\nMinisters of Arland and Borvia sign a memorandum\n\n28.10.2025\n\n{_BODY}\n"
    assert find_dateline(text)["published"] == date(2025, 10, 28)


def test_a_date_line_under_page_chrome_needs_the_story_right_under_it() -> None:
    # a date alone under the chrome with a caption after it is a photo's or a list's, not the page's
    text = f"{_CHROME}\nMinisters of Arland and Borvia sign a memorandum\n\n28.10.2025\nPhoto gallery\n\n{_BODY}\n"
    assert "published" not in find_dateline(text)
    # below the story's first paragraph a date alone is never the page's
    text = f"{_CHROME}\nMinisters sign a memorandum\n\n{_BODY}\n\n28.10.2025\n\n{_BODY}\n"
    assert "published" not in find_dateline(text)


def test_a_date_line_under_short_story_paragraphs_is_a_timeline_entry() -> None:
    # a story of short paragraphs never reads as body: its sentences above 'Key dates:' still say the date under them
    # is a timeline entry's, not the page's (made up)
    story = "\n\n".join(["Arland's president is in Borvia this week for talks.", "The two leaders will sign three accords on trade.",
                         "Borvia is Arland's largest trading partner in the region.", "The visit is the first in a decade."])
    text = f"Arland and Borvia: a timeline\n\n{story}\n\nKey dates:\n\nMarch 3, 2001\n\n{_BODY}\n"
    assert "published" not in find_dateline(text)
