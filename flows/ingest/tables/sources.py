"""Table files as Polars frames of text columns with a record number, streamed in batches where the file allows."""
from __future__ import annotations

import csv
import io
import re
from queue import Queue
from threading import Event, Thread
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl

from flows.ingest.tables.detect import open_table

BATCH_ROWS = 500_000
BLOCK_BYTES = 48 << 20  # about 220,000 Comtrade records: peak memory against per-batch cost
RN = "rn"  # 0-based record number in the file: what row_ref is made from


def is_utf8(data: bytes) -> bool:
    """True when the bytes decode as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def misread_lines(block: bytes, n_columns: int) -> dict[int, tuple[str, bytes]]:
    """Lines of a block (numbered from 0 after its header line, as the CSV reader numbers records) that a CSV
    reader would read wrong: {number: (why, the line)}.

    A line with more or fewer fields than the header (a comma inside an unquoted value) would load every later
    value into the wrong column; an unclosed quote would swallow the lines after it. Blank lines are the
    reader's own business (rows of nulls, judged like any row).
    """
    lines = block.split(b"\n")[1:]
    if lines and not lines[-1]:
        lines.pop()
    bad: dict[int, tuple[str, bytes]] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        if b'"' in line:
            if not _CSV_LINE_RX.fullmatch(line.rstrip(b"\r")):
                bad[number] = ("not valid CSV: an unclosed or stray quote", line)
                continue
            fields = _QUOTED_RX.sub(b"", line).count(b",") + 1
        else:
            fields = line.count(b",") + 1
        if fields != n_columns:
            bad[number] = (f"{fields} fields where the header has {n_columns}: a comma inside a value that is not "
                           "quoted would shift every later column, so the line is not loaded", line)
    return bad


def read_block(block: bytes, choice: dict[str, str], n_columns: int, start: int) -> pl.DataFrame:
    """One block of a CSV as text columns numbered from start: the lines that read right through Polars, each
    misread line as a row of nulls with its parse error and the line as written."""
    bad = misread_lines(block, n_columns)
    if not bad:
        return pl.read_csv(io.BytesIO(block), infer_schema=False, columns=list(choice), encoding="utf8-lossy")
    header, *lines = block.split(b"\n")
    good = [line for number, line in enumerate(lines) if number not in bad]
    numbers = [number for number, line in enumerate(lines) if number not in bad and (line or number < len(lines) - 1)]
    frame = pl.read_csv(io.BytesIO(b"\n".join([header, *good])), infer_schema=False, columns=list(choice),
                        encoding="utf8-lossy")
    frame = frame.with_columns(pl.Series(RN, numbers[:frame.height], pl.UInt32) + start)
    misread = pl.DataFrame({
        RN: pl.Series([start + n for n in bad], dtype=pl.UInt32),
        PARSE_ERROR: [why for why, _ in bad.values()],
        RAW_LINE: [line.decode("utf-8", errors="replace")[:1000] for _, line in bad.values()],
    })
    return pl.concat([frame, misread], how="diagonal_relaxed").sort(RN)


def csv_blocks(path: Path, block_bytes: int = BLOCK_BYTES) -> Iterator[bytes]:
    """The file (decompressed if gzipped) in blocks of whole records, each starting with the header line.

    A block ends at a line break outside quotes (an even number of quote characters before it), so
    a quoted field that holds a line break is never cut in two.
    """
    with open_table(path) as fh:
        header = fh.readline()
        rest = b""
        while data := fh.read(block_bytes):
            buffer = rest + data
            cut = _record_end(buffer)
            if cut:
                yield header + buffer[:cut]
            rest = buffer[cut:]
        if rest.strip() or not header.strip():
            yield header + rest


MAX_QUOTED_LINES = 1000  # a quoted field spans a few lines at most; beyond that the quote was never closed


def _record_end(buffer: bytes) -> int:
    """Where the last whole record of the buffer ends: after a line break with an even number of quotes
    before it, looked for over at most MAX_QUOTED_LINES lines back; else after the last line break (an
    unclosed quote is then the problem of its line, never a reason to hold the rest of the file in memory)."""
    last = buffer.rfind(b"\n") + 1
    quotes = buffer.count(b'"', 0, last)
    cut = last
    for _ in range(MAX_QUOTED_LINES):
        if not cut or quotes % 2 == 0:
            return cut
        previous = buffer.rfind(b"\n", 0, cut - 1) + 1
        quotes -= buffer.count(b'"', previous, cut)
        cut = previous
    return last


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
    for block in csv_blocks(path, block_bytes):
        if latin1:
            block = block.decode("latin-1").encode("utf-8")
        frame = read_block(block, choice, len(header), start)
        if frame.height or not emitted:
            yield conform(frame, choice, wanted, start)
            start += frame.height
            emitted = True


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
