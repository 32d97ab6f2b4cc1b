"""A plain CSV file loaded by DuckDB's own reader in one set-based pass, inside the run's transaction.

A plain file: UTF-8, LF line ends, no BOM, no NUL, not gzip, quotes only as empty fields ('31,"","",X'), every
line as wide as the header (the bench's 10M-row Comtrade file is). For those, DuckDB's parallel `read_csv` reads
exactly what the block reader of sources.py would (a record is a line, an empty field is null, '""' is an empty
text) while Python only counts the bytes that would make the two differ. Every other file (quoted text, CRLF, a
BOM, gzip, Latin-1) takes the block reader, whose rules docs/bad-input.md describes; so does a plain-looking file
in which DuckDB's reader left out a line (a ragged line, an empty line): the row count tells, and the staged table
is dropped before anything is published.
"""
from __future__ import annotations

import codecs
import threading
from pathlib import Path
from typing import Iterator

import duckdb
import numpy as np
import polars as pl

from flows.ingest.tables.detect import is_gzip, open_regular
from flows.ingest.tables.sources import RN, column_choice, header_of
from flows.ingest.tables.trade_load import (
    SHAPE_SAMPLE_ROWS, STAGED_COLUMNS, FileOutcome, StageContext, audit_batch, batch_quarantine,
    check_shape, publish_batch, replace_revised, run, scalar, split_duplicates, stage_params, stage_query,
)
from schemas.quarantine import QUARANTINE_SCHEMA

STAGED = "trade_whole_file"  # the table one file is staged into, dropped when the file is done

SCAN_BYTES = 16 << 20
# bytes after which a CSV is not plain: CR ends Windows lines (the block reader keeps it in a quarantined line's
# text), NUL is no text. An empty line needs no search: DuckDB's reader skips it, so the row count tells.
NOT_PLAIN = (b"\r", b"\x00")
QUOTE = ord('"')
FIELD_ENDS = np.array([ord(","), ord("\n")], dtype=np.uint8)


def only_empty_quotes(block: bytes, end: int | None = None) -> bool:
    """True when every quote of a block of whole lines (up to end) is part of an empty quoted field ('31,"",""' as
    DuckDB's and many other writers put an empty text). Both readers read those alike (an empty text); any other
    quoting ('"Cotton, raw"', a stray 'a"b', spaces around '"x"') is read by DuckDB more leniently than
    docs/bad-input.md allows, so such a file takes the block reader."""
    end = len(block) if end is None else end
    view = np.frombuffer(block, dtype=np.uint8, count=end)
    # with numpy: the quotes' positions once, then whole-array checks (half the CPU of six bytes.count passes)
    at = np.flatnonzero(view == QUOTE)
    if not at.size:
        return True
    opening, closing = at[0::2], at[1::2]
    if at.size % 2 or not np.array_equal(closing, opening + 1) or closing[-1] + 1 >= end:
        return False  # a quote that is not one of a pair ('"x"'), or a pair that ends the block without a line end
    # every pair starts a field and ends one: after a comma or a line break (or the block's start), before one
    after = view[closing + 1]
    before = view[opening[1:] - 1 if opening[0] == 0 else opening - 1]
    return bool(np.isin(after, FIELD_ENDS).all() and np.isin(before, FIELD_ENDS).all())


def plain_lines(path: Path) -> int | None:
    """The number of lines after the header when the file is a plain CSV (see the module), else None.

    Costs a few byte searches and counts over the file (about 0.25 s of CPU per 100 MB): the price of knowing
    that DuckDB's reader and the block reader agree on every line.
    """
    lines = None
    for lines in scan_plain(path):
        if lines is None:
            break
    return lines


def scan_plain(path: Path) -> Iterator[int | None]:
    """plain_lines block by block: the lines counted so far after each block of SCAN_BYTES, None (and the end)
    as soon as the file is not plain; the last value is plain_lines's answer. load_whole checks the first block
    before DuckDB reads the file and the rest beside DuckDB's statement."""
    if path.suffix.lower() == ".parquet" or is_gzip(path):
        yield None
        return
    lines, rest = 0, b""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open_regular(path) as fh:
        header = fh.readline()
        if not header.endswith(b"\n") or header.startswith(codecs.BOM_UTF8) or b'"' in header \
                or any(c in header for c in NOT_PLAIN):
            yield None
            return
        while data := fh.read(SCAN_BYTES):
            # checked in whole lines (up to cut), so that a pair of quotes is never cut in two
            block = rest + data
            cut = block.rfind(b"\n") + 1
            if not only_empty_quotes(block, cut) or any(c in block for c in NOT_PLAIN):
                yield None
                return
            # ASCII is UTF-8; any other byte is checked by the decoder (which also sees a file cut mid-character)
            if not block.isascii() and not utf8(decoder, block[:cut]):
                yield None
                return
            lines += block.count(b"\n", 0, cut)
            rest = block[cut:]
            yield lines
    if rest and (not only_empty_quotes(rest + b"\n") or not utf8(decoder, rest)):
        yield None
        return
    yield lines + bool(rest) or None  # None: a header and nothing else, the block reader's case


