"""Judge, audit and publish a statistics file into fact_trade, batch by batch, in the caller's transaction.

Rows never pass through Python one by one: each batch (a Polars frame of text columns) is judged
in SQL (sql/stage_trade.sql), checked for duplicates and audited by Pandera (schemas.trade.FactTrade)
as whole frames, and every row that does not load leaves as a quarantine row with its reason.
Memory stays bounded by the batch size, whatever the file's size.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import duckdb
import pandera.errors
import polars as pl
import pyarrow as pa

from flows.ingest.tables.sources import PARSE_ERROR
from schemas.quarantine import QUARANTINE_SCHEMA
from schemas.trade import FLOWS, FREQS, HS_CODE, ISO3, MAX_TRADE_USD, FactTrade, TradeStaged

SQL = Path(__file__).parent / "sql"
STAGED_COLUMNS = [
    "reporter_key", "reporter_iso3", "partner_key", "partner_iso3", "flow", "product_key", "hs_code",
    "product_rolled_up", "hs_revision", "freq", "year", "month", "period_start", "period_end", "value_usd",
    "cif_value_usd", "fob_value_usd", "net_weight_kg", "quantity", "quantity_unit", "is_estimated",
]
# month is null in annual rows: coalesced so that keys compare equal
KEY = "reporter_iso3, partner_iso3, flow, hs_code, freq, year, coalesce(month, 0)"
# the line (or record) number of a fact row: 'line 12' -> 12; rows of a file are ordered by it, not as stored
LINE = "cast(regexp_extract(row_ref, '\\d+$') as bigint)"
DUPLICATE = "a later row of the same file has the same reporter, partner, flow, product and period"
AUDIT_COLUMNS = ["reporter_iso3", "partner_iso3", "flow", "hs_code", "product_key", "freq", "year", "month",
                 "value_usd", "net_weight_kg", "quantity"]


@dataclass(frozen=True)
class StageContext:
    """Where the staged rows come from: the dataset, the file, and how a row is named in it."""

    source: str  # comtrade | baci
    source_file: str  # relative to the sources folder
    row_prefix: str = "line "  # "record " for JSON
    row_offset: int = 2  # rn 0 is line 2 of a CSV (after its header), record 1 of a JSON response

    @property
    def row_ref(self) -> str:
        """SQL for the row reference of a staged row."""
        return f"$row_prefix || (rn + {int(self.row_offset)})"

    def params(self, sql: str) -> dict[str, str]:
        """The parameters a query names (DuckDB refuses any it does not use)."""
        values = {"source": self.source, "source_file": self.source_file, "row_prefix": self.row_prefix}
        return {name: value for name, value in values.items() if re.search(rf"\${name}\b", sql)}


@dataclass
class FileOutcome:
    """What became of one file's rows."""

    rows_in: int
    loaded: int
    quarantine: pl.DataFrame


def sql_text(name: str) -> str:
    """The text of one of this package's SQL files."""
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None) -> object:
    """The single value of a query (fetchall: fetchone would leave the result open on the connection)."""
    return con.execute(sql, params or {}).fetchall()[0][0]


def run(con: duckdb.DuckDBPyConnection, sql: str, context: StageContext) -> object:
    """Execute a statement with the context parameters it names; its single value."""
    return scalar(con, sql, context.params(sql))


AUDIT_PARAMS = {"iso3": ISO3, "hs_code": HS_CODE, "flows": FLOWS, "freqs": FREQS, "max_trade_usd": MAX_TRADE_USD}
SHAPE_SAMPLE_ROWS = 2000  # TradeStaged is checked over this many rows of each file: the shape, not the data


def stage_params(value_scale: float, weight_scale: float, hs_revision: str | None) -> dict[str, object]:
    """Every parameter of stage_query: the scales, the revision and the audit's patterns and lists."""
    return {"value_scale": value_scale, "weight_scale": weight_scale, "hs_revision": hs_revision, **AUDIT_PARAMS}


def stage_query(layout_sql: str, parse_errors: bool) -> str:
    """The layout's SQL, stage_trade.sql and audit_trade.sql as one query over trade_source (the batch).

    With parse_errors, the reader's own verdict comes first: a line that could not be read as CSV (or a JSON
    record that is no object) is rejected for that, with the line as written, whatever the SQL made of its nulls.
    """
    staged = sql_text("stage_trade").replace(
        "select * from trade_raw", f"select * from ({sql_text(layout_sql)}) as layout"
    )
    if parse_errors:
        staged = f"""
            select staged.* replace (
                coalesce(errors.parse_error, staged.reason) as reason,
                case when errors.parse_error is not null then errors.raw_line else cast(staged.raw as varchar) end
                    as raw
            )
            from ({staged}) as staged
            left join (select rn, parse_error, raw_line from trade_source where parse_error is not null) as errors
                using (rn)
        """
    return sql_text("audit_trade").replace("from trade_staged", f"from ({staged}) as trade_staged")


