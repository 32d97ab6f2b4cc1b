"""One file -> one DocumentRaw row (see schemas/raw.py), and a batch of files -> a validated frame plus quarantine.

The text stored here is what every character offset downstream indexes, so it is built once and deterministically:
newlines normalised to "\\n", NFC, paragraphs separated by a blank line, whitespace inside an HTML block collapsed.
Publication date priority: manifest entry > front matter > HTML meta > dateline in the first lines > the date in
the source address (manifest `url`, front-matter `url:`, an HTML canonical link; see address.py).
"""
from __future__ import annotations

import hashlib
import re
import zlib
from datetime import date, timedelta
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

import pandera.errors
import polars as pl

from flows.ingest.discover import open_regular
from flows.ingest.documents.address import clean_url, first_url, url_date
from flows.ingest.documents.datelines import date_only_line, find_dateline, is_heading_line, parse_dateline
from flows.ingest.documents.decode import decode_bytes, normalise, sniff_format
from flows.ingest.documents.errors import PREVIEW_BYTES, DocumentError, preview
from flows.ingest.documents.html import read_html
from flows.ingest.documents.layout import lay_out
from flows.ingest.documents.markdown import as_date, read_markdown
from schemas.quarantine import quarantine_frame
from schemas.raw import DocumentRaw
from schemas.validate import describe_failure

DOCUMENT_SCHEMA = {
    "document_key": pl.Utf8, "name": pl.Utf8, "path": pl.Utf8, "format": pl.Utf8, "sha256": pl.Utf8,
    "size_bytes": pl.Int64, "encoding": pl.Utf8, "title": pl.Utf8, "outlet": pl.Utf8, "dateline_place": pl.Utf8,
    "published_date": pl.Date, "published_source": pl.Utf8, "text": pl.Utf8,
}
# A news article is tens of kilobytes; a file this large is a dump or a mistake, and would stall extraction.
MAX_DOCUMENT_BYTES = 10 * 2**20
_CONTROL_RX = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_text(text: str) -> dict[str, Any]:
    """Plain text laid out (hard wraps joined, glued boxes cut); the first line is the title when it reads as a
    heading (and is no dateline)."""
    body = lay_out(text.strip())
    first = body.split("\n", 1)[0].strip()
    title = None
    if is_heading_line(first) and date_only_line(first) is None and parse_dateline(first) is None:
        title = first
    return {"title": title, "text": body}


# ---------------------------------------------------------------------------------------------------------------
def document_key(relative_path: str) -> str:
    """First 16 hex characters of the sha256 of the posix path relative to the sources root."""
    return hashlib.sha256(relative_path.encode("utf-8")).hexdigest()[:16]


