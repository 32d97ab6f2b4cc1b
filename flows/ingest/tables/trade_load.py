"""Stage, judge, audit and publish a statistics file into fact_trade, batch by batch, in the caller's transaction.

Rows never pass through Python one by one: each batch (a Polars frame of text columns) is judged
in SQL (sql/stage_trade.sql), Pandera audits the rows that pass (schemas.trade.FactTrade), and
every row that does not load leaves as a quarantine row with its reason. Memory stays bounded by
the batch size, whatever the file's size.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import duckdb
import pandera.errors
import polars as pl

from schemas.quarantine import QUARANTINE_SCHEMA
from schemas.trade import FactTrade

SQL = Path(__file__).parent / "sql"
STAGED_COLUMNS = [
    "reporter_key", "reporter_iso3", "partner_key", "partner_iso3", "flow", "product_key", "hs_code",
    "product_rolled_up", "hs_revision", "freq", "year", "month", "period_start", "period_end", "value_usd",
    "cif_value_usd", "fob_value_usd", "net_weight_kg", "quantity", "quantity_unit", "is_estimated",
]
# month is null in annual rows: coalesced so that keys compare equal
KEY = "reporter_iso3, partner_iso3, flow, hs_code, freq, year, coalesce(month, 0)"
DUPLICATE = "a later row of the same file has the same reporter, partner, flow, product and period"
AUDIT_COLUMNS = """
    rn, $source as source, reporter_iso3, partner_iso3, flow, hs_code,
    cast(product_key as bigint) as product_key, freq, cast(year as bigint) as year,
    cast(month as bigint) as month, value_usd, net_weight_kg, quantity
"""


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


def stage_rows(
    con: duckdb.DuckDBPyConnection, layout_sql: str,
    value_scale: float = 1.0, weight_scale: float = 1.0, hs_revision: str | None = None,
) -> None:
    """Build temp table trade_stage from the registered batch trade_source through a layout's SQL."""
    con.execute(f"create or replace temp view trade_raw as {sql_text(layout_sql)}")
    con.execute(
        f"create or replace temp table trade_stage as {sql_text('stage_trade')}",
        {"value_scale": value_scale, "weight_scale": weight_scale, "hs_revision": hs_revision},
    )


def mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Within a batch, the last row with a natural key wins; the earlier ones are quarantined."""
    # a hash of the key finds candidate duplicates cheaply; the window then runs only when needed
    duplicated = scalar(con, f"""
        select count(*) from (
            select hash({KEY}) from trade_stage where reason is null group by 1 having count(*) > 1
        )
    """)
    if not duplicated:
        return
    con.execute(f"""
        update trade_stage set
            reason = '{DUPLICATE}',
            raw = to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd))
        where rn in (
            select rn from (
                select rn, row_number() over (partition by {KEY} order by rn desc) as nth
                from trade_stage
                where reason is null
            ) where nth > 1
        )
    """)


def failure_reasons(errors: pandera.errors.SchemaErrors, chunk: pl.DataFrame) -> pl.DataFrame:
    """(rn, reason) for every row a Pandera check failed, one reason a row."""
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
        ).alias("reason"),
    ).group_by("index").agg(pl.col("reason").first())
    rows = chunk.select("rn").with_row_index("index").with_columns(pl.col("index").cast(pl.Int64))
    return rows.join(reasons, on="index").select("rn", "reason")


def audit_stage(con: duckdb.DuckDBPyConnection, context: StageContext) -> int:
    """Run FactTrade over the rows still loading; failures get their reason. Returns how many failed."""
    query = f"select {AUDIT_COLUMNS} from trade_stage where reason is null"
    chunk = pl.from_arrow(con.sql(query, params=context.params(query)).to_arrow_table())
    try:
        FactTrade.validate(chunk, lazy=True)
        return 0
    except pandera.errors.SchemaErrors as errors:
        failed = failure_reasons(errors, chunk)
    con.register("trade_audit_failures", failed)
    try:
        con.execute("""
            update trade_stage set
                reason = f.reason,
                raw = to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month,
                                          value_usd, net_weight_kg, quantity))
            from trade_audit_failures as f
            where trade_stage.rn = f.rn
        """)
    finally:
        con.unregister("trade_audit_failures")
    return failed.height


def replace_revised(con: duckdb.DuckDBPyConnection, context: StageContext) -> None:
    """Delete the rows of other files of the same source that this batch revises (same natural key)."""
    run(con, f"""
        delete from fact_trade
        where source = $source and source_file <> $source_file and ({KEY}) in (
            select ({KEY}) from trade_stage where reason is null
        )
    """, context)


def publish_stage(con: duckdb.DuckDBPyConnection, context: StageContext) -> int:
    """Insert the batch's loading rows into fact_trade. Returns how many."""
    staged = ", ".join(STAGED_COLUMNS)
    return run(con, f"""
        insert into fact_trade (source, source_file, row_ref, {staged})
        select $source, $source_file, {context.row_ref}, {staged}
        from trade_stage where reason is null
    """, context)


