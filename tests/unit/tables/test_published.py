"""Published figures: month bounds become dates, bad rows are quarantined, a reload replaces."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
BUNDLED = Path(__file__).resolve().parents[3] / "sources" / "tables"


@pytest.mark.parametrize("name", ["reported.csv", "reported.csv.gz"])
def test_published_fixture(db, load, name: str) -> None:
    result = load([FIXTURES / "published" / name])
    assert (result.rows_in, result.loaded, result.quarantined) == (4, 2, 2)
    rows = db.execute("""
        select period_start, period_end, measure, exporter_iso3, importer_iso3, value_usd, reported_by,
               qualifier, source, row_ref
        from v_trade_reported
    """).fetchall()
    assert rows == [
        (date(2020, 1, 1), date(2020, 9, 30), "exports", "BLR", "AZE", 82_400_000.0, "AZE", "exact",
         f"published/{name}", "line 3"),
        (date(2021, 1, 1), date(2021, 12, 31), "turnover", "AZE", "BLR", 424_400_000.0, "AZE", "exact",
         f"published/{name}", "line 2"),
    ]
    reasons = dict(result.quarantine.select("row_ref", "reason").rows())
    assert reasons == {"line 4": "country AZE or XXX is not in dim_country", "line 5": "period is not YYYY-MM"}


def test_bundled_published_table(db, load) -> None:
    result = load([BUNDLED / "aze_blr_trade_reported.csv"], root=BUNDLED.parent)
    assert (result.rows_in, result.loaded, result.quarantined) == (24, 24, 0)
    assert result.per_source["source"].to_list() == ["tables/aze_blr_trade_reported.csv"]
    # the two sides' 2021 turnover stay apart: 424.4 million by Azerbaijani data, 885.5 by Belarusian
    turnover_2021 = db.execute("""
        select reported_by, value_usd from v_trade_reported
        where measure = 'turnover' and period_start = date '2021-01-01' order by reported_by
    """).fetchall()
    assert turnover_2021 == [("AZE", 424_400_000.0), ("BLR", 885_500_000.0)]
    partial = db.execute("""
        select period_end, value_usd, qualifier from v_trade_reported
        where period_start = date '2009-01-01' and reported_by = 'AZE'
    """).fetchall()
    assert partial == [(date(2009, 11, 30), 120_400_000.0, "exact")]
    assert db.execute("select count(*) from v_trade_reported where reported_by is null").fetchall() == [(3,)]


def test_reloading_replaces_rather_than_adds(db, load) -> None:
    path = FIXTURES / "published" / "reported.csv"
    load([path])
    load([path])
    assert db.execute("select count(*) from fact_trade_reported").fetchall() == [(2,)]
