"""Stage, judge, audit and publish one statistics file into fact_trade, all inside the caller's transaction.

The rows never pass through Python one by one: DuckDB reads the file and applies the rules in SQL
(sql/stage_trade.sql), Pandera audits the rows that pass in Arrow chunks (schemas.trade.FactTrade),
and every row that does not load leaves as a quarantine row with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandera.errors
import polars as pl

from schemas.quarantine import QUARANTINE_SCHEMA
from schemas.trade import FactTrade

SQL = Path(__file__).parent / "sql"
AUDIT_CHUNK_ROWS = 1_000_000
FACT_COLUMNS = [
    "source", "source_file", "row_ref", "reporter_key", "reporter_iso3", "partner_key", "partner_iso3",
    "flow", "product_key", "hs_code", "product_rolled_up", "hs_revision", "freq", "year", "month",
    "period_start", "period_end", "value_usd", "cif_value_usd", "fob_value_usd", "net_weight_kg",
    "quantity", "quantity_unit", "is_estimated",
]
# month is null in annual rows: coalesced so that keys compare equal
KEY_SQL = "source, reporter_iso3, partner_iso3, flow, hs_code, freq, year, coalesce(month, 0)"
AUDIT_COLUMNS = """
    rowid as stage_row, source, reporter_iso3, partner_iso3, flow, hs_code,
    cast(product_key as bigint) as product_key, freq, cast(year as bigint) as year,
    cast(month as bigint) as month, value_usd, net_weight_kg, quantity
"""


@dataclass
class FileOutcome:
    """What became of one file's rows."""

    rows_in: int
    loaded: int
    quarantine: pl.DataFrame


def sql_text(name: str) -> str:
    """The text of one of this package's SQL files."""
    return (SQL / f"{name}.sql").read_text(encoding="utf-8")


def quote(text: str) -> str:
    """A string literal for SQL (paths cannot be bound as parameters inside a view)."""
    return "'" + text.replace("'", "''") + "'"


def stage_rows(
    con: duckdb.DuckDBPyConnection, layout_sql: str, source: str, source_file: str,
    value_scale: float = 1.0, weight_scale: float = 1.0, hs_revision: str | None = None,
) -> None:
    """Build temp table trade_stage from view trade_source through a layout's SQL and stage_trade.sql."""
    con.execute(f"create or replace temp view trade_raw as {sql_text(layout_sql)}")
    con.execute(
        f"create or replace temp table trade_stage as {sql_text('stage_trade')}",
        {
            "source": source, "source_file": source_file, "value_scale": value_scale,
            "weight_scale": weight_scale, "hs_revision": hs_revision,
        },
    )


def mark_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Within one file, a later row with the same natural key wins; the earlier ones are quarantined."""
    key = KEY_SQL
    con.execute(f"""
        update trade_stage set
            reason = 'a later row of the same file has the same reporter, partner, flow, product and period',
            raw = to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month, value_usd))
        where rowid in (
            select rowid from (
                select rowid, row_number() over (partition by {key} order by rowid desc) as nth
                from trade_stage
                where reason is null and ({key}) in (
                    select ({key}) from trade_stage where reason is null
                    group by {key} having count(*) > 1
                )
            ) where nth > 1
        )
    """)


def failure_reasons(errors: pandera.errors.SchemaErrors, chunk: pl.DataFrame) -> pl.DataFrame:
    """(stage_row, reason) for every row a Pandera check failed, one reason a row."""
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
    rows = chunk.select("stage_row").with_row_index("index").with_columns(pl.col("index").cast(pl.Int64))
    return rows.join(reasons, on="index").select("stage_row", "reason")


def audit_stage(con: duckdb.DuckDBPyConnection) -> int:
    """Run FactTrade over the rows still loading, in Arrow chunks; failures get their reason. Returns failures."""
    reader = con.sql(f"select {AUDIT_COLUMNS} from trade_stage where reason is null").to_arrow_reader(
        AUDIT_CHUNK_ROWS
    )
    failures = []
    for batch in reader:
        chunk = pl.from_arrow(batch)
        try:
            FactTrade.validate(chunk, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            failures.append(failure_reasons(errors, chunk))
    if not failures:
        return 0
    failed = pl.concat(failures)
    con.register("trade_audit_failures", failed)
    try:
        con.execute("""
            update trade_stage set
                reason = f.reason,
                raw = to_json(struct_pack(reporter_iso3, partner_iso3, flow, hs_code, freq, year, month,
                                          value_usd, net_weight_kg, quantity))
            from trade_audit_failures as f
            where trade_stage.rowid = f.stage_row
        """)
    finally:
        con.unregister("trade_audit_failures")
    return failed.height


def publish_stage(con: duckdb.DuckDBPyConnection) -> int:
    """Replace the fact rows this file revises (same natural key) and insert its rows. Returns rows loaded."""
    if con.execute("select exists (select 1 from fact_trade)").fetchall()[0][0]:
        con.execute(f"""
            delete from fact_trade where ({KEY_SQL}) in (
                select ({KEY_SQL}) from trade_stage where reason is null
            )
        """)
    columns = ", ".join(FACT_COLUMNS)
    return con.execute(
        f"insert into fact_trade ({columns}) select {columns} from trade_stage where reason is null"
    ).fetchall()[0][0]


def stage_quarantine(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The staged rows that do not load, as quarantine rows."""
    table = con.sql(
        "select 'ingest' as stage, source_file as source, row_ref, reason, raw "
        "from trade_stage where reason is not null order by rowid"
    ).to_arrow_table()
    return pl.from_arrow(table).cast(QUARANTINE_SCHEMA) if table.num_rows else pl.DataFrame(
        schema=QUARANTINE_SCHEMA
    )


def load_staged(con: duckdb.DuckDBPyConnection) -> FileOutcome:
    """Judge, audit and publish trade_stage, then drop it."""
    try:
        rows_in = con.execute("select count(*) from trade_stage").fetchall()[0][0]
        mark_duplicates(con)
        audit_stage(con)
        loaded = publish_stage(con)
        return FileOutcome(rows_in=rows_in, loaded=loaded, quarantine=stage_quarantine(con))
    finally:
        con.execute("drop table if exists trade_stage")
        con.execute("drop view if exists trade_raw")
