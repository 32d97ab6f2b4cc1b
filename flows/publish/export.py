"""Write every report view to files (Parquet or CSV) that other tools read: one file a view, rows sorted.

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
from flows.warehouse.objects import quote_ident, quote_literal, report_views

Format = Literal["parquet", "csv"]
FORMATS: tuple[str, ...] = ("parquet", "csv")
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


def _columns(con: duckdb.DuckDBPyConnection, view: str) -> list[str]:
    cursor = con.execute(f"select * from {quote_ident(view)} limit 0")
    return [d[0] for d in cursor.description]


def formula_safe_select(con: duckdb.DuckDBPyConnection, view: str) -> str:
    """The view's rows with every text cell that a spreadsheet would run as a formula prefixed by a quote.

    OWASP's CSV-injection rule: a cell starting with = + - @ tab or carriage return gets a leading ' (so
    `=HYPERLINK(...)` shows as text); numbers stay numbers. `dyad export --raw` skips this.
    """
    cells = []
    for name, kind, *_ in con.execute(f"describe {quote_ident(view)}").fetchall():
        column = quote_ident(name)
        cells.append(f"case when regexp_matches({column}, '^[=+@\\t\\r-]') then '''' || {column} else {column} end "
                     f"as {column}" if kind == "VARCHAR" else column)
    return f"(select {', '.join(cells)} from {quote_ident(view)} order by all)"


def export_view(con: duckdb.DuckDBPyConnection, view: str, folder: Path, fmt: Format = "parquet",
                raw: bool = False) -> ExportedView:
    """Write one view into folder as one file, `<view>.parquet` or `<view>.csv`, rows sorted by every column.

    Always one file a view, whatever its size or content: a reader's command (`read_parquet('v_x.parquet')`)
    works on every export. Parquet keeps large views fast to read through its row groups and statistics.
    """
    columns = _columns(con, view)
    rows = con.execute(f"select count(*) from {quote_ident(view)}").fetchone()[0]
    source = f"(select * from {quote_ident(view)} order by all)"
    if fmt == "csv" and not raw:
        source = formula_safe_select(con, view)
    relative = f"{view}.{fmt}"
    options = "format csv, header true" if fmt == "csv" else "format parquet"
    con.execute(f"copy {source} to {quote_literal(str(folder / relative))} ({options})")
    return ExportedView(view=view, path=relative, rows=int(rows), columns=columns)


def _check_target(target: Path) -> None:
    """Refuse to replace a folder that is not a previous export: a typo must not wipe someone's files."""
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).exists():
        raise ExportError(f"{target} is not empty and holds no dyad export ({MANIFEST}); choose a new or empty folder")


def _previous_export(target: Path, fmt: str, replaced: set[str]) -> list[ExportedView]:
    """The views of an earlier export in target that an export of only some views keeps."""
    manifest_path = target / MANIFEST
    if not manifest_path.exists():
        return []
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != fmt:
        raise ExportError(f"{target} holds a {manifest.get('format')} export: pass --format {manifest.get('format')} "
                          "to update some of its views, or export every view")
    kept = []
    for entry in manifest.get("views", []):
        if entry["view"] not in replaced and (target / entry["path"]).exists():
            kept.append(ExportedView(view=entry["view"], path=entry["path"], rows=entry["rows"],
                                     columns=entry["columns"]))
    return kept


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
    """Export the report views of db into the folder `to`, replacing a previous export.

    With `views`, only those are written again: the other views of a previous export in `to` are kept.
    """
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
        kept = _previous_export(target, fmt, set(views)) if views and target.is_dir() else []
        for old in kept:
            shutil.copy2(target / old.path, staging / old.path)
        for view in views or available:
            result.views.append(export_view(con, view, staging, fmt, raw=raw))
            if on_view:
                on_view(view)
        result.views = sorted([*kept, *result.views], key=lambda v: v.view)
        manifest = {"format": fmt, "views": [asdict(v) for v in result.views]}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        con.close()
    return result
