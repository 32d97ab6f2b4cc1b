"""The reference looked up in lists and an ENUM (lookups.py) finds what a join finds (the whole-file pass keeps
file order with lookups; test_whole_file.py checks its lines against the block reader's)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.ingest.tables import bundled_lookups, bundled_reference, register_reference, unregister_reference
from flows.ingest.tables.lookups import lookup_table
from flows.ingest.tables.whole_file import plain_lines

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
V1_CSV = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text(encoding="utf-8")
HEADER, ROWS = V1_CSV.splitlines()[0], V1_CSV.splitlines()[1:]
ROW = ROWS[0]  # AZE -> BLR exports 2022, TOTAL, 1000 USD

# codes as they reach the lookups (trimmed, odd digit counts padded): every kind a join would or would not find
HS_CODES = ["TOTAL", "total", "01", "0101", "010121", "270900", "99", "9999", "999999", "77", "770000", "0", "01 ", "", "A1", "0x",
            "2709001", "٠١", None]
COUNTRY_CODES = [0, 4, 31, 112, 490, 699, 899, 900, 777, -1, 2_147_483_647, None]

LOOKUP = """
    select
        case when n >= 0 then list_extract(lookups.countries, cast(n as bigint) + 1) end as country,
        list_extract(lookups.product_keys, 1 + enum_code(try_cast(hs as trade_hs_code))) as own_key,
        case when hs <> 'TOTAL'
            then list_extract(lookups.product_keys, 1 + enum_code(try_cast(left(hs, 2) as trade_hs_code)))
        end as chapter_key
    from codes, trade_lookups as lookups order by i
"""
JOINED = """
    select
        case when rep.code is not null then struct_pack(rep.iso3, rep.country_key, rep.kind, rep.name) end,
        own.product_key, chapter.product_key
    from codes
    left join trade_code_map as rep on rep.code = codes.n
    left join trade_products as own on own.hs_code = codes.hs
    left join trade_products as chapter on chapter.hs_code = left(codes.hs, 2) and codes.hs <> 'TOTAL'
    order by i
"""


def test_the_lookups_find_what_a_join_finds() -> None:
    con = duckdb.connect()
    register_reference(con)
    reference = bundled_reference()  # the same reference as the joins the lookups replaced read it
    con.register("trade_code_map", reference["country_code_map"])
    con.register("trade_products", reference["dim_product"].select("hs_code", "product_key"))
    pairs = [(i, n, hs) for i, (n, hs) in enumerate((n, hs) for n in COUNTRY_CODES for hs in HS_CODES)]
    codes = pl.DataFrame(pairs, schema={"i": pl.Int64, "n": pl.Int32, "hs": pl.Utf8}, orient="row")  # noqa: F841
    looked_up = con.execute(LOOKUP).fetchall()
    assert looked_up == con.execute(JOINED).fetchall()
    found = {(n, hs): row for (_, n, hs), row in zip(pairs, looked_up)}
    assert found[(31, "0101")][0]["iso3"] == "AZE" and found[(31, "0101")][1] == 4_000_101
    assert found[(0, "TOTAL")][0]["kind"] == "world" and found[(0, "TOTAL")][1] == 0
    assert found[(777, "770000")] == (None, None, None)  # not in the map, not in HS 2022 (chapter 77 is empty)
    assert found[(-1, "270900")][2] == 2_000_027  # chapter 27 for any 27xxxx code
    unregister_reference(con)
    assert con.execute("select count(*) from duckdb_types() where type_name = 'trade_hs_code'").fetchall() == [(0,)]


def test_lookup_table_refuses_a_negative_code() -> None:
    code_map = pl.DataFrame({"code": [-5], "iso3": ["AZE"], "country_key": [31], "kind": ["country"], "name": ["x"]})
    with pytest.raises(ValueError, match="below 0"):
        lookup_table(code_map, pl.DataFrame({"hs_code": ["01"], "product_key": [1]}))


def test_the_bundled_lookups_hold_every_code_once() -> None:
    lookups = bundled_lookups().to_pylist()[0]
    assert len(lookups["hs_codes"]) == len(set(lookups["hs_codes"])) == len(lookups["product_keys"])
    assert lookups["countries"][31]["iso3"] == "AZE" and lookups["countries"][1] is None


def test_codes_written_as_floats_load_as_the_codes(tmp_path: Path, load, db) -> None:
    # refYear 2022.0, reporterCode 31.0 (a pandas frame with a gap in an integer column): the same row
    fields = HEADER.split(",")
    row = ROW.split(",")
    for name in ("refYear", "reporterCode", "partnerCode", "partner2Code", "motCode"):
        row[fields.index(name)] += ".0"
    path = tmp_path / "tables" / "floats.csv"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + "\n" + ",".join(row) + "\n" + ROW.replace("2022", "2021") + "\n", encoding="utf-8")
    assert plain_lines(path) == 2  # the whole-file pass takes it
    result = load([path], tmp_path)
    assert (result.loaded, result.quarantined) == (2, 0)
    facts = db.execute("select row_ref, reporter_iso3, partner_iso3, year from fact_trade order by row_ref").fetchall()
    assert facts == [("line 2", "AZE", "BLR", 2022), ("line 3", "AZE", "BLR", 2021)]