def stage_quarantine(con: duckdb.DuckDBPyConnection, context: StageContext) -> pl.DataFrame:
    """The staged rows that do not load, as quarantine rows."""
    query = (
        f"select 'ingest' as stage, $source_file as source, {context.row_ref} as row_ref, reason, raw "
        "from trade_stage where reason is not null order by rn"
    )
    return pl.from_arrow(con.sql(query, params=context.params(query)).to_arrow_table()).cast(QUARANTINE_SCHEMA)


def drop_file_duplicates(con: duckdb.DuckDBPyConnection, context: StageContext) -> pl.DataFrame:
    """Across batches of one file, keep the last row of a natural key; the earlier ones leave as quarantine."""
    mine = "from fact_trade where source = $source and source_file = $source_file"
    if not run(con, f"select count(*) from (select hash({KEY}) {mine} group by 1 having count(*) > 1)", context):
        return pl.DataFrame(schema=QUARANTINE_SCHEMA)
    line = "cast(regexp_extract(row_ref, '\\d+$') as bigint)"
    earlier = f"""
        select row_ref from (
            select row_ref, row_number() over (partition by {KEY} order by {line} desc) as nth {mine}
        ) where nth > 1
    """
    query = f"""
        select 'ingest' as stage, $source_file as source, row_ref, '{DUPLICATE}' as reason,
            to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd)) as raw
        {mine} and row_ref in ({earlier})
    """
    dropped = pl.from_arrow(con.sql(query, params=context.params(query)).to_arrow_table())
    run(con, f"delete {mine} and row_ref in ({earlier})", context)
    return dropped.cast(QUARANTINE_SCHEMA)


def load_batches(
    con: duckdb.DuckDBPyConnection, layout_sql: str, batches: Iterable[pl.DataFrame], context: StageContext,
    **scales: float | str | None,
) -> FileOutcome:
    """Stage, judge, audit and publish every batch of one file into fact_trade."""
    revises = run(con, "select exists (select 1 from fact_trade where source = $source "
                       "and source_file <> $source_file)", context)
    rows_in = loaded = n_batches = 0
    quarantines = []
    for batch in batches:
        n_batches += 1
        con.register("trade_source", batch)
        try:
            stage_rows(con, layout_sql, **scales)
            rows_in += batch.height
            mark_duplicates(con)
            audit_stage(con, context)
            if revises:
                replace_revised(con, context)
            loaded += publish_stage(con, context)
            quarantines.append(stage_quarantine(con, context))
        finally:
            con.execute("drop table if exists trade_stage")
            con.execute("drop view if exists trade_raw")
            con.unregister("trade_source")
    if n_batches > 1:
        dropped = drop_file_duplicates(con, context)
        loaded -= dropped.height
        quarantines.append(dropped)
    quarantine = pl.concat(quarantines) if quarantines else pl.DataFrame(schema=QUARANTINE_SCHEMA)
    return FileOutcome(rows_in=rows_in, loaded=loaded, quarantine=quarantine)
