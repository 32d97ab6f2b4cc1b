"""Where a fetched article goes: documents/<feed>/<date>-<title>-<url hash>.md, plus the raw page archived
gzip-compressed under .feeds/pages/<feed>/ (outside documents/, so it is never ingested twice)."""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from datetime import date
from pathlib import Path

from flows.ingest.feeds.manifest import slug
from flows.ingest.feeds.state import STATE_DIR

URL_HASH_CHARS = 12


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:URL_HASH_CHARS]


def document_path(root: Path, feed: str, url: str, title: str | None, day: date) -> Path:
    """The file for an item: the one already written for its URL when there is one (a run killed between writing
    the document and recording it writes it again under the same name), else a new readable name."""
    folder = root / "documents" / feed
    tail = f"-{url_hash(url)}.md"
    existing = sorted(folder.glob(f"*{tail}")) if folder.is_dir() else []
    if existing:
        return existing[0]
    words = slug(title or "", limit=60) or "article"
    return folder / f"{day.isoformat()}-{words}{tail}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a hidden temporary file beside the target (discovery skips dot files), then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def archive_page(root: Path, feed: str, document: Path, body: bytes) -> Path:
    """Keep the raw page beside the state (a newer extractor can read it again); returns its path."""
    target = root / STATE_DIR / "pages" / feed / f"{document.stem}.html.gz"
    write_atomically(target, gzip.compress(body, mtime=0))
    return target
