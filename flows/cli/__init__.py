"""The `dyad` command: typer commands (app), the SQL shell and terminal output. Nothing below imports it."""
from flows.cli.app import app

__all__ = ["app"]
