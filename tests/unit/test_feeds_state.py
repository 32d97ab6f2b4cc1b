"""The fetcher's memory: items by URL and text hash, validators, atomic saves; the file names of documents;
the state as the feed_item table; the pair filter's matching."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from flows.ingest.feeds.fetch import mentions
from flows.ingest.feeds.frame import feed_items_frame
from flows.ingest.feeds.state import FeedState
from flows.ingest.feeds.store import archive_page, document_path, url_hash, write_atomically

URL = "https://wire.example/2026/aze-blr"


def test_state_round_trips_and_knows_items_by_url_and_text(tmp_path: Path) -> None:
    state = FeedState.load(tmp_path)
    assert (state.items, state.feeds) == ({}, {})
    state.feeds["https://wire.example/rss"] = {"etag": '"abc"', "last_modified": "Fri, 04 Dec 2026 06:00:00 GMT"}
    state.record(URL, feed="wire", status="written", text_sha256="f" * 64, document_path="documents/wire/a.md",
                 title=None)
    again = FeedState.load(tmp_path)
    assert again.seen(URL) and not again.seen(URL + "?page=2")
    assert again.items[URL] == {"feed": "wire", "status": "written", "text_sha256": "f" * 64,
                                "document_path": "documents/wire/a.md"}  # None values are not stored
    assert again.written_with_text("f" * 64) == URL and again.written_with_text("e" * 64) is None
    assert again.validators("https://wire.example/rss") == {"If-None-Match": '"abc"',
                                                            "If-Modified-Since": "Fri, 04 Dec 2026 06:00:00 GMT"}
    assert again.validators("https://other.example/rss") == {}
    assert sorted(p.name for p in (tmp_path / ".feeds").iterdir()) == ["state.json"]  # no temporary file left
    with pytest.raises(ValueError, match="unknown item status"):
        again.record(URL, feed="wire", status="maybe")


@pytest.mark.parametrize("content", ["{not json", '{"version": 99}', "[]"])
def test_a_corrupt_state_is_set_aside_and_the_run_starts_empty(tmp_path: Path, content: str) -> None:
    (tmp_path / ".feeds").mkdir()
    (tmp_path / ".feeds" / "state.json").write_text(content)
    state = FeedState.load(tmp_path)
    assert state.items == {}
    assert (tmp_path / ".feeds" / "state.json.corrupt").read_text() == content


def test_a_document_keeps_its_name_for_its_url(tmp_path: Path) -> None:
    first = document_path(tmp_path, "wire", URL, "Azerbaijan & Belarus: talks!", date(2026, 12, 2))
    assert first == tmp_path / "documents" / "wire" / f"2026-12-02-azerbaijan-belarus-talks-{url_hash(URL)}.md"
    write_atomically(first, b"---\ntitle: x\n---\n\ntext\n")
    # a run killed before recording it fetches the page again: the title changed, the file is the same one
    assert document_path(tmp_path, "wire", URL, "Updated headline", date(2026, 12, 3)) == first
    assert document_path(tmp_path, "wire", URL + "/2", None, date(2026, 12, 3)).name.startswith("2026-12-03-article-")
    assert [p.name for p in first.parent.iterdir()] == [first.name]
    raw = archive_page(tmp_path, "wire", first, b"<html>page</html>")
    assert raw == tmp_path / ".feeds" / "pages" / "wire" / f"{first.stem}.html.gz"


def test_the_state_becomes_feed_item_rows_and_bad_rows_are_quarantined(tmp_path: Path) -> None:
    state = FeedState(path=tmp_path / "state.json", items={
        URL: {"feed": "wire", "status": "written", "document_path": "documents/wire/a.md", "title": "Talks",
              "published": "2026-12-02", "fetched_at": "2026-12-04T06:00:00+00:00", "page_sha256": "a" * 64,
              "text_sha256": "b" * 64},
        URL + "-m": {"feed": "wire", "status": "duplicate", "same_as": URL, "text_sha256": "b" * 64},
        "https://wire.example/football": {"feed": "wire", "status": "filtered", "reason": "not about the pair"},
        "https://wire.example/bad": {"feed": None, "status": "written", "page_sha256": "short"},
    })
    frame, rejected = feed_items_frame(state)
    assert frame.sort("url").select("url", "status", "published_date", "fetched_at", "same_as").rows() == [
        (URL, "written", date(2026, 12, 2), datetime(2026, 12, 4, 6, 0), None),
        (URL + "-m", "duplicate", None, None, URL),
        ("https://wire.example/football", "filtered", None, None, None),
    ]
    assert rejected.height == 1 and rejected["source"].to_list() == [".feeds/state.json"]
    assert "column 'feed': value is missing" in rejected["reason"][0]
    assert json.loads(rejected["raw"][0])["url"] == "https://wire.example/bad"


@pytest.mark.parametrize(("words", "text", "every", "expected"), [
    (("Azerbaijan", "Belarus"), "Belarusian tractors for Azerbaijani farms", True, True),
    (("Azerbaijan", "Belarus"), "Belarusian tractors for Georgia", True, False),
    (("Azerbaijan", "Belarus"), "Belarusian tractors for Georgia", False, True),
    (("Azerbaijan", "Belarus"), "WHITE RUSSIA (BELARUS) AND AZERBAIJAN", True, True),
    (("Iran",), "Iranian talks", False, True),
    (("Iran",), "Tirana hosts a summit", False, False),  # a word start, not any substring
])
def test_the_pair_filter_matches_word_starts(words: tuple, text: str, every: bool, expected: bool) -> None:
    assert mentions(words, text, every=every) is expected