def relative_posix(path: Path, root: Path) -> str:
    """The path relative to root in posix form (the path as given when it is not under root)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return PurePath(path).as_posix()


STRAY_NUL_SHARE = 0.01  # text with a few NUL bytes (a bad copy, a C string) vs binary or UTF-16, which has many
MAX_DROPPED_ROWS = 20


def _without_stray_nuls(data: bytes) -> tuple[bytes, list[dict[str, str]]]:
    """The bytes without a few stray NULs, and one quarantine part per line that held them; unchanged when NULs
    are many (UTF-16 or binary: decode_bytes and the control-character check judge those)."""
    count = data.count(0)
    if not count or count > STRAY_NUL_SHARE * len(data):
        return data, []
    lines: dict[int, int] = {}
    at = data.find(0)
    while at != -1:
        line = data.count(b"\n", 0, at) + 1
        lines[line] = lines.get(line, 0) + 1
        at = data.find(0, at + 1)
    dropped = [{"row_ref": f"line {line}", "reason": f"{n} NUL byte{'s' if n > 1 else ''} removed, the text around "
                                                    f"{'them' if n > 1 else 'it'} is loaded", "raw": None}
               for line, n in sorted(lines.items())[:MAX_DROPPED_ROWS]]
    if len(lines) > MAX_DROPPED_ROWS:
        rest = sum(n for _, n in sorted(lines.items())[MAX_DROPPED_ROWS:])
        dropped[-1]["reason"] += f"; and {rest} more on {len(lines) - MAX_DROPPED_ROWS} later lines"
    return data.replace(b"\x00", b""), dropped


def unpacked(data: bytes) -> bytes:
    """A gzipped document ('article.txt.gz') unpacked as a stream, stopped past the document size limit (a
    decompression bomb costs 10 MB, never more); any other archive is refused with what to do."""
    if data.startswith(b"PK\x03\x04"):
        raise DocumentError("a zip archive: dyad does not unpack archives; unpack it into the documents folder",
                            preview(data))
    if not data.startswith(b"\x1f\x8b"):
        return data
    unpacker = zlib.decompressobj(wbits=31)
    try:
        content = unpacker.decompress(data, MAX_DOCUMENT_BYTES + 1)
    except zlib.error as error:
        raise DocumentError(f"truncated or corrupt gzip file: {error}", preview(data)) from None
    if len(content) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"too large once unpacked: more than the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB limit "
                            "for one document", preview(content))
    if not unpacker.eof:
        raise DocumentError("truncated gzip file: it ends before its data does", preview(content))
    if content.startswith((b"\x1f\x8b", b"PK\x03\x04")):
        raise DocumentError("an archive inside a gzip file: not unpacked further; unpack it", preview(content))
    return content


def _future_date(text: str, value: date, origin: str) -> dict[str, str]:
    """The quarantine part for a publication date in the future: the line that states it (the manifest has none)."""
    if origin == "manifest":
        row_ref = "manifest"
    else:
        at = next((text.find(form) for form in (value.isoformat(), str(value.year)) if form in text), -1)
        row_ref = f"line {text.count(chr(10), 0, at) + 1}" if at >= 0 else origin.replace("_", " ")
    return {"row_ref": row_ref, "reason": f"the {origin.replace('_', ' ')} date {value.isoformat()} is in the "
                                          "future: ignored, the text is loaded without it", "raw": value.isoformat()}


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading when over the size limit (a 2 GB log dropped into documents/
    would be read whole only to be refused); raises DocumentError for a file too large, unreadable or empty."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            with path.open("rb") as handle:
                head = handle.read(PREVIEW_BYTES)
            raise DocumentError(f"too large: {size / 2**20:.1f} MB is over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB "
                                "limit for one document", preview(head))
        with open_regular(path) as handle:  # a FIFO swapped in after discovery must not block the run
            data = handle.read()
    except OSError as error:
        raise DocumentError(f"unreadable file: {error.strerror or error}") from error
    if not data:
        raise DocumentError("empty file")
    return data


def _decoded_text(data: bytes) -> tuple[str, str, list[dict[str, Any]]]:
    """(normalised text, encoding, quarantine parts for stray NULs) of a file's bytes, unpacked when gzipped.

    Apart from the markup reading because every way bytes fail to be text (a corrupt gzip, UTF-16 without a
    BOM, a PNG named 'photo.txt') is decided here, before any format is guessed; the preview shows the file's
    own bytes, not the unpacked ones.
    """
    content = unpacked(data)
    readable, dropped = _without_stray_nuls(content)
    try:
        raw_text, encoding = decode_bytes(readable)
    except DocumentError as error:
        raise DocumentError(error.reason, preview(data)) from None
    text = normalise(raw_text)
    if not text.strip():
        raise DocumentError("empty file: only whitespace", text[:200] or None)
    if len(_CONTROL_RX.findall(text)) > 0.05 * len(text):
        raise DocumentError("binary content: not text", preview(data))
    return text, encoding, dropped


def _publication_date(entry: Mapping[str, Any], parsed: Mapping[str, Any], fmt: str, dateline: Mapping[str, Any],
                      text: str, dropped: list[dict[str, Any]]) -> tuple[date | None, str | None]:
    """(published date, where it came from) by priority: manifest > front matter > HTML meta > dateline > address.

    A date in the future is skipped for the next one and quarantined (appended to `dropped`): a front matter
    'date: 2093-01-01' is a typo, and the dateline 'Baku, 12 June 2023' below it is then the date kept.
    """
    for value, origin in ((as_date(entry.get("published")), "manifest"),
                          (parsed.get("published") if fmt == "md" else None, "front_matter"),
                          (parsed.get("published") if fmt == "html" else None, "html_meta"),
                          (dateline.get("published"), "dateline"),
                          (url_date(source_url(entry, parsed)), "url")):
        if value is not None and value > date.today() + timedelta(days=1):
            # a date after tomorrow (in any time zone) is wrong metadata: the date is quarantined, the text loads
            dropped.append(_future_date(text, value, origin))
        elif value is not None:
            return value, origin
    return None, None


def source_url(entry: Mapping[str, Any], parsed: Mapping[str, Any]) -> str | None:
    """The address the document was saved from: the manifest's `url` (or `link`, `source_url`, `canonical`) over
    the document's own (front matter, HTML canonical / og:url link); None when neither is an http(s) address."""
    return first_url(entry) or clean_url(parsed.get("url"))


