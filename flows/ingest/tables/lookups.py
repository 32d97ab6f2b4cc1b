"""The code map and the HS reference as stage_trade.sql looks them up: lists indexed by code, not joins.

Why not joins: DuckDB's hash joins do not keep rows in file order, and the whole-file pass (whole_file.py)
numbers a file's lines by the order in which its parallel pass writes them. Measured at 1M rows, one core:
a list indexed by the country code costs what a join costs (~0.01 s), an ENUM cast finds an HS code for
0.06 s, where a MAP lookup costs 0.5 s and a list of every possible 6-digit code 0.5 s (DuckDB copies a
constant list into every chunk).

register(con) adds, for the staging statements of one ingest_tables call:
- trade_lookups, one row: countries (index code + 1 -> struct(iso3, country_key, kind, name), null where the
  code map has no such code), hs_codes and product_keys (the HS reference, in the same order);
- the temporary type trade_hs_code, an ENUM of hs_codes: enum_code(try_cast(x as trade_hs_code)) + 1 is x's
  place in product_keys, null where the reference has no such code (an exact match, as a join's).
"""
from __future__ import annotations

import duckdb
import polars as pl
import pyarrow as pa

COUNTRY = pa.struct([("iso3", pa.string()), ("country_key", pa.int32()), ("kind", pa.string()), ("name", pa.string())])


def lookup_table(code_map: pl.DataFrame, products: pl.DataFrame) -> pa.Table:
    """The one-row table trade_lookups from the code map (code, iso3, country_key, kind, name) and the products
    (hs_code, product_key). A negative code has no place in the list: a bug in the bundled reference, it raises."""
    if code_map.height and code_map["code"].min() < 0:
        raise ValueError("a country code below 0 has no place in the lookup")
    size = int(code_map["code"].max()) + 1 if code_map.height else 0
    countries: list[dict | None] = [None] * size
    for row in code_map.select("code", "iso3", "country_key", "kind", "name").iter_rows(named=True):
        countries[row.pop("code")] = row
    hs = products.select("hs_code", "product_key").unique("hs_code", keep="first", maintain_order=True)
    return pa.table({
        "countries": pa.array([countries], type=pa.list_(COUNTRY)),
        "hs_codes": pa.array([hs["hs_code"].to_list()], type=pa.list_(pa.string())),
        "product_keys": pa.array([hs["product_key"].to_list()], type=pa.list_(pa.int32())),
    })


def register(con: duckdb.DuckDBPyConnection, lookups: pa.Table) -> None:
    """Register trade_lookups and create the type trade_hs_code (temporary: the connection's, never the file's)."""
    con.register("trade_lookups", lookups)
    con.execute("create or replace temp type trade_hs_code as enum (select unnest(hs_codes) from trade_lookups)")


def unregister(con: duckdb.DuckDBPyConnection) -> None:
    """Remove what register added."""
    con.execute("drop type if exists temp.main.trade_hs_code")
    con.unregister("trade_lookups")
