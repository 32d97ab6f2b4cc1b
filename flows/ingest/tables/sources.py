"""Table files as Polars frames of text columns with a record number, streamed in batches where the file allows."""
from __future__ import annotations

import csv
import gzip
import io
from queue import Queue
from threading import Event, Thread
from pathlib import Path
from typing import Iterable, Iterator

import polars as pl

from flows.ingest.tables.detect import is_gzip

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
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
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


def csv_blocks(path: Path, block_bytes: int = BLOCK_BYTES) -> Iterator[bytes]:
    """The file (decompressed if gzipped) in blocks of whole records, each starting with the header line.

    A block ends at a line break outside quotes (an even number of quote characters before it), so
    a quoted field that holds a line break is never cut in two.
    """
    opener = gzip.open if is_gzip(path) else open
    with opener(path, "rb") as fh:
        header = fh.readline()
        rest = b""
        while data := fh.read(block_bytes):
            buffer = rest + data
            cut = buffer.rfind(b"\n") + 1
            while cut and buffer.count(b'"', 0, cut) % 2:
                cut = buffer.rfind(b"\n", 0, cut - 1) + 1
            if cut:
                yield header + buffer[:cut]
            rest = buffer[cut:]
        if rest.strip() or not header.strip():
            yield header + rest


def csv_batches(path: Path, wanted: list[str], block_bytes: int = BLOCK_BYTES) -> Iterator[pl.DataFrame]:
    """The wanted columns of a CSV (or Parquet) file as text, in batches, never the whole file at once.

    Python reads the next block only when the previous batch is done, so memory stays bounded by a
    block whatever the file's size; Latin-1 files (old Comtrade downloads) are re-encoded per block.
    """
    if path.suffix.lower() == ".parquet":
        yield from parquet_batches(path, wanted)
        return
    choice = column_choice(header_of(path), wanted)
    latin1 = not is_utf8(head_lines(path))
    start, emitted = 0, False
    for block in csv_blocks(path, block_bytes):
        if latin1:
            block = block.decode("latin-1").encode("utf-8")
        frame = pl.read_csv(io.BytesIO(block), infer_schema=False, columns=list(choice), encoding="utf8-lossy")
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
    choice = column_choice(frame.columns, wanted)
    yield conform(frame.select(list(choice)), choice, wanted, 0)