def read_document(path: Path, root: Path, manifest_entry: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One DocumentRaw row (see schemas/raw.py) for one file; raises DocumentError(reason) on bad input."""
    if not path.is_absolute() and not path.exists() and (root / path).exists():
        path = root / path  # a path given relative to the sources root
    relative = relative_posix(path, root)
    data = _file_bytes(path)
    text, encoding, dropped = _decoded_text(data)
    fmt = sniff_format(path.with_name(path.name[:-3]) if path.name.lower().endswith(".gz") else path, text)
    parsed = {"md": read_markdown, "html": read_html}.get(fmt, read_text)(text)
    dropped += parsed.get("_dropped", [])
    body: str = parsed["text"]
    if not body.strip():
        raise DocumentError(f"no text left after reading the {fmt} markup", text[:200])
    dateline = find_dateline(body)
    entry = manifest_entry or {}
    published, source = _publication_date(entry, parsed, fmt, dateline, text, dropped)
    return {
        "document_key": document_key(relative),
        "name": path.name,
        "path": relative,
        "format": fmt,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
        "encoding": encoding,
        "title": entry.get("title") or parsed.get("title"),
        "outlet": entry.get("outlet") or parsed.get("outlet") or dateline.get("outlet"),
        "dateline_place": dateline.get("place"),
        "published_date": published,
        "published_source": source,
        "text": body,
        **({"_dropped": dropped} if dropped else {}),
    }


def _failing_rows(frame: pl.DataFrame) -> dict[int, str]:
    """Row index -> reason for every row DocumentRaw rejects (all failures at once)."""
    try:
        DocumentRaw.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        reasons: dict[int, str] = {}
        for row in cases.filter(pl.col("index").is_not_null()).iter_rows(named=True):
            reasons.setdefault(int(row["index"]), describe_failure(row["column"], row["check"], row["failure_case"]))
        if not reasons:
            raise
        return reasons
    return {}


def read_documents(paths: Sequence[Path], root: Path, manifest: Mapping[str, Mapping[str, Any]] | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents frame validated against schemas.raw.DocumentRaw, quarantine frame) for a batch."""
    rows: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in paths:
        relative = relative_posix(path, root)
        if relative in seen:
            continue
        seen.add(relative)
        entry = (manifest or {}).get(relative) or (manifest or {}).get(path.name)
        try:
            row = read_document(path, root, entry)
            rejected += [{"stage": "ingest", "source": relative, **part} for part in row.pop("_dropped", [])]
            rows.append(row)
        except DocumentError as error:
            rejected.append({"stage": "ingest", "source": relative, "row_ref": "file", "reason": error.reason,
                             "raw": error.raw})
        except Exception as error:  # noqa: BLE001 - one unreadable file must not cost the rest of the batch
            rejected.append({"stage": "ingest", "source": relative, "row_ref": "file",
                             "reason": f"could not be read ({type(error).__name__}: {error})"[:500], "raw": None})
    frame = pl.DataFrame(rows, schema=DOCUMENT_SCHEMA)
    failing = _failing_rows(frame)
    if failing:
        for index, reason in sorted(failing.items()):
            row = rows[index]
            rejected.append({"stage": "ingest", "source": row["path"], "row_ref": "file", "reason": reason,
                             "raw": row["text"][:200]})
        frame = frame.filter(~pl.int_range(pl.len()).is_in(list(failing)))
    return DocumentRaw.validate(frame), quarantine_frame(rejected)
