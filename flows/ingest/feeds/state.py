"""What the fetcher has seen: items by URL and by text hash, each feed's validators (ETag, Last-Modified).

The state is a JSON file beside the documents (`<sources>/.feeds/state.json`), replaced atomically after each
item, so a killed run loses at most the item it was writing, and that one is written again under the same
name on the next run (see store.document_path), never twice. The database gets a copy (`feed_item`) inside
the run's one transaction, for queries; the file stays the truth, because the documents it describes live
beside it, not in the database.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_DIR = ".feeds"
STATE_NAME = "state.json"
STATE_VERSION = 1
# written: a new document; duplicate: same text as an earlier item; filtered: not about the pair;
# disallowed: robots.txt forbids it; failed: the page cannot give an article (404, not HTML, no text)
STATUSES = ("written", "duplicate", "filtered", "disallowed", "failed")


@dataclass
class FeedState:
    path: Path
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)  # feed url -> etag, last_modified, checked_at
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # item url -> status, path, hashes, ...

    @classmethod
    def load(cls, root: Path) -> "FeedState":
        """The state of a sources folder (empty when there is none yet); a corrupt file is kept aside, not lost."""
        path = root / STATE_DIR / STATE_NAME
        if not path.is_file():
            return cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
                raise ValueError(f"not a version {STATE_VERSION} state file")
            return cls(path=path, feeds=dict(data.get("feeds", {})), items=dict(data.get("items", {})))
        except (ValueError, OSError):
            # Starting empty only costs refetching: documents are found again under their own names.
            path.replace(path.with_name(f"{STATE_NAME}.corrupt"))
            return cls(path=path)

    def seen(self, url: str) -> bool:
        return url in self.items

    def written_with_text(self, text_sha256: str) -> str | None:
        """The URL of a written item with this text hash, if any."""
        return next((url for url, item in self.items.items()
                     if item.get("status") == "written" and item.get("text_sha256") == text_sha256), None)

    def record(self, url: str, **item: Any) -> None:
        if item.get("status") not in STATUSES:
            raise ValueError(f"unknown item status {item.get('status')!r}")
        self.items[url] = {k: v for k, v in item.items() if v is not None}
        self.save()

    def validators(self, feed_url: str) -> dict[str, str]:
        """Conditional GET headers for a feed: If-None-Match / If-Modified-Since from its last full read."""
        known = self.feeds.get(feed_url, {})
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def save(self) -> None:
        """Write the whole state to a temporary file, flush it to disk, then rename it over the old one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": STATE_VERSION, "feeds": self.feeds, "items": self.items}
        handle, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True, default=str)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
