"""The `dyad` command: typer commands (app), the SQL shell and terminal output. Nothing below imports it.

`app` is imported on first use, so the entry point (flows.cli.entry) can hand a run to the warm runner without
importing Typer."""


def __getattr__(name: str):
    if name == "app":
        from flows.cli.app import app

        return app
    raise AttributeError(f"module 'flows.cli' has no attribute {name!r}")


__all__ = ["app"]
