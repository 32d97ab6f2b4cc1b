"""Feed bytes -> items with feedparser: the project's RSS 2.0, RSS 1.0 and Atom fixtures, and what is not a feed."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest.feeds.parse import FeedFormatError, canonical_url, parse_feed

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
BASE = "http://127.0.0.1:8000"


def _fixture(name: str) -> bytes:
    return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", BASE).encode("utf-8")


@pytest.mark.parametrize(("name", "version", "title", "first_url", "first_published", "n"), [
    ("agency_rss20.xml", "rss20", "Caspian Wire: Diplomacy", f"{BASE}/agency/2026/aze-blr-education.html",
     "2026-12-02T09:30:00+00:00", 5),
    ("regional_rss10.xml", "rss10", "Minsk Regional Herald", f"{BASE}/regional/belarus-azerbaijan-tractors.html",
     "2026-11-28T07:00:00+00:00", 2),
    ("ministry_atom.xml", "atom10", "Ministry of Foreign Affairs: press releases",
     f"{BASE}/ministry/news/geo-arm-visit.html", "2026-12-03T10:45:00+00:00", 2),
])
def test_each_feed_format_gives_its_items(name: str, version: str, title: str, first_url: str,
                                          first_published: str, n: int) -> None:
    feed = parse_feed(_fixture(name), f"{BASE}/feed")
    assert (feed.version, feed.title, len(feed.items), feed.rejected) == (version, title, n, [])
    assert (feed.items[0].url, feed.items[0].published.isoformat()) == (first_url, first_published)


def test_links_are_resolved_and_fragments_dropped() -> None:
    atom = parse_feed(_fixture("ministry_atom.xml"), f"{BASE}/ministry/atom.xml")
    assert atom.items[1].url == f"{BASE}/ministry/news/mng-jpn-consultations.html"  # relative, against xml:base
    rss = parse_feed(_fixture("agency_rss20.xml"), f"{BASE}/agency/rss.xml")
    assert rss.items[4].url == f"{BASE}/agency/m/aze-blr-education.html"
    assert canonical_url("  https://a.example/x?id=1#comments ") == "https://a.example/x?id=1"


def test_items_without_a_usable_link_are_named() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>No link here</title></item>
      <item><title>Script</title><link>javascript:alert(1)</link></item>
      <item><title>Fine</title><link>https://news.example/fine</link></item></channel></rss>"""
    feed = parse_feed(body, "https://news.example/rss")
    assert [i.url for i in feed.items] == ["https://news.example/fine"]
    assert feed.rejected == [("item 1 'No link here'", "item has no link"),
                             ("item 2 'Script'", "item link 'javascript:alert(1)' is not an http(s) address")]


@pytest.mark.parametrize("body", [
    b"<html><body><h1>Maintenance</h1></body></html>",
    b'{"error": "rate limited"}',
    b"",
    b"\x89PNG\r\n\x1a\n\x00\x00",
])
def test_what_is_not_a_feed_is_refused_with_a_reason(body: bytes) -> None:
    with pytest.raises(FeedFormatError, match="^not an RSS or Atom feed"):
        parse_feed(body, "https://news.example/rss")


def test_a_body_naming_a_local_file_is_not_opened(tmp_path: Path) -> None:
    """feedparser opens bytes that name an existing path: a server must not make dyad read a local file."""
    secret = tmp_path / "secret.xml"
    secret.write_bytes(b'<rss version="2.0"><channel><title>local</title><item><link>https://x.example/a</link>'
                       b"</item></channel></rss>")
    with pytest.raises(FeedFormatError):
        parse_feed(str(secret).encode(), "https://news.example/rss")
