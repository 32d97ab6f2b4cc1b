"""The rows an incremental run wrote, as temp tables its audits can be scoped to.

Every run audits before it commits, so the rows a run keeps passed every audit at the last commit. A violation
after an incremental run can only come from a row the run wrote, or from a kept row that points at a key the
run deleted. For each table the run wrote in a way it can name, two temp tables say so:

- `_w_<table>`: the rows of the table the run wrote (inserted or updated);
- `_g_<table>`: one column `key`, the keys of rows the run deleted from it (the column other tables point at).

A table the run left as it was gets both, empty. A table written in SQL that records its keys as it writes
(dim_date, sql/incremental/dim_date.sql: `_audit_written_<table>` and `_audit_gone_<table>`, one column `key`)
gets its two from them. A table written some other way (the trade tables when a table file is read, a
reference table that changed, the run history) gets neither, and every audit that names a missing one runs in
its full form (flows.warehouse.audits). A full run creates none at all.

They are tables, taken once after the run's writes and just before its audits: as views, the written rows of
fact_event_mention were looked for again by each of the ~15 audits that read them (a scan of the table each).
"""
from __future__ import annotations

from collections.abc import Iterable

import duckdb
import polars as pl

from flows.warehouse.objects import columns, quote_ident, star_columns

DOCUMENTS = "_audit_documents"  # document_key of every row of the per-document frames: the documents written
REPOINTED = "_audit_repointed"  # mention_key of kept mentions re-pointed at another event


def gone_table(table: str) -> str:
    return f"_audit_gone_{table}"


def capture_gone(con: duckdb.DuckDBPyConnection, replaced_documents: str, targets: dict[str, str]) -> None:
    """Before a replaced document's rows are deleted: keep the keys other tables point at (`targets`: per-document
    table -> referenced column) of the rows that go. `replaced_documents` is a relation of document_key."""
    for table, column in targets.items():
        con.execute(f"create or replace temp table {gone_table(table)} as select distinct {quote_ident(column)} as key "
                    f"from {quote_ident(table)} where document_key in (select document_key from {replaced_documents})")


def reference_targets(star: dict) -> dict[str, str]:
    """table -> the column other tables' references point at (star.yml), for the tables that have one."""
    targets: dict[str, str] = {}
    for spec in star.values():
        for target in (spec.get("references") or {}).values():
            other, other_column = target.split(".")
            targets[other] = other_column
    return targets


def _register(con: duckdb.DuckDBPyConnection, name: str, column: str, values: Iterable, dtype=pl.Utf8) -> None:
    frame = pl.DataFrame({column: list(values)}, schema={column: dtype})
    con.register("_values", frame)
    try:
        con.execute(f"create or replace temp table {name} as select distinct {column} from _values")
    finally:
        con.unregister("_values")


def create_scope(con: duckdb.DuckDBPyConnection, star: dict, *, document_frames: dict[str, pl.DataFrame],
                 whole_frames: dict[str, pl.DataFrame], replace: dict[str, tuple[str, list[str]]],
                 event_ids: pl.DataFrame, unchanged: frozenset[str]) -> set[str]:
    """Create the `_w_` and `_g_` tables of an incremental run (after its writes); returns their names."""
    names: set[str] = set()
    targets = reference_targets(star)
    table_columns = columns(con)
    written_docs = {key for frame in document_frames.values() if "document_key" in frame.columns
                    for key in frame["document_key"].to_list()}
    _register(con, DOCUMENTS, "document_key", written_docs)
    repointed = event_ids["mention_key"].to_list() if "mention_key" in event_ids.columns else []
    _register(con, REPOINTED, "mention_key", repointed)

    def keep(name: str, sql: str) -> None:
        con.execute(f"create or replace temp table {name} as {sql}")
        names.add(name)

    temp_tables = {name for (name,) in con.execute("select table_name from duckdb_tables() where temporary").fetchall()}
    recorded = {t for t in star if f"_audit_written_{t}" in temp_tables and gone_table(t) in temp_tables}

    def gone(table: str, sql: str | None) -> None:
        if table in targets:
            keep(f"_g_{table}", sql or f"select {quote_ident(targets[table])} as key from {quote_ident(table)} where false")

    for table in star:
        if table not in table_columns:
            continue
        quoted = quote_ident(table)
        if table in unchanged:
            keep(f"_w_{table}", f"select * from {quoted} where false")
            gone(table, None)
        elif table in document_frames and "document_key" in table_columns[table]:
            # dim_document's written rows are every document_key any per-document frame holds
            where = f"document_key in (select document_key from {DOCUMENTS})"
            if table == "fact_event_mention":
                where += f" or mention_key in (select mention_key from {REPOINTED})"
            keep(f"_w_{table}", f"select * from {quoted} where {where}")
            gone(table, f"select key from {gone_table(table)}" if gone_table(table) in temp_tables else None)
        elif table in recorded and table not in document_frames and table not in whole_frames:
            # written in SQL that kept the keys it wrote and deleted (dim_date)
            key = _grain_key(star, table)
            keep(f"_w_{table}", f"select * from {quoted} where {quote_ident(key)} in "
                                f"(select key from _audit_written_{table})")
            if targets.get(table, key) == key:
                gone(table, f"select key from {gone_table(table)}")
        elif table in replace and table in whole_frames:
            key, deleted = replace[table]
            written = "_audit_written_" + table
            _register(con, written, "key", whole_frames[table][key].to_list())
            _register(con, "_audit_deleted_" + table, "key", deleted)
            keep(f"_w_{table}", f"select * from {quoted} where {quote_ident(key)} in (select key from {written})")
            if targets.get(table, key) == key:
                gone(table, f"select key from _audit_deleted_{table}")
    return names


def _grain_key(star: dict, table: str) -> str:
    """The one column of a table's grain (star.yml)."""
    (key,) = star_columns(star[table].get("grain"))
    return key


def drop_scope(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the tables create_scope and capture_gone made (they live only in the run's transaction)."""
    for name, kind in con.execute("select table_name, 'table' from duckdb_tables() where temporary and "
                                  "(table_name like '\\_w\\_%' escape '\\' or table_name like '\\_g\\_%' escape '\\' "
                                  "or table_name like '\\_audit\\_%' escape '\\')").fetchall():
        con.execute(f"drop {kind} if exists {quote_ident(name)}")
