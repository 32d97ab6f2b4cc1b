"""flows.warehouse.sync: a whole table written by difference ends as the EXCEPT ALL form of the sync left it."""
from __future__ import annotations

import duckdb
import polars as pl
import pytest

from flows.warehouse.sync import sync_table

COLUMNS = {"relpath": pl.Utf8, "sha256": pl.Utf8, "size_bytes": pl.Int64, "origin": pl.Utf8}
BASE = [("a.txt", "h1", 1, None), ("b.txt", "h2", 2, "feed"), ("c.txt", "h3", 3, None)]


def except_all_sync(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, key: str) -> int:
    """The sync as it was written before (two EXCEPT ALLs): the reference for the one-pass form."""
    cols = ", ".join(f'"{c}"' for c in frame.columns)
    con.register("_whole", frame)
    con.execute(f'create temp table _gone as select "{key}" from (select {cols} from "{table}" '
                f'except all select {cols} from _whole)')
    con.execute(f'create temp table _come as select "{key}" from (select {cols} from _whole '
                f'except all select {cols} from "{table}")')
    gone = con.execute(f'delete from "{table}" where "{key}" in (select "{key}" from _gone)').fetchall()[0][0]
    written = con.execute(f'insert into "{table}" by name select * from _whole '
                          f'where "{key}" in (select "{key}" from _come)').fetchall()[0][0]
    con.execute("drop table _gone")
    con.execute("drop table _come")
    con.unregister("_whole")
    return int(gone) + int(written)


def _table(rows: list[tuple]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table source_file (relpath varchar, sha256 varchar, size_bytes bigint, origin varchar)")
    if rows:
        con.executemany("insert into source_file values (?, ?, ?, ?)", rows)
    return con


CASES = {
    "unchanged": (BASE, BASE),
    "one changed, one new, one gone": (BASE, [BASE[0], ("b.txt", "h2x", 5, "feed"), ("d.txt", "h4", 4, None)]),
    "a null becomes a value": (BASE, [("a.txt", "h1", 1, "feed"), *BASE[1:]]),
    # the two twice cases pin parity with the EXCEPT ALL form on input the grain rules out (relpath is source_file's
    # grain, audited whole by grain_source_file): their end rows are not what sync_table's docstring promises
    "a row the table holds twice": (BASE + [BASE[0]], BASE),
    "a row the frame holds twice": (BASE, BASE + [BASE[2]]),
    "empty table": ([], BASE),
    "empty frame": (BASE, []),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_sync_by_key_leaves_what_the_except_all_form_left(case: str) -> None:
    table_rows, frame_rows = CASES[case]
    frame = pl.DataFrame(frame_rows, schema=COLUMNS, orient="row")
    ours, reference = _table(table_rows), _table(table_rows)
    assert sync_table(ours, "source_file", frame) == except_all_sync(reference, "source_file", frame, "relpath")
    query = "select * from source_file order by all"
    assert ours.execute(query).fetchall() == reference.execute(query).fetchall()
    assert not ours.execute("select * from duckdb_tables() where temporary").fetchall()
