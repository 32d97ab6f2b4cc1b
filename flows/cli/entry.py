"""The `dyad` command's entry point: a `dyad run` goes to the warm runner when one can take it (flows.cli.warm_client),
before Typer, Rich or Prefect are imported; everything else is the Typer app (flows.cli.app)."""
from __future__ import annotations

import sys


def main() -> None:
    """`dyad ...`: the console script and `python -m flows.cli`."""
    if len(sys.argv) > 1 and sys.argv[1] == "run":
        from flows.cli.warm_client import handed_over

        code = handed_over(sys.argv)
        if code is not None:
            sys.exit(code)
    from flows.cli.app import app

    app()