def utf8(decoder: codecs.IncrementalDecoder, block: bytes) -> bool:
    """True when the block decodes as UTF-8 (the decoder holds nothing over: blocks end at a line break)."""
    try:
        decoder.decode(block, final=True)
    except UnicodeDecodeError:
        return False
    return True


def quoted(name: str) -> str:
    """A column name as a SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


# DuckDB's parallel reader hands each thread one buffer at a time; with 32 MB buffers (about 150,000 Comtrade rows,
# more than a row group of 122,880: fewer pieces for the order-keeping insert to merge, we think) ~0.3 s less CPU
# per 1M rows than the default, measured 3 times each at 2 threads (128 MB saved nothing more)
READ_BUFFER_BYTES = 32 << 20


def reader_sql(path: Path, wanted: list[str]) -> str | None:
    """SQL for the wanted columns of a plain CSV as text, as the block reader gives them; None when the header
    cannot be given to DuckDB as it is (a name twice, or empty). rn is a placeholder (0): the line of a record is
    its place in the staged table (stage_whole), which a row_number() here would cost the pass its parallelism."""
    header = header_of(path)
    folded = [name.lower() for name in header]
    if len(header) < 2 or len(set(folded)) != len(folded) or "" in folded or RN in folded:
        return None
    choice = column_choice(header, wanted)
    by_wanted = {want: name for name, want in choice.items()}
    columns = ", ".join(f"'{name.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for name in header)
    select = ", ".join(
        f"{quoted(by_wanted[w])} as {quoted(w)}" if w in by_wanted else f"cast(null as varchar) as {quoted(w)}"
        for w in wanted
    )
    location = str(path).replace("'", "''")
    # ignore_errors: a line DuckDB cannot split is left out, not raised (a raised error would abort the run's
    # transaction); the caller compares the row count with the lines counted and falls back when they differ
    return f"""
        select cast(0 as uinteger) as {RN}, {select}
        from read_csv('{location}', columns = {{{columns}}}, header = true, auto_detect = false, delim = ',',
            quote = '"', escape = '"', new_line = '\\n', strict_mode = true, null_padding = false,
            allow_quoted_nulls = false, ignore_errors = true, compression = 'none', encoding = 'utf-8',
            buffer_size = {READ_BUFFER_BYTES})
    """


def load_whole(
    con: duckdb.DuckDBPyConnection, path: Path, wanted: list[str], layout_sql: str, context: StageContext,
    value_scale: float = 1.0, weight_scale: float = 1.0, hs_revision: str | None = None,
) -> FileOutcome | None:
    """Read, judge, audit and publish a plain CSV in one pass of DuckDB's reader; None (nothing changed) when the
    file is not plain, and the caller reads it block by block instead.

    One statement stages the whole file into a table (the reader, the layout's SQL, stage_trade.sql and
    audit_trade.sql); from it, the rows that load as they are go into fact_trade in one insert, and only the rows
    with a reason, a key seen twice or a suspect value reach Python, as in load_batches.
    """
    scan = scan_plain(path)
    if next(scan) is None:
        return None  # the header or the first block is not plain: DuckDB's reader never sees the file
    reader = reader_sql(path, wanted)
    if reader is None:
        return None
    # The rest of the file is checked beside DuckDB's statement (which releases the GIL), on the other core:
    # DuckDB's reader raises nothing with ignore_errors, and a file found not plain is dropped unpublished.
    checker = RestOfScan(scan)
    checker.start()
    try:
        try:
            stage_whole(con, reader, layout_sql, value_scale, weight_scale, hs_revision)
        finally:
            lines = checker.result()
        staged = numbered(con)
        if lines is None or staged is None or staged[1] != lines:
            return None  # not plain after all, or DuckDB's reader left out a line (the block reader says why)
        check_shape(con.sql(f"select * from {staged[0]} limit {SHAPE_SAMPLE_ROWS}").to_arrow_table())
        run(con, "delete from fact_trade where source_file = $source_file", context)
        revises = run(con, "select exists (select 1 from fact_trade where source = $source)", context)
        loaded, quarantine = publish_staged(con, staged[0], context)
        if revises and loaded:
            quarantine = pl.concat([quarantine, replace_revised(con, context)])
        return FileOutcome(rows_in=lines, loaded=loaded, quarantine=quarantine)
    finally:
        con.execute(f"drop table if exists {STAGED}")


class RestOfScan(threading.Thread):
    """The rest of a scan_plain in a thread of its own: its last value, or None once the file is found not plain.

    DuckDB releases the GIL while it runs a statement, so the scan runs beside the staging statement's threads.
    """

    def __init__(self, scan: Iterator[int | None]) -> None:
        super().__init__(name="plain-check", daemon=True)
        self.scan = scan
        self.lines: int | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for self.lines in self.scan:
                if self.lines is None:
                    break
        except BaseException as error:  # handed to the caller's thread by result()
            self.error = error

    def result(self) -> int | None:
        """Wait for the scan; its answer (an error reading the file is raised here)."""
        self.join()
        if self.error is not None:
            raise self.error
        return self.lines


def stage_whole(
    con: duckdb.DuckDBPyConnection, reader: str, layout_sql: str,
    value_scale: float, weight_scale: float, hs_revision: str | None,
) -> None:
    """Stage the file read by reader into the table STAGED (rn: the line after the header, from 0)."""
    params = stage_params(value_scale, weight_scale, hs_revision)
    query = stage_query(layout_sql, parse_errors=False).replace("from trade_source", f"from ({reader}) as trade_source")
    # The line number is the row's place in the staged table: with insertion order preserved, DuckDB's parallel
    # reader and every projection after it (the lookups are a list and an ENUM cast, not joins: lookups.py) write
    # the rows in file order.
    kept = scalar(con, "select current_setting('preserve_insertion_order')")
    con.execute("set preserve_insertion_order = true")
    try:
        # a table of the database, not a temporary one: DuckDB writes a large staged table to the database file
        # as it grows (and drops it at the commit), where a temporary table would hold it all in memory
        con.execute(f"create or replace table {STAGED} as {query}", params)
    finally:
        con.execute(f"set preserve_insertion_order = {bool(kept)}")


def numbered(con: duckdb.DuckDBPyConnection) -> tuple[str, int] | None:
    """(SQL for the staged rows with rn, the line after the header from 0; the number of rows), or None when the
    row ids are not one unbroken run (then the order cannot be told, and the block reader takes the file).

    A table created in the transaction numbers its rows from a base of its own, one after the other in the order
    they were written; rn is the row id less that base.
    """
    rows, first, last = con.execute(f"select count(*), min(rowid), max(rowid) from {STAGED}").fetchall()[0]
    if rows and last - first + 1 != rows:
        return None
    return f"(select * replace (cast(rowid - {int(first or 0)} as uinteger) as {RN}) from {STAGED})", rows


def publish_staged(con: duckdb.DuckDBPyConnection, staged: str, context: StageContext) -> tuple[int, pl.DataFrame]:
    """(rows loaded, quarantine) of the staged rows (SQL: numbered's): see load_whole."""
    repeated = pl.from_arrow(con.sql(
        f"select key_hash from {staged} where reason is null group by key_hash having count(*) > 1"
    ).to_arrow_table()).get_column("key_hash")
    trade_repeated_keys = repeated.to_frame("key_hash")  # noqa: F841 (read by DuckDB's replacement scan)
    cols = ", ".join(STAGED_COLUMNS)
    insert = f"""
        insert into fact_trade (source, source_file, row_ref, {cols})
        select $source, $source_file, {context.row_ref}, {cols} from {staged}
        where reason is null and not audit_suspect and key_hash not in (select key_hash from trade_repeated_keys)
    """
    loaded = con.execute(insert, context.params(insert)).fetchall()[0][0]
    quarantine = rejected_rows(con, staged, context)
    needs_python = pl.from_arrow(con.sql(
        f"select * exclude (audit_suspect) from {staged} where reason is null "
        "and (audit_suspect or key_hash in (select key_hash from trade_repeated_keys)) order by rn"
    ).to_arrow_table())
    if needs_python.height:
        loading, duplicates = split_duplicates(needs_python)
        loading, failures = audit_batch(loading, context)
        loaded += publish_batch(con, loading, context)
        judged = batch_quarantine(pl.concat([duplicates.select("rn", "reason", "raw"),
                                             failures.select("rn", "reason", "raw")]), context)
        # back in line order among the others, as a batch of the block reader lists them
        line = pl.col("row_ref").str.extract(r"(\d+)$").cast(pl.Int64)
        quarantine = pl.concat([quarantine, judged]).sort(line, maintain_order=True)
    return loaded, quarantine


QUARANTINE_BATCH_ROWS = 65_536


def rejected_rows(con: duckdb.DuckDBPyConnection, staged: str, context: StageContext) -> pl.DataFrame:
    """The staged rows with a reason as quarantine rows, in line order, made in SQL and converted batch by batch.

    They are the peak of a large file: 535,239 rows of the 10M-row bench file are ~200 MB of text, and an
    `order by rn` and a whole Arrow table beside the Polars frame held three copies at once (the peak of the 10M
    run, +445 MiB over the staged pass). No sort is needed: the staged table is written in line order (rn is the
    row id, see numbered) and a filtered scan keeps its order while preserve_insertion_order holds (DuckDB's
    default); the line numbers are checked, and sorted only if they are not in order after all.
    """
    select = f"""
        select rn, 'ingest' as stage, $source_file as source, {context.row_ref} as row_ref, reason,
            cast(raw as varchar) as raw
        from {staged} where reason is not null
    """
    reader = con.sql(select, params=context.params(select)).to_arrow_reader(QUARANTINE_BATCH_ROWS)
    frames = [pl.from_arrow(batch) for batch in reader]
    frames = [frame.cast(QUARANTINE_SCHEMA | {"rn": pl.Int64}) for frame in frames if frame.height]
    if not frames:
        return pl.DataFrame(schema=QUARANTINE_SCHEMA)
    rows = pl.concat(frames, rechunk=False)
    if not rows.get_column("rn").is_sorted():
        rows = rows.sort("rn")
    return rows.drop("rn")
