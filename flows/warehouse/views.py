"""The report views (sql/views): created each after the views it reads, and re-created by a run only when the
database's view is not the one dyad's SQL makes. The table macros they share (sql/macros: the join every
mention view makes to its document) are created first, and likewise only when they differ.

Re-creating all sixteen views on every run wrote them, and their column comments (a re-created view loses
its own), into the run's commit: ~115 KB of a +1 run's ~150 KB write-ahead log, which every later open of the
database replays until the next checkpoint (flows.warehouse.connection), and ~0.2-0.5 s of the run.
"""
from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

import duckdb

from flows.common.faults import checkpoint
from flows.warehouse.connection import storage_config
from flows.warehouse.ddl import table_ddl
from flows.warehouse.objects import macros as database_macros

_VIEWS_SQL = ("select view_name, sql from duckdb_views() where schema_name = 'main' "
              "and database_name = current_database() and not internal")


def sql_files(folder: Path) -> list[Path]:
    """The .sql files of a folder in name order (one object per file, file name = object name)."""
    return sorted(folder.glob("*.sql")) if folder.is_dir() else []


def view_order(paths: list[Path]) -> list[Path]:
    """Views ordered so each comes after the views it reads (names found as words in its SQL).

    A failed statement aborts a DuckDB transaction, so views cannot be created by trial and retry.
    """
    texts = {p.stem: re.sub(r"--[^\n]*", "", p.read_text(encoding="utf-8")) for p in paths}
    by_name = {p.stem: p for p in paths}
    deps = {name: {other for other in texts if other != name and re.search(rf"\b{other}\b", text)}
            for name, text in texts.items()}
    ordered: list[Path] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if by_name[name] in ordered:
            return
        if name in visiting:
            raise RuntimeError(f"views read each other in a cycle: {name}")
        visiting.add(name)
        for dep in sorted(deps[name]):
            visit(dep)
        ordered.append(by_name[name])

    for name in sorted(texts):
        visit(name)
    return ordered


def apply_views(con: duckdb.DuckDBPyConnection, sql_dir: Path,
                keep: frozenset[str] = frozenset()) -> list[str]:
    """(Re)create every macro and view but those in `keep`, each view after the views it reads; the views and
    macros created."""
    done = []
    for path in sql_files(sql_dir / "macros"):  # the views call them: created first
        if path.stem not in keep:
            con.execute(path.read_text(encoding="utf-8"))
            done.append(path.stem)
    for number, path in enumerate(view_order(sql_files(sql_dir / "views"))):
        if number == 1:
            checkpoint("views")
        if path.stem in keep:
            continue
        try:
            con.execute(path.read_text(encoding="utf-8"))
        except duckdb.Error as exc:
            raise RuntimeError(f"view {path.name} cannot be created: {exc}") from exc
        done.append(path.stem)
    return done


def _views(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """view or macro -> (its SQL as DuckDB keeps it, its columns and types in order; a macro has none)."""
    found = {name: sql for name, sql in con.execute(_VIEWS_SQL).fetchall()}
    macros = {name: (sql, ()) for name, sql in database_macros(con).items()}
    rows = con.execute("select table_name, column_name, data_type from information_schema.columns "
                       "where table_schema = 'main' and table_catalog = current_database() "
                       "order by table_name, ordinal_position").fetchall()
    cols: dict[str, list[tuple[str, str]]] = {}
    for name, column, data_type in rows:
        if name in found:
            cols.setdefault(name, []).append((column, data_type))
    return macros | {name: (sql, tuple(cols.get(name, []))) for name, sql in found.items()}


@lru_cache(maxsize=4)
def expected_views(sql_dir: Path) -> dict[str, tuple[str, tuple[tuple[str, str], ...]]]:
    """Every view and macro as dyad's DDL and SQL make it, as _views reads it back from a database file.

    A scratch file, not memory: DuckDB writes a view's SQL back from its stored form, which differs from the
    form it was created from (a chain of UNIONs comes back nested), so only a view read back from a file
    compares equal with the database's (~0.5 s, once a process; the warm runner does it before any run)."""
    with tempfile.TemporaryDirectory(prefix="dyad-views-") as folder:
        path = Path(folder) / "views.duckdb"
        with duckdb.connect(str(path), config=storage_config(path)) as scratch:
            for statement in table_ddl(sql_dir).values():
                scratch.execute(statement)
            apply_views(scratch, sql_dir)
        with duckdb.connect(str(path), read_only=True) as scratch:
            return _views(scratch)


def publish_views(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """Re-create only the views and macros that differ from dyad's (SQL or columns: a table whose columns changed
    changes a view's columns with the same SQL); the views and macros created."""
    wanted, have = expected_views(sql_dir), _views(con)
    keep = frozenset(name for name, view in wanted.items() if have.get(name) == view)
    return apply_views(con, sql_dir, keep)