def stage_batch(
    con: duckdb.DuckDBPyConnection, layout_sql: str, batch: pl.DataFrame,
    value_scale: float = 1.0, weight_scale: float = 1.0, hs_revision: str | None = None,
) -> pa.Table:
    """A batch of text rows typed, mapped, judged and audit-flagged in DuckDB (reason null: loads), as Arrow.

    Arrow, not Polars: the loading rows go back into DuckDB as they are (a zero-copy scan), and only the few
    rows with a reason or a suspect value (audit_suspect) are converted for Python.
    """
    # No temp table, view or registration: inside a transaction DuckDB keeps every dropped catalog
    # entry, and with it the batch it points at, until the commit. A replacement scan of the local
    # variable trade_source names the batch for this one query only.
    trade_source = batch  # noqa: F841 (read by DuckDB's replacement scan)
    parse_errors = PARSE_ERROR in batch.columns and batch.get_column(PARSE_ERROR).null_count() < batch.height
    params = stage_params(value_scale, weight_scale, hs_revision)
    return con.sql(stage_query(layout_sql, parse_errors), params=params).to_arrow_table()


def check_shape(staged: pa.Table) -> None:
    """TradeStaged over the first rows of a file: a layout SQL gone wrong (a column missing, a type changed)
    stops the file here, before anything is published; the data itself is judged by the SQL, row by row."""
    TradeStaged.validate(pl.from_arrow(staged.drop_columns(["audit_suspect"]).slice(0, SHAPE_SAMPLE_ROWS)))


def fact_key() -> list[pl.Expr]:
    """The natural key of a fact row within one file (month null in annual rows)."""
    return [pl.col(c) for c in ("reporter_iso3", "partner_iso3", "flow", "hs_code", "freq", "year")] + [
        pl.col("month").fill_null(0)
    ]


def raw_json(*columns: str) -> pl.Expr:
    """The row's typed values as JSON, for a quarantine row judged after typing."""
    return pl.struct(list(columns)).struct.json_encode()


