"""What the open database holds: its tables, views and columns, and quoting for names and text in SQL.

One place for the catalog queries that the marker, the comments, the load, the export and the shell each wrote
for themselves. Every listing is of the main schema of the open database only: a database ATTACHed beside it
(say `attach 'other.duckdb' as other`) has a `main` schema too, and its tables are not ours to count.
"""
from __future__ import annotations

import duckdb

# information_schema's table_type -> the word dyad prints and compares ('BASE TABLE' -> 'table')
_KIND = {"BASE TABLE": "table", "VIEW": "view", "LOCAL TEMPORARY": "temporary"}

_MAIN = "table_schema = 'main' and table_catalog = current_database()"


def quote_ident(name: str) -> str:
    """A name as a quoted SQL identifier: `my "odd" table` -> `"my ""odd"" table"`, never SQL."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """Text as a SQL string literal: `it's` -> `'it''s'`."""
    return "'" + text.replace("'", "''") + "'"


def star_columns(spec: str | list[str]) -> list[str]:
    """The columns of a star.yml grain or unique key, written as one name or a list of names."""
    return [spec] if isinstance(spec, str) else list(spec)


def relations(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Tables and views of the main schema, name -> 'table' or 'view', tables first, each kind by name."""
    rows = con.execute(f"select table_name, table_type from information_schema.tables where {_MAIN} "
                       "order by table_type, table_name").fetchall()
    return {name: _KIND.get(kind, kind.lower()) for name, kind in rows}


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The base tables of the main schema, by name."""
    return [name for name, kind in relations(con).items() if kind == "table"]


def report_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The report views of the database (`v_*` in the main schema), by name."""
    return [name for name, kind in relations(con).items() if kind == "view" and name.startswith("v_")]


def columns(con: duckdb.DuckDBPyConnection, table: str | None = None) -> dict[str, dict[str, str]]:
    """Columns of every table and view (or of one), table -> {column: type}, in the order they were declared."""
    where, params = (f"{_MAIN} and table_name = ?", [table]) if table is not None else (_MAIN, [])
    rows = con.execute(f"select table_name, column_name, data_type from information_schema.columns where {where} "
                       "order by table_name, ordinal_position", params).fetchall()
    out: dict[str, dict[str, str]] = {}
    for name, column, data_type in rows:
        out.setdefault(name, {})[column] = data_type
    return out


def macros(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """name -> definition of every macro of the database's main schema, scalar or table: dyad writes table macros
    (sql/macros), and a scalar one under the same name is replaced by dyad's all the same."""
    return dict(con.execute(
        "select function_name, macro_definition from duckdb_functions() where function_type in ('macro', 'table_macro') "
        "and schema_name = 'main' and database_name = current_database() and not internal").fetchall())
