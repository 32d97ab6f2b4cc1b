"""Whose database is this: dyad writes only into a database it created (a `dyad_schema` row with its schema
version), migrates its own older ones, and refuses another program's unless told `--adopt`.

Without this, `dyad run --full --db theirs.duckdb` would empty the other program's tables, and a table of
theirs that happens to be called `quarantine` would fail the run with a raw Binder error or be replaced.

The schema version is the number of the newest file in `sql/migrations/` (`NNN_what.sql`, one step each):
adding a migration file is what bumps it. Databases dyad made before the marker existed (version 0) are
recognised by their run history tables and migrated like any other.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import duckdb

from flows.warehouse.ddl import table_ddl
from flows.warehouse.objects import columns, macros, relations, table_names

MARKER = "dyad_schema"
# What a dyad database made before the marker looks like: its run history, column for column.
V0_SIGNATURE = {
    "etl_run": {"run_id", "started_at", "ended_at", "status", "sources_dir", "n_sources", "error"},
    "quarantine": {"run_id", "stage", "source", "row_ref", "reason", "raw"},
}
_MIGRATION_RX = re.compile(r"^(\d{3})_\w+\.sql$")


class ForeignDatabaseError(RuntimeError):
    """The database was not made by dyad (or by a newer dyad), or holds another object under a dyad name."""


def migrations(sql_dir: Path) -> dict[int, Path]:
    """Migration files by the version they lead to."""
    folder = sql_dir / "migrations"
    found = {int(m.group(1)): p for p in sorted(folder.glob("*.sql")) if (m := _MIGRATION_RX.match(p.name))}
    return found


def schema_version(sql_dir: Path) -> int:
    """The schema version this dyad writes: its newest migration."""
    return max(migrations(sql_dir), default=0)


def found_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of the open database: None when it is not dyad's, -1 when it is empty."""
    objects = relations(con)
    if not objects:
        return -1
    if objects.get(MARKER) == "table":
        version = con.execute(f"select max(version) from {MARKER}").fetchone()[0]
        return int(version) if version is not None else None
    have = columns(con)
    if all(objects.get(t) == "table" and set(have.get(t, {})) == cols for t, cols in V0_SIGNATURE.items()):
        return 0
    return None


@lru_cache(maxsize=4)
def expected_tables(sql_dir: Path) -> dict[str, dict[str, str]]:
    """Every table of dyad's (flows.warehouse.ddl) with its columns and types, as dyad creates them (in a scratch
    database)."""
    with duckdb.connect() as scratch:
        for statement in table_ddl(sql_dir).values():
            scratch.execute(statement)
        return columns(scratch)


def view_names(sql_dir: Path) -> set[str]:
    """The names of dyad's report views."""
    return {p.stem for p in (sql_dir / "views").glob("*.sql")}


def conflicts(con: duckdb.DuckDBPyConnection, sql_dir: Path, *, views_are_ours: bool) -> list[str]:
    """Objects that hold one of dyad's names in another shape: each would fail or be overwritten by a run."""
    objects = relations(con)
    have_all = columns(con)  # one catalog query, not one per table: ~0.15 s of every run's start under load
    problems = []
    for table, wanted in expected_tables(sql_dir).items():
        kind = objects.get(table)
        if kind == "view":
            problems.append(f"'{table}' is a view here, dyad keeps a table under that name")
        elif kind == "table":
            have = have_all.get(table, {})
            missing = [f"{c} {t}" for c, t in wanted.items() if have.get(c) != t]
            if missing:
                problems.append(f"table '{table}' is not dyad's (it lacks {', '.join(missing[:4])}"
                                f"{', ...' if len(missing) > 4 else ''})")
    for view in sorted(view_names(sql_dir)):
        if objects.get(view) == "table":
            problems.append(f"'{view}' is a table here, dyad writes a view under that name")
        elif objects.get(view) == "view" and not views_are_ours:
            problems.append(f"view '{view}' would be replaced by dyad's")
    if not views_are_ours:
        problems += [f"macro '{name}' would be replaced by dyad's"
                     for name in sorted(macros(con).keys() & {p.stem for p in (sql_dir / "macros").glob("*.sql")})]
    return problems


def _stamp(con: duckdb.DuckDBPyConnection, sql_dir: Path, version: int, how: str) -> None:
    con.execute((sql_dir / "ddl" / f"{MARKER}.sql").read_text(encoding="utf-8"))
    con.execute(f"insert into {MARKER} values (?, ?, ?)", [version, datetime.now(), how])


def migrate(con: duckdb.DuckDBPyConnection, sql_dir: Path, from_version: int) -> list[int]:
    """Run the migrations after from_version, in order; returns the versions applied."""
    applied = []
    for version, path in sorted(migrations(sql_dir).items()):
        if version > from_version:
            con.execute(path.read_text(encoding="utf-8"))
            applied.append(version)
    return applied


def prepare_database(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> int:
    """Make the open database ready for a run, before its DDL: stamp a new one, migrate an older dyad one,
    refuse another program's (or a newer dyad's). Returns the version found (-1 for a new database)."""
    latest = schema_version(sql_dir)
    found = found_version(con)
    if found is None:
        raise ForeignDatabaseError(
            "this database was not created by dyad (it has no dyad_schema table): dyad does not write into "
            "another program's database. Use a new --db file, or pass --adopt to add dyad's tables beside the "
            "ones it holds")
    if found > latest:
        raise ForeignDatabaseError(f"this database has dyad schema version {found}, newer than this dyad "
                                   f"({latest}): use the dyad that wrote it")
    problems = conflicts(con, sql_dir, views_are_ours=True)
    if problems and found >= 0:
        # migrations may add what an older dyad database lacks: judge its shape after them
        con.execute("begin transaction")
        try:
            migrate(con, sql_dir, found)
            problems = conflicts(con, sql_dir, views_are_ours=True)
        finally:
            con.execute("rollback")
    if problems:
        raise ForeignDatabaseError("objects under dyad's names are not dyad's: " + "; ".join(problems))
    if found < latest:
        con.execute("begin transaction")
        try:
            migrate(con, sql_dir, found if found >= 0 else latest)  # a new database gets the DDL's shape
            _stamp(con, sql_dir, latest, "created" if found < 0 else f"migrated from {found}")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
    return found


def adopt_database(db: Path, sql_dir: Path) -> str:
    """Let dyad write into a database it did not create: stamp it, after checking no object of the other
    program holds a dyad name. Returns what was done, for the user."""
    with duckdb.connect(str(db)) as con:
        found = found_version(con)
        if found is not None:
            return "already a dyad database" if found >= 0 else "a new database"
        problems = conflicts(con, sql_dir, views_are_ours=False)
        if problems:
            raise ForeignDatabaseError("cannot adopt: " + "; ".join(problems) + ". Rename them or use another --db")
        _stamp(con, sql_dir, schema_version(sql_dir), "adopted")
        others = len(relations(con)) - 1  # less the marker just written
        return f"adopted: dyad's tables go beside the {others} objects it holds, which dyad leaves alone"


def dyad_tables(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """The base tables of the open database that are dyad's (flows.warehouse.ddl), in name order."""
    ours = set(expected_tables(sql_dir))
    return [name for name in table_names(con) if name in ours]
