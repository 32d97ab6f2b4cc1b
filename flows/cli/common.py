"""What every command shares: the two consoles, option types, the one-line error and the stage spinner."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.markup import escape
from rich.console import Console

from flows.settings import configure_prefect_environment

def _width(stream) -> int | None:
    """None (the terminal's width) on a terminal; piped, $COLUMNS or wide enough that rows never wrap."""
    if stream.isatty():
        return None
    return int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 100_000


console = Console(stderr=True, width=_width(sys.stderr))
out = Console(width=_width(sys.stdout))


class ExportFormat(str, Enum):
    """File formats of `dyad export`."""

    parquet = "parquet"
    csv = "csv"


FormatOption = Annotated[ExportFormat, typer.Option("--format", help="parquet or csv (one file a view, rows sorted).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON (for scripts).")]
DebugOption = Annotated[bool, typer.Option(help="Show the full traceback on errors.")]
WaitOption = Annotated[float, typer.Option(help="Seconds to wait while another process holds the database.")]
SourcesOption = Annotated[Optional[Path], typer.Option("--sources", help="Folder with documents/ and tables/ (default: the bundled sources/).")]
DbOption = Annotated[Optional[Path], typer.Option("--db", help="DuckDB file to build (default: dyad.duckdb, or $DYAD_DB).")]


def check_sources(sources: Path, debug: bool) -> None:
    """Fail at once, before Prefect starts, on a sources folder dyad would find nothing in."""
    if not sources.is_dir():
        fail(f"sources folder {sources} does not exist", debug)
    if not any((sources / name).exists() for name in ("documents", "tables", "sources.toml")):
        fail(f"sources folder {sources} has neither documents/ nor tables/ (nor a sources.toml manifest): "
             "put articles in documents/ and statistics in tables/, or pass --sources with the folder that holds "
             "them", debug)


def prepare_prefect(debug: bool) -> None:
    """Prefect's environment before it is imported; its own error logs only with --debug (we print one line)."""
    if not debug:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    configure_prefect_environment()


@contextmanager
def status_line(message: str, silent: bool) -> Iterator[None]:
    """A spinner on stderr naming the stage the run is in (none for --quiet/--json or off a terminal)."""
    if silent or not console.is_terminal:
        yield
        return
    from flows.orchestrate import progress

    with console.status(message) as status, progress.listening(
            lambda name, detail: status.update(f"[bold]{name}[/] {detail}")):
        yield


def fail(message: str, debug: bool, exc: BaseException | None = None) -> NoReturn:
    """Print one red line (the traceback with --debug) and exit 1."""
    if debug and exc is not None:
        raise exc
    console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)  # messages can quote data
    raise typer.Exit(1)
