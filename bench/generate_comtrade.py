"""Write a synthetic Comtrade API v1 CSV (the 47 columns, typeCode .. isAggregate) of N rows to bench/data/.

DuckDB writes it straight from range(N), so generating 10 million rows needs no Python memory.
About 2% of the rows are World totals and 3% mode-of-transport breakdowns, which must not load.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

DATA = Path(__file__).parent / "data"
REPORTERS = [4, 8, 12, 31, 32, 36, 40, 50, 51, 56, 76, 100, 112, 124, 152, 156, 170, 203, 208, 251, 268, 276,
             300, 348, 360, 364, 372, 376, 381, 392, 398, 410, 417, 440, 458, 484, 498, 528, 579, 586, 616,
             620, 642, 643, 699, 704, 710, 757, 792, 804, 826, 842, 860]
# 240 partner codes: ISO numeric codes of countries, and 490 (a real file never names one country twice)
PARTNERS_SQL = (
    "select code from trade_codes where (origin = 'ISO 3166 numeric' and kind = 'country') or code = 490 "
    "order by code limit 240"
)
HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,"
    "flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,"
    "classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,"
    "customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,"
    "altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,"
    "cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate"
)


def generate(n_rows: int, out: Path) -> Path:
    """Write n_rows synthetic records to out (skipped when it already exists) and return the path."""
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    from flows.ingest.tables import bundled_reference

    ref = bundled_reference()
    con = duckdb.connect()
    con.register("trade_codes", ref["country_code_map"])
    con.register("hs6", ref["dim_product"].filter(ref["dim_product"]["level"] == 6).select("hs_code"))
    con.execute(f"create table partners as select row_number() over () - 1 as i, code from ({PARTNERS_SQL})")
    con.execute("create table reporters as select unnest($r) as code, generate_subscripts($r, 1) - 1 as i",
                {"r": REPORTERS})
    con.execute("create table products as select row_number() over () - 1 as i, hs_code from hs6")
    n_rep, n_par, n_prod = (con.execute(f"select count(*) from {t}").fetchall()[0][0]
                            for t in ("reporters", "partners", "products"))
    # Each index decodes to a distinct reporter, partner, product, flow and year, so keys never repeat.
    con.execute(f"""
        copy (
        with idx as (
            select range as n,
                range % {n_rep} as r,
                (range // {n_rep}) % {n_par} as p,
                (range // {n_rep * n_par}) % {n_prod} as c,
                (range // {n_rep * n_par * n_prod}) % 2 as f,
                2023 - (range // {n_rep * n_par * n_prod * 2}) % 20 as y
            from range({n_rows})
        )
        select
            'C' as typeCode, 'A' as freqCode, y * 10000 + 101 as refPeriodId, y as refYear, 52 as refMonth,
            cast(y as varchar) as period, rep.code as reporterCode, '' as reporterISO, '' as reporterDesc,
            case f when 0 then 'X' else 'M' end as flowCode, case f when 0 then 'Export' else 'Import' end,
            case when n % 50 = 7 then 0 else par.code end as partnerCode, '' as partnerISO, '',
            0 as partner2Code, 'W00', 'World', 'H6', 'HS', 'True', prod.hs_code as cmdCode, '', 6, 'True',
            'C00', 'TOTAL CPC', '0', case when n % 33 = 5 then 1000 else 0 end as motCode, 'TOTAL MOT',
            8, 'kg', (n % 100000) * 3.5 as qty, 'False', -1, 'N/A', 0.0, 'False',
            (n % 100000) * 3.5 as netWgt, 'False', 0.0, 'False',
            case f when 1 then (n % 1000003) * 1.25 end as cifvalue,
            case f when 0 then (n % 1000003) * 1.25 end as fobvalue,
            (n % 1000003) * 1.25 as primaryValue, 0, 'False', 'False'
        from idx
        join reporters as rep on rep.i = idx.r
        join partners as par on par.i = idx.p
        join products as prod on prod.i = idx.c
        ) to '{out}' (header false)
    """)
    con.close()
    body = out.with_suffix(".body")
    out.rename(body)
    with out.open("w") as fh:
        fh.write(HEADER + "\n")
    with out.open("ab") as dst, body.open("rb") as src:
        while block := src.read(1 << 24):
            dst.write(block)
    body.unlink()
    return out


if __name__ == "__main__":
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(generate(rows, DATA / f"comtrade_{rows}.csv"))
