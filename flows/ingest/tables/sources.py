"""Table files as Polars frames of text columns with a record number, streamed in batches where the file allows."""
from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl

from flows.ingest.tables.detect import is_gzip

BATCH_ROWS = 500_000
RN = "rn"  # 0-based record number in the file: what row_ref is made from


def file_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed when gzipped."""
    data = path.read_bytes()
    return gzip.decompress(data) if is_gzip(path) else data


def is_utf8(data: bytes) -> bool:
    """True when the bytes decode as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def head_lines(path: Path, size: int = 1 << 20) -> bytes:
    """The whole lines within the first bytes of a file (a character cut at the end is no error)."""
    with path.open("rb") as fh:
        head = fh.read(size)
    return head if len(head) < size else head.rsplit(b"\n", 1)[0]


def header_of(path: Path) -> list[str]:
    """The column names of a CSV file as written (BOM and surrounding spaces removed)."""
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
        first = fh.readline().decode("utf-8", errors="replace")
    row = next(csv.reader(io.StringIO(first)), [])
    return [name.lstrip("\ufeff") for name in row]


def column_choice(header: list[str], wanted: Iterable[str]) -> dict[str, str]:
    """{name in the file: wanted name} for the wanted columns the file has, matched case-insensitively."""
    by_lower = {name.strip().lower(): name for name in header}
    return {by_lower[w.lower()]: w for w in wanted if w.lower() in by_lower}


def conform(frame: pl.DataFrame, choice: dict[str, str], wanted: list[str], start: int) -> pl.DataFrame:
    """Rename to the wanted names, add the missing ones as null text, number the records from start."""
    frame = frame.rename(choice)
    missing = [pl.lit(None, pl.Utf8).alias(w) for w in wanted if w not in frame.columns]
    return frame.with_columns(missing).with_row_index(RN, offset=start).select(RN, *wanted)


def csv_batches(path: Path, wanted: list[str], batch_rows: int = BATCH_ROWS) -> Iterator[pl.DataFrame]:
    """The wanted columns of a CSV file as text, in batches of about batch_rows records.

    A plain UTF-8 file is scanned in a stream and never held whole in memory; a gzipped or
    non-UTF-8 file (old Comtrade downloads are Latin-1) is decompressed or re-encoded first.
    """
    choice = column_choice(header_of(path), wanted)
    if is_gzip(path) or not is_utf8(head_lines(path)):
        data = file_bytes(path)
        if not is_utf8(data):
            data = data.decode("latin-1").encode("utf-8")
        frame = pl.read_csv(io.BytesIO(data), infer_schema=False, columns=list(choice))
        for start in range(0, max(frame.height, 1), batch_rows):
            yield conform(frame.slice(start, batch_rows), choice, wanted, start)
        return
    pending: list[pl.DataFrame] = []
    start = 0
    # utf8-lossy: a stray Latin-1 byte deep in a big file becomes U+FFFD rather than an error
    scan = pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy").select(list(choice))
    for chunk in scan.collect_batches(chunk_size=batch_rows):
        pending.append(chunk)
        if sum(f.height for f in pending) >= batch_rows:
            frame = pl.concat(pending)
            pending = []
            yield conform(frame, choice, wanted, start)
            start += frame.height
    if pending or start == 0:
        frame = pl.concat(pending) if pending else pl.DataFrame(schema={c: pl.Utf8 for c in choice})
        yield conform(frame, choice, wanted, start)


def frame_batches(frame: pl.DataFrame, wanted: list[str]) -> Iterator[pl.DataFrame]:
    """An in-memory frame (a JSON response) as one numbered batch with the wanted columns."""
    choice = column_choice(frame.columns, wanted)
    yield conform(frame.select(list(choice)), choice, wanted, 0)
