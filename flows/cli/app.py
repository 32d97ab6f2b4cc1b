"""The dyad command: one typer app; each command group lives in its own module and only parses options."""
from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version as package_version
from typing import Annotated

import typer

from flows.cli import database, publish, query, run, server

app = typer.Typer(
    name="dyad",
    help="Turn news articles and trade statistics about two countries into a DuckDB reporting database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    epilog="Start with `dyad run`, then look with `dyad report`, `dyad sql` or `dyad export`. For a daily run: "
           "`dyad server start`, then `dyad serve --cron '0 6 * * *' --export exports`. Every command takes --help.",
)


def _version() -> str:
    try:
        return package_version("dyad")
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "unknown (not installed)"


def _print_version(value: bool) -> None:
    if value:
        import duckdb

        from flows.warehouse.connection import STORAGE_VERSION

        print(f"dyad {_version()} (DuckDB {duckdb.__version__}, database files readable by DuckDB {STORAGE_VERSION}+)")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print dyad's version and exit.")] = False,
) -> None:
    """Turn news articles and trade statistics about two countries into a DuckDB reporting database."""


app.command()(run.run)
app.command()(query.sql)
app.command()(query.quarantine)
app.command()(publish.export)
app.command()(publish.report)
app.command()(run.serve)
app.command()(database.check)
app.command()(database.docs)
app.add_typer(server.server_app, name="server")


def main() -> None:
    """Entry point for `python -m flows.cli`."""
    app()


if __name__ == "__main__":
    sys.exit(main())
