"""`[[feed]]` entries of sources.toml: which feeds to follow, under which folder name, with which filter words."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MANIFEST_NAME = "sources.toml"
DEFAULT_MAX_ITEMS = 20
# A feed lists tens of items; more than this a run is a backfill, which a scheduled crawl should not become.
MAX_ITEMS_LIMIT = 500
_NAME_RX = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
KNOWN_KEYS = {"url", "name", "pair", "max_items", "title", "origin", "licence", "note"}


@dataclass(frozen=True)
class FeedEntry:
    """One feed to follow: its URL, the folder its articles go to, the words an article must mention."""

    url: str
    name: str
    pair: tuple[str, ...] = field(default_factory=tuple)
    max_items: int = DEFAULT_MAX_ITEMS


def slug(text: str, limit: int = 64) -> str:
    """Lower-case letters, digits and dashes: a safe folder or file name part."""
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:limit].rstrip("-")


def default_name(url: str) -> str:
    """A folder name from the feed's host and path: https://news.example.org/rss/world -> news-example-org-rss-world."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    path = re.sub(r"\.(xml|rss|atom|php|aspx?)$", "", parts.path.strip("/"), flags=re.IGNORECASE)
    return slug(f"{host} {path}") or "feed"


def _entry(raw: Any) -> FeedEntry:
    """A FeedEntry from one `[[feed]]` table; raises ValueError with a reason a person understands."""
    if not isinstance(raw, dict):
        raise ValueError("a [[feed]] entry must be a table with url = ...")
    url = raw.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ValueError("feed entry has no 'url'")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"feed url '{url}' is not an http(s) address")
    name = raw.get("name")
    if name is None:
        name = default_name(url)
    elif not isinstance(name, str) or not _NAME_RX.match(name):
        raise ValueError(f"feed name {name!r} must be 1-64 lower-case letters, digits, '.', '_' or '-' "
                         "(it names the folder under documents/)")
    pair = raw.get("pair", [])
    if isinstance(pair, str):
        pair = [pair]
    if not isinstance(pair, list) or not all(isinstance(w, str) and w.strip() for w in pair):
        raise ValueError("feed 'pair' must be a list of words, e.g. pair = [\"Azerbaijan\", \"Belarus\"]")
    max_items = raw.get("max_items", DEFAULT_MAX_ITEMS)
    if isinstance(max_items, bool) or not isinstance(max_items, int) or not 1 <= max_items <= MAX_ITEMS_LIMIT:
        raise ValueError(f"feed 'max_items' must be a whole number from 1 to {MAX_ITEMS_LIMIT}, not {max_items!r}")
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise ValueError(f"feed entry has unknown keys {unknown} (known: {sorted(KNOWN_KEYS)})")
    return FeedEntry(url=url, name=name, pair=tuple(w.strip() for w in pair), max_items=max_items)


def read_feed_entries(root: Path) -> tuple[list[FeedEntry], list[dict[str, Any]]]:
    """(feeds to fetch, quarantine rows for entries that cannot be used) from root/sources.toml.

    A manifest that is not valid TOML yields no feeds and no rows here: discovery reports it and stops the run.
    """
    path = root / MANIFEST_NAME
    if not path.is_file():
        return [], []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return [], []
    raw_entries = data.get("feed", [])
    if not isinstance(raw_entries, list):
        return [], [_reject("<feed>", "'feed' must be an array of tables ([[feed]])", raw_entries)]
    feeds: list[FeedEntry] = []
    rejected: list[dict[str, Any]] = []
    for i, raw in enumerate(raw_entries, start=1):
        try:
            entry = _entry(raw)
        except ValueError as exc:
            rejected.append(_reject(f"<feed {i}>", str(exc), raw))
            continue
        clash = next((f for f in feeds if f.url == entry.url or f.name == entry.name), None)
        if clash is not None:
            what = f"url '{entry.url}'" if clash.url == entry.url else f"name '{entry.name}'"
            rejected.append(_reject(f"<feed {i}>", f"a feed with the same {what} comes first: this entry is not used",
                                    raw))
            continue
        feeds.append(entry)
    return feeds, rejected


def _reject(row_ref: str, reason: str, raw: Any) -> dict[str, Any]:
    return {"stage": "ingest", "source": MANIFEST_NAME, "row_ref": row_ref, "reason": reason, "raw": raw}
