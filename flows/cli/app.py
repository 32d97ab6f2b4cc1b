"""The dyad command: one typer app; each command group lives in its own module and only parses options."""
from __future__ import annotations

import sys

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
