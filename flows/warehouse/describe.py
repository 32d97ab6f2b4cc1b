"""The database describes itself: COMMENT ON every table, view and column, from one place.

A table's or view's description is its SQL file's header (the `--` lines before `create`); a column's is
its inline `-- ...` comment in the DDL, else its entry in sql/columns.yml (one glossary for every table and
view, so `exporter_iso3` means the same everywhere). harlequin, DBeaver, `DESCRIBE` and `dyad docs` show them.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from flows.common.yamlfile import read_yaml
from flows.warehouse.ddl import table_ddl
from flows.warehouse.objects import columns, quote_ident, quote_literal, relations

GLOSSARY = "columns.yml"
INLINE = re.compile(r'^\s*"?(\w+)"?\s+[\w\[\]()., ]+?--\s*(.+?)\s*$')


def header(text: str) -> str:
    """The `--` comment lines before the first statement, joined into one paragraph."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines).strip()


def inline_comments(text: str) -> dict[str, str]:
    """Column -> the `-- ...` comment written after it in a create table statement."""
    found = {}
    for line in text.splitlines():
        match = INLINE.match(line)
        if match and not line.lstrip().startswith("--"):
            found[match.group(1)] = match.group(2)
    return found


def descriptions(sql_dir: Path) -> tuple[dict[str, str], dict[tuple[str, str], str], dict[str, str]]:
    """(object -> description, (object, column) -> description from the DDL, glossary column -> description)."""
    objects: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    texts = table_ddl(sql_dir) | {path.stem: path.read_text(encoding="utf-8")
                                  for path in sorted((sql_dir / "views").glob("*.sql"))}
    for name, text in texts.items():
        objects[name] = header(text)
        columns.update({(name, c): d for c, d in inline_comments(text).items()})
    glossary_file = sql_dir / GLOSSARY
    glossary = read_yaml(glossary_file) if glossary_file.exists() else {}
    return objects, columns, {str(k): str(v) for k, v in (glossary or {}).items()}


def _current_comments(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The comments the database holds now: by table or view, and by (table, column)."""
    rows = con.execute(CATALOG_SQL).fetchall()
    objects = {name: description for _, name, description, *_ in rows}
    return objects, {(name, column): text for _, name, _, column, _, text in rows}


def apply_comments(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[str]:
    """COMMENT ON every table, view and column of the main schema; returns the columns left undescribed.

    Only comments that differ from what the database holds are written: a run that changed no SQL file writes
    none (a re-created view lost its own and gets them again), instead of ~300 statements every run.
    """
    objects, inline, glossary = descriptions(sql_dir)
    have_objects, have_columns = _current_comments(con)
    for name, kind in relations(con).items():
        if objects.get(name) and have_objects.get(name) != objects[name]:
            con.execute(f"comment on {kind} {quote_ident(name)} is {quote_literal(objects[name])}")
    missing = []
    for table, column in ((t, c) for t, cols in columns(con).items() for c in cols):
        text = glossary.get(f"{table}.{column}") or inline.get((table, column)) or glossary.get(column)
        if not text:
            missing.append(f"{table}.{column}")
        elif have_columns.get((table, column)) != text:
            con.execute(f"comment on column {quote_ident(table)}.{quote_ident(column)} is {quote_literal(text)}")
    return missing


CATALOG_SQL = """
    with objects as (
        select table_name as name, 'table' as kind, comment from duckdb_tables()
        where schema_name = 'main' and database_name = current_database()
        union all
        select view_name, 'view', comment from duckdb_views()
        where schema_name = 'main' and database_name = current_database() and not internal
    )
    select o.kind, o.name, o.comment as description, c.column_name, c.data_type, c.comment as column_description
    from objects as o
    inner join duckdb_columns() as c
        on c.table_name = o.name and c.schema_name = 'main' and c.database_name = current_database()
    order by o.kind desc, o.name, c.column_index
"""


def catalog(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every view and table with its description, and each column with its type and description."""
    cursor = con.execute(CATALOG_SQL)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
