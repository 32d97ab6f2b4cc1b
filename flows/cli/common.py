"""What every command shares: the two consoles, option types, the one-line error and the stage spinner."""
from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.markup import escape
from rich.console import Console

from flows.settings import Settings, configure_prefect_environment

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


@dataclass(frozen=True)
class Reading:
    """The options every command that reads a built database shares, as its `reading` argument."""

    settings: Settings  # with --db applied
    wait: float
    quiet: bool
    as_json: bool
    debug: bool


# name, option type, default: appended to the command's own options, in this order, by `reads_database`
_READING_OPTIONS = (("db", DbOption, None), ("wait", WaitOption, 0.0), ("quiet", QuietOption, False),
                    ("as_json", JsonOption, False), ("debug", DebugOption, False))


def reads_database(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command --db, --wait, --quiet, --json and --debug, declared once here, as one `reading` argument.

    Typer reads options off the function's signature; the wrapper shows Typer the command's own options plus
    these five, then hands the command `reading=Reading(...)`: `dyad report --db x.duckdb --json` calls
    `report(pair=None, ..., reading=Reading(settings=<db x.duckdb>, wait=0.0, quiet=False, as_json=True, ...))`.
    """
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "reading"]
    shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
              for name, kind, default in _READING_OPTIONS]

    @functools.wraps(command)
    def wrapper(**options: object) -> None:
        db = options.pop("db")
        given = {name: options.pop(name) for name, _, _ in _READING_OPTIONS[1:]}
        command(**options, reading=Reading(settings=Settings().with_overrides(db=db), **given))

    wrapper.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*own, *shared]}
    return wrapper


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