def split_duplicates(loading: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Within a batch, the last row (by rn) of a natural key wins: (rows kept, earlier rows with their reason)."""
    # key_hash (from the SQL) finds candidates cheaply; the full key then decides among them only
    repeated = loading.get_column("key_hash").is_duplicated()
    if not repeated.any():
        return loading, loading.clear()
    candidates = loading.filter(repeated).sort("rn")
    earlier = candidates.filter(~pl.struct(fact_key()).is_last_distinct()).get_column("rn")
    is_earlier = pl.col("rn").is_in(earlier.implode())
    dropped = loading.filter(is_earlier).with_columns(
        pl.lit(DUPLICATE).alias("reason"),
        raw_json("reporter_iso3", "partner_iso3", "flow", "hs_code", "freq", "year", "month", "value_usd")
        .alias("raw"),
    )
    return loading.filter(~is_earlier), dropped


def failure_reasons(errors: pandera.errors.SchemaErrors, chunk: pl.DataFrame) -> pl.DataFrame:
    """(rn, audit) for every row a Pandera check failed, one reason a row."""
    cases = errors.failure_cases
    if cases.filter(pl.col("index").is_null()).height:
        raise errors  # a schema-level failure (a missing column, a dtype) is a bug, not bad data
    reasons = cases.select(
        pl.col("index").cast(pl.Int64),
        pl.format(
            "failed the fact_trade audit: {} {} (value {})",
            pl.col("column").fill_null("row"),
            pl.col("check").cast(pl.Utf8),
            pl.col("failure_case").cast(pl.Utf8).fill_null("null"),
        ).alias("audit"),
    ).group_by("index").agg(pl.col("audit").first())
    rows = chunk.select("rn").with_row_index("index").with_columns(pl.col("index").cast(pl.Int64))
    return rows.join(reasons, on="index").select("rn", "audit")


def audit_batch(loading: pl.DataFrame, context: StageContext) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Run the FactTrade audit over the loading rows: (rows that pass, rows that fail with the failed check)."""
    audited = loading.select(
        "rn", pl.lit(context.source).alias("source"), *AUDIT_COLUMNS,
    ).with_columns(pl.col(c).cast(pl.Int64) for c in ("product_key", "year", "month"))
    try:
        FactTrade.validate(audited, lazy=True)
        return loading, loading.clear()
    except pandera.errors.SchemaErrors as errors:
        failed = failure_reasons(errors, audited)
    failing = pl.col("rn").is_in(failed.get_column("rn").implode())
    dropped = loading.filter(failing).join(failed, on="rn").with_columns(
        pl.col("audit").alias("reason"),
        raw_json("reporter_iso3", "partner_iso3", "flow", "hs_code", "freq", "year", "month", "value_usd",
                 "net_weight_kg", "quantity").alias("raw"),
    ).drop("audit")
    return loading.filter(~failing), dropped


REVISED = ("revised by {file} (the same reporter, partner, flow, product and period): of two files with one "
           "figure, the one whose name sorts last holds, on full and incremental runs alike")


def replace_revised(con: duckdb.DuckDBPyConnection, context: StageContext) -> pl.DataFrame:
    """Delete the rows of other files of the same source that this file revises (same natural key); returns
    them as quarantine rows of their own files, so a revision is never a silent loss.

    Files load in name order, so the file whose name sorts last holds (Comtrade and BACI downloads are named
    by date or version); an incremental run reads every table again when one changes, so it ends the same.
    Runs once the file has loaded whole: a file that fails half-way takes nothing from the files before it.
    """
    revised = f"""
        from fact_trade
        where source = $source and source_file <> $source_file and ({KEY}) in (
            select ({KEY}) from fact_trade where source = $source and source_file = $source_file
        )
    """
    select = f"""
        select 'ingest' as stage, source_file as source, row_ref, replace($reason, '{{file}}', $source_file) as reason,
            to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd)) as raw
        {revised}
        order by source_file, {LINE}
    """
    params = {**context.params(select), "reason": REVISED}
    dropped = pl.from_arrow(con.sql(select, params=params).to_arrow_table()).cast(QUARANTINE_SCHEMA)
    if dropped.height:
        delete = f"delete {revised}"
        con.execute(delete, context.params(delete)).fetchall()
    return dropped


def publish_batch(con: duckdb.DuckDBPyConnection, loading: pl.DataFrame, context: StageContext) -> int:
    """Insert the batch's loading rows into fact_trade. Returns how many."""
    staged = ", ".join(STAGED_COLUMNS)
    trade_batch = loading  # noqa: F841 (read by DuckDB's replacement scan, as in replace_revised)
    insert = f"""
        insert into fact_trade (source, source_file, row_ref, {staged})
        select $source, $source_file, {context.row_ref}, {staged} from trade_batch
    """
    return con.execute(insert, context.params(insert)).fetchall()[0][0]


def batch_quarantine(rejected: pl.DataFrame, context: StageContext) -> pl.DataFrame:
    """The rows of a batch that do not load, as quarantine rows (a compact copy)."""
    frame = rejected.sort("rn").select(
        pl.lit("ingest").alias("stage"),
        pl.lit(context.source_file).alias("source"),
        pl.format("{}{}", pl.lit(context.row_prefix), pl.col("rn") + context.row_offset).alias("row_ref"),
        "reason",
        "raw",
    ).cast(QUARANTINE_SCHEMA)
    # Polars strings are views into the batch's buffers: kept as they are, every batch's quarantine
    # would hold its whole batch in memory until the file is done. A round trip through Arrow's
    # plain strings copies out just these rows.
    return pl.from_arrow(frame.to_arrow(compat_level=pl.CompatLevel.oldest()))


def drop_file_duplicates(
    con: duckdb.DuckDBPyConnection, key_hashes: pl.Series, context: StageContext,
) -> pl.DataFrame:
    """Across batches of one file, keep the last row of a natural key; the earlier ones leave as quarantine.

    key_hashes holds every loaded row's key hash (from stage_trade.sql): only keys seen twice are
    looked up in fact_trade, so a file without duplicates costs one pass over 8-byte hashes.
    """
    repeated = key_hashes.filter(key_hashes.is_duplicated()).unique()
    if not repeated.len():
        return pl.DataFrame(schema=QUARANTINE_SCHEMA)
    trade_repeated_keys = repeated.to_frame("key_hash")  # noqa: F841 (read by DuckDB's replacement scan)
    # the same hash as stage_trade.sql's key_hash: the same values with the same types
    fact_hash = "hash(reporter_iso3, partner_iso3, flow, hs_code, freq, cast(year as integer), " \
                "coalesce(cast(month as integer), 0))"
    mine = "from fact_trade where source = $source and source_file = $source_file"
    earlier = f"""
        select row_ref from (
            select row_ref, row_number() over (partition by {KEY} order by {LINE} desc) as nth {mine}
            and {fact_hash} in (select key_hash from trade_repeated_keys)
        ) where nth > 1
    """
    query = f"""
        select 'ingest' as stage, $source_file as source, row_ref, '{DUPLICATE}' as reason,
            to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd)) as raw
        {mine} and row_ref in ({earlier})
    """
    dropped = pl.from_arrow(con.sql(query, params=context.params(query)).to_arrow_table())
    delete = f"delete {mine} and row_ref in ({earlier})"
    con.execute(delete, context.params(delete)).fetchall()
    return dropped.cast(QUARANTINE_SCHEMA)


def publish_plain(con: duckdb.DuckDBPyConnection, staged: pa.Table, repeated: pl.Series, context: StageContext) -> int:
    """Insert the staged rows that load as they are (no reason, no suspect value, a key seen once in the batch)
    into fact_trade, straight from DuckDB's own Arrow result. Returns how many."""
    cols = ", ".join(STAGED_COLUMNS)
    trade_staged_batch = staged  # noqa: F841 (read by DuckDB's replacement scan, as trade_source)
    trade_repeated_keys = repeated.to_frame("key_hash")  # noqa: F841 (idem; empty in a batch without duplicates)
    repeats = " and key_hash not in (select key_hash from trade_repeated_keys)" if repeated.len() else ""
    insert = f"""
        insert into fact_trade (source, source_file, row_ref, {cols})
        select $source, $source_file, {context.row_ref}, {cols} from trade_staged_batch
        where reason is null and not audit_suspect{repeats}
    """
    return con.execute(insert, context.params(insert)).fetchall()[0][0]


def load_batch(
    con: duckdb.DuckDBPyConnection, staged: pa.Table, context: StageContext,
) -> tuple[int, pl.Series, pl.DataFrame]:
    """Publish one staged batch: (rows loaded, the key hashes of the rows that could load, the batch's quarantine).

    Most rows go from DuckDB to DuckDB; the few that need Python's judgement (a key twice in the batch: the last
    row wins; a value the audit may fail: Pandera names the check) are converted, judged as before and published.
    """
    flags = pl.from_arrow(staged.select(["reason", "key_hash", "audit_suspect"]))
    passes = flags.get_column("reason").is_null()
    hashes = flags.get_column("key_hash").filter(passes)
    repeated = hashes.filter(hashes.is_duplicated()).unique()
    loaded = publish_plain(con, staged, repeated, context)
    special = passes & (flags.get_column("audit_suspect") | flags.get_column("key_hash").is_in(repeated.implode()))
    rejected = [pl.from_arrow(staged.select(["rn", "reason", "raw"]).filter((~passes).to_arrow()))]
    if special.any():
        needs_python = pl.from_arrow(staged.filter(special.to_arrow())).drop("audit_suspect")
        loading, duplicates = split_duplicates(needs_python)
        loading, failures = audit_batch(loading, context)
        loaded += publish_batch(con, loading, context)
        rejected += [duplicates.select("rn", "reason", "raw"), failures.select("rn", "reason", "raw")]
    return loaded, hashes, batch_quarantine(pl.concat(rejected), context)


def load_batches(
    con: duckdb.DuckDBPyConnection, layout_sql: str, batches: Iterable[pl.DataFrame], context: StageContext,
    **scales: float | str | None,
) -> FileOutcome:
    """Judge, audit and publish every batch of one file into fact_trade."""
    # loading a file again replaces what it loaded before, so a reload changes nothing
    run(con, "delete from fact_trade where source_file = $source_file", context)
    revises = run(con, "select exists (select 1 from fact_trade where source = $source)", context)
    rows_in = loaded = n_batches = 0
    quarantines, key_hashes = [], []
    for batch in batches:
        staged = stage_batch(con, layout_sql, batch, **scales)
        if not n_batches:
            check_shape(staged)
        n_batches += 1
        rows_in += batch.height
        batch_loaded, hashes, quarantine = load_batch(con, staged, context)
        loaded += batch_loaded
        key_hashes.append(hashes)
        quarantines.append(quarantine)
    if n_batches > 1:
        dropped = drop_file_duplicates(con, pl.concat(key_hashes), context)
        loaded -= dropped.height
        quarantines.append(dropped)
    if revises and loaded:
        quarantines.append(replace_revised(con, context))
    quarantine = pl.concat(quarantines) if quarantines else pl.DataFrame(schema=QUARANTINE_SCHEMA)
    return FileOutcome(rows_in=rows_in, loaded=loaded, quarantine=quarantine)
