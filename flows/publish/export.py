"""Write every report view to files (Parquet or CSV) that other tools read; trade views are split by year.

An export is written into a hidden sibling folder and swapped in at the end, so readers never see half an
export and a re-export replaces the previous one cleanly. Rows are ordered by every column and DuckDB writes
with one thread, so two exports of the same database are byte-identical.
"""
from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import duckdb

from flows.warehouse import connect

Format = Literal["parquet", "csv"]
FORMATS: tuple[str, ...] = ("parquet", "csv")
PARTITION_COLUMN = "year"
MANIFEST = "_manifest.json"


class ExportError(RuntimeError):
    """The export cannot be written where it was asked to go."""


@dataclass(frozen=True)
class ExportedView:
    """One view as written: where (relative to the export folder), how many rows, how it is split."""

    view: str
    path: str
    rows: int
    columns: list[str]
    partitioned_by: str | None = None


@dataclass
class ExportResult:
    """What an export wrote."""

    directory: str
    format: str
    views: list[ExportedView] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """Rows written over all views."""
        return sum(v.rows for v in self.views)


def report_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The report views of the database (`v_*` in the main schema), in name order."""
    rows = con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'main' and table_type = 'VIEW' and table_name like 'v\\_%' escape '\\' "
        "order by table_name"
    ).fetchall()
    return [r[0] for r in rows]


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    cursor = con.execute(f"select * from {_quote_ident(view)} limit 0")
    return [d[0] for d in cursor.description]


def _partition_column(con: duckdb.DuckDBPyConnection, view: str, columns: list[str], rows: int) -> str | None:
    """`year` when the view has one that is never null; else the view is written as one file.

    An empty view or a null year would give no file or a `year=NULL` folder that readers type differently.
    """
    if PARTITION_COLUMN not in columns or rows == 0:
        return None
    nulls = con.execute(f"select count(*) from {_quote_ident(view)} where {PARTITION_COLUMN} is null").fetchone()[0]
    return None if nulls else PARTITION_COLUMN


def formula_safe_select(con: duckdb.DuckDBPyConnection, view: str) -> str:
    """The view's rows with every text cell that a spreadsheet would run as a formula prefixed by a quote.

    OWASP's CSV-injection rule: a cell starting with = + - @ tab or carriage return gets a leading ' (so
    `=HYPERLINK(...)` shows as text); numbers stay numbers. `dyad export --raw` skips this.
    """
    cells = []
    for name, kind, *_ in con.execute(f"describe {_quote_ident(view)}").fetchall():
        column = _quote_ident(name)
        cells.append(f"case when regexp_matches({column}, '^[=+@\\t\\r-]') then '''' || {column} else {column} end "
                     f"as {column}" if kind == "VARCHAR" else column)
    return f"(select {', '.join(cells)} from {_quote_ident(view)} order by all)"


def export_view(con: duckdb.DuckDBPyConnection, view: str, folder: Path, fmt: Format = "parquet",
                raw: bool = False) -> ExportedView:
    """Write one view into folder: `<view>.parquet`, `<view>/year=YYYY/*.parquet` or `<view>.csv`."""
    columns = _columns(con, view)
    rows = con.execute(f"select count(*) from {_quote_ident(view)}").fetchone()[0]
    source = f"(select * from {_quote_ident(view)} order by all)"
    if fmt == "csv" and not raw:
        source = formula_safe_select(con, view)
    partition = _partition_column(con, view, columns, rows) if fmt == "parquet" else None
    if fmt == "csv":
        relative = f"{view}.csv"
        options = "format csv, header true"
    elif partition:
        relative = view
        options = f"format parquet, partition_by ({_quote_ident(partition)}), overwrite_or_ignore true"
    else:
        relative = f"{view}.parquet"
        options = "format parquet"
    con.execute(f"copy {source} to {_quote_literal(str(folder / relative))} ({options})")
    return ExportedView(view=view, path=relative, rows=int(rows), columns=columns, partitioned_by=partition)


def _check_target(target: Path) -> None:
    """Refuse to replace a folder that is not a previous export: a typo must not wipe someone's files."""
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).exists():
        raise ExportError(f"{target} is not empty and holds no dyad export ({MANIFEST}); choose a new or empty folder")


def _swap_in(staging: Path, target: Path) -> None:
    """Replace target with staging using renames, so the folder is never half-written."""
    old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def export_views(
    db: Path,
    to: Path,
    fmt: Format = "parquet",
    *,
    views: list[str] | None = None,
    wait_seconds: float = 0.0,
    on_view: Callable[[str], None] | None = None,
    raw: bool = False,
) -> ExportResult:
    """Export the report views (all, or those named) of db into the folder `to`, replacing a previous export."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not Path(db).exists():
        raise ExportError(f"database {db} does not exist: run `dyad run` first")
    target = Path(to).resolve()
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.partial-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    result = ExportResult(directory=str(target), format=fmt)
    con = connect(Path(db), wait_seconds=wait_seconds, read_only=True)
    try:
        # One thread writes rows in the order asked for, so equal databases give equal files.
        con.execute("set threads = 1")
        available = report_views(con)
        if not available:
            raise ExportError(f"{db} has no report views (v_*): run `dyad run` first")
        unknown = sorted(set(views or []) - set(available))
        if unknown:
            raise ExportError(f"no such view: {', '.join(unknown)} (the database has {', '.join(available)})")
        for view in views or available:
            result.views.append(export_view(con, view, staging, fmt, raw=raw))
            if on_view:
                on_view(view)
        manifest = {"format": fmt, "views": [asdict(v) for v in result.views]}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        con.close()
    return result
