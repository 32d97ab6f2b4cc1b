"""Pages -> article text and metadata (trafilatura, htmldate) -> the Markdown document ingest reads back."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from flows.ingest.documents import read_document
from flows.ingest.feeds.article import ArticleError, extract_article, is_html, render_document, text_hash
from tests.support.feed_pages import page as fixture_page


def test_the_article_is_its_paragraphs_without_the_page_around_it() -> None:
    article = extract_article(fixture_page("aze-blr-education.html"), "https://wire.example/a")
    assert (article.title, article.outlet, article.published, article.published_from) == (
        "Azerbaijan and Belarus sign education memorandum in Baku", "Caspian Wire", date(2026, 12, 2), "page")
    assert article.text.startswith("BAKU, 2 December 2026 (Caspian Wire) -- Azerbaijan's Foreign Minister")
    assert article.text.count("\n\n") == 3  # four paragraphs, the headline left to the title
    for boilerplate in ("All rights reserved", "Read more", "Markets close higher", "Politics"):
        assert boilerplate not in article.text


def test_without_a_date_in_the_markup_the_feed_date_is_used() -> None:
    page = fixture_page("geo-arm-visit.html").decode("utf-8")
    page = page.replace('<meta property="article:published_time" content="2026-12-03T10:45:00+00:00">', "")
    page = page.replace('<time datetime="2026-12-03T10:45:00+00:00">3 December 2026</time>', "")
    when = datetime(2026, 12, 3, 10, 45, tzinfo=timezone.utc)
    article = extract_article(page.encode(), "https://mfa.example/x", feed_published=when)
    assert (article.published, article.published_from) == (date(2026, 12, 3), "feed")
    undated = extract_article(page.encode(), "https://mfa.example/x")
    assert undated.published is None  # never a date of an event from the text


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(ArticleError, match=r"^no article text on the page \(\d+ characters found"):
        extract_article(b"<html><body><nav>Home</nav><p>Subscribe to read.</p></body></html>", "https://x.example")


@pytest.mark.parametrize(("content_type", "body", "expected"), [
    ("text/html; charset=utf-8", b"", True),
    ("application/xhtml+xml", b"", True),
    (None, b"  <!DOCTYPE html><html>", True),
    ("application/octet-stream", b"<html><body>", True),
    ("application/pdf", b"%PDF-1.7", False),
    ("text/plain", b"just words", False),
    ("application/json", b"<html>", False),
])
def test_what_counts_as_a_page(content_type: str | None, body: bytes, expected: bool) -> None:
    assert is_html(content_type, body) is expected


def test_the_same_text_has_one_hash_whatever_its_spacing_or_case() -> None:
    assert text_hash("Baku  and\nMinsk") == text_hash("baku and minsk")
    assert text_hash("Baku and Minsk") != text_hash("Baku and Minsk.")


def test_the_document_reads_back_with_its_metadata(tmp_path: Path) -> None:
    article = extract_article(fixture_page("geo-arm-visit.html"), "https://mfa.example/geo-arm")
    text = render_document(article, url="https://mfa.example/geo-arm", feed="ministry",
                           fetched_at=datetime(2026, 12, 4, 6, 0, tzinfo=timezone.utc), page_sha256="ab" * 32,
                           outlet="MFA press releases")
    path = tmp_path / "documents" / "ministry" / "2026-12-03-visit.md"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    row = read_document(path, tmp_path)
    assert (row["title"], row["published_date"], row["published_source"], row["outlet"], row["format"]) == (
        "Georgian Prime Minister pays official visit to Armenia", date(2026, 12, 3), "front_matter",
        "Ministry of Foreign Affairs", "md")
    assert row["text"] == article.text
    assert row["dateline_place"] == "Yerevan"
    assert "url: https://mfa.example/geo-arm\n" in text and "fetched_at: '2026-12-04T06:00:00+00:00'" in text
