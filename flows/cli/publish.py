"""`dyad export` (views to Parquet/CSV files) and `dyad report` (the HTML report)."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from flows.cli.common import ExportFormat, FormatOption, Reading, console, fail, out, reads_database, status_line


@reads_database
def export(
    to: Annotated[Path, typer.Option("--to", help="Folder to write (an earlier export there is replaced; with --view only those views are).")] = Path("exports"),
    export_format: FormatOption = ExportFormat.parquet,
    views: Annotated[Optional[list[str]], typer.Option("--view", help="Only this view (repeat for more); the export's other views stay.")] = None,
    raw: Annotated[bool, typer.Option("--raw", help="CSV: write text cells as they are; by default a cell starting "
                                                    "with = + - @ tab or CR gets a leading ' so a spreadsheet "
                                                    "shows it instead of running it as a formula.")] = False,
    *,
    reading: Reading,
) -> None:
    """Write every report view to Parquet or CSV files that pyarrow, Polars, DuckDB or a spreadsheet read."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from flows.publish.export import export_views

    quiet, as_json, debug = reading.quiet, reading.as_json, reading.debug
    progress = Progress(TextColumn("exporting {task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True,
                        disable=quiet or as_json or not console.is_terminal)
    try:
        with progress:
            bar = progress.add_task("views", total=len(views) if views else None)

            def advance(view: str) -> None:
                progress.update(bar, advance=1, description=view)

            result = export_views(reading.settings.db, to, export_format.value, views=views,
                                  wait_seconds=reading.wait, on_view=advance, raw=raw)
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
        return
    if as_json:
        out.print_json(json.dumps(asdict(result), default=str))
        return
    if quiet:
        return
    table = Table(title=f"{len(result.views)} views exported to {result.directory}", title_justify="left")
    for column in ("view", "rows", "file"):
        table.add_column(column, justify="right" if column == "rows" else "left")
    for view in result.views:
        table.add_row(view.view, f"{view.rows:,}", view.path)
    out.print(table)


@reads_database
def report(
    pair: Annotated[Optional[str], typer.Option("--pair", help="The country pair, e.g. AZE-BLR (default: the pair with most documents).")] = None,
    all_pairs: Annotated[bool, typer.Option("--all", help="An index page, a page per pair and a partners page per multi-partner reporter, into --out (a folder).")] = False,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="The HTML file (default report.html), or the folder with --all (default report/).")] = None,
    *,
    reading: Reading,
) -> None:
    """Write the HTML report of a country pair: timeline, trade, composition, top products, claims, people."""
    quiet, as_json, debug = reading.quiet, reading.as_json, reading.debug
    if all_pairs and pair:
        fail("--pair and --all exclude each other: --all writes every pair", debug)
    try:
        with status_line("building the report", quiet or as_json):
            from flows.publish.report import build_all, build_report

            if all_pairs:
                result = build_all(reading.settings.db, out_path or Path("report"), wait_seconds=reading.wait)
            else:
                result = build_report(reading.settings.db, out_path or Path("report.html"), pair=pair,
                                      wait_seconds=reading.wait)
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)
    if as_json:
        out.print_json(json.dumps(asdict(result), default=str))
    elif not quiet and all_pairs:
        out.print(f"wrote {result.path} and {len(result.pages) - 1} pages ({result.bytes / 1e6:.1f} MB, open offline): "
                  f"{result.sections['pairs']} pairs, {result.sections['partner_pages']} partners pages", soft_wrap=True)
    elif not quiet:
        out.print(f"wrote {result.path} for {result.pair} ({result.bytes / 1e6:.1f} MB, opens offline; other pairs: "
                  "--pair, or --all for every one)", soft_wrap=True)
