"""Databases the tests build in several modules, written once: the in-memory warehouse (every table of dyad's
plus the bundled reference dimensions), small DuckDB files for the CLI and the SQL session, and the check that an
export of the same database is byte-identical."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import duckdb

from flows.ingest.tables import bundled_reference
from flows.publish.export import export_views
from flows.warehouse.ddl import table_ddl

ROOT = Path(__file__).resolve().parents[2]


def new_warehouse(views: Sequence[str] = (), database: str = ":memory:", reference: bool = True
                  ) -> duckdb.DuckDBPyConnection:
    """A database (in memory unless a file is named) with every table of dyad's (flows.warehouse.ddl), the bundled
    reference dimensions loaded unless reference is False, and the named views of sql/views after the macros they
    may call (in the order given: a view that reads another comes after it)."""
    con = duckdb.connect(database)
    for statement in table_ddl(ROOT / "sql").values():
        con.execute(statement)
    for name, frame in bundled_reference().items() if reference else ():
        con.register("reference_frame", frame)
        con.execute(f'insert into "{name}" by name select * from reference_frame')
        con.unregister("reference_frame")
    for path in sorted((ROOT / "sql" / "macros").glob("*.sql")) if views else ():  # the views call them
        con.execute(path.read_text(encoding="utf-8"))
    for name in views:
        con.execute((ROOT / "sql" / "views" / f"{name}.sql").read_text(encoding="utf-8"))
    return con


def table_file(path: Path, table: str, rows: Sequence[tuple[int | None, str | None]],
               views: dict[str, str] | None = None) -> Path:
    """A DuckDB file holding one (id integer, name varchar) table of rows and views over it ({name: where clause}):
    enough for the commands that read any database (e.g. `fact_x` with a view `v_x` of the rows id > 1)."""
    with duckdb.connect(str(path)) as con:
        con.execute(f"create table {table} (id integer, name varchar)")
        con.executemany(f"insert into {table} values (?, ?)", list(rows))
        for view, where in (views or {}).items():
            con.execute(f"create view {view} as select * from {table} where {where}")
    return path


def file_hashes(folder: Path) -> dict[str, str]:
    """Every file below folder by its relative path, with its sha256: two exports compare byte for byte."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_reexport_replaces(db: Path, out: Path, stale: str) -> None:
    """Exporting the same database twice writes the same bytes, and the second export replaces the folder:
    a file left there by hand (stale, e.g. an old view's parquet) is gone afterwards."""
    export_views(db, out)
    first = file_hashes(out)
    (out / stale).write_bytes(b"left over from an old export")
    export_views(db, out)
    assert file_hashes(out) == first
