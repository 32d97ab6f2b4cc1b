"""Table files as Polars frames of text columns with a record number, streamed in batches where the file allows."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from queue import Queue
from threading import Event, Thread
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl

from flows.ingest.encodings import is_utf8
from flows.ingest.tables.detect import open_table

BATCH_ROWS = 500_000
BLOCK_BYTES = 48 << 20  # about 220,000 Comtrade records: peak memory against per-batch cost
RN = "rn"  # 0-based line number after the header where a record starts: what row_ref is made from


def head_lines(path: Path, size: int = 1 << 20) -> bytes:
    """The whole lines within the first bytes of a file (a character cut at the end is no error)."""
    with open_table(path) as fh:
        head = fh.read(size)
    return head if len(head) < size else head.rsplit(b"\n", 1)[0]


def header_of(path: Path) -> list[str]:
    """The column names of a CSV file as written (BOM and surrounding spaces removed)."""
    with open_table(path) as fh:
        first = fh.readline().decode("utf-8", errors="replace")
    row = next(csv.reader(io.StringIO(first)), [])
    return [name.lstrip("\ufeff") for name in row]


def column_choice(header: list[str], wanted: Iterable[str]) -> dict[str, str]:
    """{name in the file: wanted name} for the wanted columns the file has, matched case-insensitively."""
    by_lower = {name.strip().lower(): name for name in header}
    return {by_lower[w.lower()]: w for w in wanted if w.lower() in by_lower}


PARSE_COLUMNS = [PARSE_ERROR, RAW_LINE] = ["parse_error", "raw_line"]  # why a line could not be read, as written


def conform(frame: pl.DataFrame, choice: dict[str, str], wanted: list[str], start: int) -> pl.DataFrame:
    """Rename to the wanted names, add the missing ones as null text, number the records from start (unless the
    frame brings its own numbers), keep a parse error and the line as written where the reader gave them."""
    frame = frame.rename(choice)
    missing = [pl.lit(None, pl.Utf8).alias(w) for w in [*wanted, *PARSE_COLUMNS] if w not in frame.columns]
    frame = frame.with_columns(missing)
    if RN not in frame.columns:
        frame = frame.with_row_index(RN, offset=start)
    return frame.select(RN, *wanted, *PARSE_COLUMNS)


# RFC 4180: a field is quoted whole ("a ""b"", c") or holds no quote at all; anything else ('""x', 'a"b', a
# quote never closed) is read differently by every CSV reader, so dyad reads it as no line at all.
_CSV_LINE_RX = re.compile(rb'(?:"(?:[^"]|"")*"|[^",]*)(?:,(?:"(?:[^"]|"")*"|[^",]*))*')
_QUOTED_RX = re.compile(rb'"(?:[^"]|"")*"')


def field_count(record: bytes) -> int | None:
    """The number of fields of one CSV record (which may span lines inside quotes), or None when its quoting is
    not RFC 4180 (a stray or unclosed quote)."""
    if b'"' not in record:
        return record.count(b",") + 1
    if not _CSV_LINE_RX.fullmatch(record.rstrip(b"\r")):
        return None
    return _QUOTED_RX.sub(b"", record).count(b",") + 1


MAX_QUOTED_LINES = 1000  # a quoted field spans a few lines at most; beyond that the quote was never closed
OPEN = -1  # _quoted_span: the block ends before the quote could close; the next block decides


def _quoted_span(lines: list[bytes], first: int, n_columns: int, final: bool) -> int:
    """How many lines the record opened by an odd quote on lines[first] spans: up to the next line that closes the
    quote, when the lines joined are one valid record of the header's width (a product description such as
    '"Cotton, raw<line break>and carded"'); else 1, the line alone (a quote never closed must not swallow the lines
    after it, and one stray quote further on must not pair with it across good lines). A line between the two
    that is a whole record of the header's width by itself is read as one: two stray quotes ('2021,",112,...' on
    lines 23 and 27) would otherwise make one valid-looking record that swallows the good lines 24-26. OPEN when
    the lines run out first and more may follow (not final)."""
    end = first + MAX_QUOTED_LINES
    for last in range(first + 1, min(end, len(lines))):
        if lines[last].count(b'"') % 2:
            joined = field_count(b"\n".join(lines[first:last + 1]))
            return last + 1 - first if joined == n_columns else 1
        if field_count(lines[last]) == n_columns:
            return 1
    return OPEN if not final and len(lines) < end else 1


@dataclass
class Records:
    """The records of a stretch of CSV lines, each with the number of the line it starts on (from 0, relative to
    the stretch): those that read right, the others as {number: (why, the line as written)}; `used` bytes of the
    stretch were read, the rest (a quote still open where the stretch ends) waits for the next stretch."""

    good: list[tuple[int, bytes]]
    bad: dict[int, tuple[str, bytes]]
    used: int
    lines: int  # lines in the used bytes
    body: bytes = b""  # the used bytes: Polars reads them as they are when every line is one good record
    spans: bool = False  # a record spans lines


def split_records(body: bytes, n_columns: int, final: bool = True) -> Records:
    """The records of CSV lines after the header (see Records).

    A record with more or fewer fields than the header (a comma inside an unquoted value) would load every later
    value into the wrong column; an unclosed quote would swallow the lines after it. A quoted field may hold a
    line break (RFC 4180): its record spans lines and keeps the number of its first. Blank lines are the reader's
    own business (rows of nulls, judged like any row).
    """
    lines = body.split(b"\n")
    if not lines[-1]:
        lines.pop()
    found = Records([], {}, len(body), len(lines))
    number = offset = 0
    while number < len(lines):
        line = lines[number]
        span = _quoted_span(lines, number, n_columns, final) if line.count(b'"') % 2 else 1
        if span == OPEN:
            found.used, found.lines = offset, number
            break
        record = line if span == 1 else b"\n".join(lines[number:number + span])
        found.spans = found.spans or span > 1
        fields = field_count(record) if line.strip() else n_columns
        if fields is None:
            found.bad[number] = ("not valid CSV: an unclosed or stray quote", line)
        elif fields != n_columns:
            found.bad[number] = (f"{fields} fields where the header has {n_columns}: a comma inside a value that is "
                                 "not quoted would shift every later column, so the line is not loaded", record)
        else:
            found.good.append((number, record))
        offset += len(record) + 1
        number += span
    found.body = body[:found.used]
    return found


def read_block(header: bytes, records: Records, choice: dict[str, str], start: int) -> pl.DataFrame:
    """Records as text columns numbered by line from start: the ones that read right through Polars, each misread
    line as a row of nulls with its parse error and the line as written."""
    if not records.bad and not records.spans and records.body.strip():  # one line a record: rows are lines
        return pl.read_csv(io.BytesIO(header + b"\n" + records.body), infer_schema=False, columns=list(choice),
                           encoding="utf8-lossy").with_row_index(RN, offset=start)
    if records.good:
        body = b"\n".join(record for _, record in records.good) + b"\n"
        frame = pl.read_csv(io.BytesIO(header + b"\n" + body), infer_schema=False, columns=list(choice),
                            encoding="utf8-lossy")
    else:  # Polars would read the one line break left as a row of nulls
        frame = pl.DataFrame(schema={name: pl.Utf8 for name in choice})
    numbers = [number for number, _ in records.good]
    frame = frame.with_columns(pl.Series(RN, numbers[:frame.height], pl.UInt32) + start)
    if not records.bad:
        return frame
    misread = pl.DataFrame({
        RN: pl.Series([start + n for n in records.bad], dtype=pl.UInt32),
        PARSE_ERROR: [why for why, _ in records.bad.values()],
        RAW_LINE: [line.decode("utf-8", errors="replace")[:1000] for _, line in records.bad.values()],
    })
    return pl.concat([frame, misread], how="diagonal_relaxed").sort(RN)


def csv_blocks(path: Path, n_columns: int, latin1: bool = False,
               block_bytes: int = BLOCK_BYTES) -> Iterator[tuple[bytes, Records]]:
    """The file (decompressed if gzipped, Latin-1 re-encoded) as (header line, records) in blocks of whole records.

    A block ends at a line break, but a record whose quote is still open there (a quoted field that holds a line
    break) waits for the next block, so it is never cut in two; a quote never closed holds back at most
    MAX_QUOTED_LINES lines, never the rest of the file.
    """
    with open_table(path) as fh:
        header = fh.readline()
        header = (header.decode("latin-1").encode("utf-8") if latin1 else header).rstrip(b"\n")
        rest = b""
        while data := fh.read(block_bytes):
            buffer = rest + (data.decode("latin-1").encode("utf-8") if latin1 else data)
            cut = buffer.rfind(b"\n") + 1
            records = split_records(buffer[:cut], n_columns, final=False)
            if records.good or records.bad:
                yield header, records
            rest = buffer[records.used:]
        if rest.strip():
            yield header, split_records(rest, n_columns)


def csv_batches(path: Path, wanted: list[str], block_bytes: int = BLOCK_BYTES) -> Iterator[pl.DataFrame]:
    """The wanted columns of a CSV (or Parquet) file as text, in batches, never the whole file at once.

    Python reads the next block only when the previous batch is done, so memory stays bounded by a
    block whatever the file's size; Latin-1 files (old Comtrade downloads) are re-encoded per block.
    """
    if path.suffix.lower() == ".parquet":
        yield from parquet_batches(path, wanted)
        return
    header = header_of(path)
    choice = column_choice(header, wanted)
    latin1 = not is_utf8(head_lines(path))
    start, emitted = 0, False
    for head, records in csv_blocks(path, len(header), latin1, block_bytes):
        frame = read_block(head, records, choice, start)
        if frame.height or not emitted:
            yield conform(frame, choice, wanted, start)
            emitted = True
        # numbered by line, not by record: a record whose quoted field holds a line break takes two numbers
        start += records.lines
    if not emitted:
        yield conform(pl.DataFrame(schema={c: pl.Utf8 for c in choice}), choice, wanted, 0)


def parquet_batches(path: Path, wanted: list[str], batch_rows: int = BATCH_ROWS) -> Iterator[pl.DataFrame]:
    """The wanted columns of a Parquet file as text, streamed in batches."""
    choice = column_choice(pl.read_parquet_schema(path).keys(), wanted)
    scan = pl.scan_parquet(path).select(pl.col(list(choice)).cast(pl.Utf8))
    start = 0
    for chunk in scan.collect_batches(chunk_size=batch_rows):
        yield conform(chunk, choice, wanted, start)
        start += chunk.height
    if start == 0:
        yield conform(pl.DataFrame(schema={c: pl.Utf8 for c in choice}), choice, wanted, 0)


def prefetched(batches: Iterable[pl.DataFrame], depth: int = 1) -> Iterator[pl.DataFrame]:
    """The same batches, the next one read in a thread while the caller works on the current one.

    Reading (file, Polars' parser) and loading (DuckDB) both release the GIL, so they overlap; at
    most `depth` batches wait, so memory stays bounded. An error while reading is raised here.
    """
    queue: Queue = Queue(maxsize=depth)
    done, stop = object(), Event()

    def produce() -> None:
        try:
            for batch in batches:
                if stop.is_set():
                    return
                queue.put(batch)
        except BaseException as err:  # handed to the consumer, which raises it
            queue.put(err)
        queue.put(done)

    Thread(target=produce, daemon=True, name="trade-batches").start()
    try:
        while (item := queue.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        # the consumer stopped early (an error while loading): let the reader see it and finish
        stop.set()
        while not queue.empty():
            queue.get_nowait()


def frame_batches(frame: pl.DataFrame, wanted: list[str]) -> Iterator[pl.DataFrame]:
    """An in-memory frame (a JSON response) as one numbered batch with the wanted columns."""
    choice = column_choice([c for c in frame.columns if c not in PARSE_COLUMNS], wanted)
    kept = [*choice, *(c for c in PARSE_COLUMNS if c in frame.columns)]
    yield conform(frame.select(kept), choice, wanted, 0)
