"""Old loader against new, row for row: `python -m bench.trade_compare OTHER_WORKTREE [CSV ...]`.

Every table case of the robustness corpus (tests/robustness/bad_corpus.py) and each CSV given (the bench's
generated files) is loaded by this worktree's dyad and by OTHER_WORKTREE's (e.g. a detached worktree of main
before a change to flows/ingest/tables), each input into a fresh database in one transaction, as a run does.
The fact_trade rows (ordered by file and line) and the quarantine rows (in the order the loader returned them)
are written to Parquet and compared whole; any difference is printed and the exit status is 1.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
OWN_DDL = ["dim_country", "dim_product", "country_code_map", "dim_source_table", "fact_trade", "fact_trade_reported"]
# run inside a worktree (its own flows package): load one sources folder, dump facts and quarantine
DUMP = """
import sys, duckdb, polars as pl
from pathlib import Path
from flows.ingest.tables import ingest_tables
root, out = Path(sys.argv[1]), Path(sys.argv[2])
con = duckdb.connect()
con.execute("set enable_progress_bar = false")
for name in {ddl!r}:
    con.execute((Path('sql/ddl') / f'{{name}}.sql').read_text())
files = sorted(p for p in (root / 'tables').rglob('*') if p.is_file())
con.execute('begin')
result = ingest_tables(con, files, root)
con.execute('commit')
facts = pl.from_arrow(con.sql("select * from fact_trade order by source_file, "
                              "cast(regexp_extract(row_ref, '\\\\d+$') as bigint), row_ref").to_arrow_table())
facts.write_parquet(out / 'facts.parquet')
result.quarantine.write_parquet(out / 'quarantine.parquet')
result.per_source.drop('sha256').write_parquet(out / 'per_source.parquet')
"""


def corpus_inputs(into: Path) -> list[Path]:
    """One sources folder per table case of the robustness corpus."""
    sys.path.insert(0, str(ROOT / "tests" / "robustness"))
    from bad_corpus import TABLE_CASES

    folders = []
    for n, case in enumerate(TABLE_CASES):
        folder = into / f"case_{n:03d}"
        (folder / case.relpath).parent.mkdir(parents=True, exist_ok=True)
        (folder / case.relpath).write_bytes(case.content)
        folders.append(folder)
    return folders


def csv_input(csv: Path, into: Path) -> Path:
    """A sources folder holding a link to one CSV."""
    folder = into / csv.stem
    (folder / "tables").mkdir(parents=True)
    (folder / "tables" / csv.name).symlink_to(csv.resolve())
    return folder


def dump(worktree: Path, folder: Path, out: Path) -> None:
    """Load folder with the dyad of worktree and dump what it made to out."""
    out.mkdir(parents=True)
    subprocess.run([sys.executable, "-c", DUMP.format(ddl=OWN_DDL), str(folder), str(out)], cwd=worktree,
                   env={**os.environ, "PYTHONPATH": str(worktree)}, check=True)


def differences(mine: Path, theirs: Path) -> list[str]:
    """What differs between two dumps, one line each (nothing: the same rows in the same order)."""
    found = []
    for name in ("facts", "quarantine", "per_source"):
        a, b = pl.read_parquet(mine / f"{name}.parquet"), pl.read_parquet(theirs / f"{name}.parquet")
        if a.schema != b.schema or a.height != b.height or not a.equals(b, null_equal=True):
            found.append(f"{name}: {a.height} rows here, {b.height} there")
    return found


def main(other: Path, csvs: list[Path]) -> int:
    """Compare the two worktrees' loaders on the corpus and the CSVs; 0 when every input gives the same rows."""
    with tempfile.TemporaryDirectory(prefix="trade-compare-") as tmp:
        work = Path(tmp)
        folders = corpus_inputs(work / "in") + [csv_input(csv, work / "in") for csv in csvs]
        failed = 0
        for folder in folders:
            mine, theirs = work / "here" / folder.name, work / "there" / folder.name
            dump(ROOT, folder, mine)
            dump(other, folder, theirs)
            found = differences(mine, theirs)
            rows = pl.read_parquet(mine / "per_source.parquet").select("rows_in", "loaded", "quarantined").sum()
            print(folder.name, "SAME" if not found else "DIFFERENT", rows.rows()[0], *found, flush=True)
            failed += bool(found)
        print(f"{len(folders) - failed} of {len(folders)} inputs give the same rows")
        return int(bool(failed))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]]))
