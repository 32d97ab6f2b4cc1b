"""Bench: a synthetic Comtrade CSV -> validated fact_trade, beside DuckDB's own read_csv of the same file.

`python -m bench.trade [ROWS ...]` (default 1,000,000 and 10,000,000). Each measurement runs in a
fresh subprocess writing a fresh DuckDB file, so wall time, CPU time (user + system, all threads;
steadier than wall time on a shared machine; both exclude starting Python) and peak RSS belong to
it alone. Results go to stdout and bench/data/trade.json.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.generate_comtrade import DATA, generate

ROOT = Path(__file__).resolve().parents[1]
OWN_DDL = ["dim_country", "dim_product", "country_code_map", "dim_source_table", "fact_trade", "fact_trade_reported"]


def cpu_seconds() -> float:
    """User + system CPU time of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_duckdb(csv: Path, db: Path) -> dict:
    """DuckDB alone: create table t as select * from read_csv(file)."""
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("set enable_progress_bar = false")
    start, cpu = time.perf_counter(), cpu_seconds()
    con.execute(f"create table t as select * from read_csv('{csv}')")
    rows = con.execute("select count(*) from t").fetchall()[0][0]
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    con.close()
    return {"seconds": seconds, "cpu_s": cpu, "rows": rows}


def run_dyad(csv: Path, db: Path) -> dict:
    """dyad: detect, stage, judge, audit (Pandera in chunks) and publish into fact_trade, one transaction."""
    import duckdb

    from flows.ingest.tables import bundled_reference, ingest_tables

    con = duckdb.connect(str(db))
    con.execute("set enable_progress_bar = false")
    for name in OWN_DDL:
        con.execute((ROOT / "sql" / "ddl" / f"{name}.sql").read_text())
    bundled_reference()  # read once a process: not part of loading a file
    start, cpu = time.perf_counter(), cpu_seconds()
    con.execute("begin")
    result = ingest_tables(con, [csv], csv.parent)
    con.execute("commit")
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    con.close()
    return {"seconds": seconds, "cpu_s": cpu, "rows": result.rows_in, "loaded": result.loaded,
            "quarantined": result.quarantined}


def measure(kind: str, csv: Path) -> dict:
    """Run one measurement in a subprocess; its wall time, rows, peak RSS and the 1-minute load average before
    and after it (the machine may be shared: CPU time is the steadier figure)."""
    db = DATA / f"bench_{kind}.duckdb"
    for stale in (db, db.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    out = subprocess.run(
        [sys.executable, "-c",
         "import json, resource, sys; from bench.trade import run_duckdb, run_dyad; from pathlib import Path; "
         f"r = run_{kind}(Path(sys.argv[1]), Path(sys.argv[2])); "
         "r['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; print(json.dumps(r))",
         str(csv), str(db)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    db.unlink(missing_ok=True)
    load_after = os.getloadavg()[0]
    # DuckDB may draw a progress bar on the same stream: the result is the last JSON object printed
    last = out.stdout.strip().splitlines()[-1]
    return {**json.loads(last[last.index("{"):]), "load": [round(load_before, 1), round(load_after, 1)]}


def main(sizes: list[int]) -> None:
    """Generate each file if missing, measure both, print a table and write bench/data/trade.json."""
    results = []
    for n in sizes:
        csv = generate(n, DATA / f"comtrade_{n}.csv")
        duck = measure("duckdb", csv)
        dyad = measure("dyad", csv)
        row = {"rows": n, "mb": round(csv.stat().st_size / 1e6), "duckdb_s": round(duck["seconds"], 2),
               "duckdb_cpu_s": round(duck["cpu_s"], 1), "duckdb_rss_mb": round(duck["peak_rss_mb"]),
               "dyad_s": round(dyad["seconds"], 2), "dyad_cpu_s": round(dyad["cpu_s"], 1),
               "dyad_rss_mb": round(dyad["peak_rss_mb"]), "ratio": round(dyad["seconds"] / duck["seconds"], 2),
               "cpu_ratio": round(dyad["cpu_s"] / duck["cpu_s"], 2), "loaded": dyad["loaded"],
               "quarantined": dyad["quarantined"], "duckdb_rows": duck["rows"], "dyad_rows_in": dyad["rows"],
               "same_rows": dyad["rows"] == duck["rows"], "duckdb_load": duck["load"], "dyad_load": dyad["load"]}
        results.append(row)
        print(json.dumps(row), flush=True)
    (DATA / "trade.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000_000, 10_000_000])
