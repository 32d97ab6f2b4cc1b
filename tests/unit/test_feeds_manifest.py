"""`[[feed]]` entries of sources.toml: what is accepted, the folder names, and each bad entry as one row."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest.feeds.manifest import DEFAULT_MAX_ITEMS, FeedEntry, default_name, read_feed_entries


def _read(tmp_path: Path, toml: str) -> tuple[list[FeedEntry], list[dict]]:
    (tmp_path / "sources.toml").write_text(toml, encoding="utf-8")
    return read_feed_entries(tmp_path)


def test_a_full_entry_and_a_bare_one(tmp_path: Path) -> None:
    feeds, rejected = _read(tmp_path, """
[[source]]
path = "documents/a.txt"

[[feed]]
url = "https://news.example.org/rss/world.xml"
name = "world-news"
pair = ["Azerbaijan", " Belarus "]
max_items = 5
origin = "the agency's public feed"

[[feed]]
url = "https://www.ministry.example/press/atom"
""")
    assert rejected == []
    assert feeds == [FeedEntry(url="https://news.example.org/rss/world.xml", name="world-news",
                               pair=("Azerbaijan", "Belarus"), max_items=5),
                     FeedEntry(url="https://www.ministry.example/press/atom", name="ministry-example-press-atom",
                               pair=(), max_items=DEFAULT_MAX_ITEMS)]


@pytest.mark.parametrize(("url", "name"), [
    ("https://news.example.org/rss/world.xml", "news-example-org-rss-world"),
    ("http://www.agency.example/", "agency-example"),
    ("https://127.0.0.1:8080/feed.rss", "127-0-0-1-feed"),
])
def test_default_names_come_from_the_address(url: str, name: str) -> None:
    assert default_name(url) == name


@pytest.mark.parametrize(("entry", "reason"), [
    ('name = "x"', "feed entry has no 'url'"),
    ('url = "ftp://files.example/feed.xml"', "feed url 'ftp://files.example/feed.xml' is not an http(s) address"),
    ('url = "/local/feed.xml"', "feed url '/local/feed.xml' is not an http(s) address"),
    ('url = "https://a.example/rss"\nname = "../escape"', "feed name '../escape' must be 1-64 lower-case letters"),
    ('url = "https://a.example/rss"\nname = "Caps"', "feed name 'Caps' must be 1-64 lower-case letters"),
    ('url = "https://a.example/rss"\npair = [1, 2]', "feed 'pair' must be a list of words"),
    ('url = "https://a.example/rss"\nmax_items = 0', "feed 'max_items' must be a whole number from 1 to 500, not 0"),
    ('url = "https://a.example/rss"\nmax_items = true', "feed 'max_items' must be a whole number from 1 to 500"),
    ('url = "https://a.example/rss"\ninterval = 5', "feed entry has unknown keys ['interval']"),
])
def test_each_bad_entry_is_one_row_and_the_good_ones_stay(tmp_path: Path, entry: str, reason: str) -> None:
    feeds, rejected = _read(tmp_path, f'[[feed]]\n{entry}\n\n[[feed]]\nurl = "https://good.example/rss"\n')
    assert [f.url for f in feeds] == ["https://good.example/rss"]
    assert len(rejected) == 1 and rejected[0]["reason"].startswith(reason)
    assert (rejected[0]["source"], rejected[0]["row_ref"], rejected[0]["stage"]) == ("sources.toml", "<feed 1>",
                                                                                     "ingest")


def test_a_second_entry_with_the_same_url_or_name_is_not_used(tmp_path: Path) -> None:
    feeds, rejected = _read(tmp_path, """
[[feed]]
url = "https://a.example/rss"
name = "a"
[[feed]]
url = "https://a.example/rss"
name = "b"
[[feed]]
url = "https://c.example/rss"
name = "a"
""")
    assert [f.name for f in feeds] == ["a"]
    assert [r["reason"] for r in rejected] == [
        "a feed with the same url 'https://a.example/rss' comes first: this entry is not used",
        "a feed with the same name 'a' comes first: this entry is not used"]


@pytest.mark.parametrize("toml", ["", "[[source]]\npath = 'x'\n", "not = [valid", 'feed = "https://a.example"'])
def test_no_feeds_without_entries(tmp_path: Path, toml: str) -> None:
    feeds, rejected = _read(tmp_path, toml)
    assert feeds == []
    assert len(rejected) == (1 if toml.startswith("feed =") else 0)


def test_no_manifest_no_feeds(tmp_path: Path) -> None:
    assert read_feed_entries(tmp_path) == ([], [])
